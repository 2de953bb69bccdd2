from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_targets_filter_by_field_and_search_without_diacritics(world, client_for) -> None:
    client = client_for("planner")
    assert [t["indicator"] for t in client.get("/api/plans/targets?q=tram+y+te").json()["items"]] == [
        "Tỷ lệ trạm y tế xã có bác sĩ"
    ]
    assert {t["field"] for t in client.get("/api/plans/targets?field=society").json()["items"]} == {"society"}


def test_a_target_comes_with_its_source_sentence(world, client_for) -> None:
    data = client_for("anonymous").get(f"/api/plans/targets/{world.target.pk}").json()
    assert data["sources"][0]["excerpt"] == "Tốc độ tăng trưởng kinh tế đạt trên 8,5%."
    assert data["responsible_unit"]["code"] == "so-khdt"


def test_assignments_list_lead_and_partner_units_and_tasks(world, client_for) -> None:
    page = client_for("anonymous").get("/api/plans/assignments").json()
    data = page["items"]
    assert len(data) == page["count"] == 1
    assert [u["code"] for u in data[0]["lead"]] == ["so-yte"]
    assert [u["code"] for u in data[0]["partners"]] == ["huyen-dak-ha"]
    assert data[0]["tasks"][0]["text"].startswith("Nâng cao")


def test_a_units_targets_follow_the_same_visibility_as_the_page(world, client_for) -> None:
    own = client_for("health_reporter").get("/api/plans/units/so-yte").json()
    other = client_for("district_reporter").get("/api/plans/units/so-yte").json()
    assert [t["id"] for t in own["targets"]] == [world.health_draft.pk]
    assert other["targets"] == []


def test_anonymous_sees_only_published_plans(world, client_for) -> None:
    assert [p["id"] for p in client_for("anonymous").get("/api/plans/plans").json()["items"]] == [world.plan.pk]
