"""Generate the DOCX document of the fourth genre set and its expected JSON (needs python-docx).

Run from the repository root:

    .venv/bin/python tests/extract/samples/genres4/make_samples.py

`xa-mytrung-2027-kehoach-danhso-bang-tach.docx` is an invented commune plan: its "I." / "1." / "a)"
exist only in Word's numbering (a three-level list of our own in numbering.xml), several figures
are written in words or with words for the unit ("có thêm hai trường", "trên 50 phần trăm", "ba mô
hình"), and its table of indicators is split into two Word tables at a page break, the header row
repeated on top of the second. The expected targets are declared by hand below, never read back
from the extractor; the generated files are committed so the tests need no python-docx run.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import docx
from docx.enum.text import WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Pt

HERE = Path(__file__).resolve().parent
NAME = "xa-mytrung-2027-kehoach-danhso-bang-tach"
LIST_ID = 41

# (level, text): level None is a plain paragraph, 0/1/2 the list levels "I." / "1." / "a)".
BODY: list[tuple[int | None, str]] = [
    (None, "ỦY BAN NHÂN DÂN"), (None, "XÃ MỸ TRUNG"), (None, "Số: 27/KH-UBND"),
    (None, "Mỹ Trung, ngày 12 tháng 01 năm 2027"), (None, ""), (None, "KẾ HOẠCH"),
    (None, "Phát triển kinh tế - xã hội xã Mỹ Trung năm 2027"), (None, ""),
    (0, "MỤC TIÊU, CHỈ TIÊU"),
    (None, "Năm 2027, phấn đấu tổng giá trị sản xuất tăng trên 7 phần trăm; thu nhập bình quân đầu người đạt "
           "62 triệu đồng; có thêm hai trường đạt chuẩn quốc gia; trên 50 phần trăm số hộ sử dụng nước sạch "
           "theo quy chuẩn."),
    (None, "Năm 2026, giá trị sản xuất ước tăng 6,8%; toàn xã có 1.245 hộ sử dụng nước sạch."),
    (0, "NHIỆM VỤ VÀ PHÂN CÔNG THỰC HIỆN"),
    (1, "Phòng Kinh tế chủ trì, phối hợp với Hợp tác xã nông nghiệp Mỹ Trung:"),
    (2, "Chuyển đổi 35 ha đất trồng lúa kém hiệu quả sang trồng cây ăn quả;"),
    (2, "Xây dựng ba mô hình sản xuất nông nghiệp ứng dụng công nghệ cao."),
    (1, "Phòng Văn hóa - Xã hội chủ trì:"),
    (2, "Phối hợp với Trạm Y tế xã nâng tỷ lệ người dân tham gia bảo hiểm y tế lên 94%;"),
    (2, "Mở 4 lớp dạy nghề ngắn hạn cho khoảng 120 lao động nông thôn."),
    (0, "BIỂU CHỈ TIÊU CHỦ YẾU"),
]
TAIL: list[tuple[int | None, str]] = [
    (0, "TỔ CHỨC THỰC HIỆN"),
    (None, "Các bộ phận chuyên môn báo cáo kết quả về Văn phòng HĐND và UBND xã trước ngày 20 hằng tháng."),
    (None, "Nơi nhận:"), (None, "- TT Đảng ủy xã;"), (None, "- Lưu: VT."),
    (None, "TM. ỦY BAN NHÂN DÂN"), (None, "CHỦ TỊCH"),
]
HEADER = ("STT", "Chỉ tiêu", "Đơn vị tính", "Ước TH 2026", "Kế hoạch 2027")
ROWS_PAGE_1 = [("1", "Tổng giá trị sản xuất", "tỷ đồng", "412,5", "445"),
               ("2", "Thu ngân sách trên địa bàn", "triệu đồng", "3.850", "4.100"),
               ("3", "Diện tích cây ăn quả", "ha", "186", "221")]
ROWS_PAGE_2 = [("4", "Tỷ lệ hộ nghèo", "%", "2,45", "1,9"),
               ("5", "Tỷ lệ hộ sử dụng nước sạch theo quy chuẩn", "%", "47,3", "52"),
               ("6", "Số trường đạt chuẩn quốc gia", "trường", "3", "5")]


def _list_definition(document: Any) -> None:
    """A three-level list "I." / "1." / "a)" (each level restarts under its parent) in numbering.xml."""
    formats = [("upperRoman", "%1."), ("decimal", "%2."), ("lowerLetter", "%3)")]
    levels = []
    for depth, (fmt, label) in enumerate(formats):
        levels.append(f'<w:lvl w:ilvl="{depth}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                      f'<w:lvlText w:val="{label}"/><w:lvlJc w:val="left"/></w:lvl>')
    root = document.part.numbering_part.element
    abstract = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{LIST_ID}">{"".join(levels)}</w:abstractNum>')
    # abstractNum elements must precede every num element in numbering.xml
    nums = root.findall(f'{{{abstract.nsmap["w"]}}}num')
    (nums[0].addprevious(abstract) if nums else root.append(abstract))
    root.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{LIST_ID}"><w:abstractNumId w:val="{LIST_ID}"/></w:num>'))


def _paragraphs(document: Any, items: list[tuple[int | None, str]]) -> None:
    for level, text in items:
        paragraph = document.add_paragraph(text)
        if level is not None:
            paragraph._p.get_or_add_pPr().append(parse_xml(
                f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{LIST_ID}"/></w:numPr>'))


def _table(document: Any, rows: list[tuple[str, ...]]) -> None:
    table = document.add_table(rows=1 + len(rows), cols=len(HEADER))
    table.style = "Table Grid"
    for r, values in enumerate([HEADER, *rows]):
        for c, value in enumerate(values):
            table.cell(r, c).text = value


def _expected() -> dict[str, Any]:
    def t(kind: str, comparator: str, number_text: str, unit: str, period: str, agency: str | None,
          context: str, indicator: str, spelled: float | None = None) -> dict[str, Any]:
        # a number written in words ("hai") is anchored on the word; its value is given beside it
        value = float(spelled) if spelled is not None else float(number_text.replace(".", "").replace(",", "."))
        return {"kind": kind, "indicator": indicator, "comparator": comparator,
                "value": int(value) if value.is_integer() else value, "value_max": None, "unit": unit,
                "period": period, "agency": agency, "number_text": number_text, "context": context}

    kt, vh = "Phòng Kinh tế", "Phòng Văn hóa - Xã hội"
    targets = [
        t("target", ">", "7", "phần trăm", "2027", None, "trên 7 phần", "Tốc độ tăng tổng giá trị sản xuất"),
        t("target", "=", "62", "triệu đồng", "2027", None, "đạt 62", "Thu nhập bình quân đầu người"),
        t("target", "=", "hai", "trường", "2027", None, "thêm hai trường", "Số trường đạt chuẩn quốc gia thêm", 2),
        t("target", ">", "50", "phần trăm", "2027", None, "trên 50 phần", "Tỷ lệ hộ sử dụng nước sạch theo quy chuẩn"),
        t("actual", "=", "6,8", "%", "2026", None, "tăng 6,8", "Tốc độ tăng giá trị sản xuất"),
        t("actual", "=", "1.245", "hộ", "2026", None, "có 1.245", "Số hộ sử dụng nước sạch"),
        t("target", "=", "35", "ha", "2027", kt, "đổi 35", "Diện tích đất lúa chuyển sang cây ăn quả"),
        t("target", "=", "ba", "mô hình", "2027", kt, "ba mô hình", "Số mô hình nông nghiệp ứng dụng công nghệ cao",
          3),
        t("target", "=", "94", "%", "2027", vh, "lên 94", "Tỷ lệ người dân tham gia bảo hiểm y tế"),
        t("target", "=", "4", "lớp", "2027", vh, "Mở 4 lớp", "Số lớp dạy nghề ngắn hạn"),
        t("target", "~", "120", "lao động", "2027", vh, "khoảng 120", "Số lao động nông thôn học nghề"),
    ]
    for _, indicator, unit, estimate, plan in ROWS_PAGE_1 + ROWS_PAGE_2:
        targets.append(t("actual", "=", estimate, unit, "2026", None, f"| {estimate} | {plan}", indicator))
        targets.append(t("target", "=", plan, unit, "2027", None, f"| {plan}\n", indicator))
    return {
        "document": f"{NAME}.docx",
        "meta": {"kind": "ke_hoach", "number": "27/KH-UBND", "date": "2027-01-12", "plan_year": 2027},
        "targets": targets,
        "assignments": [
            {"ref": "1", "lead": [kt], "head": "Phòng Kinh tế chủ trì, phối hợp với Hợp tác xã", "tasks": 2},
            {"ref": "2", "lead": [vh], "head": "Phòng Văn hóa - Xã hội chủ trì:", "tasks": 2},
        ],
        "deadlines": [{"rule": "monthly", "date": None, "day": 20}],
    }


def main() -> None:
    document = docx.Document()
    document.styles["Normal"].font.name = "Liberation Serif"
    document.styles["Normal"].font.size = Pt(12)
    _list_definition(document)
    _paragraphs(document, BODY)
    _table(document, ROWS_PAGE_1)
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    _table(document, ROWS_PAGE_2)
    _paragraphs(document, TAIL)
    out = io.BytesIO()
    document.save(out)
    (HERE / f"{NAME}.docx").write_bytes(out.getvalue())
    (HERE / f"{NAME}.json").write_text(json.dumps(_expected(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print("written:", f"{NAME}.docx")


if __name__ == "__main__":
    main()
