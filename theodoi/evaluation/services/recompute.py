"""The recompute service: which targets, which path (every value or year-to-date), in chunks,
skipping the targets whose input did not change (the inputs digest stored on each row)."""


from __future__ import annotations

import functools
import logging
import math
from collections import defaultdict
from collections.abc import Callable, Generator, Hashable, Iterable, Iterator, Sequence
from contextlib import closing
from datetime import date
from typing import Any

from django.db import connection, transaction
from django.utils import timezone

from theodoi.evaluation import engine
from theodoi.evaluation.models import StatusRefresh, TargetStatus
from theodoi.evaluation.services.digests import _spec_digest, inputs_digest
from theodoi.evaluation.services.inputs import (
    _BATCH,
    _CHUNK,
    VALUES_ARE_YEAR_TO_DATE,
    Groups,
    StatusResult,
    Tally,
    TargetRow,
    _baselines,
    _baselines_of,
    _Form,
    _form_order,
    _forms,
    _load_values,
    _pick_from,
    _snapshot_period,
    _spec,
    _status_row,
    _years_of,
    rounds_as_of,
    target_evaluate,
    target_years,
)
from theodoi.evaluation.services.store import (
    _delete_stale,
    _dense,
    _fetched,
    _insert,
    _int_array,
    _same_rounds,
    _snapshot_keys_of,
    _store_copy,
    _store_orm,
    _stored_of,
)
from theodoi.plans.models import Indicator, Target
from theodoi.reporting.models import ReportValue
from theodoi.reporting.periods import Period

log = logging.getLogger(__name__)

_FEW_TARGETS = 1000  # up to this many targets a recompute reads only the forms that hold their values
_ANALYZE_AFTER = 20000  # rows written by one recompute after which the status table is analysed


def target_statuses_recompute(
    *,
    target: Target | None = None,
    period: str | None = None,
    target_ids: Iterable[int] | None = None,
    today: date | None = None,
    rounds: dict[tuple[int, bool], date] | None = None,
    tally: Tally | None = None,
) -> int:
    """Recompute and store the internal and public statuses; returns how many rows it covers
    (written, or found unchanged by their inputs digest and skipped: `tally` tells them apart).

    Without arguments: every target, current evaluation. `target` / `target_ids` narrow it down;
    `period` is either a target period ("2021": the targets of that period) or a reporting period
    key ("2021-H1": every target covering 2021, evaluated as of 30 June, stored under "2021-H1").
    """
    today = today or timezone.localdate()
    snapshot = _snapshot_period(period)
    targets_qs = Target.objects.order_by("pk")
    if target is not None:
        targets_qs = targets_qs.filter(pk=target.pk)
    if period and snapshot is None:
        targets_qs = targets_qs.filter(period=period)
    if target_ids is not None:
        wanted = sorted({int(i) for i in target_ids})
        if connection.vendor == "postgresql":  # an array parameter: the ORM prepares each id of `__in`
            targets_qs = targets_qs.extra(where=[f"{Target._meta.db_table}.id = ANY(%s::bigint[])"],
                                         params=[_int_array(wanted)])
        else:
            targets_qs = targets_qs.filter(pk__in=wanted)
    ids = [
        pk for pk, p in targets_qs.values_list("pk", "period")
        if snapshot is None or ((y := target_years(p)) is not None and y[0] <= snapshot.year <= y[1])
    ]
    if not ids:
        return 0
    as_of_by_year = rounds if rounds is not None else rounds_as_of(today=today)
    everything = target is None and target_ids is None and not period
    tally = tally if tally is not None else Tally()
    with transaction.atomic():
        if not VALUES_ARE_YEAR_TO_DATE:  # period amounts add up: the engine needs every value
            tally.written += _recompute_every_value(ids, snapshot=snapshot, as_of_by_year=as_of_by_year, today=today)
        else:
            _recompute(ids, everything=everything, snapshot=snapshot, as_of_by_year=as_of_by_year, today=today,
                       tally=tally)
        if everything:  # the dashboards' "refreshed at", and the rounds the next incremental run compares
            record_refresh(full=True, rounds=as_of_by_year, tally=tally)
    return tally.written + tally.skipped


def rounds_json(rounds: dict[tuple[int, bool], date]) -> dict[str, str]:
    """The rounds as a refresh row stores them: "2021:public" / "2021:internal" → ISO date."""
    return {f"{y}:{'public' if p else 'internal'}": d.isoformat() for (y, p), d in sorted(rounds.items())}


def record_refresh(
    *, full: bool, rounds: dict[tuple[int, bool], date], tally: Tally, refresh: StatusRefresh | None = None,
    target_ids: Sequence[int] = (),
) -> StatusRefresh:
    """Write down a finished refresh (a new row, or the job's own row: its lists of targets, which
    may hold thousands, are not written again)."""
    existing = refresh is not None
    refresh = refresh or StatusRefresh(full=full, target_ids=list(target_ids))
    refresh.full, refresh.rounds, refresh.finished_at = full, rounds_json(rounds), timezone.now()
    refresh.written, refresh.skipped = tally.written, tally.skipped
    refresh.save(update_fields=["full", "rounds", "finished_at", "written", "skipped"] if existing else None)
    return refresh


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
WHERE {where} ORDER BY t.id
"""


def _recompute(
    ids: Sequence[int], *, everything: bool, snapshot: Period | None,
    as_of_by_year: dict[tuple[int, bool], date], today: date, sql: bool | None = None, tally: Tally | None = None,
) -> int:
    """The year-to-date recompute, in chunks of targets: the latest values of each chunk (`sql`: by
    PostgreSQL, the default there; otherwise in Python), the engine's verdicts, the rows stored."""
    postgres = connection.vendor == "postgresql"
    # A recompute of a few targets (after a unit's report) reads only the forms that hold their
    # values. For more, every counted form is cheaper than finding those (a few hundred thousand
    # rows at national scale, against a scan of the values of every target named).
    forms = _forms(as_of_by_year, snapshot, None if everything or len(ids) > _FEW_TARGETS else ids)
    order = _form_order(forms)
    latest = _latest_sql(ids, forms, order, everything=everything) if (postgres if sql is None else sql) \
        else _latest_python(ids, forms, order)
    store = _store_copy if postgres else _store_orm
    # the snapshot rows ("2021-H1") stay when the current evaluation is rebuilt (told by their period)
    keep: list[str] = []
    tally = tally if tally is not None else Tally()
    # closed here even on an error, inside the transaction that declared the server-side cursor
    written = tally.written
    with closing(latest):
        for chunk, groups in latest:
            _recompute_chunk(chunk, groups, store=store, keep=keep, snapshot=snapshot,
                             as_of_by_year=as_of_by_year, today=today, tally=tally)
    if postgres and tally.written - written >= _ANALYZE_AFTER:
        # After a bulk write (a first evaluation: the table was empty) the planner's statistics
        # still describe the table before it; the next recompute's lookups of stored rows by
        # target then scanned every row of the table for each chunk (0.9 s instead of 0.2 s at a
        # tenth of national scale), and the dashboards' lookups were planned just as badly.
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {TargetStatus._meta.db_table}")
    return tally.written + tally.skipped


def _recompute_chunk(
    chunk: list[int], groups: Groups, *, store: Callable[..., int], keep: list[str], snapshot: Period | None,
    as_of_by_year: dict[tuple[int, bool], date], today: date, tally: Tally,
) -> None:
    """Judge one chunk of targets from their groups and store the rows that changed.

    The stored rows' inputs digests come first (one query): a target whose input is the one its
    row was judged from is skipped. Stale rows are those in the recompute's scope (the snapshot's
    period, or every period but the snapshots) under another period than the target's own now."""
    targets = _target_rows(chunk)
    stored = _stored_of(chunk)
    expected = {row[0]: snapshot.key if snapshot is not None else row[1] for row in targets}
    stale = []
    for (pk, period, _public), (row_id, _inputs) in stored.items():
        if snapshot is None and _is_snapshot(period):
            tally.snapshots.add((pk, period))  # kept; the incremental refresh recomputes it next
        elif (snapshot is None or period == snapshot.key) and period != expected.get(pk):
            stale.append(row_id)
    known = {key: inputs for key, (_row_id, inputs) in stored.items() if inputs is not None}
    baselines = _baselines_of({
        (row[11], str(years[0] - 1))
        for row in targets
        if row[7] and row[8] is None and (years := target_years(row[1]))
    })
    results = _evaluations(targets, groups, baselines, snapshot=snapshot, as_of_by_year=as_of_by_year,
                           today=today, known=known, tally=tally)
    tally.written += store(results, stored=stored, stale=stale)



@functools.lru_cache(maxsize=1024)
def _is_snapshot(period: str) -> bool:
    return _snapshot_period(period) is not None


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
        tables = {"target": Target._meta.db_table, "indicator": Indicator._meta.db_table}
        with connection.cursor() as cursor:
            if _dense(chunk):  # one range scan (see `_dense`)
                cursor.execute(_TARGET_SQL.format(where="t.id BETWEEN %s AND %s", **tables), [chunk[0], chunk[-1]])
                wanted = set(chunk)
                return [row for row in cursor.fetchall() if row[0] in wanted]
            cursor.execute(_TARGET_SQL.format(where="t.id = ANY(%s::bigint[])", **tables), [_int_array(chunk)])
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
    known: dict[tuple[int, str, bool], int] | None = None, tally: Tally | None = None,
) -> Iterator[StatusResult]:
    """The internal, then the public result of each target, from its groups; lazily, so that the
    rows are on their way to the database while the next targets are judged (no query in here).
    A row whose inputs digest is the `known` one (stored) is left out and counted as skipped."""
    known = known or {}
    tally = tally if tally is not None else Tally()
    judge = _Judge()
    # (the spec's plain fields) -> (spec, its digest): equal targets (the same level in every
    # commune) share one, looked up by a tuple of plain values instead of hashing the dataclass
    specs: dict[tuple[Any, ...], tuple[engine.TargetSpec, int]] = {}
    for pk, period, comparator, value, value_max, direction, measure, change, baseline, unit, fc_only, ind, resp in targets:
        years = _years_of(period)
        if baseline is None and change and years:
            baseline = baselines.get((ind, str(years[0] - 1)))
        fields = (comparator, value, value_max, direction, measure, change, baseline, unit, fc_only)
        held = specs.get(fields)
        if held is None:
            spec = _spec(*fields)
            held = specs[fields] = (spec, _spec_digest(spec))
        spec, spec_digest = held
        key = snapshot.key if snapshot is not None else period
        target_groups = groups.get(pk, ())
        previous: tuple[int, date, tuple[engine.Observation, ...]] | None = None
        previous_source: int | None = None
        digest = 0
        for public in (False, True):
            picked, source = _pick_from(target_groups, public=public, responsible_unit_id=resp, years=years,
                                        snapshot=snapshot, as_of_by_year=as_of_by_year, today=today)
            # The same input gives the same result (the engine is pure) and the same digest: most
            # public rows are the internal one, once the latest figure is accepted.
            same = previous is not None and source == previous_source and picked == previous
            if not same:
                digest = inputs_digest(spec, picked, spec_digest, source)
            if known.get((pk, key, public)) == digest:
                tally.skipped += 1
                continue
            if not same:
                previous, previous_source = picked, source
                result = judge(spec, picked, fields)
            yield pk, key, public, result, picked[1] if years is not None else None, digest, source


class _Judge:
    """`engine.evaluate` on a picked input, once per (spec, year, date) for targets nobody reported
    on: early in a year most targets of a province have no figure yet, and the engine is pure, so
    they share one verdict instead of each building the same sentence."""

    def __init__(self) -> None:
        self._no_data: dict[tuple[Hashable, int, date], engine.Evaluation] = {}

    def __call__(self, spec: engine.TargetSpec, picked: tuple[int, date, tuple[engine.Observation, ...]],
                 spec_key: tuple[Any, ...] | None = None) -> engine.Evaluation:
        """`spec_key`: the plain fields the spec was built from (`_spec`), which stand for it in the
        key without hashing the dataclass's every field (a tuple never equals a spec)."""
        year, as_of, obs = picked
        if obs:
            return engine.evaluate(spec, obs, year=year, as_of=as_of)
        key = (spec if spec_key is None else spec_key, year, as_of)
        result = self._no_data.get(key)
        if result is None:
            result = self._no_data[key] = engine.evaluate(spec, (), year=year, as_of=as_of)
        return result
