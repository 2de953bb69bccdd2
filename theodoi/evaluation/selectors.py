"""Reads for the dashboards and the API: stored statuses, summaries, tasks, timeliness, drill-downs.

Who sees what (accounts/permissions.py): planners, admins and leaders read the internal statuses
(every submitted value); a unit's staff read their own unit's internal statuses; everyone else,
and the public dashboard for everyone, reads the public statuses (accepted values only) of
published targets.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.core.cache import cache
from django.db import connection
from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext

from theodoi.accounts.models import OrgUnit, Role, UnitKind
from theodoi.accounts.permissions import can_read_all, can_see_unit_drafts, unit_ids_with_role
from theodoi.evaluation import summaries
from theodoi.evaluation.explain import STATUS_LABELS_VI
from theodoi.evaluation.models import STATUS_BADGES, TargetStatus
from theodoi.evaluation.services import (
    COUNTED_STATUSES,
    CUMULATIVE_KINDS,
    PUBLIC_STATUSES,
    VALUES_ARE_YEAR_TO_DATE,
    target_years,
)
from theodoi.plans.models import Field, Plan, PublishStatus, Target, TargetSource, Task
from theodoi.reporting.models import ReportValue
from theodoi.reporting.periods import PeriodKind, parse_period_key

GOOD = ("exceeded", "achieved")


# -- who reads which rows ----------------------------------------------------------------------------
def reads_internal(user: Any, unit: OrgUnit | None = None) -> bool:
    """Internal statuses (unaccepted values included): readers of everything, or the unit's own staff."""
    return can_read_all(user) or (unit is not None and can_see_unit_drafts(user, unit))


def own_unit_ids(user: Any) -> set[int]:
    return unit_ids_with_role(user, Role.REPORTER, Role.APPROVER)


def published_q() -> Q:
    return Q(status=PublishStatus.PUBLISHED, plan__status=PublishStatus.PUBLISHED)


# -- status rows ----------------------------------------------------------------------------------
@dataclass
class StatusRow:
    """A target with its stored status (None until first computed)."""

    target: Target
    status: TargetStatus | None

    @property
    def code(self) -> str:
        return self.status.status if self.status else "no_data"

    @property
    def label(self) -> str:
        return gettext(STATUS_LABELS_VI.get(self.code, self.code))

    @property
    def badge(self) -> str:
        return STATUS_BADGES.get(self.code, "b-muted")

    @property
    def field(self) -> str:
        return str(self.target.indicator.field)

    @property
    def unit(self) -> OrgUnit | None:
        return self.target.responsible_unit


def status_rows(
    *,
    public: bool,
    targets: QuerySet[Target] | None = None,
    main_only: bool = True,
    period: str | None = None,
) -> list[StatusRow]:
    """Targets with their current status (or the snapshot `period`), public or internal."""
    qs = targets if targets is not None else Target.objects.all()
    # The plan and the responsible unit are shared by hundreds of targets (a province's 300 targets
    # of a year have one plan and one unit): loaded once each below rather than once per row.
    qs = qs.select_related("indicator")
    if public:
        qs = qs.filter(published_q())
    if main_only:
        qs = qs.filter(is_main=True)
    qs = qs.order_by("indicator__field", "plan__year_start", "pk")
    targets_list = list(qs)
    _attach_shared(targets_list)
    periods = {t.pk: (period or t.period) for t in targets_list}
    ids = list(periods)
    wanted = set(periods.values())
    by_target: dict[int, TargetStatus] = {}
    for start in range(0, len(ids), 2000):
        # (target, period, public) is the table's unique index
        chunk: Iterable[TargetStatus]
        if connection.vendor == "postgresql":
            part = ids[start : start + 2000]
            chunk = TargetStatus.objects.raw(_STATUS_ROWS_SQL, [part, [periods[pk] for pk in part], public])
        else:
            chunk = TargetStatus.objects.filter(public=public, target_id__in=ids[start : start + 2000], period__in=wanted)
        for s in chunk:
            if s.period == periods[s.target_id]:
                by_target[s.target_id] = s
    return [StatusRow(t, by_target.get(t.pk)) for t in targets_list]


# One lookup of the unique index (target, period, public) per target, whatever the planner's
# statistics say: right after a full recompute they are stale, and it would rather scan every
# status of the year through the (period, status) index (43 ms for a province at a tenth of the
# national scale, growing with the number of targets of the year). LIMIT 1 (the index is unique) keeps the lookups
# apart from the join. The ids and periods as array parameters: an ORM `__in` prepares each id,
# a tenth of a dashboard's time.
_STATUS_ROWS_SQL = f"""
SELECT s.* FROM unnest(%s::bigint[], %s::text[]) AS wanted(target_id, period)
CROSS JOIN LATERAL (
    SELECT * FROM {TargetStatus._meta.db_table} s
    WHERE s.target_id = wanted.target_id AND s.period = wanted.period AND s.public = %s LIMIT 1
) s
"""


def _attach_shared(targets: Sequence[Target]) -> None:
    """Set each target's plan and responsible unit (with its parent) from one query each."""
    plans = Plan.objects.in_bulk({t.plan_id for t in targets})
    units = OrgUnit.objects.select_related("parent").in_bulk(
        {t.responsible_unit_id for t in targets if t.responsible_unit_id is not None}
    )
    plan_field, unit_field = Target._meta.get_field("plan"), Target._meta.get_field("responsible_unit")
    for t in targets:
        plan_field.set_cached_value(t, plans.get(t.plan_id))
        unit_field.set_cached_value(t, units.get(t.responsible_unit_id) if t.responsible_unit_id else None)


def plan_years(*, public: bool) -> list[int]:
    """Single plan years that have targets, oldest first (the dashboards' year switcher).

    Cached for a minute: a national database has hundreds of thousands of targets and the
    answer changes once a year."""
    key = f"evaluation:plan_years:{int(public)}"
    years: list[int] | None = cache.get(key)
    if years is None:
        qs = Target.objects.filter(published_q()) if public else Target.objects.all()
        periods = qs.order_by().values_list("period", flat=True).distinct()
        years = sorted({y[0] for p in periods if (y := target_years(p)) and y[0] == y[1]})
        cache.set(key, years, 60)
    return years


def latest_plan_year(*, public: bool) -> int | None:
    """The plan year the dashboards open on: the latest year with targets."""
    years = plan_years(public=public)
    return years[-1] if years else None


def year_targets(*, year: int | None, public: bool) -> QuerySet[Target]:
    qs = Target.objects.all()
    if year is not None:
        qs = qs.filter(period=str(year))
    return qs


# -- summaries -------------------------------------------------------------------------------------
@dataclass
class GroupSummary:
    key: str
    label: str
    summary: summaries.TargetSummary
    url: str = ""
    unit: OrgUnit | None = None

    @property
    def good(self) -> int:
        return self.summary.achieved_or_exceeded

    @property
    def total(self) -> int:
        return self.summary.total

    @property
    def rate(self) -> float | None:
        return self.summary.rate_pct

    def count(self, status: str) -> int:
        return int(self.summary.counts.get(status, 0))


def summary_of(rows: Sequence[StatusRow]) -> summaries.TargetSummary:
    return summaries.summarize_statuses([r.code for r in rows])


def by_field(rows: Sequence[StatusRow]) -> list[GroupSummary]:
    groups = summaries.summarize(rows, key=lambda r: r.field, status=lambda r: r.code)
    return [
        GroupSummary(value, str(label), groups[value]) for value, label in Field.choices if value in groups
    ]


def district_of(unit: OrgUnit | None) -> OrgUnit | None:
    """The district a unit belongs to (itself, or the district above a commune)."""
    seen = 0
    while unit is not None and seen < 6:
        if unit.kind == UnitKind.DISTRICT:
            return unit
        unit = unit.parent
        seen += 1
    return None


def by_agency(rows: Sequence[StatusRow]) -> list[GroupSummary]:
    """Per responsible agency (departments and other non-district units)."""
    picked = [r for r in rows if r.unit is not None and district_of(r.unit) is None]
    units = {r.unit.pk: r.unit for r in picked if r.unit}
    groups = summaries.summarize(picked, key=lambda r: r.unit.pk if r.unit else 0, status=lambda r: r.code)
    out = [GroupSummary(units[k].code, units[k].name, s, unit=units[k]) for k, s in groups.items()]  # type: ignore[index]
    return sorted(out, key=lambda g: (-(g.rate or 0), g.label))


def by_district(rows: Sequence[StatusRow]) -> list[GroupSummary]:
    """Per district (targets of the district and of its communes)."""
    picked = [(r, district_of(r.unit)) for r in rows]
    picked = [(r, d) for r, d in picked if d is not None]
    units = {d.pk: d for _, d in picked if d}
    groups = summaries.summarize(picked, key=lambda p: p[1].pk, status=lambda p: p[0].code)  # type: ignore[union-attr]
    out = [GroupSummary(units[k].code, units[k].name, s, unit=units[k]) for k, s in groups.items()]  # type: ignore[index]
    return sorted(out, key=lambda g: g.label)


def status_counts(rows: Sequence[StatusRow]) -> list[dict[str, Any]]:
    """Counts in the summaries' status order, with labels and badges (for KPI tiles)."""
    counts = summary_of(rows).counts
    return [
        {"status": s, "label": gettext(STATUS_LABELS_VI.get(s, s)), "badge": STATUS_BADGES.get(s, "b-muted"), "count": counts[s]}
        for s in summaries.STATUS_ORDER
        if counts.get(s)
    ]


def field_chart(groups: Sequence[GroupSummary], base_url: str) -> dict[str, Any]:
    """ECharts data: one stacked bar per field, one series per status."""
    statuses = [s for s in summaries.STATUS_ORDER if any(g.count(s) for g in groups)]
    return {
        "categories": [g.label for g in groups],
        "keys": [g.key for g in groups],
        "series": [
            {"status": s, "name": STATUS_LABELS_VI[s], "data": [g.count(s) for g in groups]} for s in statuses
        ],
        "base_url": base_url,
    }


def progress_chart(rows: Sequence[StatusRow], detail_url: str) -> dict[str, Any]:
    """ECharts data: progress against target (% of the target reached) per target, with the share
    due by now where the engine gives one."""
    items = [r for r in rows if r.status and r.status.progress_pct is not None]
    items.sort(key=lambda r: r.status.progress_pct or 0)  # type: ignore[union-attr]
    return {
        "names": [_short(r.target.indicator.name) for r in items],
        "full_names": [r.target.indicator.name for r in items],
        "ids": [r.target.pk for r in items],
        "progress": [round(r.status.progress_pct or 0, 1) for r in items],  # type: ignore[union-attr]
        "expected": [round(r.status.expected_pct, 1) if r.status and r.status.expected_pct else None for r in items],
        "statuses": [r.code for r in items],
        "labels": [r.label for r in items],
        "detail_url": detail_url,
    }


def _short(name: str, limit: int = 48) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"


# -- tasks by the four states ------------------------------------------------------------------------
@dataclass
class TaskGroup:
    unit: OrgUnit
    summary: summaries.TaskSummary


def task_summary(*, user: Any, public: bool, today: date | None = None, unit: OrgUnit | None = None) -> tuple[
    summaries.TaskSummary, list[TaskGroup]
]:
    """Tasks by the Government Office's four states, overall and per lead agency."""
    today = today or timezone.localdate()
    qs = Task.objects.select_related("assignment")
    if public or not can_read_all(user):
        qs = qs.filter(assignment__status=PublishStatus.PUBLISHED, assignment__plan__status=PublishStatus.PUBLISHED)
    if unit is not None:
        qs = qs.filter(Q(assignment__lead_units=unit) | Q(assignment__partner_units=unit)).distinct()
    tasks = list(qs.prefetch_related("assignment__lead_units"))
    overall = summaries.summarize_tasks([(t.deadline, t.done_at) for t in tasks], today)
    pairs = [(lead, t) for t in tasks for lead in t.assignment.lead_units.all()]
    units = {lead.pk: lead for lead, _ in pairs}
    grouped = summaries.summarize_tasks_by(
        pairs, key=lambda p: p[0].pk, deadline=lambda p: p[1].deadline, done_at=lambda p: p[1].done_at, today=today
    )
    groups = [TaskGroup(units[k], s) for k, s in grouped.items()]  # type: ignore[index]
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
        "periods": [p.label for p in recent],
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


# -- one target: status, series, submissions, sources -------------------------------------------------
@dataclass
class Submission:
    value: ReportValue
    period_label: str
    public: bool
    url: str | None


@dataclass
class TargetDetail:
    target: Target
    status: TargetStatus | None
    other: TargetStatus | None  # the public row beside the internal one, for readers of both
    submissions: list[Submission]
    sources: list[TargetSource]
    series: dict[str, Any] = field(default_factory=dict)
    snapshots: list[TargetStatus] = field(default_factory=list)


def target_for_dashboard(*, user: Any, pk: int, public: bool) -> tuple[Target, bool]:
    """The target and whether the caller reads its internal figures; 404 when not visible."""
    target = Target.objects.select_related("indicator", "plan", "responsible_unit").filter(pk=pk).first()
    if target is None:
        raise Http404("target not found")
    internal = not public and reads_internal(user, target.responsible_unit)
    published = target.status == PublishStatus.PUBLISHED and target.plan.status == PublishStatus.PUBLISHED
    if not internal and not published:
        raise Http404("target not visible")
    return target, internal


def _form_url(form_id: int) -> str | None:
    for name in ("reporting:form_detail", "reporting:form"):
        try:
            return reverse(name, args=[form_id])
        except NoReverseMatch:
            continue
    return None


def target_detail(*, target: Target, internal: bool) -> TargetDetail:
    """Everything behind a target's status: the stored rows, the submissions, the source sentences."""
    statuses = list(TargetStatus.objects.filter(target=target))
    current = [s for s in statuses if s.period == target.period]
    status = next((s for s in current if s.public == (not internal)), None)
    other = next((s for s in current if s.public) , None) if internal else None
    snapshots = sorted(
        (s for s in statuses if s.period != target.period and s.public == (not internal)), key=lambda s: s.as_of or date.min
    )
    allowed = COUNTED_STATUSES if internal else PUBLIC_STATUSES
    values = (
        ReportValue.objects.filter(target=target, form__status__in=allowed)
        .select_related("form__unit")
        .order_by("form__period_key", "form__unit__name")
    )
    submissions = []
    for v in values:
        try:
            label = parse_period_key(v.form.period_key).label
        except ValueError:
            label = v.form.period_key
        # The form pages are for staff: the public page shows the figures without linking to them.
        url = _form_url(v.form_id) if internal else None
        submissions.append(Submission(v, label, v.form.status in PUBLIC_STATUSES, url))
    submissions.sort(key=lambda s: _period_sort(s.value.form.period_key))
    sources = list(target.sources.select_related("document").order_by("pk"))
    detail = TargetDetail(target, status, other, submissions, sources, snapshots=snapshots)
    detail.series = target_series(target, [s.value for s in submissions], status)
    return detail


def _period_sort(key: str) -> tuple[date, str]:
    try:
        p = parse_period_key(key)
    except ValueError:
        return date.min, key
    return p.end, key


def target_series(target: Target, values: Iterable[ReportValue], status: TargetStatus | None) -> dict[str, Any]:
    """ECharts data: the reported values over time (year to date for flows) with the target line."""
    measure = target.indicator.measure
    points: dict[date, float] = {}
    running = 0.0
    monthly = any(parse_period_key(v.form.period_key).kind is PeriodKind.MONTHLY for v in values if v.value is not None)
    for v in sorted(values, key=lambda v: _period_sort(v.form.period_key)):
        if v.value is None:
            continue
        p = parse_period_key(v.form.period_key)
        if measure == "flow":
            if VALUES_ARE_YEAR_TO_DATE or p.kind in CUMULATIVE_KINDS:
                running = float(v.value)
            elif p.kind is PeriodKind.QUARTERLY and monthly:
                continue
            else:
                running += float(v.value)
            points[p.end] = running
        else:
            points[p.end] = float(v.value)
    level = status.target_level if status and status.target_level is not None else target.value
    years = target_years(target.period)
    line: list[list[Any]] = []
    if measure == "flow" and years and years[0] == years[1] and level:
        line = [[f"{years[0]}-01-01", 0], [f"{years[0]}-12-31", level]]
    return {
        "points": [[d.isoformat(), round(v, 4)] for d, v in sorted(points.items())],
        "target": level,
        "target_max": target.value_max if target.comparator == "between" else None,
        "pace": line,
        "unit": target.unit or target.indicator.unit,
        "flow": measure == "flow",
        "year": years[0] if years else None,
    }


def targets_for_list(
    *, public: bool, status: str = "", field_value: str = "", unit: OrgUnit | None = None, year: int | None = None
) -> list[StatusRow]:
    """The drill-down list behind a number: targets filtered by status, field and unit/district."""
    qs = year_targets(year=year, public=public)
    if field_value in Field.values:
        qs = qs.filter(indicator__field=field_value)
    if unit is not None:
        qs = qs.filter(responsible_unit_id__in=unit.descendant_ids())
    rows = status_rows(public=public, targets=qs)
    if status == "good":
        rows = [r for r in rows if r.code in GOOD]
    elif status:
        rows = [r for r in rows if r.code == status]
    return rows


def prefetch_sources() -> Prefetch:
    return Prefetch("sources", queryset=TargetSource.objects.select_related("document"))
