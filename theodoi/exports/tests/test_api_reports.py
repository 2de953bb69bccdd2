"""The reports API (/api/exports): every endpoint for every member of the cast, and the flow.

Same rules as the pages: planners create, edit and issue; leaders read and download; an agency's
or district's staff read their own scope's reports (404 for the others); anonymous callers 401.
"""

from __future__ import annotations

import io
from typing import Any

import pytest
from docx import Document

from theodoi.exports.testing import CAST_MEMBERS

pytestmark = [pytest.mark.django_db]
API = "/api/exports/reports"


SECTIONS = {"sections": [{"title": "I. CHUNG", "paragraphs": ["Một.", "Hai."]}], "header": {"signer_name": "A"}}
READ_P = (200, 404, 404, 200, 401)
READ_H = (200, 200, 404, 200, 401)
READ_D = (200, 404, 200, 200, 401)
ROWS: list[tuple[str, str, Any, Any, tuple[int, ...]]] = [
    ("list", "get", lambda r: API, None, (200, 200, 200, 200, 401)),
    ("create", "post", lambda r: API, {"period": "2021-06", "scope": "province"}, (201, 403, 403, 403, 401)),
    ("detail", "get", lambda r: f"{API}/{r.province.pk}", None, READ_P),
    ("detail", "get", lambda r: f"{API}/{r.health.pk}", None, READ_H),
    ("detail", "get", lambda r: f"{API}/{r.district.pk}", None, READ_D),
    ("sections", "put", lambda r: f"{API}/{r.province.pk}/sections", SECTIONS, (200, 404, 404, 403, 401)),
    ("sections", "put", lambda r: f"{API}/{r.health.pk}/sections", SECTIONS, (200, 403, 404, 403, 401)),
    ("issue", "post", lambda r: f"{API}/{r.province.pk}/issue", {"number": "90"}, (200, 404, 404, 403, 401)),
    ("issue", "post", lambda r: f"{API}/{r.health.pk}/issue", {"number": "91"}, (200, 403, 404, 403, 401)),
    ("download", "get", lambda r: f"{API}/{r.province.pk}/download/docx", None, READ_P),
    ("download", "get", lambda r: f"{API}/{r.health.pk}/download/xlsx", None, READ_H),
    ("download", "get", lambda r: f"{API}/{r.district.pk}/download/pdf", None, READ_D),
    ("download", "get", lambda r: f"{API}/{r.district.pk}/download/odt", None, (404, 404, 404, 404, 401)),
]


def _cases() -> list[Any]:
    return [
        pytest.param(url, method, body, member, codes[i], id=f"{name}-{method}-{n}-{member}")
        for n, (name, method, url, body, codes) in enumerate(ROWS)
        for i, member in enumerate(CAST_MEMBERS)
    ]


@pytest.mark.parametrize(("url", "method", "body", "member", "expected"), _cases())
def test_each_endpoint_answers_each_cast_member_as_the_permissions_say(
    reports, client_for, url, method, body, member, expected
):
    client = client_for(member)
    if method == "get":
        response = client.get(url(reports))
    else:
        response = getattr(client, method)(url(reports), body, content_type="application/json")
    assert response.status_code == expected, response.content[:300]


def test_the_table_covers_every_endpoint():
    from theodoi.exports.api import router

    operations = sum(len(view.operations) for view in router.path_operations.values())
    assert operations == len({(row[0], row[1]) for row in ROWS})


def test_create_edit_issue_and_download_through_the_api(rworld, client_for):
    client = client_for("planner")
    created = client.post(API, {"period": "2021-H1", "scope": "agency", "scope_key": "so-yte"},
                          content_type="application/json").json()
    assert created["status"] == "draft" and created["data"]["scope_label"] == "Sở Y tế"
    url = f"{API}/{created['id']}"
    edited = client.put(f"{url}/sections", SECTIONS, content_type="application/json").json()
    assert edited["data"]["sections"][0]["paragraphs"] == ["Một.", "Hai."]
    issued = client.post(f"{url}/issue", {"number": "5"}, content_type="application/json").json()
    assert issued["number"] == "5/BC-SYT" and len(issued["docx_sha256"]) == 64
    again = client.put(f"{url}/sections", SECTIONS, content_type="application/json")
    assert again.status_code == 400 and "đã ban hành" in again.json()["detail"]
    docx = client.get(f"{url}/download/docx")
    assert "5/BC-SYT" in "\n".join(p.text for p in Document(io.BytesIO(docx.content)).paragraphs)


def test_a_bad_period_is_a_400_with_a_vietnamese_detail(rworld, client_for):
    response = client_for("planner").post(API, {"period": "2021-Q5"}, content_type="application/json")
    assert response.status_code == 400
    assert "Kỳ báo cáo «2021-Q5» không hợp lệ" in response.json()["detail"]


def test_a_token_reads_like_its_user(rworld, reports, client):
    from theodoi.accounts.testing import bearer_key

    key = bearer_key(rworld.cast.health_reporter, scopes=["read"])
    response = client.get(API, HTTP_AUTHORIZATION="Bearer " + key)
    assert [r["scope_key"] for r in response.json()["items"]] == ["so-yte"]


def test_the_register_is_paged_newest_first_after_the_permission_and_filters(reports, client_for):
    planner = client_for("planner")
    first, second = planner.get(f"{API}?limit=2").json(), planner.get(f"{API}?limit=2&offset=2").json()
    assert first["count"] == second["count"] == 3
    newest_first = [reports.health.pk, reports.province.pk, reports.district.pk]
    assert [r["id"] for r in first["items"] + second["items"]] == newest_first
    issued = planner.get(f"{API}?status=issued&limit=1").json()
    assert issued == {"items": [issued["items"][0]], "count": 1} and issued["items"][0]["id"] == reports.district.pk
    drafts = planner.get(f"{API}?status=draft&period=2021&limit=1&offset=1").json()
    assert drafts["count"] == 2 and [r["id"] for r in drafts["items"]] == [reports.province.pk]
    own = client_for("health_reporter").get(f"{API}?limit=1").json()
    assert own["count"] == 1 and [r["id"] for r in own["items"]] == [reports.health.pk]
