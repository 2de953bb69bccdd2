"""The report PDF job: a killed one fails with a reason or runs again; the page offers retry."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from theodoi.exports.jobs import PDF
from theodoi.exports.models import IssuedReport, PdfStatus
from theodoi.exports.services import pdf_job_start, report_draft_create
from theodoi.jobs.launcher import job_start, latest_job
from theodoi.jobs.models import Job, JobState
from theodoi.jobs.sweeper import jobs_sweep

pytestmark = pytest.mark.django_db


@pytest.fixture
def fake_pdf(monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr("theodoi.exports.services.rendering.docx_to_pdf", lambda docx: b"%PDF-1.4 fake")


def _killed_pdf_job(report: IssuedReport, attempts: int) -> Job:
    """A PDF job whose worker died at 40%: running, silent for an hour."""
    job = job_start(PDF, report.pk, send=False)
    hour_ago = timezone.now() - timedelta(hours=1)
    Job.objects.filter(pk=job.pk).update(state=JobState.RUNNING, attempts=attempts, heartbeat_at=hour_ago,
                                         enqueued_at=hour_ago, started_at=hour_ago)
    IssuedReport.objects.filter(pk=report.pk).update(pdf_status=PdfStatus.RUNNING, pdf_progress=40)
    return job


def test_a_pdf_job_runs_through_a_job_row(rworld, fake_pdf) -> None:
    report = report_draft_create(user=rworld.cast.planner, period="2021-06", scope="province", scope_key="")
    report = pdf_job_start(user=rworld.cast.planner, report=report)
    job = latest_job(PDF, report.pk)
    assert job is not None and job.state == JobState.DONE
    assert report.pdf_status == PdfStatus.DONE and job.created_by == rworld.cast.planner


def test_a_killed_pdf_job_on_its_last_attempt_shows_the_error_and_the_make_pdf_button(rworld, client_for, fake_pdf) -> None:
    report = report_draft_create(user=rworld.cast.planner, period="2021-06", scope="province", scope_key="")
    _killed_pdf_job(report, attempts=3)
    assert jobs_sweep().failed == 1
    report.refresh_from_db()
    assert report.pdf_status == PdfStatus.FAILED and "dừng giữa chừng" in report.pdf_error
    page = client_for("planner").get(reverse("exports:pdf_progress", args=[report.pk])).content.decode()
    assert "dừng giữa chừng" in page and reverse("exports:pdf_start", args=[report.pk]) in page


def test_a_killed_pdf_job_with_attempts_left_is_run_again(rworld, fake_pdf) -> None:
    report = report_draft_create(user=rworld.cast.planner, period="2021-06", scope="province", scope_key="")
    job = _killed_pdf_job(report, attempts=1)
    assert jobs_sweep().requeued == 1
    job.refresh_from_db()
    report.refresh_from_db()
    assert job.state == JobState.DONE and report.pdf_status == PdfStatus.DONE


def test_the_report_page_offers_retry_while_the_job_is_stuck(rworld, client_for, fake_pdf) -> None:
    report = report_draft_create(user=rworld.cast.planner, period="2021-06", scope="province", scope_key="")
    job = _killed_pdf_job(report, attempts=1)
    page = client_for("planner").get(reverse("exports:pdf_progress", args=[report.pk])).content.decode()
    assert reverse("jobs:action", args=[job.pk, "thu-lai"]) in page


def test_asking_again_for_the_pdf_replaces_a_stuck_job_but_not_a_live_one(rworld, fake_pdf) -> None:
    report = report_draft_create(user=rworld.cast.planner, period="2021-06", scope="province", scope_key="")
    stuck = _killed_pdf_job(report, attempts=1)
    report = pdf_job_start(user=rworld.cast.planner, report=report)
    stuck.refresh_from_db()
    assert stuck.state == JobState.FAILED and report.pdf_status == PdfStatus.DONE
    live = job_start(PDF, report.pk, send=False)
    Job.objects.filter(pk=live.pk).update(state=JobState.RUNNING, attempts=1, heartbeat_at=timezone.now())
    IssuedReport.objects.filter(pk=report.pk).update(pdf_status=PdfStatus.RUNNING)
    pdf_job_start(user=rworld.cast.planner, report=report)
    assert Job.objects.filter(kind=PDF).count() == 3  # the stuck one, its replacement, the live one: no fourth
    live.refresh_from_db()
    assert live.state == JobState.RUNNING


def test_beat_sweeps_every_minute(rworld, fake_pdf) -> None:
    from theodoi.celery import app
    from theodoi.jobs.tasks import sweep_jobs

    entry = app.conf.beat_schedule["jobs-sweep"]
    assert entry["task"] == "jobs.sweep" and entry["schedule"] == 60.0
    assert sweep_jobs.name in app.tasks and "jobs.run" in app.tasks
    report = report_draft_create(user=rworld.cast.planner, period="2021-06", scope="province", scope_key="")
    _killed_pdf_job(report, attempts=1)
    assert sweep_jobs() == {"requeued": 1, "sent": 0, "failed": 0}
