"""Events that reporting sends to the apps above it.

Reporting decides *that* someone must be told (a deadline is near, a form waits for approval);
how the message reaches them (e-mail now, a daily digest, SMS or chat) is the notifications
app's business. The signal keeps reporting from importing it.
"""

from django.dispatch import Signal

# Sent once for each new in-app reminder, after it is saved: kwargs ``reminder``.
reminder_created = Signal()
