"""The reporting API's growing lists (/forms, /overdue, /reminders) answer one page at a time,
cut after the permission checks and filters, so a district reporter still sees only its own forms."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from theodoi.reporting.models import FormStatus, Reminder, ReportForm

pytestmark = [pytest.mark.django_db, pytest.mark.urls("theodoi.reporting.tests.api_urls")]


@pytest.fixture
def signed_in(world: Any) -> Any:
    def make(who: str) -> Client:
        client = Client()
        client.force_login(getattr(world.cast, who))
        return client

    return make


def page(client: Client, path: str, **params: Any) -> dict[str, Any]:
    response = client.get(f"/api/reporting{path}", params)
    assert response.status_code == 200, response.content[:300]
    body: dict[str, Any] = response.json()
    return body


def walk(client: Client, path: str, size: int, **params: Any) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for _ in range(100):  # a paginator that ignored `offset` would otherwise loop for ever
        got = page(client, path, limit=size, offset=len(rows), **params)
        rows += got["items"]
        if len(got["items"]) < size:
            return rows
    raise AssertionError(f"{path}: still full pages after {len(rows)} rows; is offset ignored?")


@pytest.fixture
def forms(world: Any) -> dict[str, list[ReportForm]]:
    """Three months of Sở Y tế's reports (one submitted) and two of Đắk Hà's."""
    c = world.cast
    health = [ReportForm.objects.create(regime=world.regime, unit=c.health, period_key=f"2021-0{m}") for m in (1, 2, 3)]
    district = [ReportForm.objects.create(regime=world.regime, unit=c.district, period_key=f"2021-0{m}") for m in (2, 3)]
    ReportForm.objects.filter(pk=health[1].pk).update(status=FormStatus.SUBMITTED)
    return {"health": health, "district": district}


def test_forms_page_two_follows_page_one_newest_period_first(forms: Any, signed_in: Any) -> None:
    planner = signed_in("planner")
    first, second = page(planner, "/forms", limit=2), page(planner, "/forms", limit=2, offset=2)
    assert first["count"] == second["count"] == 5
    h, d = forms["health"], forms["district"]
    # -period_key, then unit name ("Sở Y tế" < "UBND huyện Đắk Hà"), then id
    expected = [h[2].pk, d[1].pk, h[1].pk, d[0].pk, h[0].pk]
    assert [f["id"] for f in first["items"] + second["items"]] == expected[:4]
    assert [f["id"] for f in walk(planner, "/forms", 2)] == expected


def test_a_district_reporter_pages_through_its_own_forms_only(forms: Any, signed_in: Any) -> None:
    client = signed_in("district_reporter")
    rows = walk(client, "/forms", 1)
    assert [f["id"] for f in rows] == [f.pk for f in reversed(forms["district"])]
    assert page(client, "/forms", limit=1)["count"] == 2
    assert page(client, "/forms", unit=forms["health"][0].unit_id, limit=1) == {"items": [], "count": 0}


def test_filters_and_pages_together(forms: Any, signed_in: Any) -> None:
    planner = signed_in("planner")
    health = forms["health"][0].unit_id
    got = page(planner, "/forms", unit=health, limit=2, offset=2)
    assert got["count"] == 3 and [f["id"] for f in got["items"]] == [forms["health"][0].pk]
    submitted = page(planner, "/forms", status=FormStatus.SUBMITTED, limit=1)
    assert submitted["count"] == 1 and submitted["items"][0]["id"] == forms["health"][1].pk
    both = page(planner, "/forms", period="2021-02", limit=1)
    assert both["count"] == 2 and [f["unit"] for f in both["items"]] == ["Sở Y tế"]


def test_reminders_are_paged_newest_first(world: Any, signed_in: Any) -> None:
    c = world.cast
    mine = [Reminder.objects.create(user=c.health_reporter, kind="overdue", key=f"k{n}", message=f"Nhắc {n}")
            for n in range(5)]
    Reminder.objects.create(user=c.district_reporter, kind="overdue", key="other", message="Không phải của tôi")
    client = signed_in("health_reporter")
    assert page(client, "/reminders", limit=2)["count"] == 5
    assert [r["id"] for r in walk(client, "/reminders", 2)] == [r.pk for r in reversed(mine)]


def test_overdue_reports_are_paged_in_a_total_order(world: Any, signed_in: Any) -> None:
    planner = signed_in("planner")
    whole = page(planner, "/overdue", limit=1000)
    assert whole["count"] == len(whole["items"]) >= 2  # both units owe the last months' reports
    assert walk(planner, "/overdue", 1) == whole["items"]
    keys = [(r["due"], r["unit"], r["unit_id"], r["period"]) for r in whole["items"]]
    assert keys == sorted(keys)
    assert signed_in("health_reporter").get("/api/reporting/overdue?limit=1").status_code == 403
