"""Figures read from a scanned page carry a lower confidence and say so (issue 15, item 4).

A text layer gives its digits exactly; OCR may have blurred a decimal comma or a `≥`. So every
item on an OCR'd page is scaled by a weight from that page's Tesseract confidence, stays below the
review screen's one-click "high" level, and its reason opens with "OCR page N, confidence X".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from theodoi_extract import extract_file, extract_text
from theodoi_extract.cli import explain
from theodoi_extract.readers.ocr import available as ocr_available
from theodoi_extract.scan_confidence import OCR_CEILING, discount_ocr_dicts, ocr_weight

GENRES = Path(__file__).parent / "samples" / "genres"
HIGH = 0.8  # theodoi.documents.review.HIGH: confirmable in one click

TEXT = "KẾ HOẠCH\nNăm 2025\n1. Tỷ lệ trạm y tế xã có bác sĩ đạt 95%.\n2. Trồng mới 1.200 ha rừng tập trung.\n"


def test_weight_grows_with_the_page_confidence_and_stays_below_high() -> None:
    assert ocr_weight(40) < ocr_weight(75) < ocr_weight(96) <= OCR_CEILING < HIGH
    assert ocr_weight(-1) == ocr_weight(0) and ocr_weight(120) == ocr_weight(100)


def test_only_the_items_on_the_ocr_page_are_discounted() -> None:
    plain = extract_text(TEXT)
    second_line = TEXT.index("2. Trồng")
    scanned = extract_text(TEXT, fmt="pdf", ocr_pages=(2,), ocr_spans=((2, second_line, len(TEXT), 62.0),))
    by_value = {t.value: t for t in scanned.targets}
    before = {t.value: t for t in plain.targets}
    assert by_value[95].confidence == before[95].confidence and "OCR" not in by_value[95].reason
    assert by_value[1200].confidence == pytest.approx(before[1200].confidence * ocr_weight(62), abs=1e-3)
    assert by_value[1200].reason.startswith("OCR page 2, confidence 62")
    assert scanned.to_dict()["ocr_pages"] == [{"page": 2, "start": second_line, "end": len(TEXT), "confidence": 62.0}]
    assert explain(scanned).splitlines()[0].startswith("Trang 2 đọc bằng OCR, độ tin cậy 62/100")
    # the lowest confidence first: the OCR'd figure heads the list
    assert "1.200 ha" in explain(scanned).splitlines()[2]


def test_the_web_apps_dicts_get_the_same_discount() -> None:
    items = [t.to_dict() for t in extract_text(TEXT).targets]
    out = discount_ocr_dicts(items, [(1, 0, len(TEXT), 90.0)])
    assert all(o["reason"].startswith("OCR page 1, confidence 90") for o in out)
    assert all(o["confidence"] < HIGH and o["confidence"] < i["confidence"] for o, i in zip(out, items, strict=True))


@pytest.mark.skipif(not ocr_available(), reason="tesseract with the vie model is not installed")
def test_a_scanned_pdfs_items_are_all_below_high_with_the_ocr_reason() -> None:
    scan = extract_file(GENRES / "scans" / "so-tnmt-hoason-2025-kehoach-bang-khong-ke-scan.pdf")
    text_layer = extract_file(GENRES / "so-tnmt-hoason-2025-kehoach-bang-khong-ke.pdf")
    assert scan.targets and scan.ocr_spans and not text_layer.ocr_spans
    assert all(t.confidence < HIGH and t.reason.startswith("OCR page ") for t in scan.targets)
    assert max(t.confidence for t in scan.targets) < min(t.confidence for t in text_layer.targets)
