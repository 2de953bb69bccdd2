"""Who sees which dashboard: each cast member and the anonymous public (theodoi/test.py).

Leaders and planners read everything, unaccepted figures included; a unit's staff read their own
unit's page; everyone else, and anonymous visitors, get the public dashboard (accepted data only).
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from theodoi.evaluation.services import target_statuses_recompute

pytestmark = pytest.mark.django_db

WHO = ("planner", "leader", "health_reporter", "health_head", "district_reporter", None)


def client_for(plan2021: Any, who: str | None) -> Client:
    client = Client()
    if who:
        client.force_login(getattr(plan2021.cast, who))
    return client


@pytest.fixture
def data(plan2021: Any) -> Any:
    c = plan2021.cast
    plan2021.report(c.health, plan2021.beds, "2021-06", 33.5, status="submitted")  # not yet accepted
    plan2021.report(c.planning, plan2021.growth, "2021-06", 10.7, status="accepted")
    target_statuses_recompute()
    return plan2021


@pytest.mark.parametrize(("who", "expected"), [
    ("planner", 200), ("leader", 200),
    ("health_reporter", "/danh-gia/don-vi/so-yte/"), ("health_head", "/danh-gia/don-vi/so-yte/"),
    ("district_reporter", "/danh-gia/don-vi/huyen-dak-ha/"), (None, "/danh-gia/cong-khai/"),
])
def test_the_province_dashboard_is_for_leaders_and_planners(data: Any, who: str | None, expected: Any) -> None:
    response = client_for(data, who).get(reverse("evaluation:dashboard"))
    if expected == 200:
        assert response.status_code == 200
        assert "33,5" in response.content.decode()  # the submitted (unaccepted) figure is shown
    else:
        assert response.status_code == 302 and response["Location"] == expected


@pytest.mark.parametrize("who", WHO)
def test_the_public_dashboard_shows_accepted_figures_only_to_everyone(data: Any, who: str | None) -> None:
    page = client_for(data, who).get(reverse("evaluation:public")).content.decode()
    assert "Kết quả thực hiện kế hoạch (công khai)" in page
    assert "10,7" in page
    assert "33,5" not in page


@pytest.mark.parametrize(("who", "status"), [
    ("planner", 200), ("leader", 200), ("health_reporter", 200), ("health_head", 200),
    ("district_reporter", 403), (None, 302),
])
def test_a_unit_page_is_for_its_staff_and_the_province(data: Any, who: str | None, status: int) -> None:
    response = client_for(data, who).get(reverse("evaluation:unit", args=["so-yte"]))
    assert response.status_code == status


@pytest.mark.parametrize(("who", "status"), [
    ("planner", 200), ("leader", 200), ("health_reporter", 403), ("health_head", 403),
    ("district_reporter", 403), (None, 302),
])
def test_field_pages_and_the_internal_list_are_for_the_province(data: Any, who: str | None, status: int) -> None:
    client = client_for(data, who)
    assert client.get(reverse("evaluation:field", args=["economy"])).status_code == status
    assert client.get(reverse("evaluation:target_list") + "?trang_thai=on_track").status_code == status


@pytest.mark.parametrize(("who", "internal"), [
    ("planner", True), ("leader", True), ("health_reporter", True), ("health_head", True),
    ("district_reporter", False), (None, False),
])
def test_a_target_page_shows_unaccepted_figures_to_its_readers_only(data: Any, who: str | None, internal: bool) -> None:
    page = client_for(data, who).get(reverse("evaluation:target", args=[data.beds.pk])).content.decode()
    assert ("33,5" in page) is internal
    assert ("Chưa có báo cáo nào được tiếp nhận" in page) is not internal


def test_a_draft_target_is_hidden_from_the_public(data: Any) -> None:
    from theodoi.plans.models import Target

    Target.objects.filter(pk=data.beds.pk).update(status="draft")
    assert Client().get(reverse("evaluation:public_target", args=[data.beds.pk])).status_code == 404
    assert client_for(data, "leader").get(reverse("evaluation:target", args=[data.beds.pk])).status_code == 200


# -- API ----------------------------------------------------------------------------------------------
@pytest.fixture
def api_mounted() -> None:
    from django.urls import Resolver404, resolve

    try:
        resolve("/api/evaluation/summary")
    except Resolver404:
        pytest.skip("the evaluation router is not mounted in theodoi/api.py")


@pytest.mark.parametrize(("who", "public"), [
    ("planner", False), ("leader", False), ("health_reporter", True), ("district_reporter", True), (None, True),
])
def test_the_summary_endpoint_gives_internal_figures_to_the_province_only(
    data: Any, api_mounted: None, who: str | None, public: bool
) -> None:
    body = client_for(data, who).get("/api/evaluation/summary?year=2021&group=agency").json()
    assert body["public"] is public
    beds = next(s for s in client_for(data, who).get("/api/evaluation/statuses?year=2021").json()["items"]
                if s["target_id"] == data.beds.pk)
    assert (beds["value"] == 33.5) is not public


def test_the_target_endpoint_gives_submissions_and_the_source_sentence(data: Any, api_mounted: None) -> None:
    body = Client().get(f"/api/evaluation/targets/{data.growth.pk}").json()
    assert body["status"] == "on_track"
    assert body["submissions"][0]["value"] == 10.7
    assert body["sources"][0]["excerpt"].startswith("Tốc độ tăng trưởng kinh tế (GRDP) đạt từ 10% trở lên")


@pytest.mark.parametrize(("who", "status"), [("planner", 200), ("leader", 403), ("health_reporter", 403), (None, 401)])
def test_only_planners_recompute_through_the_api(data: Any, api_mounted: None, who: str | None, status: int) -> None:
    client = client_for(data, who)  # the test client skips CSRF checks
    assert client.post("/api/evaluation/recompute").status_code == status


def test_the_statuses_endpoint_pages_without_overlap(data: Any, api_mounted: None) -> None:
    client = client_for(data, "planner")
    whole = client.get("/api/evaluation/statuses?year=2021&limit=1000").json()
    ids = [s["target_id"] for s in whole["items"]]
    assert whole["count"] == len(ids) >= 2 and len(set(ids)) == len(ids)
    first = client.get("/api/evaluation/statuses?year=2021&limit=1").json()
    second = client.get("/api/evaluation/statuses?year=2021&limit=1&offset=1").json()
    assert [s["target_id"] for s in first["items"] + second["items"]] == ids[:2]
    assert first["count"] == second["count"] == len(ids)
