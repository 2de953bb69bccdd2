"""A PDF's text (and OCR of its scanned pages) is read by the job, not in the upload request."""

from __future__ import annotations

import pytest

from theodoi.documents.jobs import EXTRACT
from theodoi.documents.models import DocumentStatus
from theodoi.documents.services import document_upload
from theodoi.documents.tests.helpers import needs_reader
from theodoi.jobs.launcher import latest_job
from theodoi.jobs.models import JobState
from theodoi.jobs.runner import job_execute
from theodoi_extract.readers.testing import minimal_pdf

pytestmark = [pytest.mark.django_db, needs_reader]

PDF = minimal_pdf(["HOI DONG NHAN DAN TINH KON TUM", "So: 21/NQ-HDND"])


def test_the_upload_only_checks_a_pdf_and_the_job_reads_it(cast, fake_extractor, settings, monkeypatch) -> None:
    settings.BACKGROUND_JOBS = "thread"  # inside the test transaction the on-commit hand-off never runs
    document = document_upload(user=cast.planner, name="nq.pdf", data=PDF).document
    assert (document.format, document.text, document.status) == ("pdf", "", DocumentStatus.UPLOADED)
    job = latest_job(EXTRACT, document.pk)
    assert job is not None and job.state == JobState.QUEUED

    seen: list[tuple[int, str]] = []
    from theodoi.jobs import runner

    real = runner._progress_writer

    def recording(job_id: int):  # type: ignore[no-untyped-def]
        write = real(job_id)

        def progress(percent: int, message: str = "") -> None:
            seen.append((percent, message))
            write(percent, message)

        return progress

    monkeypatch.setattr(runner, "_progress_writer", recording)
    settings.BACKGROUND_JOBS = "inline"
    assert job_execute(job.pk) == "done"
    document.refresh_from_db()
    assert "KON TUM" in document.text and document.text_folded
    assert document.status == DocumentStatus.REVIEW
    assert seen[0][0] < seen[-1][0] and "PDF" in seen[0][1]


def test_a_broken_pdf_is_still_refused_at_upload(cast) -> None:
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        document_upload(user=cast.planner, name="hong.pdf", data=b"%PDF-1.4 this is broken")
