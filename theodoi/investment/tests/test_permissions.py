"""Who may read and change public-investment data: each cast member and anonymous visitors.

Leaders and planners read every project; a unit's staff read their unit's projects; only planners
enter disbursement and import files; anonymous visitors are sent to the login page.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from theodoi.investment.models import Disbursement

pytestmark = pytest.mark.django_db


def client_for(cast: Any, who: str | None) -> Client:
    client = Client()
    if who:
        client.force_login(getattr(cast, who))
    return client


@pytest.mark.parametrize(("who", "status"), [
    ("planner", 200), ("leader", 200), ("health_reporter", 200), ("health_head", 200),
    ("district_reporter", 200), (None, 302),
])
def test_the_disbursement_pages(cast: Any, projects: Any, who: str | None, status: int) -> None:
    client = client_for(cast, who)
    for name in ("investment:dashboard", "investment:flagged"):
        assert client.get(reverse(name) + "?nam=2021").status_code == status


@pytest.mark.parametrize(("who", "sees_b"), [("leader", True), ("health_reporter", False), ("district_reporter", True)])
def test_unit_staff_see_their_own_projects(cast: Any, projects: Any, who: str, sees_b: bool) -> None:
    page = client_for(cast, who).get(reverse("investment:dashboard") + "?nam=2021").content.decode()
    assert ("Dự án B" in page) is sees_b
    response = client_for(cast, who).get(reverse("investment:project", args=["B"]) + "?nam=2021")
    assert response.status_code == (200 if sees_b else 404)


@pytest.mark.parametrize(("who", "status"), [
    ("planner", 302), ("leader", 403), ("health_reporter", 403), ("district_reporter", 403), (None, 403),
])
def test_only_planners_enter_disbursement(cast: Any, projects: Any, who: str | None, status: int) -> None:
    url = reverse("investment:disbursement_entry", args=["C"])
    response = client_for(cast, who).post(url, {"year": 2021, "month": 10, "amount": "4.500,5"})
    assert response.status_code == status
    assert Disbursement.objects.filter(project__code="C", month=10).exists() is (status == 302)


def test_a_decreasing_figure_is_refused_with_a_message(cast: Any, projects: Any) -> None:
    client = client_for(cast, "planner")
    response = client.post(reverse("investment:disbursement_entry", args=["C"]),
                           {"year": 2021, "month": 10, "amount": "100"}, follow=True)
    assert "không thể giảm" in response.content.decode()
    assert not Disbursement.objects.filter(project__code="C", month=10).exists()


@pytest.mark.parametrize(("who", "status"), [
    ("planner", 200), ("leader", 403), ("health_reporter", 403), (None, 302),
])
def test_only_planners_open_the_import_page(cast: Any, who: str | None, status: int) -> None:
    assert client_for(cast, who).get(reverse("investment:import")).status_code == status


@pytest.fixture
def api_mounted() -> None:
    from django.urls import Resolver404, resolve

    try:
        resolve("/api/investment/flagged")
    except Resolver404:
        pytest.skip("the investment router is not mounted in theodoi/api.py")


@pytest.mark.parametrize(("who", "status"), [
    ("planner", 200), ("leader", 200), ("health_reporter", 200), (None, 401),
])
def test_the_flagged_endpoint(cast: Any, projects: Any, api_mounted: None, who: str | None, status: int) -> None:
    response = client_for(cast, who).get("/api/investment/flagged?year=2021&as_of=2021-09-30")
    assert response.status_code == status
    if status == 200 and who != "health_reporter":
        assert {p["code"] for p in response.json()["items"]} == {"A", "B", "D"}


@pytest.mark.parametrize(("who", "status"), [("planner", 200), ("leader", 403), (None, 401)])
def test_only_planners_post_disbursement_through_the_api(
    cast: Any, projects: Any, api_mounted: None, who: str | None, status: int
) -> None:
    client = client_for(cast, who)
    response = client.post("/api/investment/projects/C/disbursements",
                           {"year": 2021, "month": 10, "cumulative_amount": "4.600"}, content_type="application/json")
    assert response.status_code == status


def test_projects_and_flagged_are_paged_by_code(cast: Any, projects: Any, api_mounted: None) -> None:
    client = client_for(cast, "planner")
    url = "/api/investment/projects?year=2021&as_of=2021-09-30"
    whole = client.get(f"{url}&limit=1000").json()
    assert whole["count"] == 4 and [p["code"] for p in whole["items"]] == ["A", "B", "C", "D"]
    pages = [client.get(f"{url}&limit=1&offset={n}").json() for n in range(5)]
    assert {p["count"] for p in pages} == {4}
    # each page computes its own projects' figures and flags: the same as in the whole list
    assert [row for p in pages for row in p["items"]] == whole["items"]
    flagged = client.get("/api/investment/flagged?year=2021&as_of=2021-09-30&limit=2").json()
    assert flagged["count"] == 3 and [p["code"] for p in flagged["items"]] == ["A", "B"]
    rest = client.get("/api/investment/flagged?year=2021&as_of=2021-09-30&limit=2&offset=2").json()
    assert [p["code"] for p in rest["items"]] == ["D"]
    own = client_for(cast, "health_reporter").get(f"{url}&limit=1").json()
    assert own["count"] == 2 and [p["code"] for p in own["items"]] == ["A"]  # B is another unit's
