"""Stored statuses for the dashboards and the API: who reads which rows, the status rows, the
summaries by field, agency and district, the charts, and the drill-down list behind a number.

Who sees what (accounts/permissions.py): planners, admins and leaders read the internal statuses
(every submitted value); a unit's staff read their own unit's internal statuses; everyone else,
and the public dashboard for everyone, reads the public statuses (accepted values only) of
published targets.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.core.cache import cache
from django.db import connection
from django.db.models import Prefetch, Q, QuerySet
from django.utils.translation import gettext

from theodoi.accounts.models import OrgUnit, Role, UnitKind
from theodoi.accounts.permissions import can_read_all, can_see_unit_drafts, unit_ids_with_role
from theodoi.evaluation import summaries
from theodoi.evaluation.explain import STATUS_LABELS_VI
from theodoi.evaluation.models import STATUS_BADGES, StatusRefresh, TargetStatus
from theodoi.evaluation.services import (
    target_years,
)
from theodoi.plans.models import Field, Plan, PublishStatus, Target, TargetSource

GOOD = ("exceeded", "achieved")
ON_PACE = ("exceeded", "achieved", "on_track")  # the in-year headline: "đạt, vượt hoặc đúng tiến độ"


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
# statistics say: right after a full recompute they were stale, and it would rather scan every
# status of the year through the (period, status) index (43 ms for a province at a tenth of the
# national scale, growing with the number of targets of the year). That index is gone and a bulk
# write now analyses the table, but the plan stays pinned. LIMIT 1 (the index is unique) keeps the
# lookups apart from the join. The ids and periods as array parameters: an ORM `__in` prepares each id,
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


LOCAL_PLAN_UNIT_KINDS = (UnitKind.DISTRICT, UnitKind.COMMUNE)


def province_level(rows: Sequence[StatusRow]) -> list[StatusRow]:
    """The rows of the province's own plans (resolution, programme, year plan).

    A district's or commune's own plan has targets of the same year, but they belong on that
    district's page and on the district map: counted in the province's headline ("11/13 chỉ tiêu
    chủ yếu đạt và vượt") they would mix two levels of plan into one ratio."""
    plan_unit_ids = {r.target.plan.unit_id for r in rows if r.target.plan is not None}
    local = set(OrgUnit.objects.filter(pk__in=plan_unit_ids, kind__in=LOCAL_PLAN_UNIT_KINDS).values_list("pk", flat=True))
    if not local:
        return list(rows)
    return [r for r in rows if r.target.plan is None or r.target.plan.unit_id not in local]


def last_refreshed() -> datetime | None:
    """When the stored statuses were last refreshed (the latest finished refresh), for the
    dashboards: a leader reads how fresh the statuses are, beside the date of the figures."""
    finished = StatusRefresh.objects.filter(finished_at__isnull=False).order_by("-finished_at")
    return finished.values_list("finished_at", flat=True).first()


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
            {"status": s, "name": gettext(STATUS_LABELS_VI[s]), "data": [g.count(s) for g in groups]} for s in statuses
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



def targets_for_list(
    *, public: bool, status: str = "", field_value: str = "", unit: OrgUnit | None = None, year: int | None = None
) -> list[StatusRow]:
    """The drill-down list behind a number: targets filtered by status, field and unit/district.

    Without a unit it lists the province's own plans, as the province's headline counts them
    (`province_level`): "23/51" must open on 23 targets, not on the districts' plans as well."""
    qs = year_targets(year=year, public=public)
    if field_value in Field.values:
        qs = qs.filter(indicator__field=field_value)
    if unit is not None:
        qs = qs.filter(responsible_unit_id__in=unit.descendant_ids())
    rows = status_rows(public=public, targets=qs)
    if unit is None:
        rows = province_level(rows)
    if status == "good":
        rows = [r for r in rows if r.code in GOOD]
    elif status == "on_pace":
        rows = [r for r in rows if r.code in ON_PACE]
    elif status:
        rows = [r for r in rows if r.code == status]
    return rows


def prefetch_sources() -> Prefetch:
    return Prefetch("sources", queryset=TargetSource.objects.select_related("document"))
