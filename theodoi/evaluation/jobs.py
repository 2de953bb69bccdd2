"""The evaluation app's background job: refresh the statuses of the targets a write named.

Registered with theodoi.jobs (loaded by JobsConfig.ready); started through the one launcher, which
runs it on Celery, a thread or inline per settings.BACKGROUND_JOBS, after the write's commit. The
body lives here, beside the job, so that the service that starts it is not called back by it.
"""

from __future__ import annotations

from theodoi.jobs import launcher, registry

REFRESH = "evaluation.refresh"


def _body(refresh_id: int, progress: registry.Progress) -> None:
    from theodoi.evaluation.services.incremental import refresh_run

    refresh_run(refresh_id)


def _on_failed(refresh_id: int, message: str) -> None:
    from theodoi.evaluation.models import StatusRefresh

    StatusRefresh.objects.filter(pk=refresh_id).update(error=message[:2000])


registry.register(registry.JobKind(
    name=REFRESH, label="Tính lại đánh giá chỉ tiêu", model="evaluation.StatusRefresh",
    body=_body, on_failed=_on_failed,
))


def start_refresh(refresh_id: int) -> None:
    """Queue the refresh (after the caller's transaction commits; at once when jobs run inline)."""
    launcher.job_start(REFRESH, refresh_id)
