"""Celery tasks of the jobs app: run one job by id, sweep stuck jobs (beat, every minute)."""

from __future__ import annotations

from celery import shared_task
from django.db import InterfaceError, OperationalError


@shared_task(
    name="jobs.run", acks_late=True, reject_on_worker_lost=True,
    # Only when the job row itself cannot be written (database down): the body's own database
    # errors are retried by the runner, which records them on the row.
    autoretry_for=(OperationalError, InterfaceError), retry_backoff=5, retry_backoff_max=300, max_retries=8,
)
def run_job(job_id: int) -> str:
    from django.db import close_old_connections

    from theodoi.jobs.runner import job_execute

    close_old_connections()
    return job_execute(job_id)


@shared_task(name="jobs.sweep", ignore_result=True)
def sweep_jobs() -> dict[str, int]:
    from theodoi.jobs.sweeper import jobs_sweep

    return jobs_sweep().as_dict()
