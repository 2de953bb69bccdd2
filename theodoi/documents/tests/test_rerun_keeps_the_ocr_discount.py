"""A scanned document's extraction run again keeps its figures' OCR discount (issue 15).

The first run reads the PDF and knows which pages came from OCR; a re-run extracts from the text
stored on the document, so the pages' spans and confidences must be stored with it, or every
figure of the scan would come back at full confidence, confirmable in one click unseen.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.urls import reverse

from theodoi.documents import review
from theodoi.documents.models import Document, ItemKind
from theodoi.documents.tests.helpers import needs_reader, upload

pytestmark = [pytest.mark.django_db, needs_reader]

SCAN = (Path(__file__).resolve().parents[3] / "tests" / "extract" / "samples" / "genres" / "scans"
        / "so-tnmt-hoason-2025-kehoach-bang-khong-ke-scan.pdf")


def _figures(document: Document) -> list:
    return sorted((i for i in document.items.all() if i.kind in (ItemKind.TARGET, ItemKind.ACTUAL)),
                  key=lambda i: (i.start, i.end))


def test_a_rerun_of_a_scan_keeps_the_ocr_reason_and_the_lowered_confidence(client_for, settings) -> None:
    from theodoi_extract.readers import ocr

    if not ocr.available():
        pytest.skip("OCR (Tesseract) is not installed")
    settings.BACKGROUND_JOBS = "inline"
    client = client_for("planner")
    upload(client, SCAN.read_bytes(), name=SCAN.name)
    document = Document.objects.get()
    first = [(i.start, i.end, i.data["confidence"], i.data["reason"]) for i in _figures(document)]
    assert first and all(str(reason).startswith("OCR page ") for *_, reason in first)
    assert document.ocr_spans and all(len(span) == 4 for span in document.ocr_spans)

    client.post(reverse("documents:retry", args=[document.pk]))
    again = _figures(Document.objects.get(pk=document.pk))
    assert [(i.start, i.end, i.data["confidence"], i.data["reason"]) for i in again] == first
    assert all(review.level(i) != "high" for i in again)

    page = client.get(reverse("documents:review", args=[document.pk])).content.decode()
    assert "Đọc bằng OCR: trang 1, độ tin cậy" in page


def test_the_review_lines_say_which_ocr_page_an_item_came_from() -> None:
    item = review.ExtractedItem(kind=ItemKind.TARGET, data={"reason": "OCR page 3, confidence 71; period from heading"})
    assert review.reasons(item)[0].startswith("Đọc bằng OCR: trang 3, độ tin cậy 71/100")
    assert not review.reasons(review.ExtractedItem(kind=ItemKind.TARGET, data={"reason": "period from heading"}))
