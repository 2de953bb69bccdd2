"""One target behind its status: the stored rows, the submissions, the series, the sources."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.http import Http404
from django.urls import NoReverseMatch, reverse

from theodoi.evaluation.models import TargetStatus
from theodoi.evaluation.selectors.statuses import reads_internal
from theodoi.evaluation.services import (
    COUNTED_STATUSES,
    CUMULATIVE_KINDS,
    PUBLIC_STATUSES,
    VALUES_ARE_YEAR_TO_DATE,
    target_years,
)
from theodoi.plans.models import PublishStatus, Target, TargetSource
from theodoi.reporting.models import ReportValue
from theodoi.reporting.periods import PeriodKind, parse_period_key


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
        # The x-axis spans the target's years: one year reads as months T1..T12, a span as dates.
        "years": list(years) if years else None,
    }
