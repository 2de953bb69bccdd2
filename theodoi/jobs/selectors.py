"""Reading jobs for pages: the jobs list and the job of one document or report."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from theodoi.accounts.permissions import require_planner
from theodoi.jobs import registry
from theodoi.jobs.launcher import latest_job
from theodoi.jobs.models import Job, JobState
from theodoi.jobs.services import can_act_on


def job_list(*, user: Any, state: str = "") -> QuerySet[Job]:
    require_planner(user)
    jobs = Job.objects.select_related("created_by", "subject_type")
    if state == "stuck":
        from theodoi.jobs.sweeper import stuck_jobs

        return jobs.filter(stuck_jobs())
    if state in JobState.values:
        jobs = jobs.filter(state=state)
    return jobs


def job_panel(kind_name: str, subject_id: int) -> dict[str, Any]:
    """What a document or report page shows of its latest job: the row and whether it may be retried."""
    job = latest_job(kind_name, subject_id)
    return {"job": job, "job_actionable": bool(job and can_act_on(job))}


def kind_label(job: Job) -> str:
    try:
        return registry.get(job.kind).label
    except LookupError:
        return job.kind
