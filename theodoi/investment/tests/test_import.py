"""Projects, capital plans and disbursement from XLSX: good rows are kept, bad rows say why."""

from __future__ import annotations

import io
from typing import Any

import pytest
from openpyxl import Workbook

from theodoi.investment.models import CapitalPlan, Disbursement, Project
from theodoi.investment.services import InvestmentError, projects_import_xlsx

pytestmark = pytest.mark.django_db

HEADER = ["Mã dự án", "Tên dự án", "Chủ đầu tư", "Địa bàn", "Loại dự án", "Đã hoàn thành chuẩn bị đầu tư",
          "Nguồn vốn", "Kế hoạch vốn", "T1", "T2", "T3", "T4", "T5", "T6"]


def workbook(*rows: list[Any]) -> io.BytesIO:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["DANH MỤC DỰ ÁN NĂM 2021"])
    ws.append(HEADER)
    for row in rows:
        ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    buf.seek(0)
    return buf


def test_an_import_keeps_good_rows_and_reports_each_bad_one(cast: Any) -> None:
    file = workbook(
        ["DA-1", "Đường nội thị", "Sở Y tế", "UBND huyện Đắk Hà", "Chuyển tiếp", "có", "Ngân sách địa phương",
         "12.500", 500, 1200, "2.000,5", 3000, 4000, 4500],
        ["DA-2", "Trường học", "Sở Không Có", "", "Khởi công mới", "không", "", 3000],
        ["DA-3", "Cầu treo", "UBND huyện Đắk Hà", "", "Khởi công mới", "không", "Trung ương", "ba nghìn"],
        ["DA-4", "Kè sông", "UBND huyện Đắk Hà", "", "Chuyển tiếp", "có", "", 8000, 1000, 900],
        ["DA-5", "Nhà văn hóa", "Sở Kế hoạch và Đầu tư", "", "Khởi công mới", "không", "", 2000],
    )
    report = projects_import_xlsx(user=cast.planner, file=file, year=2021)
    assert [(r.row, r.ok) for r in report.rows] == [(3, True), (4, False), (5, False), (6, False), (7, True)]
    errors = {r.code: r.message for r in report.errors}
    assert "Không tìm thấy chủ đầu tư “Sở Không Có”" in errors["DA-2"]
    assert "không phải là số" in errors["DA-3"]
    assert "không thể giảm" in errors["DA-4"]
    assert set(Project.objects.values_list("code", flat=True)) == {"DA-1", "DA-5"}  # a bad row leaves nothing
    assert CapitalPlan.objects.get(project__code="DA-1").amount == 12500
    assert Disbursement.objects.get(project__code="DA-1", month=3).cumulative_amount == pytest.approx(2000.5)
    new = Project.objects.get(code="DA-5")
    assert (new.stage, new.preparation_done) == ("new", False)


def test_importing_twice_updates_instead_of_duplicating(cast: Any) -> None:
    row = ["DA-1", "Đường nội thị", "Sở Y tế", "", "Chuyển tiếp", "có", "", 1000, 100]
    projects_import_xlsx(user=cast.planner, file=workbook(row), year=2021)
    projects_import_xlsx(user=cast.planner, file=workbook([*row[:7], 2000, 150]), year=2021)
    assert CapitalPlan.objects.get().amount == 2000
    assert Disbursement.objects.get().cumulative_amount == 150


def test_a_file_that_is_not_xlsx_is_refused(cast: Any) -> None:
    with pytest.raises(InvestmentError, match="Không đọc được tệp XLSX"):
        projects_import_xlsx(user=cast.planner, file=io.BytesIO(b"not a workbook"), year=2021)


def test_only_planners_import(cast: Any) -> None:
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        projects_import_xlsx(user=cast.leader, file=workbook(), year=2021)
