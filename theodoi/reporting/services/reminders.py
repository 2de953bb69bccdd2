"""Reminders to reporters before and after a deadline and to agency heads with a form waiting."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from theodoi.accounts.models import Membership, OrgUnit, Role
from theodoi.accounts.permissions import (
    require,
)
from theodoi.core import audit as core_audit
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


def _notify_reporters(form: ReportForm, *, kind: str, key: str, message: str) -> int:
    return _notify(form.unit, form=form, kind=kind, key=key, message=message)


def _notify(
    unit: OrgUnit, *, form: ReportForm | None, kind: str, key: str, message: str, role: str = Role.REPORTER
) -> int:
    """One in-app reminder per person of ``role`` in ``unit`` (idempotent by ``key``); the
    notifications app delivers each new one by the channels that person chose."""
    users = [m.user for m in Membership.objects.filter(unit=unit, role=role).select_related("user")]
    sent = 0
    for u in users:
        reminder, created = Reminder.objects.get_or_create(
            key=f"{key}:{u.pk}"[:120], defaults={"user": u, "form": form, "kind": kind, "message": message}
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
        units = OrgUnit.objects.in_bulk({u for u, _ in todo})
        for (unit_id, kind), items in sorted(todo.items()):
            unit = units[unit_id]
            labels = ", ".join(p.label for p, _ in items)
            due = items[0][1]
            delta = (due - today).days
            when = f"{due:%d/%m/%Y}"
            message = {
                "before_due": f"Nhắc: báo cáo {labels} của {unit.name} phải gửi trước hạn {when} (còn {delta} ngày).",
                "due_today": f"Hôm nay ({when}) là hạn gửi báo cáo {labels} của {unit.name}.",
                "overdue": f"Báo cáo {labels} của {unit.name} đã quá hạn {-delta} ngày (hạn {when}), đề nghị gửi ngay.",
            }[kind]
            form = ReportForm.objects.filter(regime=regime, unit=unit, period_key=items[0][0].key).first()
            sent += _notify(unit, form=form, kind=kind, message=message,
                            key=f"{kind}:{regime.pk}:{unit.pk}:{today.isoformat()}")
    return sent + _remind_approvers(today)


def _remind_approvers(today: date) -> int:
    """Agency heads with a report submitted more than a day ago and not yet approved, once a day."""
    sent = 0
    cutoff = timezone.make_aware(datetime.combine(today - timedelta(days=1), datetime.min.time()))
    waiting = ReportForm.objects.filter(status=FormStatus.SUBMITTED, submitted_at__lt=cutoff).select_related("unit")
    for form in waiting:
        message = (f"Báo cáo {form.period.label} của {form.unit.name} đã gửi lúc "
                   f"{timezone.localtime(form.submitted_at):%H:%M %d/%m/%Y}, đang chờ lãnh đạo đơn vị phê duyệt.")
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
