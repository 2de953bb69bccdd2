"""Items extracted from a scanned page come to review below "high", with the OCR reason."""

from __future__ import annotations

import pytest

from theodoi.documents import review
from theodoi.documents.models import ItemKind
from theodoi.documents.services import document_upload
from theodoi.documents.tests.helpers import needs_reader
from theodoi_extract.readers.testing import minimal_pdf

pytestmark = [pytest.mark.django_db, needs_reader]

PAGE_TWO = "1. Ty le tram y te xa co bac si dat 95%.\n2. Trong moi 1.200 ha rung tap trung."


def test_figures_of_an_ocr_page_are_low_first_and_say_why(cast, settings, monkeypatch) -> None:
    from theodoi_extract.readers import ocr

    if not ocr.available():
        pytest.skip("OCR (Tesseract) is not installed")
    # Page 1 has a text layer, page 2 is an image; the OCR engine is replaced, its caller is real.
    monkeypatch.setattr(ocr, "ocr_page", lambda image: ocr.OcrPage(PAGE_TWO, 70.0))
    settings.BACKGROUND_JOBS = "inline"
    data = minimal_pdf(["KE HOACH nam 2025\n1. Ty le ho ngheo giam con 3%.", None])
    document = document_upload(user=cast.planner, name="scan.pdf", data=data).document
    document.refresh_from_db()
    items = [i for i in document.items.all() if i.kind in (ItemKind.TARGET, ItemKind.ACTUAL)]
    scanned = [i for i in items if i.start >= document.text.index("1. Ty le tram")]
    typed = [i for i in items if i not in scanned]
    assert scanned and typed
    assert all(str(i.data["reason"]).startswith("OCR page 2, confidence 70") for i in scanned)
    assert all(review.level(i) != "high" for i in scanned)
    assert all("OCR" not in str(i.data["reason"]) for i in typed)
    assert set(review.by_doubt(items)[: len(scanned)]) == set(scanned)
