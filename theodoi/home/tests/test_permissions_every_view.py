"""Every page and every API endpoint, for every member of the cast: the expected status code.

Columns: planner, health_reporter (Sở Y tế), district_reporter (huyện Đắk Hà), leader, anonymous.
Drafts answer 404 to those who may not see them (a draft does not reveal that it exists);
operations answer 403 to those signed in without the right, and send anonymous people to the
login page (302) or, in the API, answer 401.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from theodoi.documents.testing import CAST_MEMBERS, World

U = Callable[[World], str]
Row = tuple[str, str, U, Callable[[World], dict[str, Any]] | None, tuple[int, ...]]


def r(name: str, *args: Callable[[World], Any]) -> U:
    return lambda w: reverse(name, args=[a(w) for a in args])


def upload_body(w: World) -> dict[str, Any]:
    return {"file": SimpleUploadedFile("ke-hoach.txt", "Kế hoạch năm 2026.\n1. Tỷ lệ A đạt 5%.\n".encode()),
            "title": "Kế hoạch thử"}


PUB = lambda w: w.published_doc.pk  # noqa: E731
REV = lambda w: w.review_doc.pk  # noqa: E731
ITEM = lambda w: w.target_item.pk  # noqa: E731

ALL_200 = (200, 200, 200, 200, 200)
DRAFT_DOC = (200, 404, 404, 200, 404)
PLANNER_ONLY_PAGE = (200, 403, 403, 403, 302)
PLANNER_ONLY_POST = (302, 403, 403, 403, 302)
SIGNED_IN = (200, 200, 200, 200, 302)

VIEWS: list[Row] = [
    ("core:home", "get", r("core:home"), None, ALL_200),
    ("core:search", "get", lambda w: reverse("core:search") + "?q=tang+truong", None, ALL_200),
    ("core:health", "get", r("core:health"), None, ALL_200),
    ("core:ready", "get", r("core:ready"), None, ALL_200),
    ("core:metrics", "get", r("core:metrics"), None, ALL_200),  # local only; see test_readiness_and_metrics
    ("plans:target_list", "get", r("plans:target_list"), None, ALL_200),
    ("plans:target_detail", "get", r("plans:target_detail", lambda w: w.target.pk), None, ALL_200),
    ("plans:target_detail", "get", r("plans:target_detail", lambda w: w.health_draft.pk), None,
     (200, 200, 404, 200, 404)),
    ("plans:target_detail", "get", r("plans:target_detail", lambda w: w.district_draft.pk), None,
     (200, 404, 200, 200, 404)),
    ("plans:target_correct", "get", r("plans:target_correct", lambda w: w.target.pk), None, PLANNER_ONLY_PAGE),
    ("plans:target_correct", "post", r("plans:target_correct", lambda w: w.target.pk),
     lambda w: {"value": "8,5", "unit": "%", "period": "2026", "reason": "Đối chiếu với nghị quyết."},
     PLANNER_ONLY_POST),
    ("trail:list", "get", r("trail:list"), None, SIGNED_IN),
    ("trail:target", "get", r("trail:target", lambda w: w.target.pk), None, (200, 404, 404, 200, 302)),
    ("plans:unit_list", "get", r("plans:unit_list"), None, ALL_200),
    ("plans:unit_detail", "get", r("plans:unit_detail", lambda w: "so-yte"), None, ALL_200),
    ("plans:unit_detail", "get", r("plans:unit_detail", lambda w: "khong-co"), None, (404,) * 5),
    ("plans:assignment_list", "get", r("plans:assignment_list"), None, ALL_200),
    ("documents:list", "get", r("documents:list"), None, ALL_200),
    ("documents:upload", "get", r("documents:upload"), None, PLANNER_ONLY_PAGE),
    ("documents:upload", "post", r("documents:upload"), upload_body, PLANNER_ONLY_POST),
    ("documents:detail", "get", r("documents:detail", PUB), None, ALL_200),
    ("documents:detail", "get", r("documents:detail", REV), None, DRAFT_DOC),
    # The uploaded file answers exactly as its document's page (theodoi/core/files.py serves it).
    ("documents:file", "get", r("documents:file", PUB), None, ALL_200),
    ("documents:file", "get", r("documents:file", REV), None, DRAFT_DOC),
    ("documents:progress", "get", r("documents:progress", PUB), None, ALL_200),
    ("documents:progress", "get", r("documents:progress", REV), None, DRAFT_DOC),
    ("documents:viewer", "get", r("documents:viewer", PUB), None, ALL_200),
    ("documents:viewer", "get", r("documents:viewer", REV), None, DRAFT_DOC),
    ("documents:review", "get", r("documents:review", REV), None, PLANNER_ONLY_PAGE),
    ("documents:changes", "get", r("documents:changes", PUB), None, (200, 403, 403, 200, 302)),
    ("documents:changes", "get", r("documents:changes", REV), None, (200, 404, 404, 200, 302)),
    ("documents:confirm_all", "post", r("documents:confirm_all", REV), lambda w: {}, PLANNER_ONLY_POST),
    ("documents:confirm_confident", "post", r("documents:confirm_confident", REV), lambda w: {"block": "*"},
     PLANNER_ONLY_POST),
    ("documents:retry", "post", r("documents:retry", REV), lambda w: {}, PLANNER_ONLY_POST),
    ("documents:plan_year", "post", r("documents:plan_year", REV), lambda w: {"plan_year": "2026"},
     PLANNER_ONLY_POST),
    ("documents:publish", "post", r("documents:publish", REV), lambda w: {}, PLANNER_ONLY_POST),
    ("documents:item_action", "post", r("documents:item_action", ITEM, lambda w: "confirm"),
     lambda w: {"version": 1}, PLANNER_ONLY_POST),
    ("accounts:login", "get", r("accounts:login"), None, ALL_200),
    ("accounts:logout", "post", r("accounts:logout"), lambda w: {}, (302,) * 5),
    ("accounts:profile", "get", r("accounts:profile"), None, SIGNED_IN),
    ("accounts:token_create", "post", r("accounts:token_create"), lambda w: {"name": "x", "scopes": ["read"], "days": "30"}, (302,) * 5),
    ("accounts:token_delete", "post", r("accounts:token_delete", lambda w: 999), lambda w: {}, (302,) * 5),
]

API_READ_PUBLIC = ALL_200
API_WRITE = (200, 403, 403, 403, 401)
API: list[Row] = [
    ("api:me", "get", lambda w: "/api/accounts/me", None, (200, 200, 200, 200, 401)),
    ("api:plans", "get", lambda w: "/api/plans/plans", None, API_READ_PUBLIC),
    ("api:indicators", "get", lambda w: "/api/plans/indicators", None, API_READ_PUBLIC),
    ("api:targets", "get", lambda w: "/api/plans/targets?q=tang+truong", None, API_READ_PUBLIC),
    # Lists are paged (?limit=&offset=) after the permission checks: a page never opens a door.
    ("api:targets", "get", lambda w: "/api/plans/targets?limit=1&offset=1", None, API_READ_PUBLIC),
    ("api:target", "get", lambda w: f"/api/plans/targets/{w.target.pk}", None, API_READ_PUBLIC),
    ("api:target", "get", lambda w: f"/api/plans/targets/{w.health_draft.pk}", None, (200, 200, 404, 200, 404)),
    ("api:assignments", "get", lambda w: "/api/plans/assignments", None, API_READ_PUBLIC),
    ("api:units", "get", lambda w: "/api/plans/units", None, API_READ_PUBLIC),
    ("api:unit", "get", lambda w: "/api/plans/units/so-yte", None, API_READ_PUBLIC),
    ("api:documents", "get", lambda w: "/api/documents/", None, API_READ_PUBLIC),
    ("api:document", "get", lambda w: f"/api/documents/{w.published_doc.pk}", None, API_READ_PUBLIC),
    ("api:document", "get", lambda w: f"/api/documents/{w.review_doc.pk}", None, DRAFT_DOC),
    ("api:items", "get", lambda w: f"/api/documents/{w.review_doc.pk}/items", None, DRAFT_DOC),
    ("api:items", "get", lambda w: f"/api/documents/{w.review_doc.pk}/items?limit=1&offset=1", None, DRAFT_DOC),
    ("api:changes", "get", lambda w: f"/api/documents/{w.published_doc.pk}/changes", None, (200, 403, 403, 200, 403)),
    ("api:upload", "post", lambda w: "/api/documents/", upload_body, (201, 403, 403, 403, 401)),
    ("api:item_status", "post", lambda w: f"/api/documents/items/{w.target_item.pk}/status",
     lambda w: {"status": "confirmed", "version": 1}, API_WRITE),
    ("api:item_edit", "patch", lambda w: f"/api/documents/items/{w.target_item.pk}",
     lambda w: {"changes": {"value": "96"}, "version": 1}, API_WRITE),
    ("api:item_merge", "post", lambda w: f"/api/documents/items/{w.target_item.pk}/merge",
     lambda w: {"indicator_id": w.indicator.pk, "version": 1}, API_WRITE),
    ("api:confirm_all", "post", lambda w: f"/api/documents/{w.review_doc.pk}/confirm-all", lambda w: {}, API_WRITE),
    ("api:publish", "post", lambda w: f"/api/documents/{w.review_doc.pk}/publish", lambda w: {}, API_WRITE),
    ("api:docs", "get", lambda w: "/api/docs", None, API_READ_PUBLIC),
    ("api:openapi", "get", lambda w: "/api/openapi.json", None, API_READ_PUBLIC),
]


def _cases(rows: list[Row]) -> list[Any]:
    return [
        pytest.param(url, method, body, member, codes[i], id=f"{name}-{method}-{n}-{member}")
        for n, (name, method, url, body, codes) in enumerate(rows)
        for i, member in enumerate(CAST_MEMBERS)
    ]


def _call(client: Any, method: str, url: str, body: dict[str, Any] | None, json: bool) -> Any:
    if method == "get":
        return client.get(url)
    if json:
        return getattr(client, method)(url, body or {}, content_type="application/json")
    return client.post(url, body or {})


@pytest.mark.parametrize(("url", "method", "body", "member", "expected"), _cases(VIEWS))
def test_each_page_answers_each_cast_member_as_the_permissions_say(
    world: World, client_for: Any, fake_extractor: None, url: U, method: str, body: Any, member: str, expected: int
) -> None:
    response = _call(client_for(member), method, url(world), body(world) if body else None, json=False)
    assert response.status_code == expected


@pytest.mark.parametrize(("url", "method", "body", "member", "expected"), _cases(API))
def test_each_api_endpoint_answers_each_cast_member_as_the_permissions_say(
    world: World, client_for: Any, fake_extractor: None, url: U, method: str, body: Any, member: str, expected: int
) -> None:
    is_upload = body is upload_body
    response = _call(client_for(member), method, url(world), body(world) if body else None, json=not is_upload)
    assert response.status_code == expected, response.content[:300]


def _names(resolver: URLResolver, prefix: str = "") -> set[str]:
    names = set()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            ns = f"{prefix}{pattern.namespace}:" if pattern.namespace else prefix
            names |= _names(pattern, ns)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(prefix + pattern.name)
    return names


def test_the_table_covers_every_page_and_every_api_operation() -> None:
    from theodoi.api import api

    platform = ("core:", "plans:", "documents:", "accounts:")
    pages = {n for n in _names(get_resolver()) if n.startswith(platform)}
    assert pages <= {row[0] for row in VIEWS}, pages - {row[0] for row in VIEWS}
    schema = api.get_openapi_schema()
    operations = {
        op["operationId"].rsplit("_api_", 1)[-1]
        for url, path in schema["paths"].items() if url.startswith(("/api/plans", "/api/documents", "/api/accounts"))
        for op in path.values()
    }
    assert operations <= {row[0].removeprefix("api:") for row in API}, operations
