"""Tasks by the Government Office's four states, and the agency × period timeliness heatmap."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db.models import Q
from django.utils import timezone

from theodoi.accounts.models import OrgUnit
from theodoi.accounts.permissions import can_read_all
from theodoi.evaluation import summaries
from theodoi.plans.models import PublishStatus, Task
from theodoi.reporting import task_states


# -- tasks by the four states ------------------------------------------------------------------------
@dataclass
class TaskGroup:
    unit: OrgUnit
    summary: summaries.TaskSummary


def task_summary(*, user: Any, public: bool, today: date | None = None, unit: OrgUnit | None = None) -> tuple[
    summaries.TaskSummary, list[TaskGroup]
]:
    """Tasks by the Government Office's four states, overall and per lead agency, as of the day the
    rest of the dashboard speaks of (for a past year's dataset, the end of its latest round).

    A task is done when its `done_at` says so or when its lead agency last reported it done (the
    consolidated report reads the same reports, so both give the same counts)."""
    today = today or _reporting_today()
    qs = Task.objects.select_related("assignment")
    if public or not can_read_all(user):
        qs = qs.filter(assignment__status=PublishStatus.PUBLISHED, assignment__plan__status=PublishStatus.PUBLISHED)
    if unit is not None:
        qs = qs.filter(Q(assignment__lead_units=unit) | Q(assignment__partner_units=unit)).distinct()
    tasks = list(qs.prefetch_related("assignment__lead_units"))
    done = task_states.reported_done([t.pk for t in tasks], as_of=today)
    states = {t.pk: done.get(t.pk) or summaries.task_state(t.deadline, t.done_at, today) for t in tasks}
    overall = summaries.summarize_task_states([(t.deadline, states[t.pk]) for t in tasks], today)
    by_lead: dict[int, list[tuple[date | None, str]]] = {}
    units: dict[int, OrgUnit] = {}
    for task in tasks:
        for lead in task.assignment.lead_units.all():
            units[lead.pk] = lead
            by_lead.setdefault(lead.pk, []).append((task.deadline, states[task.pk]))
    groups = [TaskGroup(units[pk], summaries.summarize_task_states(pairs, today)) for pk, pairs in by_lead.items()]
    groups.sort(key=lambda g: (-g.summary.counts[summaries.NOT_DONE_OVERDUE], g.unit.name))
    return overall, groups


# -- timeliness heatmap --------------------------------------------------------------------------------
TIMELINESS_SCORE = {"on_time": 2, "late": 1, "missing": 0, "not_due": -1}


def timeliness_heatmap(
    *, user: Any, today: date | None = None, periods: int = 6
) -> tuple[dict[str, Any], list[tuple[OrgUnit, summaries.TimelinessSummary | None]]] | None:
    """Agency × period timeliness from the reporting app: the chart's JSON and per-agency sentences
    (None when there is no regime or the caller may not see it)."""
    if not can_read_all(user):
        return None
    try:
        from theodoi.reporting import selectors as reporting_selectors
        from theodoi.reporting.i18n import period_name
        from theodoi.reporting.models import ReportingRegime
    except ImportError:  # pragma: no cover - the reporting app is always installed
        return None
    regime = ReportingRegime.objects.order_by("pk").first()
    if regime is None:
        return None
    today = today or _reporting_today()
    recent = reporting_selectors.recent_periods(regime, today, count=periods)
    table = reporting_selectors.timeliness_table(user=user, regime=regime, periods=recent, today=today)
    if not table:
        return None
    data = []
    for y, (_unit, cells) in enumerate(table):
        for x, cell in enumerate(cells):
            data.append([x, y, TIMELINESS_SCORE.get(cell.state, -1), cell.label])
    counts = summaries.summarize_timeliness(
        [c for _u, cells in table for c in cells],
        key=lambda c: c.unit.pk,
        due_on=lambda c: c.due,
        submitted_on=lambda c: timezone.localtime(c.form.submitted_at).date() if c.form and c.form.submitted_at else None,
        today=today,
    )
    return {
        "regime": regime.name,
        "periods": [period_name(p) for p in recent],  # in the page's language
        "units": [u.short_name or u.name for u, _ in table],
        "unit_codes": [u.code for u, _ in table],
        "data": data,
    }, [(u, counts.get(u.pk)) for u, _ in table]


def _reporting_today() -> date:
    """Today, or for a dataset of a past year (the 2021 demo) the end of its latest reporting round."""
    from theodoi.evaluation.services import rounds_as_of

    today = timezone.localdate()
    rounds = rounds_as_of(today=today)
    if not rounds:
        return today
    latest = max(rounds.values())
    # The day after the latest round's period: its deadline has passed, the next one's has not.
    return today if latest.year >= today.year else latest + timedelta(days=1)
