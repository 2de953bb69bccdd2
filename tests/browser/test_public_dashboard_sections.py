"""The public dashboard in sections, in Chromium with JavaScript off: the contents link jumps to a
section and the filters (plain GET) narrow the page; axe finds no serious violation."""

from __future__ import annotations

from typing import Any

import pytest
from test_accessibility import serious_violations  # tests/browser is on sys.path (rootdir conftest)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_contents_and_filters_work_without_javascript(browser: Any, live_server: Any, page_as: Any,
                                                      shot: Any) -> None:
    from theodoi.evaluation.services import target_statuses_recompute
    from theodoi.evaluation.tests.conftest import make_plan_2021
    from theodoi.test import make_cast

    plan = make_plan_2021(make_cast())
    plan.report(plan.cast.planning, plan.growth, "2021-06", 9.5)
    target_statuses_recompute()
    context = browser.new_context(locale="vi-VN", viewport={"width": 1360, "height": 900}, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(live_server.url + "/danh-gia/cong-khai/")
        page.click("nav.toc a[href='#chi-tieu']")
        assert page.url.endswith("#chi-tieu")
        page.select_option("#public-filters select[name=linh_vuc]", "society")
        page.click("#public-filters button")
        page.wait_for_url("**linh_vuc=society**")
        table = page.inner_text("#chi-tieu")
        assert "Số giường bệnh/vạn dân" in table and "Tốc độ tăng trưởng GRDP" not in table
        shot(page, "public-dashboard-filtered-nojs")
    finally:
        context.close()
    page = page_as()
    page.goto(live_server.url + "/danh-gia/cong-khai/")
    page.wait_for_load_state("networkidle")
    shot(page, "public-dashboard-sections")
    assert serious_violations(page) == []
