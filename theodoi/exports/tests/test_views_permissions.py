"""Every report page, for every member of the cast: the expected status code.

Columns: planner, health_reporter (Sở Y tế), district_reporter (huyện Đắk Hà), leader, anonymous.
Planners create, edit and issue; leaders read and download; an agency's or district's staff read
the reports of their own scope (404 for the others: a report's existence is not revealed);
anonymous callers are sent to the login page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.urls import URLPattern, get_resolver, reverse

from theodoi.exports.testing import CAST_MEMBERS
from theodoi.exports.tests.conftest import Reports

Url = Callable[[Reports], str]
P: Callable[[Reports], int] = lambda r: r.province.pk  # noqa: E731
H: Callable[[Reports], int] = lambda r: r.health.pk  # noqa: E731
D: Callable[[Reports], int] = lambda r: r.district.pk  # noqa: E731


def u(name: str, *args: Any) -> Url:
    return lambda r: reverse(name, args=[a(r) if callable(a) else a for a in args])


def edit_body(r: Reports) -> dict[str, str]:
    return {"title_summary": "Trích yếu mới", "s0-title": "I. CHUNG", "s0-text": "Nội dung."}


NEW = {"period": "2021-06", "scope": "province", "scope_key": ""}
READ_PROVINCE = (200, 404, 404, 200, 302)
READ_HEALTH = (200, 200, 404, 200, 302)
READ_DISTRICT = (200, 404, 200, 200, 302)

VIEWS: list[tuple[str, str, Url, Callable[[Reports], dict[str, str]] | None, tuple[int, ...]]] = [
    ("exports:list", "get", u("exports:list"), None, (200, 200, 200, 200, 302)),
    ("exports:create", "get", u("exports:create"), None, (200, 403, 403, 403, 302)),
    ("exports:create", "post", u("exports:create"), lambda r: NEW, (302, 403, 403, 403, 302)),
    ("exports:detail", "get", u("exports:detail", P), None, READ_PROVINCE),
    ("exports:detail", "get", u("exports:detail", H), None, READ_HEALTH),
    ("exports:detail", "get", u("exports:detail", D), None, READ_DISTRICT),
    ("exports:edit", "get", u("exports:edit", P), None, (200, 404, 404, 403, 302)),
    ("exports:edit", "get", u("exports:edit", H), None, (200, 403, 404, 403, 302)),
    ("exports:edit", "post", u("exports:edit", H), edit_body, (302, 403, 404, 403, 302)),
    ("exports:issue", "post", u("exports:issue", P), lambda r: {"number": "90"}, (302, 404, 404, 403, 302)),
    ("exports:issue", "post", u("exports:issue", H), lambda r: {"number": "91"}, (302, 403, 404, 403, 302)),
    ("exports:download", "get", u("exports:download", P, "docx"), None, READ_PROVINCE),
    ("exports:download", "get", u("exports:download", H, "xlsx"), None, READ_HEALTH),
    ("exports:download", "get", u("exports:download", D, "docx"), None, READ_DISTRICT),
    ("exports:download", "get", u("exports:download", D, "pdf"), None, (302, 404, 302, 302, 302)),
    ("exports:download", "get", u("exports:download", D, "doc"), None, (404, 404, 404, 404, 302)),
    ("exports:pdf_start", "post", u("exports:pdf_start", H), lambda r: {}, (302, 302, 404, 302, 302)),
    ("exports:pdf_progress", "get", u("exports:pdf_progress", H), None, READ_HEALTH),
]


def _cases() -> list[Any]:
    return [
        pytest.param(url, method, body, member, codes[i], id=f"{name}-{method}-{n}-{member}")
        for n, (name, method, url, body, codes) in enumerate(VIEWS)
        for i, member in enumerate(CAST_MEMBERS)
    ]


@pytest.mark.parametrize(("url", "method", "body", "member", "expected"), _cases())
def test_each_report_page_answers_each_cast_member_as_the_permissions_say(
    reports, client_for, django_capture_on_commit_callbacks, url, method, body, member, expected
):
    client = client_for(member)
    with django_capture_on_commit_callbacks(execute=True):
        if method == "get":
            response = client.get(url(reports))
        else:
            response = client.post(url(reports), body(reports) if body else {})
    assert response.status_code == expected


def test_anonymous_callers_are_sent_to_the_login_page(reports, client_for):
    response = client_for("anonymous").get(reverse("exports:detail", args=[reports.province.pk]))
    assert response["Location"].startswith(reverse("accounts:login"))


def test_the_table_covers_every_report_page():
    names = {
        f"exports:{p.name}" for p in get_resolver().url_patterns
        for p in getattr(p, "url_patterns", []) if isinstance(p, URLPattern) and p.name
        and getattr(p, "lookup_str", "").startswith("theodoi.exports.")
    }
    assert names and names <= {row[0] for row in VIEWS}
