"""Demo reports: the seed regime on the 2021 plan and January-June 2021 of INVENTED progress figures.

The figures are made up (plausible shares of each target, with noise), never real statistics.
Every agency with a duty reports each month, quarter and half-year up to June (the timeliness chart
of a province that mostly reports on time); forms are left in every state: accepted, approved,
submitted, a few late and a few missing.
Idempotent: an existing form is left alone.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from theodoi.accounts.models import Membership, Role
from theodoi.plans.models import Measure, Plan, TaskState
from theodoi.reporting import audit
from theodoi.reporting.models import (
    FormStatus,
    ReportForm,
    ReportingDuty,
    ReportValue,
    TaskReport,
    value_snapshot,
)
from theodoi.reporting.periods import Period, PeriodKind
from theodoi.reporting.services import duties_from_plan, regime_ensure_seed

MONTHS = range(1, 7)


def _plan() -> Plan | None:
    # pk breaks ties: the province's plan comes before the district plans the demo adds later
    qs = Plan.objects.filter(targets__responsible_unit__isnull=False).distinct().order_by("-year_start", "kind", "pk")
    return qs.filter(year_start=2021, year_end=2021).first() or qs.filter(year_start__lte=2021).first() or qs.first()


def _at(day: Any, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, 17)))


def _invented(target: Any, month: int, rng: random.Random) -> Decimal:
    """A made-up year-to-date figure: flows grow with the months, stocks and rates drift near the target."""
    goal = float(target.value or 0) or 100.0
    # Most agencies keep pace, a few fall behind: the spread gives the demo every in-year status.
    if target.indicator.measure == Measure.FLOW:
        # A year-to-date total never falls: each target keeps its own pace, with a little monthly noise
        # (smaller than one month's growth).
        pace = random.Random(target.pk).uniform(0.84, 1.16)
        figure = goal * month / 12 * pace * rng.uniform(0.98, 1.02)
    else:
        better = rng.uniform(0.94, 1.05)
        figure = goal * (2 - better if target.indicator.direction == "lower" else better)
    percent = "%" in (target.unit or "")
    if percent and not target.indicator.allows_over_100:
        figure = min(figure, 99.5)
    money = any(word in (target.unit or "") for word in ("đồng", "USD", "triệu", "nghìn", "ha", "tấn"))
    if not percent and not money and float(goal).is_integer() and goal < 100_000:
        return Decimal(round(figure))  # communes, products, members: whole things
    return Decimal(str(round(figure, 1 if abs(figure) < 1000 else 0)))


def _person(unit: Any, role: str) -> Any:
    m = Membership.objects.filter(unit=unit, role=role).select_related("user").first()
    return m.user if m else None


def _planner() -> Any:
    m = Membership.objects.filter(role=Role.PLANNER).select_related("user").first()
    return m.user if m else None


def load_demo_reports() -> int:
    """Create the demo regime, duties and forms; returns the number of forms created."""
    plan = _plan()
    if plan is None:
        return 0
    regime = regime_ensure_seed()
    duties_from_plan(user=None, regime=regime, plan=plan)
    rule = regime.rule
    units = sorted({d.unit for d in ReportingDuty.objects.filter(regime=regime, target__isnull=False)},
                   key=lambda u: u.name)
    if not units:
        return 0
    planner = _planner()
    made = 0
    for period, month in _demo_periods():
        due = rule.unit_due(period)
        for n, unit in enumerate(units):
            status, late = _demo_state(n, len(units), month, quarterly=period.kind is not PeriodKind.MONTHLY)
            if status is None or ReportForm.objects.filter(regime=regime, unit=unit, period_key=period.key).exists():
                continue
            # A quarter's or a half-year's form repeats the figures of its last month's (same draws).
            _make_form(regime, unit, period, due, status, late, planner, seed=month * 1000 + unit.pk, month=month)
            made += 1
    made += _task_only_forms(regime, set(units), planner)
    return made


def _demo_periods() -> list[tuple[Period, int]]:
    """January-June, the first two quarters and the first half of 2021, each with its last month."""
    months = [(Period(PeriodKind.MONTHLY, 2021, m), m) for m in MONTHS]
    longer = [(Period(PeriodKind.QUARTERLY, 2021, 1), 3), (Period(PeriodKind.QUARTERLY, 2021, 2), 6),
              (Period(PeriodKind.SEMIANNUAL, 2021, 1), 6)]
    return months + longer


def _demo_state(n: int, count: int, month: int, *, quarterly: bool = False) -> tuple[str | None, bool]:
    """(status, sent late) of the n-th reporting unit's form for a period ending in `month`; status
    None = not sent. June is the live round: the last unit has not reported, the first sent late,
    the others are at every step of review; earlier rounds are accepted."""
    last = MONTHS[-1]
    if month == last and n == count - 1:
        return None, False
    if month == last:
        return [FormStatus.SUBMITTED, FormStatus.APPROVED, FormStatus.ACCEPTED][n % 3], n == 0
    if month == last - 1 and n % 4 == 1 and not quarterly:
        return FormStatus.APPROVED, False
    return FormStatus.ACCEPTED, False


def _task_only_forms(regime: Any, done: set[Any], planner: Any) -> int:
    """Forms of the agencies that report on tasks only (no target of theirs): they report like the
    others, so the timeliness chart shows a province where most agencies send on time. One of them
    sends each round two days late; every third one has not yet sent June's."""
    units = sorted({d.unit for d in ReportingDuty.objects.filter(regime=regime)} - done, key=lambda u: u.name)
    made = 0
    for period, month in _demo_periods():
        due = regime.rule.unit_due(period)
        for n, unit in enumerate(units):
            if month == MONTHS[-1] and n % 3 == 2:
                continue
            if ReportForm.objects.filter(regime=regime, unit=unit, period_key=period.key).exists():
                continue
            status = FormStatus.SUBMITTED if month == MONTHS[-1] else FormStatus.ACCEPTED
            _make_form(regime, unit, period, due, status, n == 0 and month % 2 == 0, planner,
                       seed=month * 1000 + unit.pk, month=month)
            made += 1
    return made


def _demo_task_state(task: Any, month: int, *, partner: bool) -> tuple[str, str]:
    """(state, note) a task's report gives for a period ending in `month`: about a quarter of the
    year's tasks are finished in some month of the first half and stay finished; of the tasks due
    by 30 June, those at an even position of their block are finished in June and the others are
    still under way, so they turn overdue when the half-year ends. Partners report their contribution, never a state."""
    if partner:
        return TaskState.IN_PROGRESS, f"Đã phối hợp cung cấp thông tin (số liệu minh họa, tháng {month}/2021)."
    rng = random.Random(task.pk * 7919)
    finished = rng.choice([2, 3, 4, 5, 6]) if rng.random() < 0.25 else None
    if task.deadline is not None and task.deadline <= date(2021, 6, 30):
        finished = MONTHS[-1] if task.position % 2 == 0 else None
    if finished is not None and month >= finished:
        return TaskState.DONE_ON_TIME, f"Đã hoàn thành trong tháng {finished}/2021 (số liệu minh họa)."
    return TaskState.IN_PROGRESS, f"Đang triển khai theo kế hoạch (số liệu minh họa, tháng {month}/2021)."


@transaction.atomic
def _make_form(regime: Any, unit: Any, period: Period, due: Any, status: str, late: bool, planner: Any,
               *, seed: int, month: int) -> None:
    rng = random.Random(seed)
    reporter, head = _person(unit, Role.REPORTER), _person(unit, Role.APPROVER)
    submitted = _at(due + timedelta(days=3) if late else due - timedelta(days=rng.randint(0, 4)), 9 + rng.randint(0, 7))
    approved = submitted + timedelta(hours=rng.randint(2, 30))
    accepted = approved + timedelta(hours=rng.randint(3, 48))
    form = ReportForm.objects.create(
        regime=regime, unit=unit, period_key=period.key, status=status, version=3,
        submitted_at=submitted, submitted_by=reporter,
        approved_at=approved if status in (FormStatus.APPROVED, FormStatus.ACCEPTED) else None,
        approved_by=head if status in (FormStatus.APPROVED, FormStatus.ACCEPTED) else None,
        accepted_at=accepted if status == FormStatus.ACCEPTED else None,
        accepted_by=planner if status == FormStatus.ACCEPTED else None,
    )
    steps = [("save", reporter, submitted - timedelta(hours=2)), ("submit", reporter, submitted)]
    if form.approved_at:
        steps.append(("approve", head, approved))
    if form.accepted_at:
        steps.append(("accept", planner, accepted))
    duties = ReportingDuty.objects.filter(regime=regime, unit=unit).select_related("target__indicator", "task")
    values = []
    for duty in duties:
        if duty.target is not None:
            values.append(ReportValue.objects.create(form=form, target=duty.target,
                                                     value=_invented(duty.target, month, rng)))
        if duty.task is not None:
            state, note = _demo_task_state(duty.task, month, partner=duty.is_partner)
            TaskReport.objects.create(form=form, task=duty.task, is_partner=duty.is_partner, state=state, note=note)
    # The invented history is dated when written: audit rows cannot be updated afterwards (triggers).
    for action, user, at in steps:
        before: dict[str, Any] = {"status": "draft"} if action != "save" else {"value": None, "estimate": None, "comment": ""}
        audit.record_versions(
            form.pk,
            [audit.NewVersion(v.pk, action, before, value_snapshot(v) if action == "save" else None, at) for v in values],
            user_id=user.pk if user else None,
        )
    for action, user, at in [("create", reporter, submitted - timedelta(days=2)), *steps]:
        audit.record_audit(form_id=form.pk, user_id=user.pk if user else None, action=action,
                           note="Dữ liệu minh họa", at=at)
