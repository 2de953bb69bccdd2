"""A district reporter sees published targets and their own district's drafts, never the Health
Department's drafts, in lists, search or by typing the address."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_another_units_drafts_stay_hidden(live_server: Any, page_as: Any) -> None:
    from theodoi.documents.testing import make_world
    from theodoi.test import make_cast

    cast = make_cast()
    world = make_world(cast)
    page = page_as(cast.district_reporter)
    page.goto(live_server.url + "/ke-hoach/chi-tieu/")
    listed = page.locator("table.data").inner_text()
    assert "Tốc độ tăng trưởng kinh tế" in listed
    assert "Tỷ lệ xã có đường ô tô" in listed  # the district's own draft
    assert "Tỷ lệ trạm y tế xã có bác sĩ" not in listed
    response = page.goto(f"{live_server.url}/ke-hoach/chi-tieu/{world.health_draft.pk}/")
    assert response.status == 404
    response = page.goto(f"{live_server.url}/van-ban/{world.review_doc.pk}/")
    assert response.status == 404
    page.goto(live_server.url + "/tim-kiem/?q=bac+si")
    assert page.locator("text=kết quả cho").count() == 1
    assert f"/ke-hoach/chi-tieu/{world.health_draft.pk}/" not in page.content()

    health = page_as(cast.health_reporter)
    health.goto(f"{live_server.url}/ke-hoach/chi-tieu/{world.health_draft.pk}/")
    assert "Dự thảo" in health.locator("h1").inner_text()
