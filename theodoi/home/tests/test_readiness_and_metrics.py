"""/readyz says whether the whole chain works; /metrics and the request log are for operators."""

from __future__ import annotations

import json
import logging
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def _redis_up() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
        return True
    except OSError:
        return False


@pytest.fixture
def celery_on(settings: Any, monkeypatch: Any) -> Any:
    """Jobs go to Celery at the given broker URL (the project's app, its conf patched)."""
    from theodoi.celery import app

    def use(url: str) -> None:
        settings.BACKGROUND_JOBS = "celery"
        settings.CELERY_BROKER_URL = url
        monkeypatch.setattr(app.conf, "broker_url", url)
        app.pool.force_close_all()

    yield use
    app.pool.force_close_all()


def test_ready_on_the_embedded_default() -> None:
    response = Client().get("/readyz")
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["database"] == "ok" and body["storage"] == "ok" and body["broker"].startswith("not used")
    assert body["version"] == "0.1.0"


def test_not_ready_when_the_broker_is_down(celery_on: Any) -> None:
    celery_on("redis://127.0.0.1:1/0")
    response = Client().get("/readyz")
    assert response.status_code == 503
    assert response.json()["broker"] == "unavailable" and response.json()["workers"] == "broker unavailable"


@pytest.mark.skipif(not _redis_up(), reason="Redis is not running on 127.0.0.1:6379")
def test_not_ready_when_the_broker_answers_but_no_worker_does(celery_on: Any) -> None:
    celery_on("redis://127.0.0.1:6379/7")
    response = Client().get("/readyz")
    assert response.status_code == 503
    assert response.json()["broker"] == "ok" and response.json()["workers"] == "no worker answered"


def test_not_ready_when_storage_is_not_writable(settings: Any, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    settings.MEDIA_ROOT = blocker / "media"  # a folder under a file can never be made
    response = Client().get("/readyz")
    assert response.status_code == 503 and response.json()["storage"] == "not writable"


def test_metrics_for_the_monitoring_server_only(settings: Any) -> None:
    Client().get("/healthz")
    text = Client().get("/metrics").content.decode()
    assert 'theodoi_request_duration_seconds_count{method="GET",route="core:health"}' in text
    assert 'theodoi_documents{state="review"}' in text
    assert "# TYPE theodoi_jobs gauge" in text
    assert Client(REMOTE_ADDR="10.0.0.9").get("/metrics").status_code == 403
    settings.THEODOI_METRICS_TOKEN = "bí-mật-giám-sát"
    assert Client().get("/metrics").status_code == 403
    assert Client(HTTP_AUTHORIZATION="Bearer bí-mật-giám-sát").get("/metrics").status_code == 200


def test_each_request_has_an_id_and_one_log_line_with_user_and_duration(client_for: Any, caplog: Any) -> None:
    client = client_for("planner")
    with caplog.at_level(logging.INFO, logger="theodoi.request"):
        response = client.get("/", HTTP_X_REQUEST_ID="nginx-abc123")
    assert response["X-Request-ID"] == "nginx-abc123"
    line = next(r for r in caplog.records if r.name == "theodoi.request")
    assert line.status == 200 and line.duration_ms >= 0 and line.route == "core:home"
    assert Client().get("/healthz", HTTP_X_REQUEST_ID="bad id\n").headers["X-Request-ID"] != "bad id\n"


def test_json_log_lines_carry_the_request_id_and_user() -> None:
    from theodoi.core.observability import JsonLogFormatter, RequestContextFilter, request_id

    record = logging.LogRecord("theodoi.x", logging.WARNING, __file__, 1, "Document %s failed", (7,), None)
    token = request_id.set("r-42")
    try:
        RequestContextFilter().filter(record)
    finally:
        request_id.reset(token)
    line = json.loads(JsonLogFormatter().format(record))
    assert line["message"] == "Document 7 failed" and line["level"] == "WARNING"
    assert line["request_id"] == "r-42" and line["user"] == "-" and line["logger"] == "theodoi.x"


def test_the_command_prints_the_project_version() -> None:
    out = subprocess.run([sys.executable, "-m", "theodoi.cli", "--version"], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "theodoi 0.1.0"
