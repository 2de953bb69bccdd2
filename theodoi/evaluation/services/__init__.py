"""Recompute stored target statuses from the reported values: the one place the engine meets the models.

Each target gets two `TargetStatus` rows per period: an internal one, from every value of a form
that has left the unit (submitted, approved, accepted, locked), read by planners and leaders; and a
public one (`public=True`) from accepted and locked forms only, which is what anonymous visitors see.

Reading the reported values (why it is done this way):

* Every reported value of a flow is the total since January (lũy kế từ đầu năm), whatever the
  form's period: that is how the reporting forms ask for it (reporting/demo.py invents figures the
  same way). A later period's figure therefore replaces an earlier one; two figures for the same
  date (June and Q2) are the same total. `VALUES_ARE_YEAR_TO_DATE` is the one switch to change if
  a regime ever asks for the period's own amount.
* The responsible unit's figures count; only when it reported nothing do other units' figures
  count (a district reporting a provincial target, for instance).
* "As of" is the end of the latest reporting round of the plan year (the latest period with any
  counted value, for any target), so that a target nobody reported on is judged at the same date
  as the others, and an evaluation of 2021 stays the same when run in 2026.
* A change target without a stored baseline takes last year's recorded actual (plans.Actual).

`period` of a row: the target's own period ("2021") for the current evaluation, or a reporting
period key ("2021-H1") for a snapshot as of that period's end (the 6-month review).

The package, by concern: `inputs` (what a recompute reads, the inputs digest), `store` (how rows
are written), `recompute` (the service), `incremental` (the refresh after a write), `relevance` (which targets a
changed value can reach, from the stored rows), `refresh`
(collecting a transaction's changed targets for the job runner). Callers import from here.
"""

from __future__ import annotations

from theodoi.evaluation import engine  # noqa: F401  (tests patch services.engine)
from theodoi.evaluation.services.digests import inputs_digest  # noqa: F401
from theodoi.evaluation.services.incremental import on_values_changed, refresh_run  # noqa: F401
from theodoi.evaluation.services.inputs import (  # noqa: F401
    _BATCH,
    _CHUNK,
    COUNTED_STATUSES,
    CUMULATIVE_KINDS,
    PUBLIC_STATUSES,
    VALUES_ARE_YEAR_TO_DATE,
    Groups,
    StatusResult,
    Stored,
    Tally,
    TargetRow,
    ValueRow,
    _baselines,
    _baselines_of,
    _default_as_of,
    _Form,
    _form_order,
    _forms,
    _group_key,
    _load_values,
    _pick,
    _pick_from,
    _snapshot_period,
    _spec,
    _status_row,
    _years_of,
    candidate,
    observations,
    outranks,
    period_of,
    rounds_as_of,
    target_evaluate,
    target_spec,
    target_years,
)
from theodoi.evaluation.services.recompute import (  # noqa: F401
    _REDUCE_SQL,
    _TARGET_SQL,
    _evaluations,
    _Judge,
    _latest_python,
    _latest_sql,
    _recompute,
    _recompute_batch,
    _recompute_chunk,
    _recompute_every_value,
    _target_rows,
    record_refresh,
    rounds_json,
    target_statuses_recompute,
)
from theodoi.evaluation.services.refresh import queue_recompute, refresh_start  # noqa: F401
from theodoi.evaluation.services.relevance import targets_reached  # noqa: F401
from theodoi.evaluation.services.store import (  # noqa: F401
    _COPY_FIELDS,
    _FLUSH,
    _LOAD_TABLE,
    _copy,
    _copy_float,
    _copy_lines,
    _copy_str,
    _delete_stale,
    _fetched,
    _insert,
    _int_array,
    _same_rounds,
    _snapshot_keys,
    _snapshot_keys_of,
    _store_copy,
    _store_orm,
    _stored_of,
)
