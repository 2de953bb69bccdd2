"""Broker down at upload: the document is kept, its job waits queued, the user is told the truth.

The broker is a real unreachable address (nothing listens on port 1), not a mock: the producer's
own error must be the one handled.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from theodoi.documents.models import Document, DocumentStatus
from theodoi.documents.testing import RESOLUTION
from theodoi.documents.tests.helpers import messages_of, needs_reader, upload
from theodoi.jobs.models import Job, JobState
from theodoi.jobs.sweeper import jobs_sweep

from .helpers import celery_broker

pytestmark = [pytest.mark.django_db(transaction=True), needs_reader]


def test_an_upload_with_the_broker_down_is_saved_and_runs_once_the_sweeper_reaches_a_runner(
    client_for, fake_extractor, settings
) -> None:
    settings.BACKGROUND_JOBS = "celery"
    with celery_broker("redis://127.0.0.1:1/0"):
        response = upload(client_for("planner"), RESOLUTION, follow=True)
        assert response.status_code == 200
        assert any("Tài liệu đã được lưu; việc trích xuất sẽ chạy khi hàng đợi hoạt động lại" in m
                   for m in messages_of(response))
        document = Document.objects.get()
        job = Job.objects.get()
        assert (job.state, job.enqueued_at, job.attempts) == (JobState.QUEUED, None, 0)
        assert document.status == DocumentStatus.UPLOADED
        # Still down: the sweep tries, fails quietly and keeps the job.
        assert jobs_sweep().sent == 0
        job.refresh_from_db()
        assert job.state == JobState.QUEUED
    # The queue is back (here: the inline runner stands in for the worker that takes it).
    settings.BACKGROUND_JOBS = "inline"
    Job.objects.filter(pk=job.pk).update(created_at=job.created_at.replace(year=job.created_at.year - 1))
    assert jobs_sweep().sent == 1
    job.refresh_from_db()
    document.refresh_from_db()
    assert job.state == JobState.DONE
    assert document.status == DocumentStatus.REVIEW
    page = client_for("planner").get(reverse("documents:detail", args=[document.pk])).content.decode()
    assert "Chờ rà soát" in page
