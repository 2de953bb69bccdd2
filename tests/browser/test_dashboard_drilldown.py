"""A leader drills down from the province summary to a target's source sentence: the summary
"X/Y chỉ tiêu chủ yếu đạt và vượt" → the targets behind it → one target (status, explanation,
submissions, chart) → the sentence of the resolution that set it. The public dashboard shows only
accepted figures. Screenshots go to /tmp/shots/ to be looked at (fixtures: tests/browser/conftest.py)."""

from __future__ import annotations

from typing import Any

import pytest


def _year_end_data() -> Any:
    from theodoi.evaluation.services import target_statuses_recompute
    from theodoi.evaluation.tests.conftest import make_plan_2021
    from theodoi.test import make_cast

    plan = make_plan_2021(make_cast())
    c = plan.cast
    plan.report(c.planning, plan.growth, "2021-06", 9.8)
    plan.report(c.planning, plan.growth, "2021", 10.6)  # exceeded
    plan.report(c.health, plan.beds, "2021-06", 30.5)
    plan.report(c.health, plan.beds, "2021", 31, status="submitted")  # not achieved, not yet accepted
    plan.report(c.district, plan.rice, "2021-06", 19000)
    plan.report(c.district, plan.rice, "2021", 40000)  # achieved
    target_statuses_recompute()
    return plan


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_leader_drills_from_the_province_summary_to_the_source_sentence(
    page_as: Any, shot: Any, live_server: Any
) -> None:
    from theodoi.evaluation.tests.conftest import SENTENCE

    plan = _year_end_data()
    page = page_as(plan.cast.leader)
    page.goto(live_server.url + "/danh-gia/?nam=2021")
    kpi = page.get_by_test_id("kpi-good")
    assert kpi.inner_text().startswith("2/3")
    assert "2/3 chỉ tiêu chủ yếu đạt và vượt" in page.get_by_test_id("summary-sentence").inner_text()
    page.wait_for_selector("#chart-progress[data-rendered='1'] canvas")
    shot(page, "drilldown-1-province")

    kpi.click()
    page.wait_for_url("**/danh-gia/chi-tieu/**")
    assert "Chỉ tiêu: đạt và vượt" in page.locator("h1").inner_text()
    shot(page, "drilldown-2-list")

    page.get_by_role("link", name="Tốc độ tăng trưởng GRDP").click()
    page.wait_for_url(f"**/danh-gia/chi-tieu/{plan.growth.pk}/")
    assert page.get_by_test_id("status").inner_text() == "Vượt"
    assert "10,6%" in page.get_by_test_id("explanation").inner_text()
    assert "Năm 2021" in page.get_by_test_id("submissions").inner_text()
    page.wait_for_selector("#chart-series[data-rendered='1'] canvas")
    excerpt = page.get_by_test_id("source-excerpt")
    assert excerpt.is_visible()
    assert excerpt.inner_text() == SENTENCE.split(";")[0]
    shot(page, "drilldown-3-target")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_public_dashboard_shows_only_accepted_figures(page_as: Any, shot: Any, live_server: Any) -> None:
    _year_end_data()
    page = page_as(None)
    page.goto(live_server.url + "/danh-gia/")
    page.wait_for_url("**/danh-gia/cong-khai/")
    assert page.get_by_test_id("kpi-good").inner_text().startswith("2/3")
    body = page.locator("body").inner_text()
    assert "30,5" in body  # the beds: judged on the accepted June figure...
    assert "31 giường" not in body  # ...since the year-end figure is submitted, not accepted
    page.wait_for_selector("#chart-progress[data-rendered='1'] canvas")
    shot(page, "public")
