"""Importing boundaries: matched by unit code, refused whole on any problem, audited, idempotent;
the shipped Kon Tum file covers the demo's ten districts; the maps show on the dashboards."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client

from theodoi.accounts.models import OrgUnit, UnitKind
from theodoi.core.models import AuditEvent
from theodoi.core.refusals import Invalid, NotAllowed
from theodoi.geo.models import Boundary, BoundaryImport
from theodoi.geo.services import boundaries_import

SQUARE = [[[107.8, 14.4], [108.0, 14.4], [108.0, 14.6], [107.8, 14.6], [107.8, 14.4]]]
SHIPPED = Path(__file__).resolve().parents[1] / "data" / "kontum_districts.geojson"


def _file(*codes: str, geometry: Any = None) -> str:
    return json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"code": code, "name": code},
         "geometry": geometry or {"type": "Polygon", "coordinates": SQUARE}} for code in codes
    ]})


def test_a_planner_imports_a_district_once_and_the_audit_says_so(cast: Any) -> None:
    result = boundaries_import(user=cast.planner, data=_file("huyen-dak-ha"), source="ranh-gioi.geojson")
    assert result.created == ["huyen-dak-ha"]
    boundary = Boundary.objects.get(unit=cast.district)
    assert boundary.level == "district" and boundary.geometry["coordinates"] == SQUARE
    event = AuditEvent.objects.get(action="boundaries.import")
    assert event.actor == cast.planner and (event.after or {})["created"] == ["huyen-dak-ha"]
    again = boundaries_import(user=cast.planner, data=_file("huyen-dak-ha"), source="ranh-gioi.geojson")
    assert again.unchanged == ["huyen-dak-ha"] and again.batch is None
    assert AuditEvent.objects.filter(action="boundaries.import").count() == 1


def test_a_new_shape_replaces_the_old_one(cast: Any) -> None:
    boundaries_import(user=cast.planner, data=_file("huyen-dak-ha"), source="a.geojson")
    moved = {"type": "Polygon", "coordinates": [[[p[0] + 0.1, p[1]] for p in SQUARE[0]]]}
    result = boundaries_import(user=cast.planner, data=_file("huyen-dak-ha", geometry=moved), source="b.geojson")
    assert result.replaced == ["huyen-dak-ha"]
    stored = Boundary.objects.select_related("batch").get()
    assert stored.geometry == moved and stored.batch is not None and stored.batch.source == "b.geojson"


def test_an_unknown_code_refuses_the_whole_file(cast: Any) -> None:
    with pytest.raises(Invalid) as caught:
        boundaries_import(user=cast.planner, data=_file("huyen-dak-ha", "huyen-khong-co"), source="x.geojson")
    assert "huyen-khong-co" in caught.value.message and "huyen-dak-ha" not in caught.value.message
    assert not Boundary.objects.exists() and not BoundaryImport.objects.exists()


def test_a_department_has_no_boundary(cast: Any) -> None:
    with pytest.raises(Invalid) as caught:
        boundaries_import(user=cast.planner, data=_file("so-yte"), source="x.geojson")
    assert "Sở Y tế" in caught.value.message
    assert not Boundary.objects.exists()


def test_bad_geojson_is_refused_in_vietnamese(cast: Any) -> None:
    with pytest.raises(Invalid) as caught:
        boundaries_import(user=cast.planner, data="{", source="x.geojson")
    assert caught.value.message.startswith("Tệp GeoJSON không hợp lệ")


def test_a_reporter_may_not_import(cast: Any) -> None:
    with pytest.raises(NotAllowed):
        boundaries_import(user=cast.district_reporter, data=_file("huyen-dak-ha"), source="x.geojson")
    assert not Boundary.objects.exists()


def test_the_command_imports_and_exits_2_on_a_refusal(cast: Any, tmp_path: Path) -> None:
    good, bad = tmp_path / "good.geojson", tmp_path / "bad.geojson"
    good.write_text(_file("huyen-dak-ha"), encoding="utf-8")
    bad.write_text(_file("huyen-khong-co"), encoding="utf-8")
    out = StringIO()
    call_command("import_boundaries", str(good), "--user", "planner", stdout=out)
    assert "Đã nhập 1 vùng từ good.geojson: 1 mới" in out.getvalue()
    err = StringIO()
    with pytest.raises(SystemExit) as exited:
        call_command("import_boundaries", str(bad), stderr=err)
    assert exited.value.code == 2 and "huyen-khong-co" in err.getvalue()


def test_the_shipped_file_covers_the_demo_districts(db: Any) -> None:
    from theodoi.home.demo.load import demo_data

    codes = [u["code"] for u in demo_data()["units"] if u["kind"] == UnitKind.DISTRICT]
    shipped = json.loads(SHIPPED.read_text(encoding="utf-8"))
    assert sorted(f["properties"]["code"] for f in shipped["features"]) == sorted(codes)
    province = OrgUnit.objects.create(name="UBND tỉnh Kon Tum", code="ubnd-tinh", kind=UnitKind.PROVINCE)
    for code in codes:
        OrgUnit.objects.create(name=code, code=code, kind=UnitKind.DISTRICT, parent=province)
    assert boundaries_import(user=None, data=SHIPPED.read_bytes(), source=SHIPPED.name).total == len(codes)


def test_the_dashboard_and_target_page_show_district_maps_linking_to_the_districts(cast: Any) -> None:
    from theodoi.evaluation.services import target_statuses_recompute
    from theodoi.evaluation.tests.conftest import make_plan_2021

    plan = make_plan_2021(cast)
    plan.report(cast.district, plan.rice, "2021-06", 19000)
    target_statuses_recompute()
    boundaries_import(user=None, data=_file("huyen-dak-ha"), source="x.geojson")
    client = Client()
    client.force_login(cast.leader)
    page = client.get("/danh-gia/?nam=2021").content.decode()
    assert 'data-testid="map-status"' in page and 'href="/danh-gia/don-vi/huyen-dak-ha/?nam=2021"' in page
    payload = client.get("/danh-gia/?nam=2021").context["status_map"].payload
    assert payload["regions"][0]["code"] == "huyen-dak-ha" and payload["geo"]["features"][0]["properties"]["name"] == "huyen-dak-ha"
    target_page = client.get(f"/danh-gia/chi-tieu/{plan.rice.pk}/")
    region = target_page.context["indicator_map"].regions[0]
    assert region.unit == cast.district and region.category == plan.rice.statuses.get(public=False).status
    public = Client().get("/danh-gia/cong-khai/?nam=2021").content.decode()
    assert "/danh-gia/cong-khai/chi-tieu/?nam=2021&amp;don_vi=huyen-dak-ha" in public
