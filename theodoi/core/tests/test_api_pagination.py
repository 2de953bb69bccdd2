"""The API's list endpoints answer one page, `{"items": [...], "count": N}`, cut after the
permission checks and the filters, in a total order, so walking the pages gives every row once."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import Client

from theodoi.core.pagination import Pagination
from theodoi.documents.models import DocumentStatus, ExtractedItem, ItemKind
from theodoi.documents.testing import World, _document
from theodoi.plans.models import Assignment, Indicator, Plan, PlanKind, PublishStatus, Target

pytestmark = pytest.mark.django_db


def get(client: Client, url: str, **params: Any) -> dict[str, Any]:
    response = client.get(url, params)
    assert response.status_code == 200, response.content[:300]
    body: dict[str, Any] = response.json()
    assert set(body) == {"items", "count"}
    return body


def walk(client: Client, url: str, size: int, **params: Any) -> tuple[list[dict[str, Any]], set[int]]:
    """Every page of `size` rows in turn; the rows, and each page's count."""
    rows: list[dict[str, Any]] = []
    counts = set()
    for _ in range(100):  # a paginator that ignored `offset` would otherwise loop for ever
        page = get(client, url, limit=size, offset=len(rows), **params)
        assert len(page["items"]) <= size
        rows += page["items"]
        counts.add(page["count"])
        if len(page["items"]) < size:
            return rows, counts
    raise AssertionError(f"{url}: still full pages after {len(rows)} rows; is offset ignored?")


@pytest.fixture
def many(world: World, cast: Any) -> World:
    """More than two rows in every list, several of them tied on every sort key but the id."""
    for _ in range(3):
        Plan.objects.create(name="Kế hoạch ngành", kind=PlanKind.YEAR, year_start=2026, year_end=2026,
                            unit=cast.province, status=PublishStatus.PUBLISHED)
        Indicator.objects.create(name="Tốc độ tăng trưởng kinh tế", unit="%")
        Target.objects.create(plan=world.plan, indicator=world.indicator, value=8, unit="%", period="2026",
                              status=PublishStatus.PUBLISHED)
        Assignment.objects.create(plan=world.plan, lead_text="Sở Y tế", status=PublishStatus.PUBLISHED)
        ExtractedItem.objects.create(document=world.review_doc, kind=ItemKind.DEADLINE, data={}, start=5, end=9)
    for n in range(3):
        _document(f"Văn bản {n}", "Nội dung.", DocumentStatus.PUBLISHED, f"c{n}")
    return world


PUBLISHED_LISTS = ["/api/plans/plans", "/api/plans/targets", "/api/plans/assignments", "/api/documents/"]
LISTS = [
    *[("anonymous", url) for url in PUBLISHED_LISTS],
    *[("planner", url) for url in [*PUBLISHED_LISTS, "/api/plans/indicators", "/api/plans/units", "review-items"]],
]


@pytest.mark.parametrize(("member", "url"), LISTS)
def test_page_two_continues_exactly_where_page_one_ended(many: World, client_for: Any, member: str, url: str) -> None:
    if url == "review-items":
        url = f"/api/documents/{many.review_doc.pk}/items"
    client = client_for(member)
    whole = get(client, url, limit=1000)
    ids = [row["id"] for row in whole["items"]]
    assert whole["count"] == len(ids) >= 4
    first, second = get(client, url, limit=2)["items"], get(client, url, limit=2, offset=2)["items"]
    assert [row["id"] for row in first + second] == ids[:4]
    rows, counts = walk(client, url, 2)
    assert [row["id"] for row in rows] == ids  # no row twice, none skipped, the same order
    assert counts == {len(ids)}


def test_count_is_the_total_after_permissions_and_filters(many: World, client_for: Any) -> None:
    planner, anonymous = client_for("planner"), client_for("anonymous")
    all_targets = get(planner, "/api/plans/targets", limit=1)
    assert all_targets["count"] == Target.objects.count() == 6 and len(all_targets["items"]) == 1
    published = get(anonymous, "/api/plans/targets", limit=1)
    assert published["count"] == 4  # the two drafts are filtered out before the page is cut
    society = get(planner, "/api/plans/targets", field="society", limit=1)
    assert society["count"] == 1 and society["items"][0]["id"] == many.health_draft.pk
    growth = walk(planner, "/api/plans/targets", 2, q="tang truong")
    assert len(growth[0]) == 4 and growth[1] == {4}
    assert {row["indicator"] for row in growth[0]} == {"Tốc độ tăng trưởng kinh tế"}
    drafts = get(client_for("health_reporter"), "/api/plans/targets", status="draft", limit=5)
    assert [t["id"] for t in drafts["items"]] == [many.health_draft.pk]  # not Đắk Hà's draft
    assert anonymous.get(f"/api/documents/{many.review_doc.pk}/items?limit=1").status_code == 404


def test_a_limit_above_the_maximum_is_capped(many: World, client_for: Any, settings: Any) -> None:
    client = client_for("planner")
    ids = [t["id"] for t in get(client, "/api/plans/targets", limit=5000)["items"]]  # capped at 1000, not refused
    assert len(ids) == 6
    settings.NINJA_PAGINATION_MAX_LIMIT = 4
    page = get(client, "/api/plans/targets", limit=500)
    assert [t["id"] for t in page["items"]] == ids[:4] and page["count"] == 6
    assert [t["id"] for t in get(client, "/api/plans/targets", limit=500, offset=4)["items"]] == ids[4:]


def test_the_default_page_is_the_settings_size(db: Any, client: Client, settings: Any) -> None:
    assert settings.NINJA_PAGINATION_PER_PAGE == 100 and settings.NINJA_PAGINATION_MAX_LIMIT == 1000
    Indicator.objects.bulk_create(Indicator(name=f"Chỉ tiêu {n:03}") for n in range(101))
    page = get(client, "/api/plans/indicators")
    assert len(page["items"]) == 100 and page["count"] == 101
    assert get(client, "/api/plans/indicators", offset=100)["items"][0]["name"] == "Chỉ tiêu 100"


def test_an_offset_past_the_end_is_an_empty_page_with_the_full_count(db: Any, client: Client) -> None:
    Indicator.objects.bulk_create(Indicator(name=f"Chỉ tiêu {n}") for n in range(3))
    assert get(client, "/api/plans/indicators", offset=50) == {"items": [], "count": 3}


@pytest.mark.parametrize("query", ["limit=0", "offset=-1", "limit=x"])
def test_a_bad_limit_or_offset_is_refused(db: Any, client: Client, query: str) -> None:
    assert client.get(f"/api/plans/targets?{query}").status_code == 422


def test_the_openapi_schema_documents_the_page(client: Client, db: Any) -> None:
    op = client.get("/api/openapi.json").json()["paths"]["/api/plans/targets"]["get"]
    limit = next(p for p in op["parameters"] if p["name"] == "limit")
    assert limit["schema"]["default"] == 100 and "1000" in limit["description"]
    assert op["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].endswith("PagedTargetOut")


@pytest.mark.parametrize("order", [(), ("name",)])
def test_a_list_without_a_total_order_is_refused(db: Any, order: tuple[str, ...]) -> None:
    queryset = Indicator.objects.order_by(*order) if order else Indicator.objects.all()
    with pytest.raises(ImproperlyConfigured, match="ending in pk"):
        Pagination().paginate_queryset(queryset, Pagination.Input(limit=1, offset=0), request=None)  # type: ignore[arg-type]
