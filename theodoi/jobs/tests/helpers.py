"""Helpers for the jobs tests: a document waiting for extraction, a job row in a given state."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import Any

from django.core.files.base import ContentFile
from django.utils import timezone

from theodoi.documents.jobs import EXTRACT
from theodoi.documents.models import Document, DocumentStatus
from theodoi.documents.testing import RESOLUTION
from theodoi.jobs.launcher import job_start
from theodoi.jobs.models import Job, JobState


def stored_document(text: str = RESOLUTION, *, status: str = DocumentStatus.EXTRACTING, progress: int = 60) -> Document:
    document = Document(title="Nghị quyết", original_name="nq.txt", checksum=hashlib.sha256(text.encode()).hexdigest(),
                        size=len(text), format="txt", text=text, status=status, progress=progress)
    document.file.save("nq.txt", ContentFile(text.encode()), save=False)
    document.save()
    return document


def lost_job(document: Document, *, attempts: int = 1, silent_for: float = 3600, **fields: Any) -> Job:
    """A job whose runner died: running, heartbeat `silent_for` seconds old (no runner is started)."""
    job = job_start(EXTRACT, document.pk, send=False)
    beat = timezone.now() - timedelta(seconds=silent_for)
    Job.objects.filter(pk=job.pk).update(state=JobState.RUNNING, attempts=attempts, heartbeat_at=beat,
                                         started_at=beat, enqueued_at=beat, progress=60, **fields)
    job.refresh_from_db()
    return job


@contextmanager
def celery_broker(url: str) -> Iterator[Any]:
    """Point the project's Celery app at `url` for a test (settings made it eager: no broker)."""
    from theodoi.celery import app

    saved = {key: app.conf[key] for key in ("broker_url", "task_always_eager", "broker_connection_timeout")}
    def fresh_pools() -> None:
        # Connections and producers are pooled per broker URL at first use: drop both.
        if app._pool is not None:
            app._pool.force_close_all()
        app._pool = None
        app.amqp._producer_pool = None

    app.conf.update(broker_url=url, task_always_eager=False, broker_connection_timeout=2)
    fresh_pools()
    try:
        yield app
    finally:
        fresh_pools()
        app.conf.update(saved)


def record_progress(monkeypatch: Any) -> list[tuple[int, str]]:
    """Every (percent, message) a job body reports, in order, still written to the row."""
    from theodoi.jobs import runner

    seen: list[tuple[int, str]] = []
    real = runner._progress_writer

    def recording(job_id: int) -> Any:
        write = real(job_id)

        def progress(percent: int, message: str = "") -> None:
            seen.append((percent, message))
            write(percent, message)

        return progress

    monkeypatch.setattr(runner, "_progress_writer", recording)
    return seen
