from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_unit_list_counts_targets_and_led_tasks(world, client_for) -> None:
    page = client_for("anonymous").get(reverse("plans:unit_list")).content.decode()
    assert "Sở Kế hoạch và Đầu tư" in page
    assert "Sở Y tế" in page


def test_a_units_page_lists_its_targets_and_its_tasks_as_lead_and_partner(world, client_for) -> None:
    client = client_for("anonymous")
    planning = client.get(reverse("plans:unit_detail", args=["so-khdt"])).content.decode()
    assert "Chỉ tiêu của Sở Kế hoạch và Đầu tư" in planning
    assert "Tốc độ tăng trưởng kinh tế" in planning
    district = client.get(reverse("plans:unit_detail", args=["huyen-dak-ha"])).content.decode()
    assert "Nhiệm vụ phối hợp" in district
    assert "Nâng cao chất lượng khám chữa bệnh" in district


def test_tasks_are_grouped_by_lead_agency_with_partners(world, client_for) -> None:
    page = client_for("anonymous").get(reverse("plans:assignment_list")).content.decode()
    assert page.index("Sở Y tế") < page.index("Nâng cao chất lượng")
    assert "Phối hợp" in page and "UBND huyện Đắk Hà" in page
