"""Which targets a change of reported values can reach, told from the stored rows alone.

A saved value (or a form that changed status) names its form and target. A target's stored row
records the form its input was read from (`TargetStatus.source_form`, kept true by the inputs
digest, which covers it). A value of another form that loses to that one in the choice of the
input (`inputs.outranks`: the same order `_pick_from` chooses by) cannot change the row, so the
refresh leaves its target alone instead of reading every value of it. A value of that very form
whose figure alone was revised (the event says before and after) changes the row's input in that
figure only: the row is judged again from what it stored (services/revised.py). What this reads is
proportional to the change: the named targets' stored rows and the forms involved, by id.

Whenever the stored rows cannot vouch for the answer, the target is judged again: no row, a row
without digest (the every-value path), rows of another period (a snapshot, or a target whose period
was corrected), a form no longer found, or a stored source form that is no longer a candidate.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import connection

from theodoi.evaluation.models import TargetStatus
from theodoi.evaluation.services.inputs import (
    _CHUNK,
    COUNTED_STATUSES,
    PUBLIC_STATUSES,
    _Form,
    _int_array,
    _years_of,
    candidate,
    form_rows,
    outranks,
    period_of,
)
from theodoi.plans.models import Target
from theodoi.reporting.models import ReportValue
from theodoi.reporting.periods import PeriodKind

# A stored row: (row id, period, public, inputs digest, source form)
_Row = tuple[int, str, bool, Any, Any]
# (target period, responsible unit, its stored rows, every period)
_Stored = tuple[str, Any, list[_Row]]


@dataclass(frozen=True, slots=True)
class RevisedRow:
    """A stored row whose chosen figure was revised, and nothing else that can reach it."""

    row_id: int
    public: bool
    inputs: int
    source: _Form
    old: float
    new: float


@dataclass
class Reach:
    """What a change reaches: targets to judge from their values, and targets whose only reached
    rows are revisions of their chosen figure (by target: those rows)."""

    judged: set[int] = field(default_factory=set)
    revised: dict[int, list[RevisedRow]] = field(default_factory=dict)
    period: dict[int, str] = field(default_factory=dict)  # of the revised targets: their rows' key


def targets_reached(form_targets: Iterable[tuple[int, int]], *, as_of_by_year: dict[tuple[int, bool], date],
                    revisions: Mapping[tuple[int, int], tuple[str | None, str | None]] | None = None) -> Reach:
    """Which targets among `form_targets` (form id, target id) the form's value can reach, and how;
    the others keep their stored rows as they are. `revisions`: (form, target) → figure before
    and after (decimal text), for the values whose figure alone changed."""
    by_target: dict[int, set[int]] = defaultdict(set)
    for form_id, target_id in form_targets:
        by_target[int(target_id)].add(int(form_id))
    reach = Reach()
    if not by_target:
        return reach
    stored = _stored(sorted(by_target))
    wanted = {f for forms in by_target.values() for f in forms}
    wanted |= {row[4] for _p, _u, rows in stored.values() for row in rows if row[4] is not None}
    forms = _forms_by_id(sorted(wanted), as_of_by_year)
    revisions = revisions or {}
    for target_id, changed in by_target.items():
        if target_id not in stored:
            continue
        rows = _reached(target_id, stored[target_id], changed, forms, revisions)
        if rows is None:
            reach.judged.add(target_id)
        elif rows:
            reach.revised[target_id] = rows
            reach.period[target_id] = stored[target_id][0]
    return reach


def _reached(target_id: int, stored: _Stored, changed: set[int], forms: dict[int, _Form],
             revisions: Mapping[tuple[int, int], tuple[str | None, str | None]]) -> list[RevisedRow] | None:
    """None when one of the changed forms can change one of the target's two current rows in a way
    only its values tell; else the rows whose chosen figure alone was revised (empty: none)."""
    period, responsible, rows = stored
    if len(rows) != 2:
        return None
    years = _years_of(period)
    revised: list[RevisedRow] = []
    for row_id, row_period, public, inputs, source_id in rows:
        if row_period != period or inputs is None:
            return None
        source = forms.get(source_id) if source_id is not None else None
        if source_id is not None and (source is None or not candidate(source, public=public, years=years)):
            return None
        for form_id in changed:
            form = forms.get(form_id)
            if form is None:
                return None
            if form_id == source_id:
                figure = _figures(revisions.get((form_id, target_id)))
                if figure is None or source is None:
                    return None
                revised.append(RevisedRow(row_id, public, inputs, source, *figure))
            elif outranks(form, source, public=public, responsible_unit_id=responsible, years=years):
                return None
    return revised


_VALUE_PLACES = Decimal(1).scaleb(-ReportValue._meta.get_field("value").decimal_places)  # type: ignore[union-attr]


def _figures(revision: tuple[str | None, str | None] | None) -> tuple[float, float] | None:
    """A revision the stored row can follow, as the floats the recompute reads back: both figures
    present, finite and as the column stores them (a figure the database rounds is not the one it
    holds); None otherwise."""
    if revision is None or revision[0] is None or revision[1] is None:
        return None
    try:
        numbers = Decimal(revision[0]), Decimal(revision[1])
        if not all(n.is_finite() and n == n.quantize(_VALUE_PLACES) for n in numbers):
            return None
    except (InvalidOperation, TypeError, ValueError):
        return None
    before, after = float(numbers[0]), float(numbers[1])
    return (before, after) if math.isfinite(before) and math.isfinite(after) else None


_STORED_SQL = """
SELECT t.id, t.period, t.responsible_unit_id, s.id, s.period, s.public, s.inputs, s.source_form
FROM {target} t LEFT JOIN {status} s ON s.target_id = t.id
WHERE t.id = ANY(%s::bigint[])
"""


def _stored(target_ids: Sequence[int]) -> dict[int, _Stored]:
    """The targets' period, responsible unit and stored rows (every period), by target: one query
    of the few columns the choice needs (no text, no model)."""
    out: dict[int, _Stored] = {}
    for start in range(0, len(target_ids), _CHUNK * 5):
        chunk = target_ids[start : start + _CHUNK * 5]
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(_STORED_SQL.format(target=Target._meta.db_table, status=TargetStatus._meta.db_table),
                               [_int_array(chunk)])
                fetched = cursor.fetchall()
        else:
            targets = Target.objects.filter(pk__in=chunk).values_list("pk", "period", "responsible_unit_id")
            rows: dict[int, list[tuple[Any, ...]]] = defaultdict(list)
            for target_id, *row in TargetStatus.objects.filter(target_id__in=chunk).values_list(
                    "target_id", "pk", "period", "public", "inputs", "source_form"):
                rows[target_id].append(tuple(row))
            fetched = [(pk, p, u, *row) for pk, p, u in targets for row in rows.get(pk) or [(None,) * 5]]
        for pk, period, responsible, row_id, *row in fetched:
            held = out.get(pk)
            if held is None:
                held = out[pk] = (period, responsible, [])
            if row_id is not None:
                held[2].append((row_id, *row))  # type: ignore[arg-type]
    return out


def _forms_by_id(form_ids: Sequence[int], as_of_by_year: dict[tuple[int, bool], date]) -> dict[int, _Form]:
    """The forms as the choice of an input sees them, whatever their status (a form that stopped
    counting is not a candidate: `counted` False)."""
    out: dict[int, _Form] = {}
    for start in range(0, len(form_ids), _CHUNK * 5):
        for pk, unit_id, key, status, updated_at in form_rows(counted_only=False,
                                                               form_ids=form_ids[start : start + _CHUNK * 5]):
            parsed = period_of(key)
            if parsed is None:
                continue
            period, end = parsed
            public = status in PUBLIC_STATUSES
            counted = status in COUNTED_STATUSES and end <= as_of_by_year.get((period.year, public), end)
            out[pk] = _Form(pk, period.year, public, unit_id, period.kind is PeriodKind.ANNUAL, counted, end,
                            updated_at)
    return out
