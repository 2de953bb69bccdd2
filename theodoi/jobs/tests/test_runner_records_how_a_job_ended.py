"""The runner: a job row records its attempts and end; database errors are retried, others are not."""

from __future__ import annotations

import pytest
from django.db import OperationalError

from theodoi.documents.jobs import EXTRACT
from theodoi.documents.models import DocumentStatus
from theodoi.jobs.launcher import job_start, latest_job
from theodoi.jobs.models import Job, JobState
from theodoi.jobs.runner import job_execute

from .helpers import stored_document

pytestmark = pytest.mark.django_db


def test_an_extraction_job_runs_to_done_and_the_document_is_reviewable(fake_extractor) -> None:
    document = stored_document(status=DocumentStatus.UPLOADED, progress=0)
    job = job_start(EXTRACT, document.pk)
    job.refresh_from_db()
    document.refresh_from_db()
    assert (job.state, job.attempts, job.progress) == (JobState.DONE, 1, 100)
    assert job.finished_at is not None and job.enqueued_at is not None
    assert document.status == DocumentStatus.REVIEW
    assert document.items.count() > 0


def test_a_finished_job_delivered_again_does_nothing(fake_extractor) -> None:
    document = stored_document(status=DocumentStatus.UPLOADED, progress=0)
    job = job_start(EXTRACT, document.pk)
    items = document.items.count()
    assert job_execute(job.pk) == "skipped"
    job.refresh_from_db()
    assert job.attempts == 1
    assert document.items.count() == items


def test_an_extractor_failure_fails_the_job_and_the_document_without_retry(monkeypatch) -> None:
    def broken(text: str) -> dict:
        raise RuntimeError("extractor crashed")

    monkeypatch.setattr("theodoi.documents.extraction._extract", broken)
    document = stored_document(status=DocumentStatus.UPLOADED, progress=0)
    job = job_start(EXTRACT, document.pk)
    job.refresh_from_db()
    document.refresh_from_db()
    assert (job.state, job.attempts) == (JobState.FAILED, 1)
    assert "Lỗi khi trích xuất" in job.last_error
    assert document.status == DocumentStatus.FAILED


def test_a_database_error_is_retried_and_the_second_attempt_finishes(fake_extractor, monkeypatch) -> None:
    calls = {"n": 0}

    def suggest_once_broken(name: str, unit: str) -> None:
        calls["n"] += 1
        if calls["n"] == 1:
            raise OperationalError("terminating connection due to administrator command")
        return None

    # The body's database work (saving the items) meets a restarting PostgreSQL once.
    monkeypatch.setattr("theodoi.plans.services.indicator_suggest", suggest_once_broken)
    document = stored_document(status=DocumentStatus.UPLOADED, progress=0)
    job = job_start(EXTRACT, document.pk)
    job.refresh_from_db()
    document.refresh_from_db()
    assert (job.state, job.attempts) == (JobState.DONE, 2)
    assert document.status == DocumentStatus.REVIEW


def test_a_database_error_on_every_attempt_fails_the_job_after_max_attempts(fake_extractor, monkeypatch) -> None:
    def always(name: str, unit: str) -> None:
        raise OperationalError("could not connect to server")

    monkeypatch.setattr("theodoi.plans.services.indicator_suggest", always)
    document = stored_document(status=DocumentStatus.UPLOADED, progress=0)
    job = job_start(EXTRACT, document.pk)
    job.refresh_from_db()
    document.refresh_from_db()
    assert (job.state, job.attempts) == (JobState.FAILED, job.max_attempts)
    assert "cơ sở dữ liệu" in job.last_error
    assert document.status == DocumentStatus.FAILED
    assert latest_job(EXTRACT, document.pk) == job
    assert Job.objects.count() == 1


def test_a_run_whose_job_was_handed_to_another_runner_does_not_close_it(fake_extractor) -> None:
    from theodoi.jobs import registry

    def overtaken(document_id: int, progress: registry.Progress) -> None:
        # Meanwhile the sweeper judged this runner lost and another runner claimed attempt 2.
        Job.objects.update(attempts=2)

    registry.register(registry.JobKind(name="testing.overtaken", label="", model="documents.Document",
                                       body=overtaken, on_failed=lambda pk, message: None))
    job = job_start("testing.overtaken", stored_document().pk, send=False)
    assert job_execute(job.pk) == "superseded"
    job.refresh_from_db()
    assert (job.state, job.attempts) == (JobState.RUNNING, 2)
