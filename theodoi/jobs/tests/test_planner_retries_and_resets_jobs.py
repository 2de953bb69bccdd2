"""Retry ("Thử lại") and reset ("Đặt lại"): planners only, only on failed or stuck jobs."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from theodoi.documents.models import DocumentStatus
from theodoi.jobs.models import Job, JobState
from theodoi.jobs.services import job_reset, job_retry

from .helpers import lost_job, stored_document

pytestmark = pytest.mark.django_db


def test_retry_runs_a_stuck_job_again_with_fresh_attempts(cast, fake_extractor) -> None:
    document = stored_document()
    job = lost_job(document, attempts=3)
    job = job_retry(user=cast.planner, job_id=job.pk)
    document.refresh_from_db()
    assert (job.state, job.attempts) == (JobState.DONE, 1)
    assert document.status == DocumentStatus.REVIEW


def test_reset_closes_a_stuck_job_and_the_document_can_be_extracted_again(cast, client_for, fake_extractor) -> None:
    document = stored_document()
    job = job_reset(user=cast.planner, job_id=lost_job(document).pk)
    document.refresh_from_db()
    assert job.state == JobState.FAILED and "đặt lại" in job.last_error.lower()
    assert document.status == DocumentStatus.FAILED
    client_for("planner").post(reverse("documents:retry", args=[document.pk]))
    document.refresh_from_db()
    assert document.status == DocumentStatus.REVIEW


def test_a_healthy_running_job_is_neither_retried_nor_reset(cast, fake_extractor) -> None:
    job = lost_job(stored_document(), silent_for=1)
    for action in (job_retry, job_reset):
        with pytest.raises(ValidationError):
            action(user=cast.planner, job_id=job.pk)
    job.refresh_from_db()
    assert job.state == JobState.RUNNING


def test_only_planners_may_retry_or_reset(cast, fake_extractor) -> None:
    job = lost_job(stored_document())
    for action in (job_retry, job_reset):
        with pytest.raises(PermissionDenied):
            action(user=cast.health_reporter, job_id=job.pk)


def test_the_document_page_offers_retry_for_a_stuck_job_and_the_button_works(client_for, fake_extractor) -> None:
    document = stored_document()
    job = lost_job(document)
    client = client_for("planner")
    page = client.get(reverse("documents:detail", args=[document.pk])).content.decode()
    assert reverse("jobs:action", args=[job.pk, "thu-lai"]) in page
    assert "Đặt lại" in page
    response = client.post(reverse("jobs:action", args=[job.pk, "thu-lai"]),
                           {"next": reverse("documents:detail", args=[document.pk])})
    assert response.status_code == 302 and response["Location"] == reverse("documents:detail", args=[document.pk])
    document.refresh_from_db()
    assert document.status == DocumentStatus.REVIEW


def test_the_jobs_list_is_for_planners_and_filters_stuck_jobs(client_for, fake_extractor) -> None:
    stuck = lost_job(stored_document())
    response = client_for("planner").get(reverse("jobs:list"), {"trang-thai": "stuck"})
    assert response.status_code == 200
    assert [r["job"].pk for r in response.context["rows"]] == [stuck.pk]
    assert "Trích xuất văn bản" in response.content.decode()
    assert client_for("health_reporter").get(reverse("jobs:list")).status_code == 403
    assert client_for("anonymous").get(reverse("jobs:list")).status_code == 302


def test_an_unsafe_next_is_not_followed(client_for, fake_extractor) -> None:
    job = lost_job(stored_document())
    response = client_for("planner").post(reverse("jobs:action", args=[job.pk, "dat-lai"]), {"next": "https://evil.example/"})
    assert response["Location"] == reverse("jobs:list")
    assert Job.objects.get(pk=job.pk).state == JobState.FAILED


def test_a_live_job_shows_its_current_step_and_no_buttons(client_for, fake_extractor) -> None:
    document = stored_document()
    job = lost_job(document, silent_for=1, progress_message="Đã đọc bằng OCR 4/20 trang")
    page = client_for("planner").get(reverse("documents:progress", args=[document.pk])).content.decode()
    assert "Đã đọc bằng OCR 4/20 trang" in page
    assert reverse("jobs:action", args=[job.pk, "thu-lai"]) not in page
