"""The health check answers 200 while the database does and 503, logged, when it does not."""

from __future__ import annotations

from typing import Any
from unittest import mock

import pytest
from django.db import OperationalError

pytestmark = pytest.mark.django_db


def test_health_is_ok_and_never_cached(client: Any) -> None:
    r = client.get("/healthz")
    assert r.status_code == 200
    assert r.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in r["Cache-Control"]


def test_health_is_503_when_the_database_does_not_answer(client: Any, caplog: Any) -> None:
    with mock.patch("theodoi.core.views.connection.cursor", side_effect=OperationalError("down")):
        r = client.get("/healthz")
    assert r.status_code == 503
    assert r.json()["database"] == "unavailable"
    assert "database unavailable" in caplog.text
