"""The deferred refresh that follows a write: the targets named by the "targets changed" events of
one transaction are collected, and once it commits one StatusRefresh row is written and handed to
the job runner (theodoi.evaluation.jobs), so the person who saved never waits for the evaluation."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.db import transaction

from theodoi.evaluation.models import StatusRefresh

log = logging.getLogger(__name__)


def queue_recompute(target_ids: Iterable[int], *, form_targets: Iterable[tuple[int, int]] = ()) -> None:
    """Refresh after the current transaction commits, once per target however many saves it had.

    `target_ids` are judged again whatever changed; `form_targets`, (form, target) of changed
    values, only where that form's value can change the target's input (services/relevance.py).
    A failure is logged, never raised: a bug in evaluation must not undo a unit's report.
    """
    ids = {int(i) for i in target_ids}
    pairs = {(int(f), int(t)) for f, t in form_targets}
    if not ids and not pairs:
        return
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        refresh_start(ids, pairs)
        return
    for _sids, func, _robust in connection.run_on_commit:
        pending = getattr(func, "theodoi_pending", None)
        if pending is not None and not getattr(func, "theodoi_done", False):
            pending[0].update(ids)
            pending[1].update(pairs)
            return

    def flush() -> None:
        flush.theodoi_done = True  # type: ignore[attr-defined]
        refresh_start(*flush.theodoi_pending)  # type: ignore[attr-defined]

    flush.theodoi_pending = (ids, pairs)  # type: ignore[attr-defined]
    transaction.on_commit(flush, robust=True)


def refresh_start(ids: set[int], form_targets: set[tuple[int, int]] | None = None) -> None:
    """Write the refresh row and give it to the job runner; logged, never raised (see above)."""
    from theodoi.evaluation.jobs import start_refresh

    pairs = sorted(form_targets or ())
    try:
        with transaction.atomic():
            refresh = StatusRefresh.objects.create(target_ids=sorted(ids), form_targets=[list(p) for p in pairs])
            start_refresh(refresh.pk)
    except Exception:  # noqa: BLE001 - see queue_recompute
        log.exception("evaluation refresh not started for targets %s", sorted(ids | {t for _f, t in pairs})[:20])
