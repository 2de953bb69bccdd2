"""The sweeper: a job whose runner died is run again or failed; a healthy one is left alone.

"Embedded runner killed mid-job" is what these rows are: the thread died with the server, the
row says running and its heartbeat stopped.
"""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from theodoi.documents.models import DocumentStatus
from theodoi.jobs import embedded
from theodoi.jobs.models import Job, JobState
from theodoi.jobs.sweeper import jobs_sweep

from .helpers import lost_job, stored_document

pytestmark = pytest.mark.django_db


def test_a_job_whose_runner_died_is_run_again_and_the_document_becomes_reviewable(fake_extractor) -> None:
    document = stored_document()
    job = lost_job(document, attempts=1)
    result = jobs_sweep()
    assert result.requeued == 1
    job.refresh_from_db()
    document.refresh_from_db()
    assert (job.state, job.attempts) == (JobState.DONE, 2)
    assert document.status == DocumentStatus.REVIEW


def test_a_job_lost_on_its_last_attempt_fails_with_a_reason_instead_of_spinning(fake_extractor) -> None:
    document = stored_document()
    job = lost_job(document, attempts=3)
    assert jobs_sweep().failed == 1
    job.refresh_from_db()
    document.refresh_from_db()
    assert job.state == JobState.FAILED
    assert "dừng giữa chừng" in job.last_error and "Thử lại" in job.last_error
    assert document.status == DocumentStatus.FAILED
    assert "dừng giữa chừng" in document.error_message


def test_a_job_with_a_live_heartbeat_is_left_alone(fake_extractor, settings) -> None:
    settings.JOBS_STALE_SECONDS = 45
    document = stored_document()
    job = lost_job(document, silent_for=5)
    assert jobs_sweep().as_dict() == {"requeued": 0, "sent": 0, "failed": 0}
    job.refresh_from_db()
    assert job.state == JobState.RUNNING


def test_a_job_that_never_reached_the_broker_is_sent_without_spending_an_attempt(fake_extractor) -> None:
    document = stored_document(status=DocumentStatus.UPLOADED, progress=0)
    job = lost_job(document, attempts=0)
    Job.objects.filter(pk=job.pk).update(state=JobState.QUEUED, heartbeat_at=None, enqueued_at=None,
                                         created_at=timezone.now() - timedelta(minutes=5))
    assert jobs_sweep().sent == 1
    job.refresh_from_db()
    assert (job.state, job.attempts) == (JobState.DONE, 1)


def test_the_command_reports_what_it_did(fake_extractor) -> None:
    lost_job(stored_document(), attempts=1)
    out = StringIO()
    call_command("sweep_jobs", stdout=out)
    assert "Đã chạy lại 1 việc" in out.getvalue()


def test_the_embedded_server_starts_one_sweep_loop_on_its_first_request(settings, monkeypatch) -> None:
    settings.BACKGROUND_JOBS = "thread"
    started: list[str] = []

    class RecordingThread:
        def __init__(self, target: object, **kwargs: object) -> None:
            self.name = str(kwargs.get("name"))

        def start(self) -> None:
            started.append(self.name)

    monkeypatch.setattr(embedded, "_swept", embedded.threading.Event())
    monkeypatch.setattr(embedded.threading, "Thread", RecordingThread)
    embedded.on_first_request()
    embedded.on_first_request()
    assert started == ["jobs-embedded-sweeper"]


def test_the_embedded_sweep_loop_recovers_a_job_that_was_not_yet_stale_when_the_server_started(
    fake_extractor, settings, monkeypatch
) -> None:
    """`loaddemo` or a restart a few seconds before the server: the first sweep finds a live heartbeat."""
    settings.BACKGROUND_JOBS = "inline"
    settings.JOBS_SWEEP_SECONDS = 7
    document = stored_document()
    job = lost_job(document, attempts=1)
    Job.objects.filter(pk=job.pk).update(heartbeat_at=timezone.now())  # its process died just now
    waits: list[float] = []

    class Stop(Exception):
        pass

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        if len(waits) == 2:
            raise Stop
        # the time passes: the heartbeat is stale at the next sweep
        Job.objects.filter(pk=job.pk).update(heartbeat_at=timezone.now() - timedelta(minutes=5))

    monkeypatch.setattr(embedded, "close_old_connections", lambda: None)  # keep the test's connection
    with pytest.raises(Stop):
        embedded.sweep_forever(sleep=sleep)
    job.refresh_from_db()
    assert waits == [7, 7]
    assert (job.state, job.attempts) == (JobState.DONE, 2)


def test_thread_jobs_queued_by_a_dead_server_are_resent_after_the_heartbeat_delay(fake_extractor, settings) -> None:
    document = stored_document(status=DocumentStatus.UPLOADED, progress=0)
    job = lost_job(document, attempts=0)
    two_minutes_ago = timezone.now() - timedelta(minutes=2)
    Job.objects.filter(pk=job.pk).update(state=JobState.QUEUED, heartbeat_at=None, enqueued_at=two_minutes_ago)
    settings.BACKGROUND_JOBS = "celery"  # a broker's queue may be long: two minutes is not lost
    assert jobs_sweep().sent == 0
    settings.BACKGROUND_JOBS = "thread"
    from theodoi.jobs.sweeper import stuck_jobs

    assert Job.objects.filter(stuck_jobs(), pk=job.pk).exists()
