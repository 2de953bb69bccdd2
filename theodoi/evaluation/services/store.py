"""Where the statuses go: the stored `TargetStatus` rows replaced in bulk (COPY and a multi-row
upsert on PostgreSQL, bulk_create elsewhere) and the snapshot periods a rebuild keeps."""


from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from typing import Any

from django.db import connection
from django.utils import timezone

from theodoi.evaluation import engine
from theodoi.evaluation.explain import FORECAST_METHODS_VI
from theodoi.evaluation.models import TargetStatus
from theodoi.evaluation.services.inputs import (
    _CHUNK,
    StatusResult,
    Stored,
    _int_array,
    _snapshot_period,
    _status_row,
)
from theodoi.reporting.periods import Period


def _delete_stale(ids: Sequence[int], *, snapshot: Period | None, keep: Sequence[str]) -> None:
    """Delete the targets' rows that a recompute replaces: the snapshot's, or all but the snapshots."""
    stale = TargetStatus.objects.filter(target_id__in=ids)
    stale = stale.filter(period=snapshot.key) if snapshot is not None else stale.exclude(period__in=keep)
    stale.delete()




def _snapshot_keys() -> list[str]:
    """Periods of the stored snapshot rows, all targets together (one pass over the distinct periods)."""
    periods = TargetStatus.objects.order_by().values_list("period", flat=True).distinct()
    return [k for k in periods if _snapshot_period(k) is not None]




def _fetched(cursor: Any) -> Iterator[tuple[Any, ...]]:
    while fetched := cursor.fetchmany(_CHUNK):
        yield from fetched


def _dense(chunk: Sequence[int]) -> bool:
    """Whether the sorted ids fill most of their range (a full recompute's chunks do): then one range
    scan of the index reads them, where `= ANY(ids)` descends the index once per id (four times
    slower for the 10,000 ids of a chunk)."""
    return bool(chunk) and chunk[-1] - chunk[0] < 2 * len(chunk)


def _stored_of(chunk: Sequence[int]) -> Stored:
    """The chunk's stored rows, every period: (target, period, public) → (row id, inputs digest)."""
    if connection.vendor == "postgresql":
        table = TargetStatus._meta.db_table
        with connection.cursor() as cursor:
            if _dense(chunk):
                cursor.execute(f"SELECT target_id, period, public, id, inputs FROM {table} "
                               "WHERE target_id BETWEEN %s AND %s", [chunk[0], chunk[-1]])
                wanted = set(chunk)
                fetched = [row for row in cursor.fetchall() if row[0] in wanted]
            else:
                cursor.execute(f"SELECT target_id, period, public, id, inputs FROM {table} "
                               "WHERE target_id = ANY(%s::bigint[])", [_int_array(chunk)])
                fetched = cursor.fetchall()
    else:  # (not built on PostgreSQL: a `__in` filter prepares each of the ids as it is built)
        rows = TargetStatus.objects.values_list("target_id", "period", "public", "pk", "inputs")
        fetched = [row for start in range(0, len(chunk), _CHUNK)
                   for row in rows.filter(target_id__in=chunk[start : start + _CHUNK])]
    return {(t, p, pub): (pk, inputs) for t, p, pub, pk, inputs in fetched}


def _store_orm(results: Iterable[StatusResult], *, stored: Stored, stale: Sequence[int]) -> int:
    """Store the changed rows and drop the stale ones: delete, then bulk_create (not PostgreSQL)."""
    rows = [_status_row(pk, key, public, result, as_of, inputs, source)
            for pk, key, public, result, as_of, inputs, source in results]
    replaced = [stored[(r.target_id, r.period, r.public)][0] for r in rows if (r.target_id, r.period, r.public) in stored]
    gone = [*replaced, *stale]
    for start in range(0, len(gone), _CHUNK):
        TargetStatus.objects.filter(pk__in=gone[start : start + _CHUNK]).delete()
    TargetStatus.objects.bulk_create(rows, batch_size=_CHUNK)
    return len(rows)


_LOAD_TABLE = "theodoi_status_load"
_FLUSH = 256  # up to this many rows go by one multi-row upsert
# COPY lines sent to the server at a time: each write is a round of libpq calls, so larger batches
# cost less Python per row (a cold run at a tenth of national scale sends 174,000 lines), and 2048
# lines (about 600 kB) still reach the server while the next targets are judged.
_COPY_BATCH = 2048


def _store_copy(results: Iterable[StatusResult], *, stored: Stored, stale: Sequence[int]) -> int:
    """Store the changed rows and drop the stale ones (PostgreSQL); returns how many were written.

    The rows are sent by COPY while they are computed: the server writes them (heap, indexes) on
    one core while the engine judges the next targets on the other. Where the chunk has no row yet
    (a first evaluation) they are copied in. A few rows (the targets of one report) go by one
    multi-row upsert; more are copied to a temporary table and upserted from it on (target,
    period, public). An update leaves the foreign key and most indexes alone, which a delete and
    insert would not; a row whose result is the same keeps its `computed_at` (the time its result
    was last computed differently) and takes the new inputs digest."""
    table = TargetStatus._meta.db_table
    columns = ", ".join(_COPY_FIELDS)
    now = timezone.now()
    results = iter(results)
    with connection.cursor() as cursor:
        if stale:
            cursor.execute(f"DELETE FROM {table} WHERE id = ANY(%s::bigint[])", [_int_array(stale)])
        if not stored:
            return _copy(cursor, f"COPY {table} ({columns}) FROM STDIN", _copy_lines(results, now.isoformat()))
        first = list(itertools.islice(results, _FLUSH))
        if len(first) < _FLUSH:
            if first:
                values = ", ".join(["(" + ", ".join(["%s"] * len(_COPY_FIELDS)) + ")"] * len(first))
                cursor.execute(f"INSERT INTO {table} AS s ({columns}) VALUES {values} {_UPSERT}",
                               [v for row in first for v in _row_values(row, now)])
            return len(first)
        cursor.execute(
            f"CREATE TEMP TABLE IF NOT EXISTS {_LOAD_TABLE} ON COMMIT DROP AS SELECT {columns} FROM {table} WITH NO DATA"
        )
        cursor.execute(f"TRUNCATE {_LOAD_TABLE}")
        written = _copy(cursor, f"COPY {_LOAD_TABLE} ({columns}) FROM STDIN",
                        _copy_lines(itertools.chain(first, results), now.isoformat()))
        cursor.execute(f"INSERT INTO {table} AS s ({columns}) SELECT {columns} FROM {_LOAD_TABLE} {_UPSERT}")
    return written


def _row_values(row: StatusResult, now: Any) -> tuple[Any, ...]:
    """One row's column values in `_COPY_FIELDS` order (the multi-row upsert's parameters)."""
    pk, key, public, result, as_of, inputs, source = row
    method = result.forecast_method or ""
    return (pk, key, result.status, result.actual, result.progress_pct, result.forecast,
            FORECAST_METHODS_VI.get(method, method), result.explanation_vi, public, as_of, result.target,
            result.expected_pct, result.period_end, now, inputs, source)


def _copy_lines(results: Iterable[StatusResult], now: str) -> Iterator[str]:
    """The results in COPY's text format, written here (psycopg's write_row costs more than the
    engine); a target's public row that is its internal result differs only in `public`."""
    head = tail = ""
    previous: tuple[int, engine.Evaluation] | None = None
    for pk, key, public, result, as_of, inputs, source in results:
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
        digest = "\\N" if inputs is None else str(inputs)
        form = "\\N" if source is None else str(source)
        yield f"{head}{'t' if public else 'f'}\t{tail}\t{digest}\t{form}\n"


def _copy(cursor: Any, statement: str, lines: Iterable[str]) -> int:
    """COPY the lines, `_COPY_BATCH` at a time as they come; returns how many were sent."""
    sent = 0
    batch: list[str] = []
    with cursor.cursor.copy(statement) as copy:  # the psycopg cursor under Django's wrapper
        for line in lines:
            batch.append(line)
            if len(batch) == _COPY_BATCH:
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
    "public", "as_of", "target_level", "expected_pct", "period_end", "computed_at", "inputs", "source_form",
)
# What a recompute may change: everything but the key (target, period, public), the time, the digest
# and the source form (what the row was judged from, not what it says).
_CHANGING = [f for f in _COPY_FIELDS
             if f not in ("target_id", "period", "public", "computed_at", "inputs", "source_form")]
_OLD = ", ".join(f"s.{f}" for f in _CHANGING)
_NEW = ", ".join(f"EXCLUDED.{f}" for f in _CHANGING)
_UPSERT = (
    "ON CONFLICT (target_id, period, public) DO UPDATE SET "
    + ", ".join(f"{f} = EXCLUDED.{f}" for f in _CHANGING)
    + f", inputs = EXCLUDED.inputs, source_form = EXCLUDED.source_form, computed_at = CASE WHEN ({_OLD}) IS DISTINCT FROM ({_NEW}) "
    "THEN EXCLUDED.computed_at ELSE s.computed_at END"
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
                    r.explanation, r.public, r.as_of, r.target_level, r.expected_pct, r.period_end, now, r.inputs,
                    r.source_form,
                ))


def _snapshot_keys_of(target_ids: Sequence[int]) -> list[str]:
    """Periods of existing snapshot rows (kept when the current evaluation is rebuilt)."""
    keys = TargetStatus.objects.filter(target_id__in=target_ids).values_list("period", flat=True).distinct()
    return [k for k in keys if _snapshot_period(k) is not None]


