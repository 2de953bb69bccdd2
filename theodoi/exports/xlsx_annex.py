"""The annex of all targets as an XLSX workbook (for planners who recompute)."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from theodoi.core.spreadsheet import set_cell
from theodoi.exports.data import ReportData
from theodoi.exports.formatting import date_short

ANNEX_SHEET = "Phụ lục chỉ tiêu"
INFO_SHEET = "Thông tin"
HEADINGS = [
    ("STT", 6),
    ("Mã", 10),
    ("Lĩnh vực", 20),
    ("Chỉ tiêu", 55),
    ("Đơn vị tính", 12),
    ("Kế hoạch", 14),
    ("Thực hiện", 14),
    ("% kế hoạch", 12),
    ("Đánh giá", 20),
    ("Đơn vị chủ trì", 30),
    ("Giải trình", 50),
]
# Excel shows these with the reader's own separators; the values stay numbers.
NUMBER_FORMAT = "#,##0.0#"
PERCENT_FORMAT = "0.0"

_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_FONT = "Times New Roman"


def render_xlsx(data: ReportData) -> bytes:
    """Workbook bytes: the annex sheet (frozen header row) and an info sheet."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = ANNEX_SHEET
    _annex(sheet, data)
    _info(book.create_sheet(INFO_SHEET), data)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _annex(sheet, data: ReportData) -> None:
    header_font = Font(name=_FONT, bold=True, size=11)
    fill = PatternFill("solid", fgColor="D9E1F2")
    for column, (title, width) in enumerate(HEADINGS, start=1):
        cell = sheet.cell(row=1, column=column, value=title)
        cell.font = header_font
        cell.fill = fill
        cell.border = _BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        sheet.column_dimensions[get_column_letter(column)].width = width
    body_font = Font(name=_FONT, size=11)
    wrap = Alignment(vertical="top", wrap_text=True)
    for number, row in enumerate(data.targets, start=1):
        values = [
            number,
            row.code,
            row.field,
            row.name,
            row.unit,
            row.plan_value,
            row.actual_value,
            None if row.pct_of_plan is None else round(row.pct_of_plan, 1),
            row.status_label,
            row.responsible_unit,
            row.explanation,
        ]
        for column, value in enumerate(values, start=1):
            # Names and explanations come from documents and reporters: text, never formulas.
            cell = set_cell(sheet, number + 1, column, value)
            cell.font = body_font
            cell.border = _BORDER
            cell.alignment = wrap
            if column in (6, 7):
                cell.number_format = NUMBER_FORMAT
            elif column == 8:
                cell.number_format = PERCENT_FORMAT
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(HEADINGS))}{len(data.targets) + 1}"
    sheet.print_title_rows = "1:1"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4


def _info(sheet, data: ReportData) -> None:
    h = data.header
    rows = [
        ("Báo cáo", h.title_summary),
        ("Kỳ báo cáo", data.period_label),
        ("Phạm vi", data.scope_label),
        ("Cơ quan ban hành", " ".join(h.issuing_body.split())),
        ("Số, ký hiệu", h.number_symbol),
        ("Ngày", date_short(h.date)),
        ("Số chỉ tiêu", len(data.targets)),
        (f"Số {data.summary.target_noun} được đánh giá", data.summary.targets_total),
        (data.summary.achieved_phrase.capitalize(), data.summary.targets_achieved),
        (data.summary.not_achieved_phrase.capitalize(), data.summary.targets_not_achieved),
    ]
    for index, (label, value) in enumerate(rows, start=1):
        set_cell(sheet, index, 1, label).font = Font(name=_FONT, bold=True, size=11)
        set_cell(sheet, index, 2, value).font = Font(name=_FONT, size=11)
    sheet.column_dimensions["A"].width = 24
    sheet.column_dimensions["B"].width = 80
