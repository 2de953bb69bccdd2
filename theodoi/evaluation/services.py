"""Recompute stored target statuses from the reported values: the one place the engine meets the models.

Each target gets two `TargetStatus` rows per period: an internal one, from every value of a form
that has left the unit (submitted, approved, accepted, locked), read by planners and leaders; and a
public one (`public=True`) from accepted and locked forms only, which is what anonymous visitors see.

Reading the reported values (why it is done this way):

* Every reported value of a flow is the total since January (lũy kế từ đầu năm), whatever the
  form's period: that is how the reporting forms ask for it (reporting/demo.py invents figures the
  same way). A later period's figure therefore replaces an earlier one; two figures for the same
  date (June and Q2) are the same total. `VALUES_ARE_YEAR_TO_DATE` is the one switch to change if
  a regime ever asks for the period's own amount.
* The responsible unit's figures count; only when it reported nothing do other units' figures
  count (a district reporting a provincial target, for instance).
* "As of" is the end of the latest reporting round of the plan year (the latest period with any
  counted value, for any target), so that a target nobody reported on is judged at the same date
  as the others, and an evaluation of 2021 stays the same when run in 2026.
* A change target without a stored baseline takes last year's recorded actual (plans.Actual).

`period` of a row: the target's own period ("2021") for the current evaluation, or a reporting
period key ("2021-H1") for a snapshot as of that period's end (the 6-month review).
"""

from __future__ import annotations

import functools
import logging
import math
from collections import defaultdict
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from contextlib import closing
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import connection, transaction
from django.utils import timezone

from theodoi.evaluation import engine
from theodoi.evaluation.explain import FORECAST_METHODS_VI
from theodoi.evaluation.models import TargetStatus
from theodoi.plans.models import Actual, Indicator, Target
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
    # Forms rather than values: a few hundred rows per year instead of every value.
    keys = ReportForm.objects.filter(status__in=COUNTED_STATUSES).values_list("period_key", "status").distinct()
    for key, status in keys:
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


def _status_row(target_id: int, period: str, public: bool, result: engine.Evaluation, as_of: date | None) -> TargetStatus:
    method = result.forecast_method or ""
    return TargetStatus(
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


def target_statuses_recompute(
    *,
    target: Target | None = None,
    period: str | None = None,
    target_ids: Iterable[int] | None = None,
    today: date | None = None,
) -> int:
    """Recompute and store the internal and public statuses; returns how many rows were written.

    Without arguments: every target, current evaluation. `target` / `target_ids` narrow it down;
    `period` is either a target period ("2021": the targets of that period) or a reporting period
    key ("2021-H1": every target covering 2021, evaluated as of 30 June, stored under "2021-H1").
    """
    today = today or timezone.localdate()
    snapshot = _snapshot_period(period)
    targets_qs = Target.objects.order_by("pk")
    if target is not None:
        targets_qs = targets_qs.filter(pk=target.pk)
    if target_ids is not None:
        targets_qs = targets_qs.filter(pk__in=list(target_ids))
    if period and snapshot is None:
        targets_qs = targets_qs.filter(period=period)
    ids = [
        pk for pk, p in targets_qs.values_list("pk", "period")
        if snapshot is None or ((y := target_years(p)) is not None and y[0] <= snapshot.year <= y[1])
    ]
    if not ids:
        return 0
    as_of_by_year = rounds_as_of(today=today)
    everything = target is None and target_ids is None and not period
    with transaction.atomic():
        if not VALUES_ARE_YEAR_TO_DATE:  # period amounts add up: the engine needs every value
            return _recompute_every_value(ids, snapshot=snapshot, as_of_by_year=as_of_by_year, today=today)
        return _recompute(ids, everything=everything, snapshot=snapshot, as_of_by_year=as_of_by_year, today=today)


def _recompute_every_value(
    ids: Sequence[int], *, snapshot: Period | None, as_of_by_year: dict[tuple[int, bool], date], today: date
) -> int:
    """The recompute from every value of each target (`target_evaluate`), which period amounts
    need; in batches, so that a national dataset never sits in memory whole."""
    return sum(
        _recompute_batch(ids[start : start + _BATCH], snapshot=snapshot, as_of_by_year=as_of_by_year, today=today)
        for start in range(0, len(ids), _BATCH)
    )


def _recompute_batch(
    ids: Sequence[int], *, snapshot: Period | None, as_of_by_year: dict[tuple[int, bool], date], today: date
) -> int:
    targets = list(Target.objects.select_related("indicator").filter(pk__in=ids).order_by("pk"))
    values = _load_values(ids)
    baselines = _baselines(targets)
    rows: list[TargetStatus] = []
    for t in targets:
        years = target_years(t.period)
        baseline = baselines.get((t.indicator_id, str(years[0] - 1))) if years else None
        key = snapshot.key if snapshot is not None else t.period
        target_rows = values.get(t.pk, [])
        result, as_of = target_evaluate(
            t, target_rows, public=False, as_of_by_year=as_of_by_year, snapshot=snapshot, baseline=baseline,
            today=today,
        )
        rows.append(_status_row(t.pk, key, False, result, as_of))
        # Once every counted figure is accepted the public evaluation is the same one: reuse it
        # (it halves a national recompute, where most figures have been accepted).
        if not all(r.public for r in target_rows) or not _same_rounds(as_of_by_year, years, snapshot):
            result, as_of = target_evaluate(
                t, target_rows, public=True, as_of_by_year=as_of_by_year, snapshot=snapshot, baseline=baseline,
                today=today,
            )
        rows.append(_status_row(t.pk, key, True, result, as_of))
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        _delete_stale(chunk, snapshot=snapshot, keep=_snapshot_keys_of(chunk))
    _insert(rows)
    return len(rows)


def _delete_stale(ids: Sequence[int], *, snapshot: Period | None, keep: Sequence[str]) -> None:
    """Delete the targets' rows that a recompute replaces: the snapshot's, or all but the snapshots."""
    stale = TargetStatus.objects.filter(target_id__in=ids)
    stale = stale.filter(period=snapshot.key) if snapshot is not None else stale.exclude(period__in=keep)
    stale.delete()


# -- the year-to-date recompute: the database hands the engine only what it reads -----------------
#
# With year-to-date figures (VALUES_ARE_YEAR_TO_DATE) the engine reads, for a target, a year and a
# scope (internal or public), only the latest counted value up to "as of" (the year-to-date total of
# a flow, the latest level of a stock) and whether an annual figure is among them (`final`). Which
# value that is depends on the form alone (year, status, unit, period, date), so the forms, a few
# hundred thousand at national scale, are sorted here, once: into groups (year, public or not, unit,
# annual or not) and within a group latest first ("as of" passed last). The database then returns the
# first value of each target in each group: on PostgreSQL a DISTINCT ON over integers, no rule in
# SQL; elsewhere the same reduction in Python (`_latest_python`). `_pick` makes the same choices from
# those groups as `target_evaluate` and `observations` make from every value (a test holds them
# together), and `engine.evaluate` judges: the rules stay in the engine.
_REDUCE_SQL = """
WITH x(form_id, grp, ord) AS (SELECT * FROM unnest(%(forms)s::bigint[], %(grps)s::int[], %(ords)s::int[]))
SELECT DISTINCT ON (v.target_id, x.grp) v.target_id, v.form_id, v.value::float8
FROM {value} v JOIN x ON x.form_id = v.form_id
WHERE v.value IS NOT NULL AND v.value NOT IN ('NaN', 'Infinity', '-Infinity') {only}
ORDER BY v.target_id, x.grp, x.ord
"""

_TARGET_SQL = """
SELECT t.id, t.period, t.comparator, t.value, t.value_max, i.direction, i.measure, t.is_change,
       t.baseline, coalesce(nullif(t.unit, ''), nullif(i.unit, ''), ''), t.forecast_only, t.indicator_id,
       t.responsible_unit_id
FROM {target} t JOIN {indicator} i ON i.id = t.indicator_id
WHERE t.id = ANY(%s::bigint[]) ORDER BY t.id
"""


@dataclass(frozen=True, slots=True)
class _Form:
    """What the choice of a value reads from its form."""

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
# One status row to store: target id, period key, public, the engine's result, "as of".
StatusResult = tuple[int, str, bool, engine.Evaluation, date | None]


def _forms(
    as_of_by_year: dict[tuple[int, bool], date], snapshot: Period | None, target_ids: Sequence[int] | None = None
) -> dict[int, _Form]:
    """The counted forms (of the snapshot's year only, for a snapshot; with values for `target_ids`
    only, when given), by id."""
    forms = ReportForm.objects.filter(status__in=COUNTED_STATUSES)
    if target_ids is not None:
        forms = forms.filter(pk__in=ReportValue.objects.filter(target_id__in=target_ids).values("form_id"))
    rows = forms.order_by().values_list("pk", "unit_id", "period_key", "status", "updated_at")
    out: dict[int, _Form] = {}
    for pk, unit_id, key, status, updated_at in rows:
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
        out[pk] = _Form(period.year, public, unit_id, period.kind is PeriodKind.ANNUAL, end <= limit, end, updated_at)
    return out


def _form_order(forms: dict[int, _Form]) -> dict[str, list[int]]:
    """The forms' groups and, within a group, their order (counted first, then latest first)."""
    ids = sorted(forms, key=lambda pk: (forms[pk].counted, forms[pk].end, forms[pk].updated_at), reverse=True)
    ids.sort(key=lambda pk: _group_key(forms[pk]))  # stable: the order above holds within a group
    groups: dict[tuple[int, bool, int, bool], int] = {}
    grps = [groups.setdefault(_group_key(forms[pk]), len(groups)) for pk in ids]
    return {"forms": ids, "grps": grps, "ords": list(range(len(ids)))}


def _group_key(form: _Form) -> tuple[int, bool, int, bool]:
    return form.year, form.public, form.unit_id, form.annual


def _pick(
    groups: Sequence[tuple[_Form, float]], *, public: bool, responsible_unit_id: int | None,
    years: tuple[int, int] | None, snapshot: Period | None, as_of_by_year: dict[tuple[int, bool], date],
    today: date,
) -> tuple[int, date, tuple[engine.Observation, ...]]:
    """The engine's input for one target and scope: year, "as of" and observations, chosen as
    `target_evaluate` and `observations` choose from every value (see the comment above)."""
    if years is None:
        return today.year, today, ()
    first, last = years
    if snapshot is not None:
        year, as_of = snapshot.year, snapshot.end
        if not first <= year <= last:
            return year, as_of, ()
    else:
        if first == last:  # a one-year target is judged on its year
            year = first
        else:  # a term target (2021-2025) on its latest year with figures
            with_data = [f.year for f, _v in groups if (f.public or not public) and first <= f.year <= last]
            year = max(with_data) if with_data else min(last, max(first, today.year))
        as_of = as_of_by_year.get((year, public)) or _default_as_of(year, today)
    # the responsible unit's figures of the year when it reported any (whatever their date), else everyone's
    own: list[tuple[_Form, float]] = []
    others: list[tuple[_Form, float]] = []
    for g in groups:
        form = g[0]
        if form.year == year and (form.public or not public):
            (own if form.unit_id == responsible_unit_id else others).append(g)
    counted = [g for g in own or others if g[0].counted]
    if not counted:
        return year, as_of, ()
    if len(counted) == 1:
        form, value = counted[0]
        return year, as_of, (engine.Observation(period_end=form.end, value=value, final=form.annual),)
    form, value = max(counted, key=lambda g: (g[0].end, g[0].updated_at))
    final = any(g[0].annual for g in counted)
    return year, as_of, (engine.Observation(period_end=form.end, value=value, final=final),)


def _recompute(
    ids: Sequence[int], *, everything: bool, snapshot: Period | None,
    as_of_by_year: dict[tuple[int, bool], date], today: date, sql: bool | None = None,
) -> int:
    """The year-to-date recompute, in chunks of targets: the latest values of each chunk (`sql`: by
    PostgreSQL, the default there; otherwise in Python), the engine's verdicts, the rows stored."""
    postgres = connection.vendor == "postgresql"
    # a recompute of a few targets (after a unit's report) reads only the forms that hold their values
    forms = _forms(as_of_by_year, snapshot, None if everything or len(ids) > _BATCH else ids)
    order = _form_order(forms)
    latest = _latest_sql(ids, forms, order, everything=everything) if (postgres if sql is None else sql) \
        else _latest_python(ids, forms, order)
    store = _store_copy if postgres else _store_orm
    # the snapshot rows ("2021-H1") stay when the current evaluation is rebuilt: their periods, once
    keep = [] if snapshot is not None else _snapshot_keys()
    written = 0
    # closed here even on an error, inside the transaction that declared the server-side cursor
    with closing(latest):
        for chunk, groups in latest:
            written += _recompute_chunk(chunk, groups, store=store, keep=keep, snapshot=snapshot,
                                        as_of_by_year=as_of_by_year, today=today)
    return written


def _recompute_chunk(
    chunk: list[int], groups: Groups, *, store: Callable[..., int], keep: list[str], snapshot: Period | None,
    as_of_by_year: dict[tuple[int, bool], date], today: date,
) -> int:
    """Judge one chunk of targets from their groups and store the rows."""
    targets = _target_rows(chunk)
    baselines = _baselines_of({
        (row[11], str(years[0] - 1))
        for row in targets
        if row[7] and row[8] is None and (years := target_years(row[1]))
    })
    results = _evaluations(targets, groups, baselines, snapshot=snapshot, as_of_by_year=as_of_by_year,
                           today=today)
    return store(chunk, results, keep=keep, snapshot=snapshot)


def _snapshot_keys() -> list[str]:
    """Periods of the stored snapshot rows, all targets together (one pass over the distinct periods)."""
    periods = TargetStatus.objects.order_by().values_list("period", flat=True).distinct()
    return [k for k in periods if _snapshot_period(k) is not None]


def _latest_sql(
    ids: Sequence[int], forms: dict[int, _Form], order: dict[str, list[int]], *, everything: bool
) -> Generator[tuple[list[int], Groups], None, None]:
    """Chunks of `ids` with their targets' groups, from one streamed DISTINCT ON (PostgreSQL)."""
    params = {name: _int_array(numbers) for name, numbers in order.items()}
    only = ""
    if not everything:
        only = "AND v.target_id = ANY(%(ids)s::bigint[])"
        params["ids"] = _int_array(ids)
    sql = _REDUCE_SQL.format(only=only, value=ReportValue._meta.db_table)
    with connection.cursor() as cursor:
        # the sort of a national dataset fits in memory instead of spilling to disk (this transaction only)
        cursor.execute("SET LOCAL work_mem = '256MB'")
    with connection.chunked_cursor() as stream:
        stream.execute(sql, params)
        rows = _fetched(stream)
        row = next(rows, None)
        for start in range(0, len(ids), _BATCH):
            chunk = list(ids[start : start + _BATCH])
            # this chunk's values: the stream is in target order, like the chunks
            groups: Groups = defaultdict(list)
            top = chunk[-1]
            while row is not None and row[0] <= top:
                groups[row[0]].append((forms[row[1]], row[2]))
                row = next(rows, None)
            yield chunk, groups


def _latest_python(
    ids: Sequence[int], forms: dict[int, _Form], order: dict[str, list[int]]
) -> Generator[tuple[list[int], Groups], None, None]:
    """What `_latest_sql` returns, reduced in Python from every value (SQLite and other databases)."""
    rank = {pk: (grp, position) for pk, grp, position in zip(order["forms"], order["grps"], order["ords"], strict=True)}
    for start in range(0, len(ids), _BATCH):
        chunk = list(ids[start : start + _BATCH])
        first: dict[tuple[int, int], tuple[int, int, float]] = {}  # (target, group) → (order, form, value)
        for part in range(0, len(chunk), _CHUNK):
            values = ReportValue.objects.filter(
                target_id__in=chunk[part : part + _CHUNK], value__isnull=False
            ).values_list("target_id", "form_id", "value")
            for target_id, form_id, value in values.iterator(chunk_size=_CHUNK):
                ranked = rank.get(form_id)
                if ranked is None or value is None or not math.isfinite(number := float(value)):
                    continue
                slot = (target_id, ranked[0])
                if slot not in first or ranked[1] < first[slot][0]:
                    first[slot] = (ranked[1], form_id, number)
        groups: Groups = defaultdict(list)
        for (target_id, _grp), (_position, form_id, number) in sorted(first.items()):
            groups[target_id].append((forms[form_id], number))
        yield chunk, groups


def _target_rows(chunk: Sequence[int]) -> list[TargetRow]:
    """The chunk's targets with what the engine's spec reads, in id order (see `TargetRow`)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(_TARGET_SQL.format(target=Target._meta.db_table, indicator=Indicator._meta.db_table),
                           [_int_array(chunk)])
            return cursor.fetchall()
    rows: list[TargetRow] = []
    for start in range(0, len(chunk), _CHUNK):
        fetched = Target.objects.filter(pk__in=chunk[start : start + _CHUNK]).order_by("pk").values_list(
            "pk", "period", "comparator", "value", "value_max", "indicator__direction", "indicator__measure",
            "is_change", "baseline", "unit", "indicator__unit", "forecast_only", "indicator_id", "responsible_unit_id",
        )
        rows.extend((*r[:9], r[9] or r[10] or "", *r[11:]) for r in fetched)
    return rows


def _evaluations(
    targets: Sequence[TargetRow], groups: Groups, baselines: dict[tuple[int, str], float], *,
    snapshot: Period | None, as_of_by_year: dict[tuple[int, bool], date], today: date,
) -> Iterator[StatusResult]:
    """The internal, then the public result of each target, from its groups; lazily, so that the
    rows are on their way to the database while the next targets are judged (no query in here)."""
    judge = _Judge()
    for pk, period, comparator, value, value_max, direction, measure, change, baseline, unit, fc_only, ind, resp in targets:
        years = _years_of(period)
        if baseline is None and change and years:
            baseline = baselines.get((ind, str(years[0] - 1)))
        spec = _spec(comparator, value, value_max, direction, measure, change, baseline, unit, fc_only)
        key = snapshot.key if snapshot is not None else period
        target_groups = groups.get(pk, ())
        previous: tuple[int, date, tuple[engine.Observation, ...]] | None = None
        for public in (False, True):
            picked = _pick(target_groups, public=public, responsible_unit_id=resp, years=years, snapshot=snapshot,
                           as_of_by_year=as_of_by_year, today=today)
            # The same input gives the same result (the engine is pure): most public rows are the
            # internal one, once the latest figure is accepted.
            if picked != previous:
                previous = picked
                result = judge(spec, picked)
            yield pk, key, public, result, picked[1] if years is not None else None


class _Judge:
    """`engine.evaluate` on a picked input, once per (spec, year, date) for targets nobody reported
    on: early in a year most targets of a province have no figure yet, and the engine is pure, so
    they share one verdict instead of each building the same sentence."""

    def __init__(self) -> None:
        self._no_data: dict[tuple[engine.TargetSpec, int, date], engine.Evaluation] = {}

    def __call__(self, spec: engine.TargetSpec, picked: tuple[int, date, tuple[engine.Observation, ...]]) -> engine.Evaluation:
        year, as_of, obs = picked
        if obs:
            return engine.evaluate(spec, obs, year=year, as_of=as_of)
        key = (spec, year, as_of)
        result = self._no_data.get(key)
        if result is None:
            result = self._no_data[key] = engine.evaluate(spec, (), year=year, as_of=as_of)
        return result


def _int_array(numbers: Iterable[int]) -> str:
    """An integer array parameter as PostgreSQL's literal ("{1,2,3}", cast in the SQL): psycopg
    adapts a list element by element, which costs more than the query for the ten thousand ids of
    a chunk or the hundreds of thousands of forms of a national recompute."""
    return "{" + ",".join(map(str, numbers)) + "}"


def _fetched(cursor: Any) -> Iterator[tuple[Any, ...]]:
    while fetched := cursor.fetchmany(_CHUNK):
        yield from fetched


def _store_orm(chunk: Sequence[int], results: Iterable[StatusResult], *, keep: list[str], snapshot: Period | None) -> int:
    """Replace the chunk's stored rows with the results: delete, then bulk_create (not PostgreSQL)."""
    rows = [_status_row(pk, key, public, result, as_of) for pk, key, public, result, as_of in results]
    for start in range(0, len(chunk), _CHUNK):
        _delete_stale(chunk[start : start + _CHUNK], snapshot=snapshot, keep=keep)
    TargetStatus.objects.bulk_create(rows, batch_size=_CHUNK)
    return len(rows)


_LOAD_TABLE = "theodoi_status_load"
_FLUSH = 256  # COPY lines sent to the server at a time


def _store_copy(
    chunk: Sequence[int], results: Iterable[StatusResult], *, keep: list[str], snapshot: Period | None
) -> int:
    """Replace the chunk's stored rows (the current ones, or the snapshot's) with the results (PostgreSQL).

    The rows are sent by COPY while they are computed: the server writes them (heap, indexes) on
    one core while the engine judges the next targets on the other. Where the chunk has no row yet
    (a first evaluation) they are copied in. Otherwise they are copied to a temporary table and
    upserted on (target, period, public), skipping the rows whose result did not change: a
    recompute then writes only what changed (an unchanged row keeps its `computed_at`, the time
    its result was last computed differently), and an update leaves the foreign key and most
    indexes alone, which a delete and insert would not."""
    table = TargetStatus._meta.db_table
    columns = ", ".join(_COPY_FIELDS)
    ids = _int_array(chunk)
    lines = _copy_lines(results, timezone.now().isoformat())
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT EXISTS (SELECT 1 FROM {table} WHERE target_id = ANY(%s::bigint[]))", [ids])
        if not cursor.fetchone()[0]:
            return _copy(cursor, f"COPY {table} ({columns}) FROM STDIN", lines)
        cursor.execute(
            f"CREATE TEMP TABLE IF NOT EXISTS {_LOAD_TABLE} ON COMMIT DROP AS SELECT {columns} FROM {table} WITH NO DATA"
        )
        cursor.execute(f"TRUNCATE {_LOAD_TABLE}")
        written = _copy(cursor, f"COPY {_LOAD_TABLE} ({columns}) FROM STDIN", lines)
        _merge_loaded(cursor, ids, keep=keep, snapshot=snapshot)
    return written


def _merge_loaded(cursor: Any, ids: str, *, keep: list[str], snapshot: Period | None) -> None:
    """Make the chunk's stored rows those of the load table: delete what the recompute no longer
    produces (snapshots stay), upsert the rest, updating only the rows whose result changed."""
    table = TargetStatus._meta.db_table
    columns = ", ".join(_COPY_FIELDS)
    # what a recompute may change: everything but the key (target, period, public) and the time
    changing = [f for f in _COPY_FIELDS if f not in ("target_id", "period", "public", "computed_at")]
    scope, param = ("s.period = %s", snapshot.key) if snapshot is not None else ("NOT (s.period = ANY(%s))", keep)
    cursor.execute(
        f"DELETE FROM {table} s WHERE s.target_id = ANY(%s::bigint[]) AND {scope} AND NOT EXISTS ("
        f"SELECT 1 FROM {_LOAD_TABLE} n WHERE n.target_id = s.target_id AND n.period = s.period "
        "AND n.public = s.public)",
        [ids, param],
    )
    updates = ", ".join(f"{f} = EXCLUDED.{f}" for f in (*changing, "computed_at"))
    old = ", ".join(f"s.{f}" for f in changing)
    new = ", ".join(f"EXCLUDED.{f}" for f in changing)
    cursor.execute(
        f"INSERT INTO {table} AS s ({columns}) SELECT {columns} FROM {_LOAD_TABLE} "
        f"ON CONFLICT (target_id, period, public) DO UPDATE SET {updates} WHERE ({old}) IS DISTINCT FROM ({new})"
    )


def _copy_lines(results: Iterable[StatusResult], now: str) -> Iterator[str]:
    """The results in COPY's text format, written here (psycopg's write_row costs more than the
    engine); a target's public row that is its internal result differs only in `public`."""
    head = tail = ""
    previous: tuple[int, engine.Evaluation] | None = None
    for pk, key, public, result, as_of in results:
        if previous is None or previous[1] is not result or previous[0] != pk:
            previous = pk, result
            method = result.forecast_method or ""
            head = f"{pk}\t{_copy_str(key)}\t{result.status}\t{_copy_float(result.actual)}\t" \
                f"{_copy_float(result.progress_pct)}\t{_copy_float(result.forecast)}\t" \
                f"{_copy_str(FORECAST_METHODS_VI.get(method, method))}\t{_copy_str(result.explanation_vi)}\t"
            tail = "\t".join((
                as_of.isoformat() if as_of is not None else "\\N", _copy_float(result.target),
                _copy_float(result.expected_pct),
                result.period_end.isoformat() if result.period_end is not None else "\\N", now,
            ))
        yield f"{head}{'t' if public else 'f'}\t{tail}\n"


def _copy(cursor: Any, statement: str, lines: Iterable[str]) -> int:
    """COPY the lines, a few hundred at a time as they come; returns how many were sent."""
    sent = 0
    batch: list[str] = []
    with cursor.cursor.copy(statement) as copy:  # the psycopg cursor under Django's wrapper
        for line in lines:
            batch.append(line)
            if len(batch) == _FLUSH:
                copy.write("".join(batch))
                sent += len(batch)
                batch.clear()
        if batch:
            copy.write("".join(batch))
            sent += len(batch)
    return sent


_COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _copy_str(text: str) -> str:
    if "\\" in text or "\t" in text or "\n" in text or "\r" in text:
        return text.translate(_COPY_ESCAPES)
    return text


def _copy_float(number: float | None) -> str:
    if number is None:
        return "\\N"
    if math.isfinite(number):
        return repr(float(number))
    return "NaN" if math.isnan(number) else ("Infinity" if number > 0 else "-Infinity")


def _same_rounds(
    as_of_by_year: dict[tuple[int, bool], date], years: tuple[int, int] | None, snapshot: Period | None
) -> bool:
    """Whether internal and public evaluations of a target use the same "as of" date, in whichever
    of its years it is judged (the years of its figures alone are not enough: a target nobody
    reported on is judged as of its year's round, which may differ between the scopes)."""
    if snapshot is not None or years is None:
        return True
    return all(as_of_by_year.get((y, False)) == as_of_by_year.get((y, True)) for y in range(years[0], years[1] + 1))


_COPY_FIELDS = (
    "target_id", "period", "status", "value", "progress_pct", "forecast", "forecast_method", "explanation",
    "public", "as_of", "target_level", "expected_pct", "period_end", "computed_at",
)


def _insert(rows: Sequence[TargetStatus]) -> None:
    """Store the rows: COPY on PostgreSQL (a national recompute writes millions), bulk_create elsewhere."""
    if connection.vendor != "postgresql":
        TargetStatus.objects.bulk_create(rows, batch_size=2000)
        return
    now = timezone.now()
    table = TargetStatus._meta.db_table
    with connection.cursor() as cursor:
        raw = cursor.cursor  # the psycopg cursor under Django's wrapper
        with raw.copy(f"COPY {table} ({', '.join(_COPY_FIELDS)}) FROM STDIN") as copy:
            for r in rows:
                copy.write_row((
                    r.target_id, r.period, r.status, r.value, r.progress_pct, r.forecast, r.forecast_method,
                    r.explanation, r.public, r.as_of, r.target_level, r.expected_pct, r.period_end, now,
                ))


def _snapshot_keys_of(target_ids: Sequence[int]) -> list[str]:
    """Periods of existing snapshot rows (kept when the current evaluation is rebuilt)."""
    keys = TargetStatus.objects.filter(target_id__in=target_ids).values_list("period", flat=True).distinct()
    return [k for k in keys if _snapshot_period(k) is not None]


def on_values_changed(target_ids: Iterable[int]) -> int:
    """Call after reported values or a form's status changed: recomputes the targets' current
    statuses, then every snapshot (6-month, 9-month review) already stored for them."""
    ids = sorted({int(i) for i in target_ids})
    if not ids:
        return 0
    written = target_statuses_recompute(target_ids=ids)
    for key in _snapshot_keys_of(ids):
        written += target_statuses_recompute(target_ids=ids, period=key)
    return written


# -- deferred recompute, used by the signal handlers in apps.py ------------------------------------
def queue_recompute(target_ids: Iterable[int]) -> None:
    """Recompute after the current transaction commits, once per target however many saves it had.

    A failure is logged, never raised: a bug in evaluation must not undo a unit's report.
    """
    ids = {int(i) for i in target_ids}
    if not ids:
        return
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        _recompute_logged(ids)
        return
    for _sids, func, _robust in connection.run_on_commit:
        pending = getattr(func, "theodoi_pending", None)
        if pending is not None and not getattr(func, "theodoi_done", False):
            pending.update(ids)
            return

    def flush() -> None:
        flush.theodoi_done = True  # type: ignore[attr-defined]
        _recompute_logged(flush.theodoi_pending)  # type: ignore[attr-defined]

    flush.theodoi_pending = set(ids)  # type: ignore[attr-defined]
    transaction.on_commit(flush, robust=True)


def _recompute_logged(ids: set[int]) -> None:
    try:
        on_values_changed(ids)
    except Exception:  # noqa: BLE001 - see queue_recompute
        log.exception("evaluation recompute failed for targets %s", sorted(ids)[:20])
