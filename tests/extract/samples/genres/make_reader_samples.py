"""Reader test documents, second round (issue 15): tables turned round in DOCX, harder scans.

Run from the repository root (python-docx, and `soffice` for the PDF copies; `pdftoppm` and
Pillow for the scans):

    PYTHONPATH=$PWD .venv/bin/python tests/extract/samples/genres/make_reader_samples.py [thachlam ...]

Every document is invented (province, figures, wording are ours). The expected `<name>.json` is
written from the declarations below, never from what the extractor reads: each row's period and
kind and each column's indicator and unit are declared by hand. Anchors (`context`) are the cell
as the readers print a table row once it is turned indicator by indicator (`| 9,5 |`, the
last period's cell ending its line).
"""

from __future__ import annotations

import io
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # the shared drawing helpers in samples/

from drawing import to_pdf  # noqa: E402

# A provincial resolution whose annex has three tables with the indicators across the top:
# (1) a corner "Năm", units in brackets in the indicator cells; (2) the units in a row of their
# own under the indicator names; (3) a group header ("Y tế", "Giáo dục") merged over the
# indicators it holds, the corner merged down two rows, and a "≥ 95" cell.
THACHLAM_HEAD = ["HỘI ĐỒNG NHÂN DÂN", "TỈNH THẠCH LAM", "Số: 45/NQ-HĐND", "Thạch Lam, ngày 10 tháng 12 năm 2025", "",
                 "NGHỊ QUYẾT", "Về kế hoạch phát triển kinh tế - xã hội năm 2026", "",
                 "Điều 1. Thông qua các chỉ tiêu chủ yếu theo các biểu kèm theo.", "Biểu 1. Kinh tế và giảm nghèo"]
THACHLAM_META = {"kind": "nghi_quyet", "number": "45/NQ-HĐND", "date": "2025-12-10", "plan_year": 2026}
# (caption above, group header or None per indicator, [(indicator, unit)], [(row label, kind, year, cells)], units row)
THACHLAM_TABLES: list[tuple[str, list[str] | None, list[tuple[str, str]], list[tuple[str, str, str, list[str]]], bool]] = [
    ("", None,
     [("Tốc độ tăng trưởng kinh tế", "%"), ("Thu ngân sách nhà nước trên địa bàn", "tỷ đồng"),
      ("Tỷ lệ hộ nghèo", "%"), ("Số xã đạt chuẩn nông thôn mới", "xã")],
     [("Thực hiện năm 2024", "actual", "2024", ["7,1", "4.260", "2,9", "58"]),
      ("Ước thực hiện năm 2025", "actual", "2025", ["7,6", "4.515", "2,2", "63"]),
      ("Kế hoạch năm 2026", "target", "2026", ["8", "4.800", "1,7", "67"])], False),
    ("Biểu 2. Sản xuất nông, lâm nghiệp", None,
     [("Diện tích gieo trồng lúa", "ha"), ("Sản lượng lương thực có hạt", "tấn"), ("Diện tích trồng rừng mới", "ha")],
     [("Thực hiện 2025", "actual", "2025", ["18.450", "96.300", "1.120"]),
      ("Kế hoạch 2026", "target", "2026", ["18.200", "97.000", "1.250"])], True),
    ("Biểu 3. Y tế và giáo dục", ["Y tế", "Y tế", "Giáo dục", "Giáo dục"],
     [("Số trạm y tế xã có bác sĩ", "trạm"), ("Tỷ lệ dân số tham gia bảo hiểm y tế", "%"),
      ("Tỷ lệ trường đạt chuẩn quốc gia", "%"), ("Số phòng học được kiên cố hóa", "phòng học")],
     [("Ước thực hiện năm 2025", "actual", "2025", ["96", "93,4", "68,5", "140"]),
      ("Kế hoạch năm 2026", "target", "2026", ["104", "≥ 95", "72", "180"])], False),
]
THACHLAM_TAIL = ["Điều 2. Nghị quyết này có hiệu lực kể từ ngày thông qua.", "CHỦ TỊCH"]


def _document() -> Any:
    import docx
    from docx.shared import Pt

    document = docx.Document()
    document.styles["Normal"].font.name = "Liberation Serif"
    document.styles["Normal"].font.size = Pt(11)
    return document


def thachlam_docx() -> bytes:
    document = _document()
    for line in THACHLAM_HEAD:
        document.add_paragraph(line)
    for caption, groups, indicators, rows, units_row in THACHLAM_TABLES:
        if caption:
            document.add_paragraph(caption)
        head_rows = 1 + (1 if groups else 0) + (1 if units_row else 0)
        table = document.add_table(rows=head_rows + len(rows), cols=1 + len(indicators))
        table.style = "Table Grid"
        r = 0
        if groups:
            corner = table.cell(0, 0).merge(table.cell(1, 0))
            corner.text = "Năm"
            c = 1
            while c <= len(groups):
                last = c
                while last < len(groups) and groups[last] == groups[c - 1]:
                    last += 1
                table.cell(0, c).merge(table.cell(0, last)).text = groups[c - 1]
                c = last + 1
            r = 1
        else:
            table.cell(0, 0).text = "Chỉ tiêu" if units_row else "Năm"
        for c, (indicator, unit) in enumerate(indicators, start=1):
            table.cell(r, c).text = indicator if units_row else f"{indicator} ({unit})"
        r += 1
        if units_row:
            table.cell(r, 0).text = "Đơn vị tính"
            for c, (_, unit) in enumerate(indicators, start=1):
                table.cell(r, c).text = unit
            r += 1
        for label, _, _, cells in rows:
            table.cell(r, 0).text = label
            for c, cell in enumerate(cells, start=1):
                table.cell(r, c).text = cell
            r += 1
    for line in THACHLAM_TAIL:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _figure(cell: str) -> tuple[str, str, float]:
    comparator = "="
    if cell.startswith("≥"):
        comparator, cell = ">=", cell[1:].strip()
    return comparator, cell, float(cell.replace(".", "").replace(",", "."))


def thachlam_expected(document: str) -> dict[str, Any]:
    targets = []
    for _, _, indicators, rows, _ in THACHLAM_TABLES:
        for c, (indicator, unit) in enumerate(indicators):
            for r, (_, kind, year, cells) in enumerate(rows):
                comparator, number, value = _figure(cells[c])
                last = r == len(rows) - 1
                written = cells[c]
                targets.append({"kind": kind, "indicator": indicator, "comparator": comparator, "value": value,
                                "value_max": None, "unit": unit, "period": year, "agency": None,
                                "number_text": number,
                                "context": f"| {written}\n" if last else f"| {written} |"})
    return {"document": document, "meta": THACHLAM_META, "targets": targets, "assignments": [], "deadlines": []}


def _write_json(name: str, data: dict[str, Any]) -> None:
    (HERE / f"{name}.json").write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def make_thachlam() -> None:
    """The DOCX (scored by test_genres.py) and its LibreOffice PDF (test_genres_pdf.py)."""
    name = "tinh-thachlam-2026-nghiquyet-bang-theo-cot"
    data = thachlam_docx()
    (HERE / f"{name}.docx").write_bytes(data)
    _write_json(name, thachlam_expected(f"{name}.docx"))
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / f"{name}-pdf.docx"
        source.write_bytes(data)
        pdf = to_pdf(source, Path(tmp))
        if pdf is not None:
            (HERE / f"{name}-pdf.pdf").write_bytes(pdf.read_bytes())
            _write_json(f"{name}-pdf", thachlam_expected(f"{name}-pdf.pdf"))


MAKERS = {"thachlam": make_thachlam}


def main(names: list[str]) -> None:
    for key in names or list(MAKERS):
        MAKERS[key]()


if __name__ == "__main__":
    main(sys.argv[1:])
