"""Writes and deliveries of notifications: preferences, immediate messages, daily digests.

Delivery failures never undo the reminder (it stays in the app, unread): a mail server or an SMS
relay that is down is logged in English and retried by the next digest.
"""

from __future__ import annotations

import logging
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from theodoi.accounts.permissions import require
from theodoi.accounts.selectors import speaking_to
from theodoi.accounts.services import language_set
from theodoi.core import audit
from theodoi.notifications.gateways import GatewayError, configured_gateway
from theodoi.notifications.models import EmailMode, NotificationPreference
from theodoi.notifications.selectors import due_reports, preference_for, units_followed
from theodoi.reporting.i18n import period_name
from theodoi.reporting.models import Reminder

log = logging.getLogger(__name__)
DIGEST_AHEAD_DAYS = 7
MESSAGE_MAX_CHARS = 320  # two SMS segments of Vietnamese without diacritics; chat apps take more


class PreferenceError(ValueError):
    """A setting the person chose cannot work; ``message_vi`` says why."""

    def __init__(self, message_vi: str) -> None:
        super().__init__(message_vi)
        self.message_vi = message_vi


def preference_update(*, user: Any, email_mode: str, message_enabled: bool, message_address: str,
                      language: str | None = None) -> NotificationPreference:
    """Save a person's own choice; a message channel needs an address to send to. ``language``
    (None: unchanged) is the language of the e-mails and messages, kept on the account
    (``accounts.services.language_set``) because reporting writes reminders in it."""
    require(getattr(user, "is_authenticated", False))
    if email_mode not in EmailMode.values:
        raise PreferenceError(_("Cách nhận thư điện tử không hợp lệ."))
    if language is not None and language not in {code for code, _name in settings.LANGUAGES}:
        raise PreferenceError(_("Ngôn ngữ không hợp lệ."))
    address = message_address.strip()
    if message_enabled and not address:
        raise PreferenceError(_("Cần nhập số điện thoại hoặc tài khoản nhận tin để bật tin nhắn."))
    if email_mode != EmailMode.OFF and not user.email:
        raise PreferenceError(_("Tài khoản chưa có địa chỉ thư điện tử; hãy chọn «Không gửi thư điện tử» "
                                "hoặc nhờ quản trị bổ sung địa chỉ."))
    fields = ["email_mode", "message_enabled", "message_address"]
    with transaction.atomic():
        pref, created = NotificationPreference.objects.select_for_update().get_or_create(user=user)
        before = None if created else audit.snapshot(pref, fields)
        pref.email_mode, pref.message_enabled, pref.message_address = email_mode, message_enabled, address
        pref.save(update_fields=fields)
        audit.record(actor=user, action="preference.update", subject=pref, before=before,
                     after=audit.snapshot(pref, fields))
        if language is not None:
            language_set(user=user, language=language)
    log.info("notification preference of user %s: email=%s message=%s", user.pk, email_mode, message_enabled)
    return pref


def _send_message(address: str, text: str) -> bool:
    gateway = configured_gateway()
    if gateway is None:
        return False
    try:
        gateway.send(to=address, text=text[:MESSAGE_MAX_CHARS])
    except GatewayError as exc:
        log.warning("message gateway failed for %s: %s", address, exc)
        return False
    return True


def reminder_deliver(reminder: Reminder) -> None:
    """A new reminder: e-mail it at once or leave it for the digest; send a short message when
    the person asked for one."""
    user = reminder.user
    pref = preference_for(user)
    if pref.message_enabled and pref.message_address:
        _send_message(pref.message_address, reminder.message)
    if pref.email_mode != EmailMode.IMMEDIATE or not user.email:
        return
    try:
        send_mail(subject=f"[theodoi] {reminder.message[:90]}", message=reminder.message + "\n\n— theodoi",
                  from_email=settings.DEFAULT_FROM_EMAIL, recipient_list=[user.email])
    except OSError as exc:  # SMTP down: the next digest run picks the reminder up
        log.warning("reminder %s: e-mail to user %s failed: %s", reminder.pk, user.pk, exc)
        return
    Reminder.objects.filter(pk=reminder.pk).update(emailed=True)


def digest_text(user: Any, today: date) -> tuple[str, str, list[int]] | None:
    """Subject, body and the reminders it covers, in the active language (``digests_send`` makes
    it the reader's); None when there is nothing to tell. The reminders' own text was written in
    the reader's language when they were made (reporting's ``_notify``)."""
    pending = list(Reminder.objects.filter(user=user, emailed=False, read_at=None).order_by("created_at"))
    due = [d for d in due_reports(units_followed(user), today, today + timedelta(days=DIGEST_AHEAD_DAYS))
           if not d.is_submitted]
    if not pending and not due:
        return None
    lines = []
    if pending:
        lines.append(_("Thông báo mới:"))
        lines += [f"- {r.message}" for r in pending]
        lines.append("")
    if due:
        lines.append(_("Báo cáo đến hạn trong %(days)s ngày tới:") % {"days": DIGEST_AHEAD_DAYS})
        lines += [f"- {d.due:%d/%m/%Y}: {period_name(d.period)} — {d.unit.name}"
                  + (f" ({d.status_label})" if d.status else "") for d in due]
    subject = _("[theodoi] Tóm tắt ngày %(day)s: %(reminders)s, %(due)s") % {
        "day": f"{today:%d/%m/%Y}",
        "reminders": ngettext("%(n)s thông báo", "%(n)s thông báo", len(pending)) % {"n": len(pending)},
        "due": ngettext("%(n)s báo cáo đến hạn", "%(n)s báo cáo đến hạn", len(due)) % {"n": len(due)},
    }
    return subject, "\n".join(lines) + "\n\n— theodoi", [r.pk for r in pending]


def digests_send(*, today: date | None = None) -> int:
    """One e-mail per person who chose the daily digest, at most once a day; returns how many."""
    today = today or timezone.localdate()
    sent = 0
    prefs = NotificationPreference.objects.filter(email_mode=EmailMode.DIGEST).select_related("user")
    for pref in prefs.exclude(last_digest_on=today):
        user = pref.user
        if not user.is_active or not user.email:
            continue
        with speaking_to(user):
            digest = digest_text(user, today)
        if digest is None:
            continue
        subject, body, reminder_ids = digest
        try:
            send_mail(subject=subject, message=body, from_email=settings.DEFAULT_FROM_EMAIL, recipient_list=[user.email])
        except OSError as exc:
            log.warning("digest for user %s failed: %s", user.pk, exc)
            continue
        with transaction.atomic():
            Reminder.objects.filter(pk__in=reminder_ids).update(emailed=True)
            NotificationPreference.objects.filter(pk=pref.pk).update(last_digest_on=today)
        sent += 1
    log.info("digests sent: %s", sent)
    return sent
