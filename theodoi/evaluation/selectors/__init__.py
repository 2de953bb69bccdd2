"""Reads for the dashboards and the API, by concern: `statuses` (stored statuses, summaries,
charts, drill-down lists), `tasks` (tasks by state, timeliness), `detail` (one target).
Callers import from here."""

from __future__ import annotations

from theodoi.evaluation.selectors.detail import (
    Submission,
    TargetDetail,
    target_detail,
    target_for_dashboard,
    target_series,
)
from theodoi.evaluation.selectors.statuses import (
    GOOD,
    GroupSummary,
    StatusRow,
    by_agency,
    by_district,
    by_field,
    district_of,
    field_chart,
    latest_plan_year,
    own_unit_ids,
    plan_years,
    prefetch_sources,
    progress_chart,
    published_q,
    reads_internal,
    status_counts,
    status_rows,
    summary_of,
    targets_for_list,
    year_targets,
)
from theodoi.evaluation.selectors.tasks import TIMELINESS_SCORE, TaskGroup, task_summary, timeliness_heatmap

__all__ = [
    "GOOD",
    "TIMELINESS_SCORE",
    "GroupSummary",
    "StatusRow",
    "Submission",
    "TargetDetail",
    "TaskGroup",
    "by_agency",
    "by_district",
    "by_field",
    "district_of",
    "field_chart",
    "latest_plan_year",
    "own_unit_ids",
    "plan_years",
    "prefetch_sources",
    "progress_chart",
    "published_q",
    "reads_internal",
    "status_counts",
    "status_rows",
    "summary_of",
    "target_detail",
    "target_for_dashboard",
    "target_series",
    "targets_for_list",
    "task_summary",
    "timeliness_heatmap",
    "year_targets",
]
