"""Bulk import from the agency's own XLSX or CSV, with a per-row report; bad rows are skipped."""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any

import pytest
from openpyxl import Workbook

from theodoi.reporting.services import (
    ReportingError,
    form_open_or_create,
    values_import_csv,
    values_import_xlsx,
)

pytestmark = pytest.mark.django_db


def _form(world):
    c = world.cast
    return form_open_or_create(user=c.health_reporter, regime=world.regime, unit=c.health, period_key=world.period.key)


def test_an_xlsx_with_one_bad_row_imports_the_good_rows_and_explains_the_bad_one(world):
    form = _form(world)
    wb = Workbook()
    ws: Any = wb.active
    ws.append(["BÁO CÁO SỞ Y TẾ"])
    ws.append(["Mã", "Chỉ tiêu", "Giá trị", "Ước cả năm", "Giải trình"])
    ws.append([world.beds.pk, "Số giường bệnh/vạn dân", 30.5, "32", "Theo thống kê quý"])
    ws.append([None, "Tỷ lệ dân số tham gia bảo hiểm y tế", "9O,5", None, None])  # letter O, not zero
    ws.append([9999, "Chỉ tiêu lạ", 1, None, None])
    buf = io.BytesIO()
    wb.save(buf)
    buf.seek(0)
    report = values_import_xlsx(user=world.cast.health_reporter, form=form, file=buf, expected_version=form.version)
    assert [(r.row, r.ok) for r in report.rows] == [(3, True), (4, False), (5, False)]
    assert "Giá trị phải là một số" in report.rows[1].message or "định dạng" in report.rows[1].message
    assert "Không tìm thấy" in report.rows[2].message
    beds = form.values.get(target=world.beds)
    assert (beds.value, beds.estimate, beds.comment) == (Decimal("30.5"), Decimal(32), "Theo thống kê quý")
    assert beds.versions.get().action == "import"
    assert form.values.get(target=world.insured).value is None


def test_a_semicolon_csv_with_vietnamese_numbers_and_names_instead_of_codes(world):
    form = _form(world)
    text = "Chỉ tiêu;Giá trị\nSo giuong benh/van dan;3.500,5\nTỷ lệ dân số tham gia bảo hiểm y tế;93,2\n"
    report = values_import_csv(user=world.cast.health_reporter, form=form, file=io.BytesIO(text.encode()),
                               expected_version=form.version)
    assert all(r.ok for r in report.rows) and report.saved == 2
    assert form.values.get(target=world.beds).value == Decimal("3500.5")


def test_a_file_without_a_value_column_is_refused_in_vietnamese(world):
    form = _form(world)
    with pytest.raises(ReportingError, match="tiêu đề"):
        values_import_csv(user=world.cast.health_reporter, form=form, file=io.BytesIO(b"a,b\n1,2\n"),
                          expected_version=form.version)
