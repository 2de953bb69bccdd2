"""What the lead agencies last reported about their tasks.

A task is done when its lead agency says so in a report that counts (sent, approved, accepted or
locked). The dashboard and the consolidated report both read that here, so the page and the DOCX
give the same counts; a task's own `done_at` (set by a planner) still counts where no report says.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import date

from theodoi.plans.models import TaskState
from theodoi.reporting.models import FormStatus, TaskReport
from theodoi.reporting.periods import parse_period_key

COUNTED_FORMS = (FormStatus.SUBMITTED, FormStatus.APPROVED, FormStatus.ACCEPTED, FormStatus.LOCKED)
DONE_STATES = frozenset({TaskState.DONE_ON_TIME.value, TaskState.DONE_LATE.value})


def latest_reported_states(
    task_ids: Iterable[int], *, as_of: date, period_keys: Collection[str] | None = None
) -> dict[int, str]:
    """Each task's state in its lead agency's latest counted report whose period ended by `as_of`
    (only the periods `period_keys` names, when given). Partners' contributions are not a state."""
    rows = TaskReport.objects.filter(task_id__in=list(task_ids), is_partner=False, form__status__in=COUNTED_FORMS)
    if period_keys is not None:
        rows = rows.filter(form__period_key__in=list(period_keys))
    latest: dict[int, tuple[date, str]] = {}
    for task_id, key, state in rows.values_list("task_id", "form__period_key", "state"):
        end = parse_period_key(key).end
        if end > as_of:
            continue
        if task_id not in latest or end >= latest[task_id][0]:
            latest[task_id] = (end, state)
    return {task_id: state for task_id, (_end, state) in latest.items()}


def reported_done(task_ids: Iterable[int], *, as_of: date) -> dict[int, str]:
    """The tasks whose lead agency last reported them done (on time or late), by `as_of`."""
    states = latest_reported_states(task_ids, as_of=as_of)
    return {task_id: state for task_id, state in states.items() if state in DONE_STATES}
