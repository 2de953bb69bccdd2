"""What a recompute reads: the reported values, the forms' rounds, the targets' specs and, for
the year-to-date path, the engine's input picked from each target's form groups.

See the package docstring for how reported values are read."""


from __future__ import annotations

import functools
import logging
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db import connection
from django.utils import timezone

from theodoi.evaluation import engine
from theodoi.evaluation.explain import FORECAST_METHODS_VI
from theodoi.evaluation.models import TargetStatus
from theodoi.plans.models import Actual, Target
from theodoi.reporting.models import FormStatus, ReportForm, ReportValue
from theodoi.reporting.periods import Period, PeriodKind, parse_period_key

log = logging.getLogger(__name__)

COUNTED_STATUSES = (FormStatus.SUBMITTED, FormStatus.APPROVED, FormStatus.ACCEPTED, FormStatus.LOCKED)
PUBLIC_STATUSES = (FormStatus.ACCEPTED, FormStatus.LOCKED)
# Flows: every form reports the total since January (see the module docstring). When False, monthly
# and quarterly forms are read as the period's own amount and added up.
VALUES_ARE_YEAR_TO_DATE = True
CUMULATIVE_KINDS = frozenset({PeriodKind.SEMIANNUAL, PeriodKind.NINE_MONTH, PeriodKind.ANNUAL})
_CHUNK = 2000
_BATCH = 10000


@dataclass(frozen=True)
class ValueRow:
    """One reported value, as the recompute needs it."""

    target_id: int
    unit_id: int
    period: Period
    value: float
    status: str
    updated_at: Any
    end: date  # period.end, computed once per key (it is read for every row in every sort)

    @property
    def public(self) -> bool:
        return self.status in PUBLIC_STATUSES


def target_years(period: str) -> tuple[int, int] | None:
    """The years a target's period covers: "2021" → (2021, 2021), "2021-2025" → (2021, 2025)."""
    parts = str(period).strip().split("-")
    try:
        years = [int(p) for p in parts if p]
    except ValueError:
        return None
    if len(years) == 1:
        return years[0], years[0]
    if len(years) == 2 and years[0] <= years[1]:
        return years[0], years[1]
    return None


# the years of a target period, parsed once per distinct period ("2021", "2021-2025")
_years_of = functools.lru_cache(maxsize=1024)(target_years)


def _snapshot_period(period: str | None) -> Period | None:
    """A reporting period key that is not a plain year or range ("2021-H1", "2021-06")."""
    if not period or target_years(period) is not None:
        return None
    try:
        return parse_period_key(period)
    except ValueError:
        return None


def target_spec(target: Target, *, baseline: float | None = None) -> engine.TargetSpec:
    """The engine's view of a target (indicator fields fill in what the target leaves open)."""
    indicator = target.indicator
    return _spec(
        target.comparator, target.value, target.value_max, indicator.direction, indicator.measure,
        target.is_change, target.baseline if target.baseline is not None else baseline,
        target.unit or indicator.unit or "", target.forecast_only,
    )


@functools.lru_cache(maxsize=65536)
def _spec(
    comparator: str, value: float, value_max: float | None, direction: str, measure: str, change: bool,
    baseline: float | None, unit: str, forecast_only: bool,
) -> engine.TargetSpec:
    """`target_spec` from plain fields (the recompute reads them without building models); specs are
    immutable, so equal targets (the same level in every commune) share one."""
    return engine.TargetSpec(
        comparator=comparator if comparator in engine.COMPARATORS else "=",
        value=float(value),
        value_max=float(value_max) if value_max is not None else None,
        direction=direction if direction in ("higher", "lower") else "higher",
        measure=measure if measure in ("flow", "stock") else "stock",
        change=bool(change),
        baseline=baseline,
        unit=unit,
        forecast_only=bool(forecast_only),
    )


def observations(rows: Sequence[ValueRow], *, measure: str, responsible_unit_id: int | None) -> list[engine.Observation]:
    """Turn a target's reported values into engine observations (see the module docstring)."""
    own = [r for r in rows if r.unit_id == responsible_unit_id]
    chosen = own or list(rows)
    if not VALUES_ARE_YEAR_TO_DATE:
        kinds = {r.period.kind for r in chosen}
        if PeriodKind.MONTHLY in kinds and PeriodKind.QUARTERLY in kinds:
            chosen = [r for r in chosen if r.period.kind is not PeriodKind.QUARTERLY]
    chosen.sort(key=lambda r: (r.end, r.updated_at))
    return [
        engine.Observation(
            period_end=r.end,
            value=r.value,
            cumulative=VALUES_ARE_YEAR_TO_DATE or measure != "flow" or r.period.kind in CUMULATIVE_KINDS,
            final=r.period.kind is PeriodKind.ANNUAL,
        )
        for r in chosen
    ]


@functools.lru_cache(maxsize=4096)
def period_of(key: str) -> tuple[Period, date] | None:
    """A period key parsed once per process, with its end date (None for a malformed key)."""
    try:
        period = parse_period_key(key)
    except ValueError:
        return None
    return period, period.end


def _load_values(target_ids: Sequence[int]) -> dict[int, list[ValueRow]]:
    out: dict[int, list[ValueRow]] = defaultdict(list)
    for start in range(0, len(target_ids), _CHUNK):
        chunk = target_ids[start : start + _CHUNK]
        rows = ReportValue.objects.filter(
            target_id__in=chunk, value__isnull=False, form__status__in=COUNTED_STATUSES
        ).values_list("target_id", "form__unit_id", "form__period_key", "value", "form__status", "form__updated_at")
        # The ORM's SQL on a plain cursor: no per-row conversion layer, several times faster on
        # the millions of values of a national recompute.
        sql, params = rows.query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            fetched = cursor.fetchall()
        for target_id, unit_id, key, value, status, updated in fetched:
            parsed = period_of(key)
            if parsed is None or value is None:
                continue
            out[target_id].append(ValueRow(target_id, unit_id, parsed[0], float(value), status, updated, parsed[1]))
    return out


def rounds_as_of(*, today: date | None = None) -> dict[tuple[int, bool], date]:
    """(year, public) → end of the latest period with a counted form: the date every target of
    that year is evaluated at."""
    latest: dict[tuple[int, bool], date] = {}
    for key, status in _period_statuses():
        if status not in COUNTED_STATUSES:
            continue
        parsed = period_of(key)
        if parsed is None:
            continue
        period = parsed[0]
        for public in (False, True):
            if public and status not in PUBLIC_STATUSES:
                continue
            slot = (period.year, public)
            if slot not in latest or period.end > latest[slot]:
                latest[slot] = period.end
    return latest


# The distinct (period, status) of the forms by skipping through their (period_key, status) index:
# one probe per pair found (a few hundred), however many forms there are; DISTINCT would read all of
# them (197,000 at national scale) on every refresh that follows a save.
_ROUNDS_SQL = """
WITH RECURSIVE k(period_key, status) AS (
    (SELECT period_key, status FROM {form} ORDER BY period_key, status LIMIT 1)
    UNION ALL
    SELECT n.period_key, n.status FROM k CROSS JOIN LATERAL (
        SELECT f.period_key, f.status FROM {form} f WHERE (f.period_key, f.status) > (k.period_key, k.status)
        ORDER BY f.period_key, f.status LIMIT 1
    ) n
)
SELECT period_key, status FROM k
"""


def _period_statuses() -> list[tuple[str, str]]:
    """Every (period key, status) some form has."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(_ROUNDS_SQL.format(form=ReportForm._meta.db_table))
            return cursor.fetchall()
    # Forms rather than values: a few hundred rows per year instead of every value. `order_by()`: the
    # model's ordering (by unit name) would join the units and make DISTINCT return every form.
    return list(ReportForm.objects.filter(status__in=COUNTED_STATUSES).order_by()
                .values_list("period_key", "status").distinct())


def _default_as_of(year: int, today: date) -> date:
    return min(today, date(year, 12, 31))


def _baselines(targets: Sequence[Target]) -> dict[tuple[int, str], float]:
    """Last year's recorded actuals for change targets without a baseline: (indicator, period) → value."""
    return _baselines_of({
        (t.indicator_id, str(years[0] - 1))
        for t in targets
        if t.is_change and t.baseline is None and (years := target_years(t.period))
    })


def _baselines_of(wanted: set[tuple[int, str]]) -> dict[tuple[int, str], float]:
    if not wanted:
        return {}
    rows = Actual.objects.filter(
        indicator_id__in={i for i, _ in wanted}, period__in={p for _, p in wanted}
    ).values_list("indicator_id", "period", "value")
    return {(i, p): v for i, p, v in rows}


def target_evaluate(
    target: Target,
    rows: Sequence[ValueRow],
    *,
    public: bool,
    as_of_by_year: dict[tuple[int, bool], date],
    snapshot: Period | None = None,
    baseline: float | None = None,
    today: date | None = None,
) -> tuple[engine.Evaluation, date | None]:
    """Evaluate one target from its value rows; returns the evaluation and the date it is as of."""
    today = today or timezone.localdate()
    years = target_years(target.period)
    spec = target_spec(target, baseline=baseline)
    counted = [r for r in rows if r.public] if public else list(rows)
    if years is None:
        return engine.evaluate(spec, [], year=today.year, as_of=today), None
    first, last = years
    if snapshot is not None:
        year, as_of = snapshot.year, snapshot.end
        if not first <= year <= last:
            return engine.evaluate(spec, [], year=year, as_of=as_of), as_of
    else:
        # A term target (2021-2025) is judged on its latest year with figures.
        with_data = [r.period.year for r in counted if first <= r.period.year <= last]
        year = max(with_data) if with_data else min(last, max(first, today.year))
        as_of = as_of_by_year.get((year, public)) or _default_as_of(year, today)
    in_year = [r for r in counted if r.period.year == year]
    obs = observations(in_year, measure=spec.measure, responsible_unit_id=target.responsible_unit_id)
    return engine.evaluate(spec, obs, year=year, as_of=as_of), as_of


def _status_row(
    target_id: int, period: str, public: bool, result: engine.Evaluation, as_of: date | None,
    inputs: int | None = None, source: int | None = None,
) -> TargetStatus:
    method = result.forecast_method or ""
    return TargetStatus(
        inputs=inputs,
        source_form=source,
        target_id=target_id,
        period=period,
        public=public,
        status=result.status,
        value=result.actual,
        progress_pct=result.progress_pct,
        forecast=result.forecast,
        forecast_method=FORECAST_METHODS_VI.get(method, method),
        explanation=result.explanation_vi,
        as_of=as_of,
        target_level=result.target,
        expected_pct=result.expected_pct,
        period_end=result.period_end,
    )



@dataclass(frozen=True, slots=True)
class _Form:
    """What the choice of a value reads from its form."""

    pk: int
    year: int
    public: bool
    unit_id: int
    annual: bool
    counted: bool  # on or before the "as of" of its year and scope
    end: date
    updated_at: Any


# A target's latest value in each of its form groups, in group order: (form, value).
Groups = dict[int, list[tuple[_Form, float]]]
# A target as `_TARGET_SQL` reads it: id, period, comparator, value, value_max, direction, measure,
# change, baseline, unit, forecast_only, indicator_id, responsible_unit_id.
TargetRow = tuple[Any, ...]
# One status row to store: target id, period key, public, the engine's result, "as of", the
# digest of the engine's input (`inputs_digest`; None where the recompute does not keep one), the
# form whose value was read (None: no figure, or not known).
StatusResult = tuple[int, str, bool, engine.Evaluation, date | None, int | None, int | None]
# What a recompute finds stored for a chunk: (target, period, public) -> (row id, inputs digest).
Stored = dict[tuple[int, str, bool], tuple[int, int | None]]


@dataclass
class Tally:
    """What a recompute did: rows written, rows found unchanged (same inputs digest) and skipped."""

    written: int = 0
    skipped: int = 0
    # (target, period) of the snapshot rows ("2021-H1") found stored beside the current ones
    snapshots: set[tuple[int, str]] = field(default_factory=set)
    # targets of changed values left alone: the change could not reach their input (relevance.py)
    untouched: int = 0


def _forms(
    as_of_by_year: dict[tuple[int, bool], date], snapshot: Period | None, target_ids: Sequence[int] | None = None
) -> dict[int, _Form]:
    """The counted forms (of the snapshot's year only, for a snapshot; with values for `target_ids`
    only, when given), by id."""
    out: dict[int, _Form] = {}
    for pk, unit_id, key, status, updated_at in form_rows(counted_only=True, target_ids=target_ids):
        parsed = period_of(key)
        if parsed is None:
            continue
        period, end = parsed
        public = status in PUBLIC_STATUSES
        if snapshot is not None:
            if period.year != snapshot.year:
                continue
            limit = snapshot.end
        else:
            # every counted form is on or before its year's round; this only guards it
            limit = as_of_by_year.get((period.year, public), end)
        out[pk] = _Form(pk, period.year, public, unit_id, period.kind is PeriodKind.ANNUAL, end <= limit, end, updated_at)
    return out


def _int_array(numbers: Iterable[int]) -> str:
    """An integer array parameter as PostgreSQL's literal ("{1,2,3}", cast in the SQL): psycopg
    adapts a list element by element, which costs more than the query for the ten thousand ids of
    a chunk or the hundreds of thousands of forms of a national recompute."""
    return "{" + ",".join(map(str, numbers)) + "}"


def form_rows(*, counted_only: bool, target_ids: Sequence[int] | None = None,
              form_ids: Sequence[int] | None = None) -> list[tuple[Any, ...]]:
    """(id, unit, period key, status, update time) of the forms: counted ones only, or those
    holding values of `target_ids`, or those of `form_ids`. The update time only orders forms of
    the same period end; on PostgreSQL it comes as integer microseconds, which the driver reads
    several times faster than a timestamp with its time zone (the 20,000 forms of a recompute at a
    tenth of national scale: 0.1 s). Forms holding the targets' values: their ids first (index
    lookups of the values), then the forms by id; as a semi-join the planner hashed every form."""
    if connection.vendor != "postgresql":
        forms = ReportForm.objects.order_by()
        if counted_only:
            forms = forms.filter(status__in=COUNTED_STATUSES)
        if target_ids is not None:
            forms = forms.filter(pk__in=ReportValue.objects.filter(target_id__in=target_ids).values("form_id"))
        if form_ids is not None:
            forms = forms.filter(pk__in=form_ids)
        return list(forms.values_list("pk", "unit_id", "period_key", "status", "updated_at"))
    where: list[str] = ["TRUE"]
    params: list[Any] = []
    if counted_only:
        where.append("status = ANY(%s)")
        params.append([str(s) for s in COUNTED_STATUSES])
    if target_ids is not None:
        where.append(f"id = ANY(ARRAY(SELECT DISTINCT form_id FROM {ReportValue._meta.db_table} "
                     "WHERE target_id = ANY(%s::bigint[])))")
        params.append(_int_array(target_ids))
    if form_ids is not None:
        where.append("id = ANY(%s::bigint[])")
        params.append(_int_array(form_ids))
    sql = (f"SELECT id, unit_id, period_key, status, (extract(epoch FROM updated_at) * 1000000)::bigint "
           f"FROM {ReportForm._meta.db_table} WHERE {' AND '.join(where)}")
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _form_order(forms: dict[int, _Form]) -> dict[str, list[int]]:
    """The forms' groups and, within a group, their order (counted first, then latest first)."""
    ids = sorted(forms, key=lambda pk: (forms[pk].counted, forms[pk].end, forms[pk].updated_at), reverse=True)
    ids.sort(key=lambda pk: _group_key(forms[pk]))  # stable: the order above holds within a group
    groups: dict[tuple[int, bool, int, bool], int] = {}
    grps = [groups.setdefault(_group_key(forms[pk]), len(groups)) for pk in ids]
    return {"forms": ids, "grps": grps, "ords": list(range(len(ids)))}


def _group_key(form: _Form) -> tuple[int, bool, int, bool]:
    return form.year, form.public, form.unit_id, form.annual


Picked = tuple[int, date, tuple[engine.Observation, ...]]  # year, "as of", observations


def _pick(
    groups: Sequence[tuple[_Form, float]], *, public: bool, responsible_unit_id: int | None,
    years: tuple[int, int] | None, snapshot: Period | None, as_of_by_year: dict[tuple[int, bool], date],
    today: date,
) -> Picked:
    """The engine's input for one target and scope: year, "as of" and observations, chosen as
    `target_evaluate` and `observations` choose from every value (see the comment above)."""
    return _pick_from(groups, public=public, responsible_unit_id=responsible_unit_id, years=years,
                      snapshot=snapshot, as_of_by_year=as_of_by_year, today=today)[0]


def _pick_from(
    groups: Sequence[tuple[_Form, float]], *, public: bool, responsible_unit_id: int | None,
    years: tuple[int, int] | None, snapshot: Period | None, as_of_by_year: dict[tuple[int, bool], date],
    today: date,
) -> tuple[Picked, int | None]:
    """`_pick`, and the id of the form whose value it chose (None: no figure). Which form wins is
    `outranks`'s order: own unit first, then the latest period end, then the latest update."""
    if years is None:
        return (today.year, today, ()), None
    first, last = years
    if snapshot is not None:
        year, as_of = snapshot.year, snapshot.end
        if not first <= year <= last:
            return (year, as_of, ()), None
    else:
        if first == last:  # a one-year target is judged on its year
            year = first
        else:  # a term target (2021-2025) on its latest year with figures
            with_data = [f.year for f, _v in groups if (f.public or not public) and first <= f.year <= last]
            year = max(with_data) if with_data else min(last, max(first, today.year))
        as_of = as_of_by_year.get((year, public)) or _default_as_of(year, today)
    # The responsible unit's figures of the year if it reported any, else everyone's; the latest
    # counted one by (period end, update) wins (the first on a tie), final if any is annual. One pass.
    own_seen = False
    own: tuple[_Form, float] | None = None  # the best counted (form, value) so far
    other: tuple[_Form, float] | None = None
    own_final = other_final = False
    for g in groups:
        form = g[0]
        if form.year != year or (public and not form.public):
            continue
        if form.unit_id == responsible_unit_id:
            own_seen = True
            if form.counted:
                own_final = own_final or form.annual
                if own is None or (form.end, form.updated_at) > (own[0].end, own[0].updated_at):
                    own = g
        elif not own_seen and form.counted:
            other_final = other_final or form.annual
            if other is None or (form.end, form.updated_at) > (other[0].end, other[0].updated_at):
                other = g
    best, final = (own, own_final) if own_seen else (other, other_final)
    if best is None:
        return (year, as_of, ()), None
    form, value = best
    return (year, as_of, (engine.Observation(period_end=form.end, value=value, final=final),)), form.pk


def candidate(form: _Form, *, public: bool, years: tuple[int, int] | None) -> bool:
    """Whether `_pick_from` may read a value of this form for a target of these years and scope."""
    return (form.counted and (form.public or not public) and years is not None
            and years[0] <= form.year <= years[1])


def outranks(changed: _Form, source: _Form | None, *, public: bool, responsible_unit_id: int | None,
             years: tuple[int, int] | None) -> bool:
    """Whether a value of form `changed` could be chosen over the one of `source` (the form a stored
    row's input came from, None for a row without figure) by `_pick_from`, or change that input
    otherwise: the rule the refresh
    after a save uses to leave a target alone without reading its values. True unless the choice
    is certain to stay with `source`: `changed` out of the scope, of an earlier year, of another
    unit than the responsible one's while `source` is its, or earlier in (period end, update).
    An annual form always can (it makes the judgement a year-end one, `final`, without being
    chosen). Ties count as able to: `max` would pick either."""
    if changed.annual or years is None:
        return True
    if not candidate(changed, public=public, years=years):
        return False  # (a form that left the scope holding the chosen value is `source`: checked before)
    if source is None:
        return True  # the target's first figure in this scope
    if changed.year != source.year:
        return changed.year > source.year  # a term target is judged on its latest year with figures
    own = (changed.unit_id == responsible_unit_id, changed.end, changed.updated_at)
    held = (source.unit_id == responsible_unit_id, source.end, source.updated_at)
    return own >= held


