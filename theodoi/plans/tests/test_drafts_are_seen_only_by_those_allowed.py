"""Drafts: planners and leaders see all; a unit's own staff see that unit's; nobody else sees any."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _listed(client, world) -> set[str]:  # type: ignore[no-untyped-def]
    page = client.get(reverse("plans:target_list")).content.decode()
    return {name for name, t in (("published", world.target), ("health", world.health_draft),
                                 ("district", world.district_draft)) if f'href="/ke-hoach/chi-tieu/{t.pk}/"' in page}


@pytest.mark.parametrize(("member", "expected"), [
    ("planner", {"published", "health", "district"}),
    ("leader", {"published", "health", "district"}),
    ("health_reporter", {"published", "health"}),
    ("district_reporter", {"published", "district"}),
    ("anonymous", {"published"}),
])
def test_the_target_list_shows_each_person_what_they_may_see(world, client_for, member, expected) -> None:
    assert _listed(client_for(member), world) == expected


def test_a_district_reporter_does_not_see_the_health_departments_draft_tasks(world, client_for) -> None:
    page = client_for("district_reporter").get(reverse("plans:assignment_list")).content.decode()
    assert "Nâng cao chất lượng khám chữa bệnh" in page  # published, the district is a partner
    assert "bác sĩ gia đình" not in page


def test_the_health_reporter_sees_the_health_departments_draft_tasks(world, client_for) -> None:
    page = client_for("health_reporter").get(reverse("plans:unit_detail", args=["so-yte"])).content.decode()
    assert "bác sĩ gia đình" in page
