"""A token may do only what its scopes allow, on top of its owner's roles."""

from __future__ import annotations

from typing import Any

import pytest

from theodoi.accounts.testing import bearer, bearer_key

pytestmark = pytest.mark.django_db
ME = "/api/accounts/me"


def test_a_read_token_reads_but_cannot_write(world: Any) -> None:
    c = world.cast
    client = bearer(bearer_key(c.health_reporter, scopes=["read"]))
    assert client.get(ME).status_code == 200
    body = {"regime": world.regime.pk, "unit": c.health.pk, "period": world.period.key}
    refused = client.post("/api/reporting/forms", body, content_type="application/json")
    assert refused.status_code == 403
    assert "phạm vi" in refused.json()["detail"]


def test_a_report_token_saves_reports_but_cannot_upload_plan_documents(world: Any) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    c = world.cast
    client = bearer(bearer_key(c.planner, scopes=["report"]))
    body = {"regime": world.regime.pk, "unit": c.health.pk, "period": world.period.key}
    assert client.post("/api/reporting/forms", body, content_type="application/json").status_code == 200
    upload = client.post("/api/documents/", {"file": SimpleUploadedFile("nq.txt", b"x")})
    assert upload.status_code == 403 and "phạm vi" in upload.json()["detail"]
