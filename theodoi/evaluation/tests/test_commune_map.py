"""The commune map on a district's page: Đắk Hà's shipped commune outlines, each commune coloured by
the share of its own targets on track or better, and each linking to the commune's page."""

from __future__ import annotations

from typing import Any

import pytest

from theodoi.geo.selectors import BAND_COLORS

pytestmark = pytest.mark.django_db

#: June share of the year's rice output each commune reported: on track, far behind, on track.
PACES = {"tt-dak-ha": 0.5, "xa-dak-la": 0.2, "xa-dak-mar": 0.52}


def communes_with_rice_targets(plan: Any) -> dict[str, Any]:
    """Đắk Hà's communes (from the demo data) with their outlines and their own rice targets,
    reported in June and judged; returns the communes by code."""
    from theodoi.accounts.models import OrgUnit, UnitKind
    from theodoi.evaluation.services import target_statuses_recompute
    from theodoi.geo.services import boundaries_import
    from theodoi.home.demo.load import COMMUNE_BOUNDARIES_FILE, demo_data
    from theodoi.plans.models import Plan, PublishStatus, Target

    district = plan.cast.district
    communes = {}
    for spec in demo_data()["units"]:
        if spec["kind"] == UnitKind.COMMUNE and spec["parent"] == district.code:
            communes[spec["code"]] = OrgUnit.objects.create(
                name=spec["name"], short_name=spec["short_name"], code=spec["code"], kind=UnitKind.COMMUNE,
                parent=district,
            )
    boundaries_import(user=None, data=COMMUNE_BOUNDARIES_FILE.read_bytes(), source=COMMUNE_BOUNDARIES_FILE.name)
    for code, pace in PACES.items():
        unit = communes[code]
        own = Plan.objects.create(name=f"Kế hoạch 2021 của {unit.name}", year_start=2021, year_end=2021, unit=unit,
                                  status=PublishStatus.PUBLISHED)
        target = Target.objects.create(plan=own, indicator=plan.rice.indicator, value=1000, unit="tấn", period="2021",
                                       comparator="=", responsible_unit=unit, status=PublishStatus.PUBLISHED)
        plan.report(unit, target, "2021-06", 1000 * pace)
    target_statuses_recompute()
    return communes


def test_each_commune_is_coloured_by_its_own_targets_and_links_to_its_page(plan2021: Any) -> None:
    from theodoi.evaluation import maps, selectors

    communes = communes_with_rice_targets(plan2021)
    rows = selectors.status_rows(public=False, targets=selectors.year_targets(year=2021, public=False))
    drawn = maps.commune_map(rows, district=plan2021.cast.district, public=False, year="2021")
    assert drawn is not None
    regions = {r["code"]: r for r in drawn.payload["regions"]}
    assert set(regions) == set(communes) and len(regions) == 6
    assert regions["tt-dak-ha"]["color"] == regions["xa-dak-mar"]["color"] == BAND_COLORS["high"]
    assert regions["xa-dak-la"]["color"] == BAND_COLORS["low"]
    assert regions["xa-ha-mon"]["color"] == BAND_COLORS["none"] and regions["xa-ha-mon"]["url"] == ""
    assert regions["xa-dak-la"]["url"] == "/danh-gia/don-vi/xa-dak-la/?nam=2021"
    assert regions["tt-dak-ha"]["label"] == "1/1 chỉ tiêu đạt, vượt hoặc đúng tiến độ"
    features = {f["properties"]["name"] for f in drawn.payload["geo"]["features"]}
    assert features == set(communes)


def test_the_district_page_shows_the_commune_map_and_the_province_page_does_not(plan2021: Any, client_for: Any) -> None:
    communes_with_rice_targets(plan2021)
    client = client_for("leader")
    page = client.get("/danh-gia/don-vi/huyen-dak-ha/?nam=2021").content.decode()
    assert 'data-testid="map-communes"' in page and "Xã, phường, thị trấn" in page
    assert 'href="/danh-gia/don-vi/xa-dak-la/?nam=2021"' in page
    assert 'data-testid="map-communes"' not in client.get("/danh-gia/?nam=2021").content.decode()
    commune = client.get("/danh-gia/don-vi/xa-dak-la/?nam=2021")
    assert commune.status_code == 200 and "UBND xã Đắk La" in commune.content.decode()


def test_a_district_without_commune_outlines_has_no_commune_map(plan2021: Any) -> None:
    from theodoi.evaluation import maps, selectors

    rows = selectors.status_rows(public=False, targets=selectors.year_targets(year=2021, public=False))
    assert maps.commune_map(rows, district=plan2021.cast.district, public=False, year="2021") is None
