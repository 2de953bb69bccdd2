"""A stored row judged again from what it stored, when the figure it was judged from was revised.

The input of a row (year-to-date values, `inputs._pick_from`) is one observation: the chosen form's
period end, its figure and whether the year's figures include an annual one (`final`), judged in
the form's year as of its round. When the event says the chosen figure before and after and
nothing else reached the row (services/relevance.py), the input after the change is the one before
with the new figure, and nothing else needs reading. The input before is rebuilt from the stored
row's form, and it must give the row's stored inputs digest (which covers the spec, the rules'
source, the year, "as of", the form and the observation): so the rebuilt input is the one the row
was judged from, not a guess, or else the target is judged from its values as before. The verdict
is the engine's, on the same input a full recompute would pick, and it is written the same way.
"""

from __future__ import annotations

from datetime import date

from django.db import connection, transaction

from theodoi.evaluation import engine
from theodoi.evaluation.services.digests import _spec_digest, inputs_digest
from theodoi.evaluation.services.inputs import (
    Picked,
    StatusResult,
    Stored,
    Tally,
    TargetRow,
    _baselines_of,
    _default_as_of,
    _spec,
    _years_of,
)
from theodoi.evaluation.services.recompute import _Judge, _target_rows
from theodoi.evaluation.services.relevance import RevisedRow
from theodoi.evaluation.services.store import _store_copy, _store_orm


def revised_rejudge(revised: dict[int, list[RevisedRow]], period: dict[int, str], *,
                    as_of_by_year: dict[tuple[int, bool], date], today: date, tally: Tally) -> set[int]:
    """Judge the revised rows from their stored input with the new figure and store them; returns
    the targets whose stored input could not be rebuilt (to be judged from their values)."""
    if not revised:
        return set()
    targets = _target_rows(sorted(revised))
    baselines = _baselines_of({
        (row[11], str(years[0] - 1))
        for row in targets
        if row[7] and row[8] is None and (years := _years_of(row[1]))
    })
    unknown = set(revised) - {row[0] for row in targets}
    results: list[StatusResult] = []
    stored: Stored = {}
    judge = _Judge()
    for row in targets:
        pk = row[0]
        judged = _rejudged(row, revised[pk], baselines, as_of_by_year=as_of_by_year, today=today, judge=judge) \
            if row[1] == period[pk] else None
        if judged is None:
            unknown.add(pk)
            continue
        results.extend(judged)
        tally.skipped += len(revised[pk]) - len(judged)
        stored.update({(pk, row[1], r.public): (r.row_id, r.inputs) for r in revised[pk]})
    if results:
        with transaction.atomic():
            store = _store_copy if connection.vendor == "postgresql" else _store_orm
            tally.written += store(iter(results), stored=stored, stale=[])
    return unknown


def _rejudged(row: TargetRow, rows: list[RevisedRow], baselines: dict[tuple[int, str], float], *,
              as_of_by_year: dict[tuple[int, bool], date], today: date, judge: _Judge) -> list[StatusResult] | None:
    """The target's revised rows judged with the new figure, those whose input is the stored one
    left out; None when a stored input cannot be rebuilt."""
    pk, period, comparator, value, value_max, direction, measure, change, baseline, unit, fc_only, ind, _resp = row
    years = _years_of(period)
    if years is None:
        return None
    if baseline is None and change:
        baseline = baselines.get((ind, str(years[0] - 1)))
    spec = _spec(comparator, value, value_max, direction, measure, change, baseline, unit, fc_only)
    spec_digest = _spec_digest(spec)
    out: list[StatusResult] = []
    previous: tuple[Picked, engine.Evaluation] | None = None
    for revised in rows:
        form = revised.source
        as_of = as_of_by_year.get((form.year, revised.public)) or _default_as_of(form.year, today)
        picked: Picked | None = None
        for final in (False, True):
            before = (form.year, as_of, (engine.Observation(period_end=form.end, value=revised.old, final=final),))
            if inputs_digest(spec, before, spec_digest, form.pk) == revised.inputs:
                picked = (form.year, as_of, (engine.Observation(period_end=form.end, value=revised.new, final=final),))
                break
        if picked is None:
            return None
        digest = inputs_digest(spec, picked, spec_digest, form.pk)
        if digest == revised.inputs:  # the same figure: the row stands (counted as skipped)
            continue
        if previous is None or previous[0] != picked:
            previous = picked, judge(spec, picked)
        out.append((pk, period, revised.public, previous[1], as_of, digest, form.pk))
    return out
