"""Job timings from settings, read at call time so tests and deployments can change them."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings


def mode() -> str:
    """"celery" | "thread" | "inline": settings.BACKGROUND_JOBS, else celery when a broker is set."""
    configured = getattr(settings, "BACKGROUND_JOBS", "")
    if configured:
        return str(configured)
    return "thread" if settings.CELERY_TASK_ALWAYS_EAGER else "celery"


def heartbeat_seconds() -> float:
    return float(getattr(settings, "JOBS_HEARTBEAT_SECONDS", 15))


def stale_seconds() -> float:
    """A running job whose heartbeat is older than this has lost its runner."""
    return float(getattr(settings, "JOBS_STALE_SECONDS", 45))


def queued_stale_seconds() -> float:
    """A job queued longer than this is sent again (a restarted Redis without persistence lost it)."""
    return float(getattr(settings, "JOBS_QUEUED_STALE_SECONDS", 600))


def retry_backoff_seconds(attempt: int) -> float:
    """Wait before the next try after a database error: 5 s, 10 s, 20 s ... at most 5 minutes."""
    base = float(getattr(settings, "JOBS_RETRY_BACKOFF_SECONDS", 5))
    return float(min(base * 2 ** max(attempt - 1, 0), 300.0))


def sweep_seconds() -> float:
    """How often a sweep looks for lost jobs: beat's schedule, and the embedded server's loop."""
    return float(getattr(settings, "JOBS_SWEEP_SECONDS", 60))


@contextmanager
def run_inline() -> Iterator[None]:
    """Run every job started inside the block at once, in the caller.

    For commands whose output must say what the jobs did (`ingest`, `loaddemo`): a thread job
    would die with the command's process and leave its row "running" until a sweep finds it.
    """
    before = getattr(settings, "BACKGROUND_JOBS", "")
    settings.BACKGROUND_JOBS = "inline"
    try:
        yield
    finally:
        settings.BACKGROUND_JOBS = before
