"""The district map: the shipped Kon Tum outlines drawn by ECharts, each district coloured by the
status of its target, and a click on a district opens that district's page. Screenshots go to
/tmp/shots/ to be looked at."""

from __future__ import annotations

from typing import Any

import pytest

from theodoi.geo.selectors import STATUS_COLORS


def _districts_with_rice_targets() -> Any:
    """The province plan's rice target and three districts' own rice targets, judged in June."""
    from theodoi.accounts.models import OrgUnit, UnitKind
    from theodoi.evaluation.services import target_statuses_recompute
    from theodoi.evaluation.tests.conftest import make_plan_2021
    from theodoi.geo.services import boundaries_import
    from theodoi.home.demo.load import BOUNDARIES_FILE, demo_data
    from theodoi.plans.models import Plan, PublishStatus, Target
    from theodoi.test import make_cast

    plan = make_plan_2021(make_cast())
    c = plan.cast
    for spec in demo_data()["units"]:
        if spec["kind"] == UnitKind.DISTRICT and spec["code"] != c.district.code:
            OrgUnit.objects.create(name=spec["name"], short_name=spec["short_name"], code=spec["code"],
                                   kind=UnitKind.DISTRICT, parent=c.province)
    c.district.short_name = "huyện Đắk Hà"
    c.district.save()
    boundaries_import(user=None, data=BOUNDARIES_FILE.read_bytes(), source=BOUNDARIES_FILE.name)
    paces = {"huyen-dak-ha": 0.5, "huyen-sa-thay": 0.25, "huyen-kon-plong": 0.45}  # June share of the year
    for code, pace in paces.items():
        unit = OrgUnit.objects.get(code=code)
        own = Plan.objects.create(name=f"Kế hoạch 2021 của {unit.name}", year_start=2021, year_end=2021, unit=unit,
                                  status=PublishStatus.PUBLISHED)
        target = Target.objects.create(plan=own, indicator=plan.rice.indicator, value=10000, unit="tấn", period="2021",
                                       comparator="=", responsible_unit=unit, status=PublishStatus.PUBLISHED)
        plan.report(unit, target, "2021-06", 10000 * pace)
    target_statuses_recompute()
    return plan


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_target_map_colours_districts_by_status_and_opens_the_district(
    page_as: Any, shot: Any, live_server: Any
) -> None:
    from theodoi.evaluation.models import TargetStatus

    plan = _districts_with_rice_targets()
    wanted = {s.target.responsible_unit.code: s.status for s in TargetStatus.objects.filter(  # type: ignore[union-attr]
        public=False, target__indicator=plan.rice.indicator, target__plan__unit__kind="district",
    ).select_related("target__responsible_unit")}
    assert len(set(wanted.values())) >= 2, wanted  # the scene has more than one colour to show

    page = page_as(plan.cast.leader)
    page.goto(f"{live_server.url}/danh-gia/chi-tieu/{plan.rice.pk}/")
    page.wait_for_selector("#map-indicator[data-rendered='1']")
    drawn = page.evaluate("""() => {
        const chart = echarts.getInstanceByDom(document.getElementById('map-indicator'));
        return chart.getOption().series[0].data.map(d => [d.name, d.itemStyle.areaColor]);
    }""")
    colours = dict(drawn)
    assert len(colours) == 10
    for code, status in wanted.items():
        assert colours[code] == STATUS_COLORS[status], (code, status)
    assert colours["huyen-ia-hdrai"] == "#c5ccd3"  # no target there: grey
    legend = page.locator(".map-legend").inner_text()
    assert all(word in legend for word in ("Đúng tiến độ", "Huyện không có chỉ tiêu này"))
    table = page.get_by_test_id("map-indicator-table")
    assert "huyện Đắk Hà" in table.inner_text()
    shot(page, "map-target")

    # click inside Đắk Hà: the centre of its outline, converted to a pixel by the chart itself
    point = page.evaluate("""() => {
        const el = document.getElementById('map-indicator');
        const chart = echarts.getInstanceByDom(el);
        const px = chart.convertToPixel({seriesIndex: 0}, [107.95, 14.55]);
        const box = el.getBoundingClientRect();
        return [box.left + px[0], box.top + px[1]];
    }""")
    page.mouse.click(point[0], point[1])
    page.wait_for_url(f"{live_server.url}/danh-gia/don-vi/huyen-dak-ha/?nam=2021")
    assert "UBND huyện Đắk Hà" in page.locator("h1").inner_text()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_dashboard_map_shows_each_district_and_its_table(page_as: Any, shot: Any, live_server: Any) -> None:
    plan = _districts_with_rice_targets()
    page = page_as(plan.cast.leader)
    page.goto(f"{live_server.url}/danh-gia/?nam=2021")
    page.wait_for_selector("#map-status[data-rendered='1']")
    rows = page.get_by_test_id("map-status-table").locator("tbody tr")
    assert rows.count() == 10
    assert page.get_by_test_id("map-status-table").get_by_role("link", name="huyện Sa Thầy").get_attribute("href") \
        == "/danh-gia/don-vi/huyen-sa-thay/?nam=2021"
    shot(page, "map-dashboard")
    from tests.browser.test_accessibility import serious_violations

    assert serious_violations(page) == []
    page.goto(f"{live_server.url}/danh-gia/chi-tieu/{plan.rice.pk}/")
    page.wait_for_selector("#map-indicator[data-rendered='1']")
    assert serious_violations(page) == []


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_district_page_maps_its_communes_and_a_click_opens_the_commune(
    page_as: Any, shot: Any, live_server: Any
) -> None:
    from tests.browser.test_accessibility import serious_violations
    from theodoi.evaluation.tests.test_commune_map import communes_with_rice_targets
    from theodoi.geo.selectors import BAND_COLORS

    plan = _districts_with_rice_targets()
    communes_with_rice_targets(plan)
    page = page_as(plan.cast.leader)
    page.goto(f"{live_server.url}/danh-gia/don-vi/huyen-dak-ha/?nam=2021")
    page.wait_for_selector("#map-communes[data-rendered='1']")
    colours = dict(page.evaluate("""() => {
        const chart = echarts.getInstanceByDom(document.getElementById('map-communes'));
        return chart.getOption().series[0].data.map(d => [d.name, d.itemStyle.areaColor]);
    }"""))
    assert len(colours) == 6
    assert colours["tt-dak-ha"] == colours["xa-dak-mar"] == BAND_COLORS["high"]
    assert colours["xa-dak-la"] == BAND_COLORS["low"] and colours["xa-ha-mon"] == BAND_COLORS["none"]
    table = page.get_by_test_id("map-communes-table")
    assert table.get_by_role("link", name="xã Đắk La").get_attribute("href") == "/danh-gia/don-vi/xa-dak-la/?nam=2021"
    assert serious_violations(page) == []
    shot(page, "map-communes")

    # click inside xã Đắk La's outline (a point of it, converted to a pixel by the chart itself)
    point = page.evaluate("""() => {
        const el = document.getElementById('map-communes');
        const px = echarts.getInstanceByDom(el).convertToPixel({seriesIndex: 0}, [107.90, 14.50]);
        const box = el.getBoundingClientRect();
        return [box.left + px[0], box.top + px[1]];
    }""")
    page.mouse.click(point[0], point[1])
    page.wait_for_url(f"{live_server.url}/danh-gia/don-vi/xa-dak-la/?nam=2021")
    assert "UBND xã Đắk La" in page.locator("h1").inner_text()

    # the same page in English: the map's words translated, the places' names as they are
    page.context.add_cookies([{"name": "django_language", "value": "en", "url": live_server.url}])
    page.goto(f"{live_server.url}/danh-gia/don-vi/huyen-dak-ha/?nam=2021")
    page.wait_for_selector("#map-communes[data-rendered='1']")
    section = page.get_by_test_id("map-communes").inner_text()
    assert "Map of target results by commune" in section and "Commune" in section and "xã Đắk La" in section
    shot(page, "map-communes-en")
