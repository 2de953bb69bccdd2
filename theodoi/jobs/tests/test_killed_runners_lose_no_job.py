"""Fault tests: a real Celery worker, and a process running thread jobs, killed with SIGKILL mid-job.

Both end with the document reviewable within a bounded time, through the sweeper. They need
PostgreSQL (the worker subprocess shares the test database) and Redis (db 12, the broker); they
are skipped elsewhere and run in the PostgreSQL pass of `make test`.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.db import connection

from theodoi.documents.models import Document, DocumentStatus
from theodoi.documents.testing import RESOLUTION
from theodoi.documents.tests.helpers import upload
from theodoi.jobs.launcher import job_start
from theodoi.jobs.models import Job, JobState
from theodoi.jobs.sweeper import jobs_sweep

from . import slow_worker
from .helpers import celery_broker, stored_document

BROKER = os.environ.get("THEODOI_TEST_BROKER_URL", "redis://127.0.0.1:6379/12")
ROOT = Path(__file__).resolve().parents[3]
pytestmark = [pytest.mark.postgres, pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def _redis_up() -> bool:
    try:
        import redis

        return bool(redis.Redis.from_url(BROKER, socket_connect_timeout=1).ping())
    except Exception:  # noqa: BLE001 - any failure means: no broker to test against
        return False


@pytest.fixture
def shared_db() -> str:
    if connection.vendor != "postgresql":
        pytest.skip("the worker subprocess must share the test database: PostgreSQL only")
    if not _redis_up():
        pytest.skip(f"no Redis at {BROKER}")
    s = connection.settings_dict
    return f"postgres://{s['USER']}:{s['PASSWORD'] or ''}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


@pytest.fixture
def spawn(shared_db: str, settings: Any) -> Iterator[Callable[..., subprocess.Popen[bytes]]]:
    settings.JOBS_STALE_SECONDS = 2
    env = {**os.environ, "DATABASE_URL": shared_db, "CELERY_BROKER_URL": BROKER, "DB_CONN_MAX_AGE": "0",
           "JOBS_HEARTBEAT_SECONDS": "0.3", "JOBS_STALE_SECONDS": "2", "BACKGROUND_JOBS": "",
           "PYTHONPATH": str(ROOT), "MEDIA_ROOT": str(settings.MEDIA_ROOT)}
    started: list[subprocess.Popen[bytes]] = []

    def start(*args: str) -> subprocess.Popen[bytes]:
        # A worker takes jobs from Redis; the embedded server runs them in its own threads.
        mode = {"BACKGROUND_JOBS": "thread", "CELERY_BROKER_URL": ""} if args[0] == "embedded" else {}
        process = subprocess.Popen([sys.executable, "-m", "theodoi.jobs.tests.slow_worker", *args], env={**env, **mode},
                                   cwd=ROOT, start_new_session=True)
        started.append(process)
        return process

    import redis

    redis.Redis.from_url(BROKER).flushdb()
    slow_worker.register()
    yield start
    for process in started:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


def _wait(what: str, check: Callable[[], bool], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


def _running_pid(job: Job) -> int:
    job.refresh_from_db()
    return int(job.progress_message.split()[1]) if job.progress_message.startswith("pid ") else 0


def test_an_upload_whose_worker_is_killed_mid_job_ends_reviewable(spawn, settings, client_for) -> None:
    """Upload through the web page, two Redis workers, kill -9 the one extracting it."""
    settings.BACKGROUND_JOBS = "celery"
    started = time.monotonic()
    workers = [spawn("worker", "w1"), spawn("worker", "w2")]
    with celery_broker(BROKER):
        response = upload(client_for("planner"), RESOLUTION)
        assert response.status_code == 302
        document = Document.objects.get()
        job = Job.objects.get()
        assert job.enqueued_at is not None
        _wait("a worker to start the job", lambda: _running_pid(job) > 0, timeout=30)
        victim = _running_pid(job)
        assert victim in {w.pid for w in workers}
        os.kill(victim, signal.SIGKILL)
        # What beat does every minute, here every half second: the other worker gets the job.
        def finished() -> bool:
            jobs_sweep()
            job.refresh_from_db()
            return job.state in (JobState.DONE, JobState.FAILED)

        _wait("the job to end", finished, timeout=30)
    document.refresh_from_db()
    assert (job.state, job.attempts) == (JobState.DONE, 2)
    assert document.status == DocumentStatus.REVIEW and document.items.exists()
    assert time.monotonic() - started < 60


def test_a_server_killed_mid_thread_job_is_recovered_by_the_sweeper(spawn, settings) -> None:
    document = stored_document(status=DocumentStatus.UPLOADED, progress=0)
    server = spawn("embedded", str(document.pk))
    _wait("the thread job to start", lambda: Job.objects.filter(state=JobState.RUNNING).exists()
          and _running_pid(Job.objects.get()) == server.pid, timeout=30)
    os.killpg(server.pid, signal.SIGKILL)
    server.wait(timeout=10)
    job = Job.objects.get()
    document.refresh_from_db()
    assert job.state == JobState.RUNNING and document.status == DocumentStatus.EXTRACTING
    # The server comes back: its sweep loop (the same jobs_sweep, run here inline) resumes the job.
    settings.BACKGROUND_JOBS = "inline"
    _wait("the heartbeat to go stale", lambda: jobs_sweep().requeued == 1, timeout=10)
    job.refresh_from_db()
    document.refresh_from_db()
    assert (job.state, job.attempts) == (JobState.DONE, 2)
    assert document.status == DocumentStatus.REVIEW


def test_a_long_step_without_progress_keeps_its_heartbeat(shared_db, settings) -> None:
    """The heartbeat thread, not the body's progress calls, keeps a slow OCR page from looking dead."""
    from theodoi.jobs import registry
    from theodoi.jobs.runner import job_execute

    settings.BACKGROUND_JOBS = "thread"
    settings.JOBS_HEARTBEAT_SECONDS = 0.2
    beats: list[Any] = []

    def silent(document_id: int, progress: registry.Progress) -> None:
        for _ in range(4):
            time.sleep(0.4)
            beats.append(Job.objects.values_list("heartbeat_at", flat=True).get())

    registry.register(registry.JobKind(name="testing.silent", label="", model="documents.Document",
                                       body=silent, on_failed=lambda pk, message: None))
    job = job_start("testing.silent", stored_document().pk, send=False)
    assert job_execute(job.pk) == "done"
    assert len(set(beats)) == 4 and beats == sorted(beats)
