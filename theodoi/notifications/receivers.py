"""Signal handlers: reporting says a reminder exists, notifications delivers it."""

from __future__ import annotations

from typing import Any

from django.dispatch import receiver

from theodoi.reporting.signals import reminder_created


@receiver(reminder_created, dispatch_uid="notifications.reminder_deliver")
def _deliver(sender: Any, reminder: Any, **kwargs: Any) -> None:
    """Delivered at once, as reporting always did: the daily reminder job creates reminders in
    autocommit mode, so each is already saved when it is sent."""
    from theodoi.notifications.services import reminder_deliver

    reminder_deliver(reminder)
