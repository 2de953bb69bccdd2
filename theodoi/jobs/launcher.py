"""The one way to start a background job: write its row, then hand it to a runner after commit.

Runners, by settings.BACKGROUND_JOBS (see conf.mode): "celery" sends the job id to the broker,
"thread" runs it in a daemon thread of this process (the embedded default), "inline" runs it at
once inside the caller (tests, the `ingest` command). The row is written first, in the caller's
transaction, so a broker that is down loses nothing: the row stays queued with no `enqueued_at`
and the sweeper sends it when the broker is back.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import close_old_connections, transaction
from django.utils import timezone

from theodoi.jobs import conf, registry
from theodoi.jobs.models import ACTIVE_STATES, Job, JobState

log = logging.getLogger(__name__)
RUN_TASK = "jobs.run"  # theodoi.jobs.tasks.run_job


def _enqueue_errors() -> tuple[type[BaseException], ...]:
    """What a producer raises when the broker is unreachable (refused, reset, timed out)."""
    from kombu.exceptions import KombuError
    from kombu.exceptions import OperationalError as KombuOperationalError

    errors: list[type[BaseException]] = [KombuError, KombuOperationalError, OSError, TimeoutError]
    try:
        from redis.exceptions import RedisError

        errors.append(RedisError)
    except ImportError:  # pragma: no cover - redis is a dependency of the production setup
        pass
    return tuple(errors)


def subject_type_of(kind: registry.JobKind) -> ContentType:
    app_label, model = kind.model.split(".")
    return ContentType.objects.get_by_natural_key(app_label, model.lower())


def job_start(kind_name: str, subject_id: int, *, user: Any = None, send: bool = True) -> Job:
    """Create a queued job for this subject and send it to a runner once the transaction commits.

    send=False only writes the row, for a caller that runs the job itself at once.
    """
    kind = registry.get(kind_name)
    job = Job.objects.create(
        kind=kind.name, subject_type=subject_type_of(kind), subject_id=subject_id,
        max_attempts=kind.max_attempts,
        created_by=user if getattr(user, "is_authenticated", False) and getattr(user, "pk", None) else None,
    )
    if send:
        enqueue_on_commit(job.pk)
    return job


def active_job(kind_name: str, subject_id: int) -> Job | None:
    """The subject's queued or running job of this kind, if any (newest first)."""
    kind = registry.get(kind_name)
    return (Job.objects.filter(kind=kind.name, subject_type=subject_type_of(kind), subject_id=subject_id,
                               state__in=ACTIVE_STATES).order_by("-pk").first())


def latest_job(kind_name: str, subject_id: int) -> Job | None:
    kind = registry.get(kind_name)
    return (Job.objects.filter(kind=kind.name, subject_type=subject_type_of(kind), subject_id=subject_id)
            .order_by("-pk").first())


def waits_for_broker(kind_name: str, subject_id: int) -> bool:
    """The subject's newest job is queued but never reached the broker (it was down)."""
    job = active_job(kind_name, subject_id)
    return bool(job and job.state == JobState.QUEUED and job.enqueued_at is None and conf.mode() == "celery")


def enqueue_on_commit(job_id: int, *, countdown: float = 0) -> None:
    if conf.mode() == "inline":
        # Tests run inside one transaction that never commits, so an on_commit job would never
        # run there; inline jobs run at once, inside the caller's transaction.
        enqueue(job_id)
    else:
        transaction.on_commit(lambda: enqueue(job_id, countdown=countdown))


def _thread_main(job_id: int) -> None:
    from theodoi.jobs.runner import job_execute

    try:
        job_execute(job_id)
    except Exception:  # noqa: BLE001 - a thread has nobody to raise to; the sweeper recovers the row
        log.exception("job %s: thread runner stopped", job_id)
    finally:
        close_old_connections()


def enqueue(job_id: int, *, countdown: float = 0) -> bool:
    """Hand a queued job to the runner; False when the broker refused it (the sweeper sends it later)."""
    mode = conf.mode()
    if mode == "celery":
        # Sent by name (tasks.run_job is "jobs.run"): the tasks module runs jobs through the
        # sweeper and the runner, which send through here, so importing it would close a circle.
        from theodoi.celery import app

        try:
            # retry=False: a user waiting on an upload must not wait for kombu's reconnect loop.
            app.send_task(RUN_TASK, args=[job_id], countdown=countdown or None, retry=False)
        except _enqueue_errors() as exc:
            log.warning("job %s: broker unreachable, left queued for the sweeper: %r", job_id, exc)
            Job.objects.filter(pk=job_id, state=JobState.QUEUED).update(enqueued_at=None)
            return False
        except Exception:  # noqa: BLE001 - the row is saved: any hand-off failure is the sweeper's to retry
            log.exception("job %s: could not be sent to the broker, left queued for the sweeper", job_id)
            Job.objects.filter(pk=job_id, state=JobState.QUEUED).update(enqueued_at=None)
            return False
        Job.objects.filter(pk=job_id).update(enqueued_at=timezone.now())
        return True
    Job.objects.filter(pk=job_id).update(enqueued_at=timezone.now())
    if mode == "thread":
        if countdown:
            timer = threading.Timer(countdown, _thread_main, args=(job_id,))
            timer.daemon = True
            timer.start()
        else:
            threading.Thread(target=_thread_main, args=(job_id,), daemon=True, name=f"job-{job_id}").start()
        return True
    from theodoi.jobs.runner import job_execute

    job_execute(job_id)
    return True
