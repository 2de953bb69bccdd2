"""A 50-page scan: the upload request does no OCR and returns at once; the job OCRs every page,
reports its progress page by page, and the document ends reviewable.

The pages are image-only (no text layer), drawn with Pillow small enough that real Tesseract
reads each in a fraction of a second: the point is the number of pages, not their size. Before,
OCR ran in the request and a 20-page scan hit the 30 s worker timeout.
"""

from __future__ import annotations

import io
import time

import pytest

from theodoi.documents.jobs import EXTRACT
from theodoi.documents.models import Document, DocumentStatus
from theodoi.documents.tests.helpers import needs_reader, upload
from theodoi.jobs.launcher import latest_job
from theodoi.jobs.models import JobState
from theodoi.jobs.runner import job_execute

from .helpers import record_progress

PAGES = 50
pytestmark = [pytest.mark.django_db, pytest.mark.slow, needs_reader]


def scanned_pdf(pages: int) -> bytes:
    """`pages` image-only PDF pages, each a line of black text on white (a tiny "scan")."""
    from PIL import Image, ImageDraw

    images = []
    for number in range(1, pages + 1):
        image = Image.new("L", (260, 48), 255)
        ImageDraw.Draw(image).text((8, 14), f"TRANG SO {number}", fill=0, font_size=20)
        images.append(image)
    out = io.BytesIO()
    images[0].save(out, "PDF", save_all=True, append_images=images[1:], resolution=150)
    return out.getvalue()


def test_a_50_page_scan_is_read_in_the_job_with_page_progress(client_for, fake_extractor, settings,
                                                              monkeypatch) -> None:
    from theodoi_extract.readers import ocr

    if not ocr.available():
        pytest.skip("OCR (Tesseract) is not installed")
    data = scanned_pdf(PAGES)
    # The upload as the server runs it: the job is handed to a runner after commit, never run here.
    settings.BACKGROUND_JOBS = "thread"
    started = time.monotonic()
    response = upload(client_for("planner"), data, name="scan-50-trang.pdf")
    request_s = time.monotonic() - started
    assert response.status_code == 302
    document = Document.objects.get()
    assert (document.status, document.text) == (DocumentStatus.UPLOADED, "")
    job = latest_job(EXTRACT, document.pk)
    assert job is not None and job.state == JobState.QUEUED
    assert request_s < 10, f"the upload request took {request_s:.1f} s: it must not OCR"

    # The runner's part, here in this process (the test transaction never commits).
    seen = record_progress(monkeypatch)
    settings.BACKGROUND_JOBS = "inline"
    started = time.monotonic()
    assert job_execute(job.pk) == "done"
    job_s = time.monotonic() - started
    document.refresh_from_db()
    assert document.status == DocumentStatus.REVIEW
    assert document.ocr_pages == list(range(1, PAGES + 1))
    assert "TRANG SO 50" in document.text.upper()  # real Tesseract read the last page
    ocr_steps = [(percent, message) for percent, message in seen if f"/{PAGES} trang" in message]
    assert [m for _, m in ocr_steps] == [f"Đã đọc bằng OCR {n}/{PAGES} trang" for n in range(1, PAGES + 1)]
    percents = [p for p, _ in ocr_steps]
    assert percents == sorted(percents) and percents[0] < percents[-1]
    print(f"\n50-page scan: upload request {request_s:.2f} s, job {job_s:.1f} s")
