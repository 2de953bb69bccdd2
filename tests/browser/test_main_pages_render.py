"""Each main page renders in Chromium without errors; a screenshot of each goes to /tmp/shots."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_every_main_page_renders_for_a_planner(live_server: Any, page_as: Any, shot: Any) -> None:
    from theodoi.documents.testing import make_world
    from theodoi.test import make_cast

    cast = make_cast()
    world = make_world(cast)
    source = world.target.sources.get()
    pages = {
        "home": "/",
        "targets": "/ke-hoach/chi-tieu/",
        "target-detail": f"/ke-hoach/chi-tieu/{world.target.pk}/",
        "units": "/ke-hoach/don-vi/",
        "unit-health": "/ke-hoach/don-vi/so-yte/",
        "tasks": "/ke-hoach/nhiem-vu/",
        "documents": "/van-ban/",
        "upload": "/van-ban/tai-len/",
        "document": f"/van-ban/{world.published_doc.pk}/",
        "viewer": f"/van-ban/{world.published_doc.pk}/noi-dung/?hl={source.start}-{source.end}#o-{source.start}",
        "review": f"/van-ban/{world.review_doc.pk}/ra-soat/",
        "search": "/tim-kiem/?q=tang+truong",
        "profile": "/tai-khoan/",
        "api-docs": "/api/docs",
    }
    errors: list[str] = []
    page = page_as(cast.planner)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    for name, path in pages.items():
        response = page.goto(live_server.url + path)
        assert response.status == 200, (name, response.status)
        if name == "api-docs":
            page.wait_for_selector(".swagger-ui .info")
        shot(page, name)
    assert errors == []
    anonymous = page_as()
    anonymous.goto(live_server.url + "/tai-khoan/dang-nhap/")
    shot(anonymous, "login")
    anonymous.goto(live_server.url + "/")
    shot(anonymous, "home-public")
