"""Run one job: claim its row, beat while the body works, record how it ended.

Every runner (Celery worker, thread, inline) calls `job_execute`. The claim is one conditional
UPDATE, so a job sent twice (the sweeper re-queued it, Redis redelivered it) runs once: the second
delivery finds the row running with a fresh heartbeat, or done, and does nothing.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import timedelta

from django.db import DatabaseError, InterfaceError, OperationalError, close_old_connections, connection
from django.db.models import F, Q
from django.utils import timezone

from theodoi.jobs import conf, registry
from theodoi.jobs.models import Job, JobState

log = logging.getLogger(__name__)

# Errors of the database itself (restart, lost connection, failover): the next try may succeed.
DB_ERRORS = (OperationalError, InterfaceError)
GENERIC_FAILURE_VI = "Lỗi khi chạy việc nền; bấm “Thử lại” để chạy lại."


class _Heartbeat(threading.Thread):
    """Touches heartbeat_at every few seconds from its own connection while the body runs."""

    def __init__(self, job_id: int, interval: float) -> None:
        super().__init__(daemon=True, name=f"job-{job_id}-heartbeat")
        self.job_id, self.interval, self.stopped = job_id, interval, threading.Event()

    def run(self) -> None:
        try:
            while not self.stopped.wait(self.interval):
                try:
                    Job.objects.filter(pk=self.job_id, state=JobState.RUNNING).update(heartbeat_at=timezone.now())
                except DatabaseError as exc:
                    log.warning("job %s: heartbeat not written: %r", self.job_id, exc)
                    close_old_connections()
        finally:
            connection.close()

    def stop(self) -> None:
        self.stopped.set()
        self.join(timeout=self.interval + 5)


def _claim(job_id: int) -> bool:
    now = timezone.now()
    stale = now - timedelta(seconds=conf.stale_seconds())
    claimable = Q(state=JobState.QUEUED) | Q(state=JobState.RUNNING, heartbeat_at__lt=stale)
    return bool(Job.objects.filter(claimable, pk=job_id).update(
        state=JobState.RUNNING, attempts=F("attempts") + 1, started_at=now, heartbeat_at=now,
        finished_at=None, progress=0, progress_message="",
    ))


def job_fail(job: Job, message_vi: str) -> None:
    """Mark the job failed and let its subject show the failure with a retry button."""
    Job.objects.filter(pk=job.pk).update(
        state=JobState.FAILED, last_error=message_vi, finished_at=timezone.now(), heartbeat_at=None
    )
    try:
        registry.get(job.kind).on_failed(job.subject_id or 0, message_vi)
    except Exception:  # noqa: BLE001 - the job row already tells the truth
        log.exception("job %s: subject not marked failed", job.pk)


# How a re-queued job reaches a runner again: the launcher's `enqueue`, handed in by
# JobsConfig.ready. The runner is below the launcher (the launcher runs jobs through it), so it is
# given the function instead of importing it: no import circle launcher -> runner -> launcher.
Sender = Callable[..., bool]
_sender: list[Sender] = []


def use_sender(send: Sender) -> None:
    _sender[:] = [send]


def _send(job_id: int, *, countdown: float = 0) -> bool:
    if not _sender:
        raise RuntimeError("theodoi.jobs.runner has no sender: JobsConfig.ready has not run")
    return _sender[0](job_id, countdown=countdown)


def job_requeue(job: Job, reason: str, *, countdown: float = 0) -> None:
    """Put the job back in the queue (another attempt) and tell its subject it waits again."""
    Job.objects.filter(pk=job.pk).update(
        state=JobState.QUEUED, last_error=reason, heartbeat_at=None, enqueued_at=None
    )
    kind = registry.get(job.kind)
    if kind.on_queued is not None:
        kind.on_queued(job.subject_id or 0)
    _send(job.pk, countdown=countdown)


def _progress_writer(job_id: int) -> registry.Progress:
    def progress(percent: int, message: str = "") -> None:
        Job.objects.filter(pk=job_id).update(
            progress=max(0, min(int(percent), 100)), progress_message=message[:255], heartbeat_at=timezone.now()
        )

    return progress


def job_execute(job_id: int) -> str:
    """Run the job if it is claimable; returns "done", "failed", "retry", "skipped" or "superseded"."""
    if not _claim(job_id):
        log.info("job %s: not claimed (finished, or running with a live heartbeat)", job_id)
        return "skipped"
    job = Job.objects.get(pk=job_id)
    kind = registry.get(job.kind)
    if job.attempts > job.max_attempts:
        job_fail(job, f"Việc nền đã chạy {job.max_attempts} lần mà không xong; bấm “Thử lại” để chạy lại.")
        return "failed"
    log.info("job %s: %s of %s #%s, attempt %s/%s", job.pk, job.kind, kind.model, job.subject_id,
             job.attempts, job.max_attempts)
    # Inline jobs run inside the caller (and its transaction): no other process sweeps them.
    beat = _Heartbeat(job.pk, conf.heartbeat_seconds()) if conf.mode() != "inline" else None
    if beat:
        beat.start()
    try:
        kind.body(job.subject_id or 0, _progress_writer(job.pk))
    except registry.JobFailed as exc:
        log.warning("job %s failed: %s", job.pk, exc.message_vi)
        job_fail(job, exc.message_vi)
        return "failed"
    except DB_ERRORS as exc:
        log.warning("job %s: database error on attempt %s: %r", job.pk, job.attempts, exc)
        if not connection.in_atomic_block:
            # A broken connection is dropped so the next try reconnects (inline jobs run inside
            # the caller's transaction, whose connection is not ours to close).
            connection.close()
        if job.attempts >= job.max_attempts:
            job_fail(job, f"Lỗi cơ sở dữ liệu sau {job.attempts} lần thử; bấm “Thử lại” để chạy lại.")
            return "failed"
        # If the database is still down this raises too: the row stays running, its heartbeat
        # stops, and the sweeper (or Celery's own retry of the task) picks it up.
        job_requeue(job, f"Lỗi cơ sở dữ liệu, sẽ thử lại: {exc}"[:1000],
                    countdown=conf.retry_backoff_seconds(job.attempts))
        return "retry"
    except Exception as exc:  # noqa: BLE001 - the person waiting must see a failure, not a spinner
        log.exception("job %s: %s crashed", job.pk, job.kind)
        job_fail(job, f"{GENERIC_FAILURE_VI} ({type(exc).__name__}: {exc})"[:1000])
        return "failed"
    finally:
        if beat:
            beat.stop()
    # Only the run that holds the claim closes the row: if this runner's heartbeat was lost (a
    # database hiccup) and the sweeper gave the job to another runner, that one owns it now.
    owned = Job.objects.filter(pk=job.pk, state=JobState.RUNNING, attempts=job.attempts).update(
        state=JobState.DONE, progress=100, finished_at=timezone.now(), heartbeat_at=timezone.now(), last_error=""
    )
    if not owned:
        log.warning("job %s: attempt %s finished after the job was handed to another runner", job.pk, job.attempts)
        return "superseded"
    log.info("job %s: done", job.pk)
    return "done"
