"""Generate the DOCX document of the second genre set and its expected JSON (needs python-docx).

Run from the repository root:

    .venv/bin/python tests/extract/samples/genres2/make_samples.py

`tinh-phuninh-2026-kehoach-bang-nganh.docx` (and `so-khcn-hoaphong-2026-kehoach-bang-coquan.docx`, a
department plan whose table opens with an agency column merged down over its rows under a two-row
merged header, and whose assignment is a Word-numbered item) is invented (province, figures and wording are ours):
a plan whose targets stand in nested Word lists (the "List Number" / "List Bullet 2" styles, whose
numbers come from the style's numbering, not from the paragraph), then a table with one row per
indicator, a sector column whose cells are merged down over each sector's rows (w:vMerge), the
last year's result and this year's plan side by side, and an agency column merged the same way.
The expected targets are declared by hand below, never read back from the extractor; the
generated file is committed so the tests need no python-docx run.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import docx
from docx.shared import Pt

HERE = Path(__file__).resolve().parent
NAME = "tinh-phuninh-2026-kehoach-bang-nganh"


def _target(kind: str, comparator: str, value: float, unit: str, period: str, agency: str | None,
            number_text: str, context: str, indicator: str, value_max: float | None = None) -> dict[str, Any]:
    return {"kind": kind, "indicator": indicator, "comparator": comparator, "value": value, "value_max": value_max,
            "unit": unit, "period": period, "agency": agency, "number_text": number_text, "context": context}


# (text, style) of the nested list; the expected target of each bullet beside it.
LIST = [
    ("Phát triển nông nghiệp:", "List Number", None),
    ("Giá trị sản phẩm thu được trên 1 ha đất trồng trọt đạt 135 triệu đồng;", "List Bullet 2",
     ("=", 135, None, "triệu đồng", "135", "đạt 135", "Giá trị sản phẩm thu được trên 1 ha đất trồng trọt")),
    ("Tỷ lệ diện tích cây trồng được tưới tiên tiến, tiết kiệm nước không dưới 25%;", "List Bullet 2",
     (">=", 25, None, "%", "25", "không dưới 25", "Tỷ lệ diện tích cây trồng được tưới tiết kiệm nước")),
    ("Phát triển công nghiệp:", "List Number", None),
    ("Chỉ số sản xuất công nghiệp (IIP) tăng 12-13%;", "List Bullet 2",
     ("between", 12, 13, "%", "12", "tăng 12-13", "Chỉ số sản xuất công nghiệp (IIP)")),
    ("Thu hút thêm tối thiểu 4 dự án đầu tư vào các cụm công nghiệp.", "List Bullet 2",
     (">=", 4, None, "dự án", "4", "tối thiểu 4 dự án", "Số dự án đầu tư vào cụm công nghiệp thu hút thêm")),
    ("Phát triển dịch vụ:", "List Number", None),
    ("Đón 3,2 triệu lượt khách du lịch, trong đó khách quốc tế trên 180 nghìn lượt.", "List Bullet 2",
     ("=", 3.2, None, "triệu lượt khách", "3,2", "Đón 3,2", "Tổng lượt khách du lịch")),
]
LIST_EXTRA = [  # a second figure in the last bullet
    (">", 180, None, "nghìn lượt", "180", "trên 180", "Lượt khách quốc tế"),
]

# Table rows: sector (merged down over the sector's rows), indicator, unit, result 2025, plan 2026, agency
# ("" where the agency cell above is merged down over this row).
ROWS = [
    ("Nông nghiệp", "Tốc độ tăng giá trị sản xuất nông, lâm nghiệp và thủy sản", "%", "3,4", "3,5-4",
     "Sở Nông nghiệp và Môi trường"),
    ("", "Sản lượng lương thực có hạt", "nghìn tấn", "412", "415", ""),
    ("", "Số sản phẩm OCOP được công nhận mới", "sản phẩm", "38", "40", ""),
    ("Công nghiệp", "Giá trị sản xuất công nghiệp", "tỷ đồng", "52.300", "58.000", "Sở Công Thương"),
    ("", "Số cụm công nghiệp đi vào hoạt động", "cụm", "11", "13", ""),
    ("Dịch vụ", "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng", "tỷ đồng", "47.500", "53.000",
     "Sở Công Thương"),
    ("", "Số lượt khách du lịch", "triệu lượt", "2,9", "3,2", "Sở Văn hóa, Thể thao và Du lịch"),
]
HEADER = ("Lĩnh vực", "Chỉ tiêu", "Đơn vị tính", "Thực hiện năm 2025", "Kế hoạch năm 2026", "Cơ quan chủ trì")
COLUMNS = ((3, "actual", "2025"), (4, "target", "2026"))  # value columns, declared by hand from the header


def _num(s: str) -> float:
    return float(s.replace(".", "").replace(",", "."))


def build() -> None:
    document = docx.Document()
    document.styles["Normal"].font.size = Pt(12)
    for line in ("ỦY BAN NHÂN DÂN", "TỈNH PHÚ NINH", "Số: 35/KH-UBND", "Phú Ninh, ngày 12 tháng 01 năm 2026", "",
                 "KẾ HOẠCH", "Phát triển các ngành kinh tế năm 2026", "",
                 "I. MỤC TIÊU CỤ THỂ"):
        document.add_paragraph(line)
    targets = []
    for text, style, expected in LIST:
        document.add_paragraph(text, style=style)
        if expected:
            comparator, value, value_max, unit, number_text, context, indicator = expected
            targets.append(_target("target", comparator, value, unit, "2026", None, number_text, context,
                                   indicator, value_max))
    for comparator, value, value_max, unit, number_text, context, indicator in LIST_EXTRA:
        targets.append(_target("target", comparator, value, unit, "2026", None, number_text, context,
                               indicator, value_max))
    document.add_paragraph("II. CHỈ TIÊU THEO LĨNH VỰC")
    table = document.add_table(rows=1 + len(ROWS), cols=len(HEADER))
    table.style = "Table Grid"
    for c, text in enumerate(HEADER):
        table.cell(0, c).text = text
    sector_top = agency_top = 1
    for i, row in enumerate(ROWS):
        r = 1 + i
        for c, text in enumerate(row):
            if text:
                table.cell(r, c).text = text
        if row[0]:
            sector_top = r
        elif r > sector_top:
            table.cell(sector_top, 0).merge(table.cell(r, 0)).text = ROWS[sector_top - 1][0]
        if row[5]:
            agency_top = r
        elif r > agency_top:
            table.cell(agency_top, 5).merge(table.cell(r, 5)).text = ROWS[agency_top - 1][5]
        agency = ROWS[agency_top - 1][5]
        for c, kind, year in COLUMNS:
            cell = row[c]
            value_max = None
            comparator = "="
            lo = cell
            if "-" in cell:
                lo, hi = cell.split("-")
                comparator, value_max = "between", _num(hi)
            # The unit cell and both value cells: unique in the text wherever the reader puts the
            # merged cells; the anchor is the first occurrence of the number in it.
            context = " | ".join(row[2:5])
            targets.append(_target(kind, comparator, _num(lo), row[2], year, agency, lo, context, row[1], value_max))
    document.add_paragraph("III. TỔ CHỨC THỰC HIỆN")
    document.add_paragraph("Các sở, ngành được giao chủ trì chỉ tiêu báo cáo kết quả thực hiện định kỳ hằng quý "
                           "về Sở Tài chính để tổng hợp.")
    document.add_paragraph("CHỦ TỊCH")
    out = io.BytesIO()
    document.save(out)
    (HERE / f"{NAME}.docx").write_bytes(out.getvalue())
    expected = {"document": f"{NAME}.docx",
                "meta": {"kind": "ke_hoach", "number": "35/KH-UBND", "date": "2026-01-12", "plan_year": 2026},
                "targets": targets, "assignments": [],
                "deadlines": [{"rule": "quarterly", "date": None, "day": None}]}
    (HERE / f"{NAME}.json").write_text(json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


# --- a department plan: the agency column first, merged down over its rows, under a merged header --

NAME_B = "so-khcn-hoaphong-2026-kehoach-bang-coquan"
# agency ("" where merged with the cell above), indicator, unit, plan 2025, estimate 2025, plan 2026
ROWS_B = [
    ("Phòng Quản lý khoa học", "Số nhiệm vụ khoa học cấp tỉnh được nghiệm thu", "nhiệm vụ", "18", "17", "20"),
    ("", "Số sáng chế, giải pháp hữu ích được cấp bằng", "sáng chế", "6", "7", "8"),
    ("Chi cục Tiêu chuẩn Đo lường Chất lượng", "Số doanh nghiệp áp dụng hệ thống quản lý chất lượng",
     "doanh nghiệp", "45", "52", "60"),
    ("", "Số phương tiện đo được kiểm định", "phương tiện", "31.000", "33.400", "35.000"),
]
COLUMNS_B = ((3, "target", "2025"), (4, "actual", "2025"), (5, "target", "2026"))


def build_b() -> None:
    document = docx.Document()
    document.styles["Normal"].font.size = Pt(12)
    for line in ("ỦY BAN NHÂN DÂN TỈNH HÒA PHONG", "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "Số: 21/KH-SKHCN",
                 "Hòa Phong, ngày 06 tháng 01 năm 2026", "", "KẾ HOẠCH",
                 "Hoạt động khoa học và công nghệ năm 2026", "I. CHỈ TIÊU",
                 "Chỉ tiêu năm 2026 của các đơn vị thuộc Sở theo biểu dưới đây:"):
        document.add_paragraph(line)
    table = document.add_table(rows=2 + len(ROWS_B), cols=6)
    table.style = "Table Grid"
    for c, text in ((0, "Đơn vị chủ trì"), (1, "Chỉ tiêu"), (2, "Đơn vị tính")):
        table.cell(0, c).merge(table.cell(1, c)).text = text
    table.cell(0, 3).merge(table.cell(0, 4)).text = "Năm 2025"
    table.cell(0, 5).text = "Năm 2026"
    table.cell(1, 3).text = "Kế hoạch"
    table.cell(1, 4).text = "Ước thực hiện"
    table.cell(1, 5).text = "Kế hoạch"
    targets = []
    top = 2
    for i, row in enumerate(ROWS_B):
        r = 2 + i
        for c, text in enumerate(row):
            if text:
                table.cell(r, c).text = text
        if row[0]:
            top = r
        elif r > top:
            table.cell(top, 0).merge(table.cell(r, 0)).text = ROWS_B[top - 2][0]
        agency = ROWS_B[top - 2][0]
        for c, kind, year in COLUMNS_B:
            context = " | ".join(row[c:6]) if c < 5 else " | ".join(row[4:6])  # unique, the number in it
            targets.append(_target(kind, "=", _num(row[c]), row[2], year, agency, row[c], context, row[1]))
    document.add_paragraph("II. TỔ CHỨC THỰC HIỆN")
    document.add_paragraph("Phòng Quản lý khoa học chủ trì, phối hợp với Văn phòng Sở:", style="List Number")
    document.add_paragraph("Tổ chức tuyển chọn các nhiệm vụ khoa học năm 2027;", style="List Bullet 2")
    document.add_paragraph("Công bố kết quả nghiệm thu trước ngày 30 tháng 11 năm 2026.", style="List Bullet 2")
    document.add_paragraph("GIÁM ĐỐC")
    out = io.BytesIO()
    document.save(out)
    (HERE / f"{NAME_B}.docx").write_bytes(out.getvalue())
    expected = {"document": f"{NAME_B}.docx",
                "meta": {"kind": "ke_hoach", "number": "21/KH-SKHCN", "date": "2026-01-06", "plan_year": 2026},
                "targets": targets,
                "assignments": [{"ref": "1", "lead": ["Phòng Quản lý khoa học"],
                                 "head": "Phòng Quản lý khoa học chủ trì, phối hợp với Văn phòng Sở", "tasks": 2}],
                "deadlines": [{"rule": "once", "date": "2026-11-30", "day": None}]}
    (HERE / f"{NAME_B}.json").write_text(json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    build()
    build_b()
