"""Job timings from settings, read at call time so tests and deployments can change them."""

from __future__ import annotations

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
