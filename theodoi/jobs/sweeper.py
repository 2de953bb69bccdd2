"""Find jobs nobody is running any more and queue them again, or fail them with a reason.

Run every minute by Celery beat (`jobs.sweep`), by the embedded server's own loop from its first
request on (its thread jobs died with the previous process), and by `theodoi sweep_jobs`. A job is
lost when:
- it is running but its heartbeat stopped (worker killed with -9, server restarted, database
  restart killed the runner);
- it is queued but never reached the broker (broker down at upload), or has waited longer than
  JOBS_QUEUED_STALE_SECONDS (Redis restarted without persistence and forgot it).
A lost job with attempts left is queued again; one without is failed, so its document or report
shows "failed, retry" instead of a spinner.
"""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta

from django.db.models import Q
from django.utils import timezone

from theodoi.jobs import conf
from theodoi.jobs.models import Job, JobState
from theodoi.jobs.runner import job_fail, job_requeue

log = logging.getLogger(__name__)


@dataclass
class SweepResult:
    requeued: int = 0
    sent: int = 0
    failed: int = 0

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


def stuck_jobs(now: datetime | None = None) -> Q:
    """The condition of a lost job, shared by the sweeper and the planner's retry/reset."""
    now = now or timezone.now()
    stale = now - timedelta(seconds=conf.stale_seconds())
    # A thread job starts within milliseconds of being queued, so one still queued after the
    # heartbeat delay died with its process; a broker's queue may legitimately be long.
    waited = conf.stale_seconds() if conf.mode() == "thread" else conf.queued_stale_seconds()
    queued_stale = now - timedelta(seconds=waited)
    return (
        Q(state=JobState.RUNNING, heartbeat_at__lt=stale)
        | Q(state=JobState.RUNNING, heartbeat_at__isnull=True)
        | Q(state=JobState.QUEUED, enqueued_at__isnull=True, created_at__lt=now - timedelta(seconds=5))
        | Q(state=JobState.QUEUED, enqueued_at__lt=queued_stale)
    )


def is_stuck(job: Job, now: datetime | None = None) -> bool:
    return Job.objects.filter(stuck_jobs(now), pk=job.pk).exists()


def jobs_sweep(now: datetime | None = None) -> SweepResult:
    """Re-queue or fail every lost job; safe to run in several processes at once (runs are claimed)."""
    from theodoi.jobs.launcher import enqueue

    result = SweepResult()
    for job in Job.objects.filter(stuck_jobs(now)).order_by("pk"):
        if job.state == JobState.QUEUED:
            # Never started (or forgotten by the broker): sending again costs no attempt, and a
            # duplicate delivery is harmless because the runner claims the row.
            if enqueue(job.pk):
                result.sent += 1
            continue
        if job.attempts >= job.max_attempts:
            log.warning("job %s: runner lost on attempt %s/%s, failing it", job.pk, job.attempts, job.max_attempts)
            job_fail(job, f"Việc nền bị dừng giữa chừng (máy chạy việc đã tắt) sau {job.attempts} lần chạy; "
                          "bấm “Thử lại” để chạy lại.")
            result.failed += 1
        else:
            log.warning("job %s: runner lost on attempt %s/%s, queuing it again", job.pk, job.attempts, job.max_attempts)
            job_requeue(job, "Việc nền bị dừng giữa chừng (máy chạy việc đã tắt); đang chạy lại.")
            result.requeued += 1
    if result.requeued or result.sent or result.failed:
        log.info("jobs swept: %s", result.as_dict())
    return result
