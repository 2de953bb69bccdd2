"""Which targets a change of reported values can reach, told from the stored rows alone.

A saved value (or a form that changed status) names its form and target. A target's stored row
records the form its input was read from (`TargetStatus.source_form`, kept true by the inputs
digest, which covers it). A value of another form that loses to that one in the choice of the
input (`inputs.outranks`: the same order `_pick_from` chooses by) cannot change the row, so the
refresh leaves its target alone instead of reading every value of it. What this reads is
proportional to the change: the named targets' stored rows and the forms involved, by id.

Whenever the stored rows cannot vouch for the answer, the target is judged again: no row, a row
without digest (the every-value path), rows of another period (a snapshot, or a target whose period
was corrected), a form no longer found, or a stored source form that is no longer a candidate.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from django.db import connection

from theodoi.evaluation.models import TargetStatus
from theodoi.evaluation.services.inputs import (
    _CHUNK,
    COUNTED_STATUSES,
    PUBLIC_STATUSES,
    _Form,
    _int_array,
    candidate,
    form_rows,
    outranks,
    period_of,
    target_years,
)
from theodoi.plans.models import Target
from theodoi.reporting.periods import PeriodKind

# (target period, responsible unit, [(row period, public, inputs digest, source form)])
_Stored = tuple[str, Any, list[tuple[str, bool, Any, Any]]]


def targets_reached(form_targets: Iterable[tuple[int, int]], *,
                    as_of_by_year: dict[tuple[int, bool], date]) -> set[int]:
    """The targets among `form_targets` (form id, target id) whose input the form's value can
    change; the others keep their stored rows as they are."""
    by_target: dict[int, set[int]] = defaultdict(set)
    for form_id, target_id in form_targets:
        by_target[int(target_id)].add(int(form_id))
    if not by_target:
        return set()
    stored = _stored(sorted(by_target))
    wanted = {f for forms in by_target.values() for f in forms}
    wanted |= {row[3] for _p, _u, rows in stored.values() for row in rows if row[3] is not None}
    forms = _forms_by_id(sorted(wanted), as_of_by_year)
    return {
        target_id for target_id, changed in by_target.items()
        if target_id in stored and _reached(stored[target_id], changed, forms)
    }


def _reached(stored: _Stored, changed: set[int], forms: dict[int, _Form]) -> bool:
    """Whether one of the changed forms can change one of the target's two current rows."""
    period, responsible, rows = stored
    years = target_years(period)
    if len(rows) != 2 or any(p != period or inputs is None for p, _pub, inputs, _src in rows):
        return True
    for _p, public, _inputs, source_id in rows:
        source = forms.get(source_id) if source_id is not None else None
        if source_id is not None and (source is None or not candidate(source, public=public, years=years)):
            return True
        for form_id in changed:
            form = forms.get(form_id)
            if form is None or form_id == source_id or outranks(
                form, source, public=public, responsible_unit_id=responsible, years=years
            ):
                return True
    return False


def _stored(target_ids: Sequence[int]) -> dict[int, _Stored]:
    """The targets' period, responsible unit and stored rows (every period), by target."""
    out: dict[int, _Stored] = {}
    for start in range(0, len(target_ids), _CHUNK * 5):
        chunk = target_ids[start : start + _CHUNK * 5]
        if connection.vendor == "postgresql":
            ids = _int_array(chunk)
            with connection.cursor() as cursor:
                cursor.execute(f"SELECT id, period, responsible_unit_id FROM {Target._meta.db_table} "
                               "WHERE id = ANY(%s::bigint[])", [ids])
                targets = cursor.fetchall()
                cursor.execute(f"SELECT target_id, period, public, inputs, source_form FROM "
                               f"{TargetStatus._meta.db_table} WHERE target_id = ANY(%s::bigint[])", [ids])
                rows = cursor.fetchall()
        else:
            targets = list(Target.objects.filter(pk__in=chunk).values_list("pk", "period", "responsible_unit_id"))
            rows = list(TargetStatus.objects.filter(target_id__in=chunk).values_list(
                "target_id", "period", "public", "inputs", "source_form"))
        for pk, period, responsible in targets:
            out[pk] = (period, responsible, [])
        for target_id, *row in rows:
            if target_id in out:
                out[target_id][2].append(tuple(row))  # type: ignore[arg-type]
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
