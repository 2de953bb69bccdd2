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

from .helpers import record_progress

pytestmark = [pytest.mark.django_db, needs_reader]

PDF = minimal_pdf(["HOI DONG NHAN DAN TINH KON TUM", "So: 21/NQ-HDND"])


def test_the_upload_only_checks_a_pdf_and_the_job_reads_it(cast, fake_extractor, settings, monkeypatch) -> None:
    settings.BACKGROUND_JOBS = "thread"  # inside the test transaction the on-commit hand-off never runs
    document = document_upload(user=cast.planner, name="nq.pdf", data=PDF).document
    assert (document.format, document.text, document.status) == ("pdf", "", DocumentStatus.UPLOADED)
    job = latest_job(EXTRACT, document.pk)
    assert job is not None and job.state == JobState.QUEUED

    seen = record_progress(monkeypatch)
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


def test_a_scan_reports_its_ocr_pages_as_job_progress(cast, fake_extractor, settings, monkeypatch) -> None:
    from pathlib import Path

    from theodoi_extract.readers import ocr

    if not ocr.available():
        pytest.skip("OCR (Tesseract) is not installed")
    # Three image-only pages; the OCR engine itself is replaced (seconds a page), its caller is real.
    monkeypatch.setattr(ocr, "ocr_page", lambda image: ocr.OcrPage(f"HOI DONG NHAN DAN trang {Path(image).stem}", 90.0))
    settings.BACKGROUND_JOBS = "inline"
    seen = record_progress(monkeypatch)
    document = document_upload(user=cast.planner, name="scan.pdf", data=minimal_pdf([None, None, None])).document
    document.refresh_from_db()
    assert document.ocr_pages == [1, 2, 3] and "trang page-3" in document.text
    ocr_steps = [(p, m) for p, m in seen if "OCR" in m and "/3 trang" in m]
    assert [m for _, m in ocr_steps] == [f"Đã đọc bằng OCR {n}/3 trang" for n in (1, 2, 3)]
    assert [p for p, _ in ocr_steps] == sorted(p for p, _ in ocr_steps)
