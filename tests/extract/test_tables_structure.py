"""Tables read by their structure: merged DOCX headers, LibreOffice PDF tables, a scanned copy.

The fixtures in samples/tables/ are made by samples/tables/make_fixtures.py (invented provinces
and figures; each value column's kind and year declared by hand there, the expected JSON written
from those declarations). A predicted target matches an expected one when the number is the same,
its span holds the number as written and its indicator shares most words with the expected one;
a strict match also needs kind, comparator, unit, period and agency. Run as a script for the table:

    .venv/bin/python tests/extract/test_tables_structure.py
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from scoring import _close, _magnitude

from theodoi_extract import extract_file
from theodoi_extract.model import ColumnContext, DocumentMeta
from theodoi_extract.readers.ocr import available as ocr_available
from theodoi_extract.tables import GridCell, cell_contexts, extract_table_targets, grid_lines

TABLES = Path(__file__).parent / "samples" / "tables"
NAMES = sorted(p.stem for p in TABLES.glob("*.json"))


def _words(s: str | None) -> set[str]:
    return set(re.findall(r"\w+", unicodedata.normalize("NFC", s or "").lower()))


def _same_indicator(expected: str, predicted: str) -> bool:
    e, p = _words(expected), _words(predicted)
    return bool(e) and len(e & p) >= 0.8 * len(e)


def score(path: Path, expected: dict[str, Any]) -> dict[str, Any]:
    """Recall, precision, strict recall of one file's table targets against the expected list."""
    ex = extract_file(path)
    pred = [t.to_dict() for t in ex.targets]
    used: set[int] = set()
    tp = strict = 0
    problems: list[str] = []
    for g in expected["targets"]:
        for j, p in enumerate(pred):
            if j in used or not _close(_magnitude(g["value"], g["unit"]), _magnitude(p["value"], p["unit"])):
                continue
            if not _close(_magnitude(g["value_max"], g["unit"]), _magnitude(p["value_max"], p["unit"])):
                continue
            if g["number_text"] not in ex.text[p["start"]:p["end"]] or not _same_indicator(g["indicator"],
                                                                                          p["indicator"]):
                continue
            used.add(j)
            tp += 1
            wrong = [k for k in ("kind", "comparator", "period") if str(g[k]) != str(p[k])]
            wrong += ["unit"] * (g["unit"] != p["unit"])
            wrong += ["agency"] * (_words(g["agency"]) != _words(p["agency"]))
            strict += not wrong
            if wrong:
                problems.append(f"{g['indicator'][:30]} {g['number_text']}: "
                                + ", ".join(f"{k} {g[k]!r}≠{p[k]!r}" for k in wrong))
            break
        else:
            problems.append(f"{g['indicator'][:30]} {g['number_text']}: missed")
    n = len(expected["targets"])
    return {"recall": tp / n, "strict": strict / n, "precision": tp / len(pred) if pred else 0.0,
            "tp": tp, "gold": n, "pred": len(pred), "problems": problems, "extraction": ex}


def _expected(name: str) -> dict[str, Any]:
    return json.loads((TABLES / f"{name}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", NAMES)
def test_docx_table_with_merged_header(name: str) -> None:
    s = score(TABLES / f"{name}.docx", _expected(name))
    assert s["recall"] == 1.0 and s["strict"] == 1.0 and s["precision"] == 1.0, "\n".join(s["problems"])
    meta = _expected(name)["meta"]
    assert s["extraction"].document.kind == meta["kind"]


@pytest.mark.parametrize("name", NAMES)
def test_libreoffice_pdf_table(name: str) -> None:
    pdf = TABLES / f"{name}.pdf"
    if not pdf.exists():
        pytest.skip("PDF fixture not generated")
    s = score(pdf, _expected(name))
    assert s["recall"] >= 0.95 and s["strict"] >= 0.9 and s["precision"] >= 0.95, "\n".join(s["problems"])


# --- the grid printer and the column context, on small hand-made grids ------------------------


def _grid(rows: list[list[tuple[int, str]]]) -> list[list[GridCell]]:
    return [[GridCell(owner, text) for owner, text in row] for row in rows]


def test_two_row_header_becomes_one_line_of_paths() -> None:
    grid = _grid([
        [(1, "Chỉ tiêu"), (2, "Năm 2023"), (2, "Năm 2023"), (3, "Đơn vị chủ trì")],
        [(1, "Chỉ tiêu"), (4, "Kế hoạch"), (5, "Thực hiện"), (3, "Đơn vị chủ trì")],
        [(6, "Số xã đạt chuẩn (xã)"), (7, "12"), (8, "13"), (9, "Sở Xây dựng")],
        [(10, "Số km đường mới (km)"), (11, "40"), (12, "38"), (9, "Sở Xây dựng")],
    ])
    assert grid_lines(grid) == [
        "Chỉ tiêu | Năm 2023 / Kế hoạch | Năm 2023 / Thực hiện | Đơn vị chủ trì",
        "Số xã đạt chuẩn (xã) | 12 | 13 | Sở Xây dựng",
        "Số km đường mới (km) | 40 | 38 | ",  # the merged agency cell prints once
    ]


def test_a_plain_table_prints_unchanged() -> None:
    grid = _grid([[(1, "A"), (2, "B")], [(3, "1"), (4, "2")]])
    assert grid_lines(grid) == ["A | B", "1 | 2"]


def test_header_stops_at_the_first_row_with_figures() -> None:
    # the first body row shares a merged cell with the header row above: still body, it has figures
    grid = _grid([[(1, "Nội dung"), (2, "Năm 2022")], [(1, "Nội dung"), (3, "15")]])
    assert grid_lines(grid) == ["Nội dung | Năm 2022", " | 15"]


def test_column_context_from_header_path_and_merged_agency() -> None:
    text = ("Chỉ tiêu | ĐVT | Năm 2023 / Kế hoạch | Năm 2023 / Ước thực hiện | Kế hoạch năm 2024 | Cơ quan chủ trì\n"
            "(1) | (2) | (3) | (4) | (5) | (6)\n"
            "Số trường đạt chuẩn quốc gia | trường | 210 | 214 | 225 | Sở Giáo dục và Đào tạo\n"
            "Tỷ lệ trẻ em đến trường | % | 98 | 98,4 | 99 | \n")
    meta = DocumentMeta(kind="ke_hoach", plan_year=2024)
    ctx = cell_contexts(text, meta)
    assert [(c.kind, c.period) for c in ctx[:3]] == [("target", "2023"), ("actual", "2023"), ("target", "2024")]
    assert all(isinstance(c, ColumnContext) and c.agency == "Sở Giáo dục và Đào tạo" for c in ctx)
    assert ctx[1].header == "Năm 2023 / Ước thực hiện"
    targets = extract_table_targets(text, meta)
    assert len(targets) == 6  # the numbering row "(1) | (2) ..." gives none
    assert {t.agency for t in targets} == {"Sở Giáo dục và Đào tạo"}


def test_merged_indicator_header_over_a_group_column() -> None:
    text = ("Chỉ tiêu | Chỉ tiêu | Đơn vị tính | Thực hiện 2023 | Kế hoạch 2024\n"
            "Nông nghiệp | Sản lượng lúa cả năm | tấn | 410.000 | 420.000\n"
            " | Diện tích trồng rừng mới | ha | 1.200 | 1.500\n")
    targets = extract_table_targets(text, DocumentMeta(kind="ke_hoach", plan_year=2024))
    assert [(t.indicator, t.kind, t.period) for t in targets] == [
        ("Sản lượng lúa cả năm", "actual", "2023"), ("Sản lượng lúa cả năm", "target", "2024"),
        ("Diện tích trồng rừng mới", "actual", "2023"), ("Diện tích trồng rừng mới", "target", "2024")]


def main() -> None:
    print(f"{'file':46} {'recall':>7} {'strict':>7} {'prec':>7}  tp/gold/pred")
    for name in NAMES:
        for suffix in (".docx", ".pdf", "-scan.pdf"):
            path = TABLES / f"{name}{suffix}"
            if not path.exists() or (suffix == "-scan.pdf" and not ocr_available()):
                continue
            s = score(path, _expected(name))
            print(f"{path.name:46} {s['recall']:7.3f} {s['strict']:7.3f} {s['precision']:7.3f}  "
                  f"{s['tp']}/{s['gold']}/{s['pred']}")
            for p in s["problems"][:8]:
                print("    ", p)


if __name__ == "__main__":
    sys.exit(main())


# --- scanned pages ------------------------------------------------------------------------------


@pytest.mark.parametrize(("raw", "fixed"), [
    ("đạt 1.2 00 tỷ đồng", "đạt 1.200 tỷ đồng"),  # a thousands group split by OCR
    ("tăng 6, 5% và 7 ,0 %", "tăng 6,5% và 7,0%"),  # a decimal split before a percent sign
    ("3. 100% số xã", "3. 100% số xã"),  # an item number before a figure stays
    ("ngày 12, 5 xã", "ngày 12, 5 xã"),  # a list, not a decimal
    ("năm 2024 100 xã và 3 300", "năm 2024 100 xã và 3 300"),  # separate numbers stay apart
])
def test_ocr_number_repair_only_touches_number_shapes(raw: str, fixed: str) -> None:
    from theodoi_extract.readers.ocr import repair_numbers

    assert repair_numbers(raw) == fixed


def test_page_confidence_is_the_mean_word_confidence() -> None:
    from theodoi_extract.readers.ocr import tsv_confidence

    header = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
    rows = ["1\t1\t0\t0\t0\t0\t0\t0\t100\t100\t-1\t", "5\t1\t1\t1\t1\t1\t0\t0\t9\t9\t90\tTỷ",
            "5\t1\t1\t1\t1\t2\t0\t0\t9\t9\t70\tlệ", "5\t1\t1\t1\t1\t3\t0\t0\t9\t9\t-1\t "]
    assert tsv_confidence("\n".join([header, *rows])) == 80.0
    assert tsv_confidence(header) == 0.0


@pytest.mark.skipif(not ocr_available(), reason="tesseract with the vie model is not installed")
def test_scanned_copy_is_read_with_a_confidence_per_page() -> None:
    from theodoi_extract.readers import read_path

    result = read_path(TABLES / "tuyenquang-2025-kehoach-bang-scan.pdf")
    assert result.ocr_pages == (1,)
    assert len(result.ocr_confidence) == 1 and 50 < result.ocr_confidence[0] <= 100
    assert "Tuyên Quang" in result.text


@pytest.mark.skipif(not ocr_available(), reason="tesseract with the vie model is not installed")
def test_scanned_ruled_table_is_read_from_its_rulings() -> None:
    """The scan of a ruled table (tilted, speckled, 200 dpi): cells from the drawn borders, so its
    rows print whole. Before the rulings were read it found 4 of its 24 figures."""
    s = score(TABLES / "tuyenquang-2025-kehoach-bang-scan.pdf", _expected("tuyenquang-2025-kehoach-bang"))
    assert s["recall"] >= 0.9 and s["precision"] >= 0.95, "\n".join(s["problems"])
    assert "| Năm 2024 / KH | Năm 2024 / Ước TH |" in s["extraction"].text


def test_row_cut_by_a_page_break_is_mended_and_a_repeated_header_dropped() -> None:
    from theodoi_extract.readers.pdf import join_split_row

    before = "Bảng 1\nTT | Chỉ tiêu | ĐVT | KH 2025\n1 | Số trạm y tế xã đạt | trạm | 40"
    after = "2\nTT | Chỉ tiêu | ĐVT | KH 2025\n | chuẩn quốc gia |  | \n2 | Số trường mầm non | trường | 12\nHết"
    assert join_split_row(before, after) == (
        "Bảng 1\nTT | Chỉ tiêu | ĐVT | KH 2025\n1 | Số trạm y tế xã đạt chuẩn quốc gia | trạm | 40",
        "2\n2 | Số trường mầm non | trường | 12\nHết")
    # a new row with figures is not a continuation
    assert join_split_row("A | B\n1 | x", "2 | y")[1] == "2 | y"


def test_two_column_pdf_is_read_column_by_column() -> None:
    """The LibreOffice PDF of a two-column page gives the figures of its DOCX, in the same order."""
    pdf = TABLES / "phuyen-2025-hai-cot.pdf"
    if not pdf.exists():
        pytest.skip("PDF fixture not generated")
    from_docx = [(t.value, t.unit) for t in extract_file(TABLES / "phuyen-2025-hai-cot.docx").targets]
    from_pdf = extract_file(pdf)
    assert len(from_docx) >= 15
    assert [(t.value, t.unit) for t in from_pdf.targets] == from_docx
    assert from_pdf.text.index("2. Thu ngân sách") < from_pdf.text.index("6. Tỷ lệ lao động")
