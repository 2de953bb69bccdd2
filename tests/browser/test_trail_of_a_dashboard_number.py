"""A leader follows a number on the dashboard to its trail: the figure Sở Y tế reported, who saved,
sent, approved and accepted it, the planner's correction of the target with its reason, and the
sentence of the programme that set the target, with how it was reviewed and published.
Screenshots go to /tmp/shots/ (fixtures: tests/browser/conftest.py)."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_leader_traces_a_dashboard_number_to_its_source(
    page_as: Any, shot: Any, live_server: Any, fake_extractor: None
) -> None:
    from theodoi.test import make_cast
    from theodoi.trail.testing import REASON, make_traced_number

    traced = make_traced_number(make_cast())
    page = page_as(traced.cast.leader)
    page.goto(live_server.url + "/danh-gia/chi-tieu/?nam=2026")
    number = page.locator(f'a[data-trail][href="/nhat-ky/chi-tieu/{traced.target.pk}/"]')
    assert number.inner_text() == "96,5%"
    shot(page, "trail-1-dashboard")

    number.click()
    page.wait_for_url(f"**/nhat-ky/chi-tieu/{traced.target.pk}/")
    value = page.get_by_test_id("trail-value")
    assert "Sở Y tế: 96,5" in value.locator("h3").inner_text()
    workflow = value.get_by_test_id("trail-workflow").inner_text()
    assert "Tiếp nhận" in workflow and "Phê duyệt" in workflow and "Lê Văn Giám" in workflow
    assert "Gửi báo cáo" in workflow and "Trần Thị Y" in workflow
    assert "— → 96,5" in value.get_by_test_id("trail-history").inner_text()
    assert REASON in page.get_by_test_id("trail-corrections").inner_text()
    excerpt = page.get_by_test_id("trail-source-excerpt")
    assert excerpt.is_visible() and "Tỷ lệ trạm y tế xã có bác sĩ đạt 95%" in excerpt.inner_text()
    sources = page.get_by_test_id("trail-source-rows").inner_text()
    assert "Công bố vào kế hoạch" in sources and "Sửa mục trích xuất" in sources
    shot(page, "trail-2-target")

    value.locator("h3 a").click()
    page.wait_for_url(f"**/nhat-ky/gia-tri/{traced.value.pk}/")
    assert "Lưu số liệu" in page.get_by_test_id("trail-history").inner_text()
    shot(page, "trail-3-value")

    page.get_by_role("link", name="Mở báo cáo của đơn vị →").click()
    page.wait_for_url(f"**/bao-cao-dinh-ky/bieu/{traced.form.pk}/")
    shot(page, "trail-4-form")
