"""A planner uploads a programme, reviews it beside the text, publishes, and finds the targets on
the agency's page; an item they rejected is nowhere to be seen."""

from __future__ import annotations

from typing import Any

import pytest

from theodoi.documents.testing import PROGRAMME

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_upload_review_publish_then_the_agency_page(live_server: Any, page_as: Any, shot: Any,
                                                     fake_extractor: None, sign_in: Any) -> None:
    from theodoi.test import make_cast

    make_cast()
    page = page_as()
    sign_in(page, "planner")

    page.goto(live_server.url + "/van-ban/tai-len/")
    page.set_input_files("#id_file", files=[{"name": "ctr-05.txt", "mimeType": "text/plain",
                                             "buffer": PROGRAMME.encode()}])
    page.fill("#id_title", "Chương trình hành động năm 2026")
    page.click("#upload-form button[type=submit]")
    page.wait_for_selector("text=Chờ rà soát")
    page.click("text=Rà soát và công bố")

    page.wait_for_selector(".doctext mark")
    forest = page.locator(".item", has_text="Diện tích trồng rừng mới")
    forest.get_by_role("button", name="Loại bỏ").click()
    page.wait_for_selector(".item.rejected")
    doctors = page.locator(".item", has_text="Tỷ lệ trạm y tế xã có bác sĩ")
    doctors.get_by_role("button", name="Xác nhận").click()
    page.wait_for_selector(".item.confirmed")
    shot(page, "review-in-browser")
    page.locator(".publish-form").get_by_role("button", name="Công bố").click()
    page.wait_for_selector(".msg.success")
    shot(page, "published-in-browser")
    assert "Đã công bố văn bản" in page.locator(".messages").inner_text()

    page.goto(live_server.url + "/ke-hoach/don-vi/so-yte/")
    assert page.locator("h1").inner_text() == "Chỉ tiêu của Sở Y tế"
    assert page.locator("table.data", has_text="Tỷ lệ trạm y tế xã có bác sĩ").count() == 1
    assert "95%" in page.content()
    page.goto(live_server.url + "/ke-hoach/chi-tieu/?q=trong+rung")
    assert "Diện tích trồng rừng mới" not in page.locator("table.data").inner_text()
