"""Reminders to reporters before and after a deadline and to agency heads with a form waiting."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from theodoi.accounts.models import Membership, OrgUnit, Role
from theodoi.accounts.permissions import (
    require,
)
from theodoi.accounts.selectors import speaking_to
from theodoi.core import audit as core_audit
from theodoi.reporting.i18n import period_name
from theodoi.reporting.models import (
    FormStatus,
    Reminder,
    ReportForm,
    ReportingDuty,
    ReportingRegime,
)
from theodoi.reporting.rules import periods_due_between
from theodoi.reporting.signals import reminder_created

# -- reminders --------------------------------------------------------------------------------------
REMIND_BEFORE_DAYS = (3, 1, 0)
REMIND_AFTER_DAYS = (1, 3, 7)


Message = Callable[[], str]  # writes the text in the active language; called once per recipient


def _notify_reporters(form: ReportForm, *, kind: str, key: str, message: Message) -> int:
    return _notify(form.unit, form=form, kind=kind, key=key, message=message)


def _notify(
    unit: OrgUnit, *, form: ReportForm | None, kind: str, key: str, message: Message, role: str = Role.REPORTER
) -> int:
    """One in-app reminder per person of ``role`` in ``unit`` (idempotent by ``key``); the
    notifications app delivers each new one by the channels that person chose.

    The text is written in each recipient's language (``accounts.selectors.language_of``) and kept
    so: the in-app list, the e-mail, the digest and the short message all read the stored text,
    and a reminder is evidence of what the unit was told."""
    users = [m.user for m in Membership.objects.filter(unit=unit, role=role).select_related("user")]
    sent = 0
    for u in users:
        key_u = f"{key}:{u.pk}"[:120]
        if Reminder.objects.filter(key=key_u).exists():
            continue
        with speaking_to(u):
            text = message()
        reminder, created = Reminder.objects.get_or_create(
            key=key_u, defaults={"user": u, "form": form, "kind": kind, "message": text}
        )
        if not created:
            continue
        reminder_created.send(sender=Reminder, reminder=reminder)
        sent += 1
    return sent


def reminders_send(*, today: date | None = None) -> int:
    """In-app and e-mail reminders before a deadline (3, 1, 0 days) and after it (1, 3, 7 days) to units
    that have not submitted. A unit gets one message per kind and day listing every report concerned
    (the monthly and the quarterly report often share a deadline), and the job can run twice a day."""
    today = today or timezone.localdate()
    sent = 0
    for regime in ReportingRegime.objects.all():
        rule = regime.rule
        unit_ids = set(ReportingDuty.objects.filter(regime=regime).values_list("unit_id", flat=True))
        window_start = today - timedelta(days=max(REMIND_AFTER_DAYS))
        window_end = today + timedelta(days=max(REMIND_BEFORE_DAYS))
        todo: dict[tuple[int, str], list[tuple[Any, date]]] = {}
        for period in periods_due_between(rule, window_start, window_end):
            due = rule.unit_due(period)
            delta = (due - today).days
            if delta >= 0 and delta in REMIND_BEFORE_DAYS:
                kind = "due_today" if delta == 0 else "before_due"
            elif delta < 0 and -delta in REMIND_AFTER_DAYS:
                kind = "overdue"
            else:
                continue
            submitted = set(
                ReportForm.objects.filter(regime=regime, period_key=period.key, submitted_at__isnull=False)
                .values_list("unit_id", flat=True)
            )
            for unit_id in unit_ids - submitted:
                todo.setdefault((unit_id, kind), []).append((period, due))
        units = OrgUnit.objects.in_bulk({u for u, _kind in todo})
        for (unit_id, kind), items in sorted(todo.items()):
            unit = units[unit_id]
            form = ReportForm.objects.filter(regime=regime, unit=unit, period_key=items[0][0].key).first()
            sent += _notify(unit, form=form, kind=kind, message=_deadline_message(kind, unit, items, today),
                            key=f"{kind}:{regime.pk}:{unit.pk}:{today.isoformat()}")
    return sent + _remind_approvers(today)


def _deadline_message(kind: str, unit: OrgUnit, items: list[tuple[Any, date]], today: date) -> Message:
    """The text of a deadline reminder, written later in each recipient's language."""
    due = items[0][1]
    delta = (due - today).days

    def write() -> str:
        values = {"reports": ", ".join(period_name(p) for p, _due in items), "unit": unit.name,
                  "when": f"{due:%d/%m/%Y}", "days": abs(delta)}
        if kind == "before_due":
            return _("Nhắc: báo cáo %(reports)s của %(unit)s phải gửi trước hạn %(when)s (còn %(days)s ngày).") % values
        if kind == "due_today":
            return _("Hôm nay (%(when)s) là hạn gửi báo cáo %(reports)s của %(unit)s.") % values
        return _("Báo cáo %(reports)s của %(unit)s đã quá hạn %(days)s ngày (hạn %(when)s), đề nghị gửi ngay.") % values

    return write


def _remind_approvers(today: date) -> int:
    """Agency heads with a report submitted more than a day ago and not yet approved, once a day."""
    sent = 0
    cutoff = timezone.make_aware(datetime.combine(today - timedelta(days=1), datetime.min.time()))
    waiting = ReportForm.objects.filter(status=FormStatus.SUBMITTED, submitted_at__lt=cutoff).select_related("unit")
    for form in waiting:
        def message(form: ReportForm = form) -> str:
            return _("Báo cáo %(report)s của %(unit)s đã gửi lúc %(at)s, đang chờ lãnh đạo đơn vị phê duyệt.") % {
                "report": period_name(form.period), "unit": form.unit.name,
                "at": f"{timezone.localtime(form.submitted_at):%H:%M %d/%m/%Y}"}

        sent += _notify(form.unit, form=form, kind="awaiting_approval", message=message, role=Role.APPROVER,
                        key=f"awaiting_approval:{form.pk}:{today.isoformat()}")
    return sent


def reminder_mark_read(*, user: Any, reminder: Reminder) -> None:
    """The person has read their own reminder (the bell's count goes down); recorded, since a
    reminder read is the proof the unit was told."""
    require(reminder.user_id is not None and reminder.user_id == getattr(user, "pk", None))
    if reminder.read_at is None:
        with transaction.atomic():
            reminder.read_at = timezone.now()
            reminder.save(update_fields=["read_at"])
            core_audit.record(actor=user, action="reminder.read", subject=reminder, before={"read_at": None},
                         after={"read_at": reminder.read_at})
