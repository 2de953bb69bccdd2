"""Reads for notifications: who wants what, and which reports fall due when."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from theodoi.accounts.models import OrgUnit, Role
from theodoi.accounts.permissions import can_read_all, unit_ids_with_role
from theodoi.notifications.models import EmailMode, NotificationPreference
from theodoi.reporting.models import FormStatus, ReportForm, ReportingDuty, ReportingRegime
from theodoi.reporting.periods import Period
from theodoi.reporting.rules import periods_due_between


def preference_for(user: Any) -> NotificationPreference:
    """The saved choice, or the defaults (unsaved) for someone who never opened the settings."""
    found = NotificationPreference.objects.filter(user=user).first()
    return found or NotificationPreference(user=user, email_mode=EmailMode.IMMEDIATE)


def units_followed(user: Any) -> list[OrgUnit]:
    """Units whose deadlines a person follows: their own (reporter, approver), or every unit
    with a reporting duty for those who read everything (planners, provincial leaders)."""
    if can_read_all(user):
        ids = set(ReportingDuty.objects.values_list("unit_id", flat=True))
    else:
        ids = unit_ids_with_role(user, Role.REPORTER, Role.APPROVER)
    return list(OrgUnit.objects.filter(pk__in=ids).order_by("name"))


@dataclass(frozen=True)
class DueReport:
    """One report a unit owes: which period, by when, and how far it has got."""

    unit: OrgUnit
    regime: ReportingRegime
    period: Period
    due: date
    status: str  # a FormStatus value, or "" when the form was never opened
    form_id: int | None

    @property
    def is_submitted(self) -> bool:
        return self.status not in ("", FormStatus.DRAFT, FormStatus.RETURNED)

    @property
    def status_label(self) -> str:
        return str(FormStatus(self.status).label) if self.status else ""

    @property
    def uid(self) -> str:
        return f"{self.regime.pk}-{self.unit.pk}-{self.period.key}@theodoi"


def due_reports(units: Iterable[OrgUnit], start: date, end: date) -> list[DueReport]:
    """Every report the units owe with a deadline in [start, end], earliest first.

    One query for duties, one per regime for the forms: a province has a handful of regimes."""
    by_id = {u.pk: u for u in units}
    if not by_id:
        return []
    duties = ReportingDuty.objects.filter(unit_id__in=by_id).values_list("regime_id", "unit_id").distinct()
    units_of: dict[int, set[int]] = {}
    for regime_id, unit_id in duties:
        units_of.setdefault(regime_id, set()).add(unit_id)
    out: list[DueReport] = []
    for regime in ReportingRegime.objects.filter(pk__in=units_of):
        rule = regime.rule
        periods = periods_due_between(rule, start, end)
        if not periods:
            continue
        forms = {
            (f.unit_id, f.period_key): f
            for f in ReportForm.objects.filter(regime=regime, unit_id__in=units_of[regime.pk],
                                               period_key__in=[p.key for p in periods]).only(
                "pk", "unit_id", "period_key", "status")
        }
        for period in periods:
            for unit_id in sorted(units_of[regime.pk]):
                form = forms.get((unit_id, period.key))
                out.append(DueReport(by_id[unit_id], regime, period, rule.unit_due(period),
                                     form.status if form else "", form.pk if form else None))
    return sorted(out, key=lambda d: (d.due, d.unit.name, d.period.key))
