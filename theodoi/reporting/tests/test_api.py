"""The reporting API: the same services and permission checks as the pages, over bearer tokens."""

from __future__ import annotations

import pytest

from theodoi.accounts.testing import bearer_key

pytestmark = [pytest.mark.django_db, pytest.mark.urls("theodoi.reporting.tests.api_urls")]


@pytest.fixture
def api(client, world):
    keys: dict[int, str] = {}

    def call(who, method, path, **kw):
        user = getattr(world.cast, who)
        if user.pk not in keys:
            keys[user.pk] = bearer_key(user)
        key = keys[user.pk]
        kw.setdefault("content_type", "application/json")
        return getattr(client, method)(f"/api/reporting{path}", HTTP_AUTHORIZATION=f"Bearer {key}", **kw)

    return call


def _open(api, world):
    r = api("health_reporter", "post", "/forms",
            data={"regime": world.regime.pk, "unit": world.cast.health.pk, "period": world.period.key})
    assert r.status_code == 200, r.content
    return r.json()


def test_the_whole_workflow_over_the_api(api, world):
    form = _open(api, world)
    fid = form["id"]
    saved = api("health_reporter", "put", f"/forms/{fid}/values", data={
        "expected_version": form["version"],
        "values": [{"target": world.beds.pk, "value": "3.500,5"}, {"target": world.insured.pk, "value": "93,5"}],
        "tasks": [{"task": world.task.pk, "state": "in_progress", "note": "Đã tập huấn 120 y bác sĩ"}],
    })
    assert saved.status_code == 200 and saved.json()["changed"] == 3
    stale = api("health_reporter", "put", f"/forms/{fid}/values",
                data={"expected_version": form["version"], "values": [{"target": world.beds.pk, "value": "1"}]})
    assert stale.status_code == 409 and "phiên bản" in stale.json()["detail"]
    assert api("health_reporter", "post", f"/forms/{fid}/submit").json()["status"] == "submitted"
    assert api("health_reporter", "post", f"/forms/{fid}/approve").status_code == 403
    assert api("health_head", "post", f"/forms/{fid}/approve").json()["status"] == "approved"
    assert api("planner", "post", f"/forms/{fid}/accept").json()["status"] == "accepted"
    detail = api("leader", "get", f"/forms/{fid}").json()
    beds = next(v for v in detail["values"] if v["target_id"] == world.beds.pk)
    assert beds["value"] == "3500.5"
    history = api("planner", "get", f"/values/{beds['id']}/history").json()
    assert [v["action"] for v in history["versions"]] == ["save", "submit", "approve", "accept"]
    assert history["versions"][2]["user"] == "Lê Văn Giám"


def test_forbidden_and_unknown_callers(api, world, client):
    fid = _open(api, world)["id"]
    assert api("district_reporter", "get", f"/forms/{fid}").status_code == 403
    assert api("district_reporter", "put", f"/forms/{fid}/values",
               data={"expected_version": 1, "values": []}).status_code == 403
    assert api("leader", "post", f"/forms/{fid}/lock").status_code == 403
    assert api("health_head", "post", f"/forms/{fid}/return", data={"reason": "x"}).status_code == 409  # draft
    assert client.get(f"/api/reporting/forms/{fid}").status_code == 401
    assert api("health_reporter", "get", "/forms").json()["items"][0]["id"] == fid
    assert api("district_reporter", "get", "/forms").json() == {"items": [], "count": 0}


def test_planner_reads_and_exports(api, world):
    _open(api, world)
    assert api("planner", "get", "/regimes").json()[0]["config"]["unit_deadline"]["day"] == 18
    rows = api("planner", "get", f"/consolidation?regime={world.regime.pk}&period={world.period.key}").json()
    assert {r["missing"] for r in rows} == {True}
    xlsx = api("leader", "get", f"/consolidation.xlsx?regime={world.regime.pk}&period={world.period.key}")
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"
    cells = api("planner", "get", f"/timeliness?regime={world.regime.pk}&periods={world.period.key}").json()
    assert {c["state"] for c in cells} == {"not_due"}
    assert api("planner", "get", "/overdue").status_code == 200
    assert api("health_reporter", "get", f"/consolidation?regime={world.regime.pk}&period=2021-06").status_code == 403


def test_a_planner_grants_a_lock_exception_over_the_api(api, world):
    from datetime import timedelta

    from django.utils import timezone

    fid = _open(api, world)["id"]
    api("planner", "post", f"/forms/{fid}/lock")
    until = (timezone.localdate() + timedelta(days=3)).isoformat()
    r = api("planner", "post", f"/forms/{fid}/lock-exception", data={"until": until, "reason": "Bổ sung"})
    assert r.json()["status"] == "draft" and r.json()["lock_exception_until"] == until


def test_import_over_the_api(api, world, client):
    fid = _open(api, world)["id"]
    token = bearer_key(world.cast.health_reporter)
    csv = ("Mã,Giá trị\n" f"{world.beds.pk},\"30,5\"\n" "zzz,1\n").encode()
    from django.core.files.uploadedfile import SimpleUploadedFile

    r = client.post(f"/api/reporting/forms/{fid}/import",
                    data={"expected_version": 1, "file": SimpleUploadedFile("so-lieu.csv", csv, "text/csv")},
                    HTTP_AUTHORIZATION=f"Bearer {token}")
    assert r.status_code == 200, r.content
    assert [row["ok"] for row in r.json()["rows"]] == [True, False]


def test_a_bearer_token_writes_without_a_csrf_token_but_a_session_needs_one(world):
    from django.test import Client

    c = world.cast
    key = bearer_key(c.health_reporter)
    strict = Client(enforce_csrf_checks=True)
    body = {"regime": world.regime.pk, "unit": c.health.pk, "period": world.period.key}
    r = strict.post("/api/reporting/forms", body, content_type="application/json",
                    HTTP_AUTHORIZATION=f"Bearer {key}")
    assert r.status_code == 200, r.content
    strict.force_login(c.health_reporter)
    assert strict.post("/api/reporting/forms", body, content_type="application/json").status_code == 403
