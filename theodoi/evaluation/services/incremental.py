"""The incremental refresh: after values were saved or accepted, only the targets they feed are
judged again (and of those, only the ones whose input changed: the inputs digest), unless a
reporting round moved, which changes "as of" for every target of its year.

Run by the background job of `theodoi.evaluation.jobs` (after the commit of the write), or called
directly by a caller that wants the statuses fresh at once.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence

from django.utils import timezone

from theodoi.evaluation.models import StatusRefresh
from theodoi.evaluation.services.inputs import Tally, rounds_as_of
from theodoi.evaluation.services.recompute import record_refresh, rounds_json, target_statuses_recompute
from theodoi.evaluation.services.relevance import targets_reached

log = logging.getLogger(__name__)


def on_values_changed(target_ids: Iterable[int], *, form_targets: Iterable[Sequence[int]] = (),
                      tally: Tally | None = None, refresh: StatusRefresh | None = None) -> int:
    """Recompute the targets' current statuses, then every snapshot (6-month, 9-month review)
    already stored for them; returns the rows covered (written or skipped as unchanged).

    `target_ids` are judged again whatever changed; the targets of `form_targets` (form id, target
    id: the values saved, or the values of a form whose status changed) only when that form's
    value can change their input (`relevance.targets_reached`, told from their stored rows), so the
    work follows the change, not every value of every target named.

    When the reporting rounds differ from those of the last finished refresh (the first report of
    a new month arrived), every target is judged again: the unchanged ones are skipped by their
    digest, the others get the new "as of". Without any finished refresh there is nothing to
    compare with, and the targets named are judged alone. Each run is recorded (`refresh`, the
    job's row, or a new one): the dashboards show when, the next run compares its rounds."""
    ids = sorted({int(i) for i in target_ids})
    pairs = sorted({(int(f), int(t)) for f, t in form_targets})
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
        wanted = named
    else:
        wanted = set(ids) | targets_reached(pairs, as_of_by_year=rounds)
        tally.untouched += len(named - wanted)
        written = target_statuses_recompute(target_ids=wanted, today=today, rounds=rounds, tally=tally) \
            if wanted else 0
    # the snapshots stored for these targets, seen by the pass over their current rows
    for key in sorted({period for pk, period in tally.snapshots if pk in wanted}):
        written += target_statuses_recompute(target_ids=sorted(wanted), period=key, today=today, tally=tally)
    if refresh is not None or not moved:
        # a refresh called directly records the targets it judged (a job's row keeps what it was told)
        record_refresh(full=moved, rounds=rounds, tally=tally, refresh=refresh, target_ids=sorted(wanted))
    return written


def refresh_run(refresh_id: int) -> None:
    """The job body: refresh the targets of one StatusRefresh row and record what it did."""
    refresh = StatusRefresh.objects.get(pk=refresh_id)
    on_values_changed(refresh.target_ids, form_targets=refresh.form_targets, refresh=refresh)
