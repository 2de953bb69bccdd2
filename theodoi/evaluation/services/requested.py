"""``statuses_recompute``: a person asks for the stored statuses to be recomputed (API, CLI).

The recompute itself (``recompute.target_statuses_recompute``) is also run by the system after
every counted save, so it takes no caller; a recompute a person asks for goes through here, where
the planner check lives (it used to be only in the API) and the request leaves one audit event.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from theodoi.accounts.permissions import is_planner, require
from theodoi.core import audit
from theodoi.evaluation.services.recompute import target_statuses_recompute


def statuses_recompute(*, user: Any, period: str | None = None, target_ids: Iterable[int] | None = None) -> int:
    """Recompute (every target, or ``target_ids``; ``period`` as ``target_statuses_recompute`` takes
    it) for a planner; returns the number of status rows written.

    The audit subject is the person's own account: a recompute changes no one's figures, only the
    statuses derived from them, so the trail says who asked for it and for what."""
    require(is_planner(user), "Chỉ chuyên viên kế hoạch được tính lại đánh giá.")
    ids = sorted(set(target_ids)) if target_ids is not None else None
    rows = target_statuses_recompute(period=period or None, target_ids=ids)
    audit.record(actor=user, action="statuses.recompute", subject=user, before=None,
                 after={"period": period or "", "targets": ids, "rows": rows})
    return rows
