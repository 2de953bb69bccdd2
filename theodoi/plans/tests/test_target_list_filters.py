from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _page(client, **params) -> str:  # type: ignore[no-untyped-def]
    return client.get(reverse("plans:target_list"), params).content.decode()


def test_searching_without_diacritics_finds_the_target(world, client_for) -> None:
    page = _page(client_for("planner"), q="tang truong")
    assert "Tốc độ tăng trưởng kinh tế" in page
    assert "Tỷ lệ trạm y tế" not in page


def test_filtering_by_field_keeps_that_field_only(world, client_for) -> None:
    page = _page(client_for("planner"), field="society")
    assert "Tỷ lệ trạm y tế xã có bác sĩ" in page
    assert "Tốc độ tăng trưởng" not in page


def test_filtering_by_agency_and_plan(world, client_for, cast) -> None:
    page = _page(client_for("planner"), unit=cast.district.pk, plan=world.draft_plan.pk)
    assert "Tỷ lệ xã có đường ô tô" in page
    assert "Tỷ lệ trạm y tế" not in page


def test_values_are_written_the_vietnamese_way(world, client_for) -> None:
    assert "trên 8,5%" in _page(client_for("anonymous"))


def test_a_filter_value_that_is_not_valid_is_ignored(world, client_for) -> None:
    response = client_for("anonymous").get(reverse("plans:target_list"), {"plan": "abc", "field": "x"})
    assert response.status_code == 200
