"""The incremental refresh: after values were saved or accepted, only the targets they feed are
judged again (and of those, only the ones whose input changed: the inputs digest), unless a
reporting round moved, which changes "as of" for every target of its year.

Run by the background job of `theodoi.evaluation.jobs` (after the commit of the write), or called
directly by a caller that wants the statuses fresh at once.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence

from django.utils import timezone

from theodoi.evaluation.models import StatusRefresh
from theodoi.evaluation.services.inputs import Tally, rounds_as_of
from theodoi.evaluation.services.recompute import record_refresh, rounds_json, target_statuses_recompute
from theodoi.evaluation.services.relevance import targets_reached
from theodoi.evaluation.services.revised import revised_rejudge

log = logging.getLogger(__name__)


def on_values_changed(target_ids: Iterable[int], *, form_targets: Iterable[Sequence[int]] = (),
                      revisions: Mapping[tuple[int, int], tuple[str | None, str | None]] | None = None,
                      tally: Tally | None = None, refresh: StatusRefresh | None = None) -> int:
    """Recompute the targets' current statuses, then every snapshot (6-month, 9-month review)
    already stored for them; returns the rows covered (written or skipped as unchanged).

    `target_ids` are judged again whatever changed; the targets of `form_targets` (form id, target
    id: the values saved, or the values of a form whose status changed) only when that form's
    value can change their input (`relevance.targets_reached`, told from their stored rows), so the
    work follows the change, not every value of every target named. `revisions`: (form, target) →
    figure before and after (decimal text) of values whose figure alone changed: a row whose chosen
    figure that was is judged again from its stored input (services/revised.py), without reading
    the target's values.

    When the reporting rounds differ from those of the last finished refresh (the first report of
    a new month arrived), every target is judged again: the unchanged ones are skipped by their
    digest, the others get the new "as of". Without any finished refresh there is nothing to
    compare with, and the targets named are judged alone. Each run is recorded (`refresh`, the
    job's row, or a new one): the dashboards show when, the next run compares its rounds."""
    ids = sorted({int(i) for i in target_ids})
    revised = {(int(f), int(t)): (old, new) for (f, t), (old, new) in (revisions or {}).items()}
    pairs = sorted({(int(f), int(t)) for f, t in form_targets} | set(revised))
    if not ids and not pairs:
        return 0
    tally = tally if tally is not None else Tally()
    today = timezone.localdate()
    rounds = rounds_as_of(today=today)
    finished = StatusRefresh.objects.filter(finished_at__isnull=False, error="").order_by("-finished_at", "-pk")
    last = finished.only("pk", "rounds").first()
    moved = last is not None and last.rounds != rounds_json(rounds)
    named = set(ids) | {t for _f, t in pairs}
    if moved:
        log.info("reporting rounds moved since refresh %s: every target judged again", last.pk if last else None)
        # every current row, judged at the new rounds (this records a full refresh of its own)
        written = target_statuses_recompute(today=today, rounds=rounds, tally=tally)
        wanted = judged = named
    else:
        reach = targets_reached(pairs, as_of_by_year=rounds, revisions=revised)
        wanted = set(ids) | reach.judged
        # rows whose chosen figure alone was revised, judged from what they stored (those whose
        # stored input cannot be rebuilt, and those also named as changed in every way, from their values)
        covered = tally.written + tally.skipped
        wanted |= revised_rejudge({t: rows for t, rows in reach.revised.items() if t not in wanted}, reach.period,
                                  as_of_by_year=rounds, today=today, tally=tally)
        written = tally.written + tally.skipped - covered
        judged = wanted | set(reach.revised)
        tally.untouched += len(named - judged)
        written += target_statuses_recompute(target_ids=wanted, today=today, rounds=rounds, tally=tally) \
            if wanted else 0
    # the snapshots stored for these targets, seen by the pass over their current rows
    for key in sorted({period for pk, period in tally.snapshots if pk in wanted}):
        written += target_statuses_recompute(target_ids=sorted(wanted), period=key, today=today, tally=tally)
    if refresh is not None or not moved:
        # a refresh called directly records the targets it judged (a job's row keeps what it was told)
        record_refresh(full=moved, rounds=rounds, tally=tally, refresh=refresh, target_ids=sorted(judged))
    return written


def refresh_run(refresh_id: int) -> None:
    """The job body: refresh the targets of one StatusRefresh row and record what it did."""
    refresh = StatusRefresh.objects.get(pk=refresh_id)
    revisions = {(entry[0], entry[1]): (entry[2], entry[3]) for entry in refresh.form_targets if len(entry) == 4}
    on_values_changed(refresh.target_ids, form_targets=[entry[:2] for entry in refresh.form_targets],
                      revisions=revisions, refresh=refresh)
