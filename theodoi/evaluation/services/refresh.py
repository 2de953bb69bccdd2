"""The deferred refresh that follows a write: the targets named by the "targets changed" events of
one transaction are collected, and once it commits one StatusRefresh row is written and handed to
the job runner (theodoi.evaluation.jobs), so the person who saved never waits for the evaluation."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping

from django.db import transaction

from theodoi.evaluation.models import StatusRefresh

log = logging.getLogger(__name__)

Pair = tuple[int, int]
# (form, target) -> (figure before, figure after), decimal text or None (theodoi.core.events)
Revisions = dict[Pair, tuple[str | None, str | None]]


def queue_recompute(target_ids: Iterable[int], *, form_targets: Iterable[tuple[int, int]] = (),
                    revisions: Mapping[Pair, tuple[str | None, str | None]] | None = None) -> None:
    """Refresh after the current transaction commits, once per target however many saves it had.

    `target_ids` are judged again whatever changed; `form_targets`, (form, target) of changed
    values, only where that form's value can change the target's input (services/relevance.py);
    `revisions`, the figure before and after of some of them (services/revised.py).
    A failure is logged, never raised: a bug in evaluation must not undo a unit's report.
    """
    ids = {int(i) for i in target_ids}
    revised: Revisions = {(int(f), int(t)): (old, new) for (f, t), (old, new) in (revisions or {}).items()}
    pairs = {(int(f), int(t)) for f, t in form_targets} | set(revised)
    if not ids and not pairs:
        return
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        refresh_start(ids, pairs, revised)
        return
    for _sids, func, _robust in connection.run_on_commit:
        pending = getattr(func, "theodoi_pending", None)
        if pending is not None and not getattr(func, "theodoi_done", False):
            _merge(pending, ids, pairs, revised)
            return

    def flush() -> None:
        flush.theodoi_done = True  # type: ignore[attr-defined]
        refresh_start(*flush.theodoi_pending)  # type: ignore[attr-defined]

    flush.theodoi_pending = (ids, pairs, revised)  # type: ignore[attr-defined]
    transaction.on_commit(flush, robust=True)


def _merge(pending: tuple[set[int], set[Pair], Revisions], ids: set[int], pairs: set[Pair],
           revised: Revisions) -> None:
    """Add one event to the transaction's pending refresh. A value revised twice goes from the first
    figure before to the last one after; a value also changed in a way that does not say its
    figures (a status, a deletion) keeps no revision, so its target is judged from its values."""
    held_ids, held_pairs, held_revised = pending
    for pair in pairs:
        if pair not in held_pairs:
            if pair in revised:
                held_revised[pair] = revised[pair]
        elif pair in held_revised and pair in revised:
            held_revised[pair] = (held_revised[pair][0], revised[pair][1])
        else:
            held_revised.pop(pair, None)
    held_ids.update(ids)
    held_pairs.update(pairs)


def refresh_start(ids: set[int], form_targets: set[tuple[int, int]] | None = None,
                  revisions: Revisions | None = None) -> None:
    """Write the refresh row and give it to the job runner; logged, never raised (see above)."""
    from theodoi.evaluation.jobs import start_refresh

    revisions = revisions or {}
    pairs = sorted(form_targets or ())
    entries = [[f, t, *revisions[(f, t)]] if (f, t) in revisions else [f, t] for f, t in pairs]
    try:
        with transaction.atomic():
            refresh = StatusRefresh.objects.create(target_ids=sorted(ids), form_targets=entries)
            start_refresh(refresh.pk)
    except Exception:  # noqa: BLE001 - see queue_recompute
        log.exception("evaluation refresh not started for targets %s", sorted(ids | {t for _f, t in pairs})[:20])
