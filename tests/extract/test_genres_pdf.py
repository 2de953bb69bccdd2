"""PDF genre documents (issue 15): a landscape LibreOffice table, two columns, a borderless table, a scan.

Made by `samples/genres/make_pdf_samples.py`, written blind (expected JSON from the declarations,
before the extractor read them). `test_genres.py` scores them with the rest of the genre set; this
file adds what only PDFs have: the scan gap (loose F1 of the scanned copy against its text
version, goal ≤ 0.05) and table recall (goal ≥ 0.90). Scored by `scoring.score` with
`layout_anchors=True`: an anchor whose words a PDF line break separates still locates its figure,
and an anchor that OCR garbled counts as a miss instead of an error.

    PYTHONPATH=$PWD .venv/bin/python tests/extract/test_genres_pdf.py
"""

from __future__ import annotations

import json
import sys
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from scoring import score as score_document

from theodoi_extract.readers.ocr import available as ocr_available

GENRES = Path(__file__).parent / "samples" / "genres"
SCAN_DIR = GENRES / "scans"  # OCR'd anchors depend on the Tesseract installed: kept out of test_genres.py
PDF_DOCS = sorted([p.stem for p in GENRES.glob("*.json")
                   if json.loads(p.read_text(encoding="utf-8"))["document"].endswith(".pdf")]
                  + [p.stem for p in SCAN_DIR.glob("*.json")])
SCANS = [n for n in PDF_DOCS if n.endswith("-scan")]


def _folder(name: str) -> Path:
    return SCAN_DIR if name.endswith("-scan") else GENRES
TABLE_DOCS = [n for n in PDF_DOCS if "bang" in n]

SCAN_GAP_LIMIT = 0.05
TABLE_RECALL_FLOOR = 0.90
needs_ocr = pytest.mark.skipif(not ocr_available(), reason="tesseract with the vie model is not installed")


@cache
def score(name: str) -> dict[str, Any]:
    return score_document(_folder(name), name, layout_anchors=True)


def test_every_pdf_genre_has_its_generated_file() -> None:
    assert len(PDF_DOCS) >= 4 and SCANS and TABLE_DOCS
    for name in PDF_DOCS:
        gold = json.loads((_folder(name) / f"{name}.json").read_text(encoding="utf-8"))
        assert (_folder(name) / gold["document"]).exists(), name


@pytest.mark.parametrize("name", [n for n in PDF_DOCS if n not in SCANS])
def test_text_layer_pdf_genre_scores(name: str) -> None:
    s = score(name)
    assert s["f1"] >= 0.95 and s["strict_f1"] >= 0.9, "\n".join(s["problems"])


@pytest.mark.parametrize("name", [n for n in TABLE_DOCS if n not in SCANS])
def test_pdf_table_recall(name: str) -> None:
    s = score(name)
    assert s["recall"] >= TABLE_RECALL_FLOOR, "\n".join(s["problems"])


def test_two_columns_with_a_short_right_column_read_column_by_column() -> None:
    """The right column ends early (the last page of a two-column text): still read after the left."""
    text = score("huyen-longhai-2025-nghiquyet-hai-cot")["extraction"].text
    assert "I. MỤC TIÊU CHUNG\n" in text
    assert text.index("11. Số trường") < text.index("III. TỔ CHỨC THỰC HIỆN") < text.index("Ủy ban nhân dân huyện")


def test_borderless_table_prints_its_rows_whole() -> None:
    """Wrapped indicator and agency cells of a table without rulings stay in the row of their figures."""
    text = score("so-tnmt-hoason-2025-kehoach-bang-khong-ke")["extraction"].text
    assert "TT | Chỉ tiêu | ĐVT | Thực hiện 2024 | Kế hoạch 2025 | Đơn vị chủ trì\n" in text
    assert ("4 | Tỷ lệ khu công nghiệp có hệ thống xử lý nước thải tập trung | % | 86 | 100 | "
            "Chi cục Bảo vệ môi trường\n") in text


def test_page_stored_turned_keeps_its_ruled_table() -> None:
    """A landscape page stored on a portrait page with /Rotate 90 (rulings drawn through a
    rotation, off by 1e-13 point): its table is still found from the rulings, merged header whole.
    Before the rulings were snapped, the page gave 0 of its 18 figures."""
    import pdfplumber

    from theodoi_extract.readers.pdf_tables import ruled_tables

    with pdfplumber.open(GENRES / "tinh-sonkhe-2025-quyetdinh-trang-xoay.pdf") as pdf:
        page = pdf.pages[0]
        assert page.rotation == 90 and ruled_tables(page)
    text = score("tinh-sonkhe-2025-quyetdinh-trang-xoay")["extraction"].text
    assert "| Năm 2024 / Kế hoạch | Năm 2024 / Ước thực hiện | Kế hoạch năm 2025 |" in text


def test_indicators_across_the_top_are_read_as_rows() -> None:
    """An annex with one column per indicator and one row per period prints one row per indicator;
    before it was turned, none of its 15 figures was read."""
    s = score("huyen-phuoclam-2025-kehoach-chi-tieu-theo-cot")
    assert "Chỉ tiêu | Thực hiện năm 2023 | Ước thực hiện năm 2024 | Kế hoạch năm 2025\n" in s["extraction"].text
    assert s["recall"] == 1.0


def test_superscript_footnote_markers_in_cells_are_no_part_of_the_value() -> None:
    """`21.350` with a raised `1` was read `21.350 1` (a miss) and `3,2` with one as `3,21`."""
    s = score("so-ldtbxh-ngoclam-2025-kehoach-chu-thich")
    assert "| lao động | 21.350 | 22.000 |" in s["extraction"].text
    assert "| Tỷ lệ lao động qua đào tạo | % | 71,5 |" in s["extraction"].text
    assert s["recall"] == 1.0 and s["f1"] == 1.0


def test_table_over_two_pages_with_its_header_repeated() -> None:
    """The row cut by the page break is one row again; the repeated header is printed once."""
    text = score("tinh-vankhe-2025-baocao-6thang-bang-ke")["extraction"].text
    assert text.count("| Ước thực hiện cả năm 2025 |") == 1
    assert "| Số lao động được tạo việc làm mới | lao động | 16.500 |" in text


def test_table_over_three_pages_with_its_header_repeated_on_each() -> None:
    """LibreOffice, landscape, `Năm 2025` over `KH | TH`: the second break cuts row 13 under a
    header that the first join had already taken off its page; before, the header printed twice
    and `tổng dân số` stood in a row of its own."""
    text = score("tinh-hamlong-2026-quyetdinh-phuluc-kh-th")["extraction"].text
    assert text.count("TT | Chỉ tiêu | ĐVT | Năm 2025 / KH | Năm 2025 / TH | Năm 2026 / KH |") == 1
    assert "| Tỷ lệ dân số tham gia bảo hiểm y tế trên tổng dân số | % | 94,5 |" in text


@needs_ocr
def test_scanned_table_over_two_pages_is_mended_like_its_text_version() -> None:
    text = score("tinh-vankhe-2025-baocao-6thang-bang-ke-scan")["extraction"].text
    assert text.count("| Ước thực hiện cả năm 2025 |") == 1
    assert "| Số lao động được tạo việc làm mới | lao động | 16.500 |" in text


@needs_ocr
@pytest.mark.parametrize("name", SCANS)
def test_scan_gap(name: str) -> None:
    """The scanned copy loses at most SCAN_GAP_LIMIT loose F1 against its text version."""
    text_version = score(name.removesuffix("-scan"))
    scanned = score(name)
    assert scanned["extraction"].document is not None
    gap = text_version["f1"] - scanned["f1"]
    assert gap <= SCAN_GAP_LIMIT, f"gap {gap:.3f}\n" + "\n".join(scanned["problems"])


REPAIR_DIR = GENRES / "scans-harsh" / "repair"  # made by make_scan_repair_samples.py
REPAIR_SCANS = sorted(p.name.removesuffix("-h150.json") for p in REPAIR_DIR.glob("*-h150.json"))


@needs_ocr
@pytest.mark.parametrize("name", REPAIR_SCANS)
def test_harsh_scan_of_a_repaired_class_keeps_to_its_text_version(name: str) -> None:
    """Row numbers under a misread `TT` and decimal commas lost in a table with the indicators
    across the top (`readers/ocr_cells.py`): each harsh scan within SCAN_GAP_LIMIT of its text PDF."""
    text_version = score_document(REPAIR_DIR, f"{name}-text", layout_anchors=True)
    scanned = score_document(REPAIR_DIR, f"{name}-h150", layout_anchors=True)
    gap = text_version["f1"] - scanned["f1"]
    assert gap <= SCAN_GAP_LIMIT, f"gap {gap:.3f}\n" + "\n".join(scanned["problems"])


def main() -> int:
    print(f"{'document':50} {'F1':>6} {'strict':>7} {'recall':>7}  tp/gold/pred")
    for name in PDF_DOCS:
        if name in SCANS and not ocr_available():
            print(f"{name:50} skipped (no OCR)")
            continue
        s = score(name)
        print(f"{name:50} {s['f1']:6.3f} {s['strict_f1']:7.3f} {s['recall']:7.3f}  {s['tp']}/{s['gold']}/{s['pred']}")
        if "-v" in sys.argv:
            for p in s["problems"]:
                print("    " + p)
    for name in SCANS:
        if ocr_available():
            print(f"scan gap {name}: {score(name.removesuffix('-scan'))['f1'] - score(name)['f1']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
