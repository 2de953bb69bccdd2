"""The planner's actions on a stuck or failed job: retry ("Thử lại") and reset ("Đặt lại").

Retry runs the job again from a clean start with a fresh count of attempts (the body is
idempotent, so review work is kept). Reset stops waiting on it: the job is closed as failed and
its subject leaves its "in progress" state, so the usual buttons (re-extract, make PDF) work again.
Neither touches a job that is healthily running or already done.
"""

from __future__ import annotations

import logging
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from theodoi.accounts.permissions import require_planner
from theodoi.core import audit
from theodoi.jobs import registry
from theodoi.jobs.launcher import enqueue_on_commit
from theodoi.jobs.models import Job, JobState
from theodoi.jobs.sweeper import is_stuck

log = logging.getLogger(__name__)
_AUDITED = ("state", "attempts", "last_error")


def can_act_on(job: Job) -> bool:
    """Retry and reset apply to failed jobs and to jobs whose runner is lost."""
    return job.state == JobState.FAILED or (job.state in (JobState.QUEUED, JobState.RUNNING) and is_stuck(job))


def _locked(job_id: int) -> Job:
    job = Job.objects.select_for_update().filter(pk=job_id).first()
    if job is None:
        raise ValidationError("Không tìm thấy việc nền này.", code="not_found")
    if not can_act_on(job):
        raise ValidationError(
            "Việc nền này đang chạy bình thường hoặc đã xong; chỉ thử lại hoặc đặt lại được việc bị lỗi hoặc bị treo.",
            code="not_stuck",
        )
    return job


def job_retry(*, user: Any, job_id: int) -> Job:
    require_planner(user)
    with transaction.atomic():
        job = _locked(job_id)
        before = audit.snapshot(job, _AUDITED)
        Job.objects.filter(pk=job.pk).update(
            state=JobState.QUEUED, attempts=0, progress=0, progress_message="", last_error="",
            heartbeat_at=None, enqueued_at=None, finished_at=None,
        )
        kind = registry.get(job.kind)
        if kind.on_queued is not None:
            kind.on_queued(job.subject_id or 0)
        log.info("job %s (%s) retried by %s", job.pk, job.kind, user)
        job.refresh_from_db()
        audit.record(actor=user, action="job.retry", subject=job, before=before, after=audit.snapshot(job, _AUDITED))
        enqueue_on_commit(job.pk)
    job.refresh_from_db()
    return job


def job_reset(*, user: Any, job_id: int) -> Job:
    require_planner(user)
    message = f"Đã đặt lại bởi {getattr(user, 'get_full_name', lambda: '')() or user}."
    with transaction.atomic():
        job = _locked(job_id)
        before = audit.snapshot(job, _AUDITED)
        Job.objects.filter(pk=job.pk).update(
            state=JobState.FAILED, last_error=message, heartbeat_at=None, finished_at=timezone.now()
        )
        registry.get(job.kind).on_failed(job.subject_id or 0, message)
        log.info("job %s (%s) reset by %s", job.pk, job.kind, user)
        job.refresh_from_db()
        audit.record(actor=user, action="job.reset", subject=job, before=before, after=audit.snapshot(job, _AUDITED))
    job.refresh_from_db()
    return job
