"""The public dashboard in sections: a table of contents whose links land on the sections, field and
status filters as plain GET parameters, and bounded target sections linking to the full list."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from theodoi.evaluation import public, selectors
from theodoi.evaluation.services import target_statuses_recompute
from theodoi.plans.models import Target

pytestmark = pytest.mark.django_db


def _table(html: str) -> str:
    """The per-target section of the page (the charts' JSON also names targets)."""
    return html.split('id="chi-tieu"', 1)[1]


def _page(query: str = "") -> str:
    response = Client().get("/danh-gia/cong-khai/" + query)
    assert response.status_code == 200
    return response.content.decode()


def test_every_contents_link_lands_on_a_section_of_the_page(plan2021: Any) -> None:
    html = _page()
    toc = html.split('aria-label="Mục lục"', 1)[1].split("</nav>", 1)[0]
    anchors = re.findall(r'href="#([\w-]+)"', toc)
    assert {"tong-quan", "tien-do", "chi-tieu"} <= set(anchors)
    for anchor in anchors:
        assert f'id="{anchor}"' in html, anchor


def test_the_field_filter_narrows_the_page_without_javascript(plan2021: Any) -> None:
    html = _page("?linh_vuc=society")
    table = _table(html)
    assert "Số giường bệnh/vạn dân" in table and "Tốc độ tăng trưởng GRDP" not in table
    assert '<option value="society" selected>' in html
    assert "Tốc độ tăng trưởng GRDP" in _table(_page("?linh_vuc=nonsense"))  # an unknown value is ignored


def test_the_status_filter_keeps_only_targets_with_that_assessment(plan2021: Any) -> None:
    plan2021.report(plan2021.cast.planning, plan2021.growth, "2021-06", 9.5)  # at risk
    plan2021.report(plan2021.cast.health, plan2021.beds, "2021-06", 33)  # achieved
    target_statuses_recompute()
    table = _table(_page("?trang_thai=at_risk"))
    assert "Tốc độ tăng trưởng GRDP" in table and "Số giường bệnh/vạn dân" not in table
    rows = selectors.status_rows(public=True, targets=Target.objects.all())
    codes = {r.target.indicator.name: r.code for r in rows}
    assert codes["Tốc độ tăng trưởng GRDP"] == "at_risk" and codes["Số giường bệnh/vạn dân"] != "at_risk"
    for code in set(codes.values()):
        shown = _table(_page(f"?trang_thai={code}"))
        assert {name for name in codes if name in shown} == {n for n, c in codes.items() if c == code}, code


def test_a_section_is_bounded_and_links_to_the_full_filtered_list(plan2021: Any, monkeypatch: Any) -> None:
    monkeypatch.setattr(public, "SECTION_ROWS", 1)
    html = _page("?nam=2021&linh_vuc=society")
    table = _table(html)
    assert len(re.findall(r'<a href="/danh-gia/cong-khai/chi-tieu/\d+/">', table)) == 1
    assert "Đang hiện 1/" in table
    assert 'href="/danh-gia/cong-khai/chi-tieu/?nam=2021&amp;linh_vuc=society"' in table
    monkeypatch.setattr(public, "SECTION_ROWS", 25)
    assert 'data-testid="section-more"' not in _page("?nam=2021")  # all shown: no "more" line
