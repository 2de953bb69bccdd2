"""A report's stored PDF goes out only through the report's permission check, page and API alike.

The PDF is made by the job's body and kept in the storage; a reporter of another scope who gets
404 on the report's page gets 404 on its PDF too, anonymous callers never get the bytes, and the
stored file is never reachable under /media/, DEBUG on or off.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from theodoi.exports import services
from theodoi.exports.testing import CAST_MEMBERS

pytestmark = pytest.mark.django_db
FAKE_PDF = b"%PDF-1.4 fake"  # what the reports fixture's converter returns


def _body(response: Any) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.fixture
def health_pdf(reports: Any) -> Any:
    # The job's body: convert (the fixture's stand-in for LibreOffice) and store in the storage.
    services.report_pdf(reports.health)
    report = type(reports.health).objects.get(pk=reports.health.pk)
    assert services.report_pdf_is_fresh(report)
    return report


@pytest.mark.parametrize("member", CAST_MEMBERS)
def test_the_pdf_answers_as_the_report_page_does(health_pdf: Any, client_for: Any, member: str) -> None:
    client = client_for(member)
    page = client.get(reverse("exports:detail", args=[health_pdf.pk]))
    response = client.get(reverse("exports:download", args=[health_pdf.pk, "pdf"]))
    assert response.status_code == page.status_code
    if response.status_code == 200:
        assert _body(response) == FAKE_PDF
        assert response["Content-Type"] == "application/pdf"
        assert response["Content-Disposition"].startswith("attachment;")
    else:
        assert FAKE_PDF not in _body(response)
        assert member in ("district_reporter", "anonymous")


@pytest.mark.parametrize(("member", "expected"), [
    ("planner", 200), ("health_reporter", 200), ("district_reporter", 404), ("leader", 200), ("anonymous", 401),
])
def test_the_api_serves_the_stored_pdf_with_the_same_check(
    health_pdf: Any, client_for: Any, member: str, expected: int
) -> None:
    response = client_for(member).get(f"/api/exports/reports/{health_pdf.pk}/download/pdf")
    assert response.status_code == expected
    assert (_body(response) == FAKE_PDF) is (expected == 200)


@pytest.mark.parametrize("debug", [True, False])
def test_the_stored_pdf_is_not_under_media(health_pdf: Any, client_for: Any, settings: Any, debug: bool) -> None:
    settings.DEBUG = debug
    response = client_for("planner").get(f"/media/{health_pdf.pdf.name}")
    assert response.status_code == 404
    assert FAKE_PDF not in response.content
    served = client_for("planner").get(reverse("exports:download", args=[health_pdf.pk, "pdf"]))
    assert served.status_code == 200 and _body(served) == FAKE_PDF
