"""Generate the DOCX genre documents and their expected JSON (needs python-docx).

Run from the repository root:

    .venv/bin/python tests/extract/samples/genres/make_samples.py

Both documents are invented (provinces, figures and wording are ours):

- `tinh-donghai-2026-quyetdinh-bang.docx`: a People's Committee decision assigning next year's
  targets as a table whose header has two merged rows ("Năm 2025" over "Kế hoạch | Ước thực
  hiện", "Năm 2026" over "Kế hoạch"), a ratio column, group rows and an agency column whose cells
  are merged down over several rows (w:gridSpan, w:vMerge).
- `tinh-binhson-2025-kehoach-danhso.docx`: a plan whose "I." / "1." / "a)" exist only in
  numbering.xml (w:numPr), with list items that name the lead agency ("Sở Xây dựng chủ trì,
  phối hợp ...:").

The expected targets are declared by hand below (kind and year of each column, the agency of
each block), never read back from the extractor. Generated files are committed so the tests
need no python-docx run.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt

HERE = Path(__file__).resolve().parent


def _target(kind: str, comparator: str, value: float, unit: str, period: str, agency: str | None,
            number_text: str, context: str, indicator: str, value_max: float | None = None) -> dict[str, Any]:
    return {"kind": kind, "indicator": indicator, "comparator": comparator, "value": value, "value_max": value_max,
            "unit": unit, "period": period, "agency": agency, "number_text": number_text, "context": context}


def _save(name: str, document: Any, expected: dict[str, Any]) -> None:
    out = io.BytesIO()
    document.save(out)
    (HERE / f"{name}.docx").write_bytes(out.getvalue())
    (HERE / f"{name}.json").write_text(json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def _new_document() -> Any:
    document = docx.Document()
    style = document.styles["Normal"]
    style.font.name = "Liberation Serif"
    style.font.size = Pt(12)
    return document


# --- (a) a decision assigning targets in a table with a two-row merged header ---------------------

@dataclass(frozen=True)
class Row:
    tt: str
    indicator: str
    unit: str
    plan_last: str  # Năm 2025 / Kế hoạch
    estimate_last: str  # Năm 2025 / Ước thực hiện
    plan_next: str  # Năm 2026 / Kế hoạch
    ratio: str
    agency: str  # "" where the agency cell above is merged down over this row


DONGHAI_ROWS: list[Row | tuple[str, str]] = [
    ("A", "CHỈ TIÊU VỀ KINH TẾ"),
    Row("1", "Tốc độ tăng trưởng kinh tế (GRDP)", "%", "8,0", "7,6", "8,0-8,5", "-", "Sở Tài chính"),
    Row("2", "Thu nhập bình quân đầu người", "triệu đồng", "78", "79,4", "86", "108,3", ""),
    Row("3", "Thu ngân sách nhà nước trên địa bàn", "tỷ đồng", "12.400", "13.050", "13.800", "105,7", ""),
    Row("4", "Số lượt khách du lịch", "nghìn lượt", "4.200", "4.510", "4.900", "108,6",
        "Sở Văn hóa, Thể thao và Du lịch"),
    ("B", "CHỈ TIÊU VỀ XÃ HỘI"),
    Row("5", "Số giường bệnh trên một vạn dân", "giường", "33", "33,5", "34", "101,5", "Sở Y tế"),
    Row("6", "Tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ", "%", "31", "31,6", "≥33", "-", "Sở Nội vụ"),
    Row("7", "Mức giảm tỷ lệ hộ nghèo đa chiều", "điểm phần trăm", "1,2", "1,3", "1-1,5", "-", ""),
    ("C", "CHỈ TIÊU VỀ MÔI TRƯỜNG"),
    Row("8", "Tỷ lệ chất thải rắn sinh hoạt đô thị được thu gom, xử lý", "%", "95", "95,5", "97", "101,6",
        "Sở Nông nghiệp và Môi trường"),
    Row("9", "Diện tích rừng trồng mới tập trung", "ha", "3.000", "3.150", "3.200", "101,6", ""),
]
# Which columns the figures stand in: (attribute of Row, kind, year), declared by hand from the header.
DONGHAI_COLUMNS = (("plan_last", "target", "2025"), ("estimate_last", "actual", "2025"), ("plan_next", "target", "2026"))


def _cell_value(text: str) -> tuple[str, str, float, float | None]:
    """(comparator, number_text, value, value_max) of a value cell, by hand-simple parsing."""
    comparator = "="
    if text.startswith("≥"):
        comparator, text = ">=", text[1:]
    num = lambda s: float(s.replace(".", "").replace(",", "."))  # noqa: E731
    if "-" in text:
        lo, hi = text.split("-")
        return "between", lo, num(lo), num(hi)
    return comparator, text, num(text), None


def donghai() -> None:
    name = "tinh-donghai-2026-quyetdinh-bang"
    document = _new_document()
    for line in ("ỦY BAN NHÂN DÂN", "TỈNH ĐÔNG HẢI", "Số: 2418/QĐ-UBND", "Đông Hải, ngày 24 tháng 12 năm 2025", "",
                 "QUYẾT ĐỊNH", "Giao chỉ tiêu chủ yếu kế hoạch phát triển kinh tế - xã hội năm 2026", "",
                 "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ĐÔNG HẢI",
                 "Căn cứ Nghị quyết của Hội đồng nhân dân tỉnh về kế hoạch phát triển kinh tế - xã hội năm 2026;",
                 "QUYẾT ĐỊNH:",
                 "Điều 1. Giao chỉ tiêu chủ yếu năm 2026 cho các sở, ngành theo biểu dưới đây (kèm số ước thực "
                 "hiện năm 2025 để đối chiếu):"):
        document.add_paragraph(line)
    widths = (1.0, 5.0, 2.0, 1.8, 1.8, 1.8, 1.8, 3.2)
    n_rows = 2 + len(DONGHAI_ROWS)
    table = document.add_table(rows=n_rows, cols=len(widths))
    table.style = "Table Grid"
    table.autofit = False
    for c, w in enumerate(widths):
        for r in range(n_rows):
            table.cell(r, c).width = Cm(w)
    # Header: TT, Chỉ tiêu, ĐVT, ratio and agency span both rows; "Năm 2025" spans two columns.
    for c, text in ((0, "TT"), (1, "Chỉ tiêu"), (2, "Đơn vị tính"), (6, "So sánh KH 2026/ƯTH 2025 (%)"),
                    (7, "Đơn vị chủ trì theo dõi")):
        table.cell(0, c).merge(table.cell(1, c)).text = text
    table.cell(0, 3).merge(table.cell(0, 4)).text = "Năm 2025"
    table.cell(0, 5).text = "Năm 2026"
    table.cell(1, 3).text = "Kế hoạch"
    table.cell(1, 4).text = "Ước thực hiện"
    table.cell(1, 5).text = "Kế hoạch"
    targets = []
    agency_top: tuple[int, str] | None = None
    merges: list[tuple[int, int, str]] = []
    for i, row in enumerate(DONGHAI_ROWS):
        r = 2 + i
        if isinstance(row, tuple):
            table.cell(r, 0).text = row[0]
            table.cell(r, 1).merge(table.cell(r, len(widths) - 1)).text = row[1]
            if agency_top:
                merges.append((agency_top[0], r - 1, agency_top[1]))
            agency_top = None
            continue
        cells = [row.tt, row.indicator, row.unit, row.plan_last, row.estimate_last, row.plan_next, row.ratio, row.agency]
        for c, text in enumerate(cells):
            if text:
                table.cell(r, c).text = text
        if row.agency:
            if agency_top:
                merges.append((agency_top[0], r - 1, agency_top[1]))
            agency_top = (r, row.agency)
        agency = agency_top[1] if agency_top else None
        for k, (attr, kind, year) in enumerate(DONGHAI_COLUMNS):
            comparator, number_text, value, value_max = _cell_value(getattr(row, attr))
            # From the value cell to the ratio cell: unique in the text, the number at its start.
            context = " | ".join(cells[3 + k:7])
            assert context.find(number_text) <= 1, context
            targets.append(_target(kind, comparator, value, row.unit, year, agency, number_text, context,
                                   row.indicator, value_max))
    if agency_top:
        merges.append((agency_top[0], n_rows - 1, agency_top[1]))
    for first, last, text in merges:
        if last > first:
            table.cell(first, 7).merge(table.cell(last, 7)).text = text
    for line in ("Điều 2. Thủ trưởng các sở, ngành được giao chỉ tiêu xây dựng kế hoạch chi tiết, gửi Sở Tài chính "
                 "trước ngày 15 tháng 01 năm 2026; định kỳ hằng quý báo cáo kết quả thực hiện.",
                 "Điều 3. Quyết định này có hiệu lực kể từ ngày ký.", "CHỦ TỊCH"):
        document.add_paragraph(line)
    _save(name, document, {
        "document": f"{name}.docx",
        "meta": {"kind": "quyet_dinh", "number": "2418/QĐ-UBND", "date": "2025-12-24", "plan_year": 2026},
        "targets": targets, "assignments": [],
        "deadlines": [{"rule": "once", "date": "2026-01-15", "day": None},
                      {"rule": "quarterly", "date": None, "day": None}],
    })


# --- (b) a plan whose item numbers exist only in numbering.xml ------------------------------------

_ABSTRACT_ID, _NUM_ID = 77, 77
_LEVELS = (("upperRoman", "%1."), ("decimal", "%2."), ("lowerLetter", "%3)"))


def _add_numbering(document: Any) -> None:
    """One multi-level list: "I." / "1." / "a)", each level restarting under the one above."""
    numbering = document.part.numbering_part.element
    levels = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
        f'<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{360 * (i + 1)}" w:hanging="360"/></w:pPr></w:lvl>'
        for i, (fmt, text) in enumerate(_LEVELS)
    )
    abstract = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{_ABSTRACT_ID}">'
                         f'<w:multiLevelType w:val="multilevel"/>{levels}</w:abstractNum>')
    num = parse_xml(f'<w:num {nsdecls("w")} w:numId="{_NUM_ID}"><w:abstractNumId w:val="{_ABSTRACT_ID}"/></w:num>')
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(num)


def _numbered(document: Any, text: str, level: int) -> None:
    p = document.add_paragraph(text)
    p._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{_NUM_ID}"/></w:numPr>'))


BINHSON: list[tuple[int | None, str]] = [
    (None, "ỦY BAN NHÂN DÂN"), (None, "TỈNH BÌNH SƠN"), (None, "Số: 96/KH-UBND"),
    (None, "Bình Sơn, ngày 14 tháng 3 năm 2025"), (None, ""), (None, "KẾ HOẠCH"),
    (None, "Phát triển nhà ở và hạ tầng đô thị năm 2025"), (None, ""),
    (0, "MỤC TIÊU"),
    (None, "Năm 2024, toàn tỉnh đã hoàn thành 1.250 căn nhà ở xã hội."),
    (None, "Năm 2025, phấn đấu hoàn thành 1.800 căn nhà ở xã hội; tỷ lệ đô thị hóa đạt 41,5%."),
    (0, "NHIỆM VỤ VÀ PHÂN CÔNG THỰC HIỆN"),
    (1, "Sở Xây dựng chủ trì, phối hợp với các sở, ngành liên quan:"),
    (2, "Hoàn thành lập, điều chỉnh 12 đồ án quy hoạch chung đô thị;"),
    (2, "Nâng tỷ lệ đường đô thị được chiếu sáng lên 92%."),
    (1, "Sở Tài chính chủ trì, phối hợp với Sở Xây dựng:"),
    (2, "Bố trí tối thiểu 350 tỷ đồng vốn ngân sách tỉnh cho các dự án hạ tầng kỹ thuật đô thị;"),
    (2, "Tham mưu cơ chế hỗ trợ lãi suất cho người mua nhà ở xã hội."),
    (1, "Sở Nông nghiệp và Môi trường chủ trì:"),
    (2, "Cấp giấy chứng nhận quyền sử dụng đất cho 95% số hộ đủ điều kiện tại các khu tái định cư."),
    (1, "Ủy ban nhân dân các huyện, thị xã, thành phố:"),
    (2, "Giải phóng mặt bằng 280 ha cho các khu đô thị mới;"),
    (2, "Báo cáo tiến độ trước ngày 25 hằng tháng về Sở Xây dựng để tổng hợp."),
    (0, "TỔ CHỨC THỰC HIỆN"),
    (None, "Các sở, ngành, địa phương gửi báo cáo kết quả về Sở Xây dựng trước ngày 15 tháng 12 năm 2025."),
    (None, "CHỦ TỊCH"),
]


def binhson() -> None:
    name = "tinh-binhson-2025-kehoach-danhso"
    document = _new_document()
    _add_numbering(document)
    for level, text in BINHSON:
        if level is None:
            document.add_paragraph(text)
        else:
            _numbered(document, text, level)
    xd, tc, nm = "Sở Xây dựng", "Sở Tài chính", "Sở Nông nghiệp và Môi trường"
    huyen = "Ủy ban nhân dân các huyện, thị xã, thành phố"
    targets = [
        _target("actual", "=", 1250, "căn", "2024", None, "1.250", "hoàn thành 1.250", "Số căn nhà ở xã hội hoàn thành"),
        _target("target", "=", 1800, "căn", "2025", None, "1.800", "hoàn thành 1.800", "Số căn nhà ở xã hội hoàn thành"),
        _target("target", "=", 41.5, "%", "2025", None, "41,5", "đạt 41,5", "Tỷ lệ đô thị hóa"),
        _target("target", "=", 12, "đồ án", "2025", xd, "12", "chỉnh 12", "Số đồ án quy hoạch chung đô thị"),
        _target("target", "=", 92, "%", "2025", xd, "92", "lên 92", "Tỷ lệ đường đô thị được chiếu sáng"),
        _target("target", ">=", 350, "tỷ đồng", "2025", tc, "350", "tối thiểu 350", "Vốn ngân sách tỉnh cho hạ tầng đô thị"),
        _target("target", "=", 95, "%", "2025", nm, "95", "cho 95%", "Tỷ lệ hộ tái định cư được cấp giấy chứng nhận"),
        _target("target", "=", 280, "ha", "2025", huyen, "280", "bằng 280", "Diện tích giải phóng mặt bằng khu đô thị mới"),
    ]
    assignments = [
        {"ref": "1", "lead": [xd], "head": "Sở Xây dựng chủ trì, phối hợp với các sở", "tasks": 2},
        {"ref": "2", "lead": [tc], "head": "Sở Tài chính chủ trì, phối hợp với Sở Xây dựng:", "tasks": 2},
        {"ref": "3", "lead": [nm], "head": "Sở Nông nghiệp và Môi trường chủ trì:", "tasks": 1},
        {"ref": "4", "lead": [huyen], "head": "Ủy ban nhân dân các huyện, thị xã, thành phố:", "tasks": 2},
    ]
    _save(name, document, {
        "document": f"{name}.docx",
        "meta": {"kind": "ke_hoach", "number": "96/KH-UBND", "date": "2025-03-14", "plan_year": 2025},
        "targets": targets, "assignments": assignments,
        "deadlines": [{"rule": "monthly", "date": None, "day": 25}, {"rule": "once", "date": "2025-12-15", "day": None}],
    })


def main() -> None:
    donghai()
    binhson()
    print("written:", ", ".join(sorted(p.name for p in HERE.glob("tinh-*-20*.docx"))))


if __name__ == "__main__":
    main()
