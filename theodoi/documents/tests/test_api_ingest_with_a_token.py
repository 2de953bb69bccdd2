"""The API does what the review screen does, with a personal token instead of a session."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from theodoi.accounts.testing import bearer_key
from theodoi.documents.models import Document
from theodoi.documents.testing import RESOLUTION
from theodoi.plans.models import Target

pytestmark = pytest.mark.django_db


def test_a_planner_ingests_reviews_and_publishes_through_the_api(cast, fake_extractor) -> None:
    client = Client(HTTP_AUTHORIZATION=f"Bearer {bearer_key(cast.planner)}")
    created = client.post("/api/documents/", {"file": SimpleUploadedFile("nq.txt", RESOLUTION.encode())})
    assert created.status_code == 201, created.content
    document_id = created.json()["document"]["id"]
    again = client.post("/api/documents/", {"file": SimpleUploadedFile("nq.txt", RESOLUTION.encode())})
    assert again.status_code == 200 and again.json()["created"] is False
    items = client.get(f"/api/documents/{document_id}/items").json()["items"]
    target = next(i for i in items if i["kind"] == "target")
    edited = client.patch(f"/api/documents/items/{target['id']}", {"changes": {"value": "8,7"}, "version": 1},
                          content_type="application/json")
    assert edited.json()["data"]["value"] == 8.7
    stale = client.post(f"/api/documents/items/{target['id']}/status", {"status": "rejected", "version": 1},
                        content_type="application/json")
    assert stale.status_code == 400 and "người khác sửa" in stale.json()["detail"]
    assert client.post(f"/api/documents/{document_id}/confirm-all").json()["confirmed"] == len(items) - 1
    published = client.post(f"/api/documents/{document_id}/publish", {}, content_type="application/json")
    assert published.status_code == 200, published.content
    assert Document.objects.get(pk=document_id).status == "published"
    assert Target.objects.filter(sources__document_id=document_id).count() == 3


def test_a_reporters_token_cannot_upload(cast) -> None:
    client = Client(HTTP_AUTHORIZATION=f"Bearer {bearer_key(cast.health_reporter)}")
    response = client.post("/api/documents/", {"file": SimpleUploadedFile("nq.txt", b"x")})
    assert response.status_code == 403
    assert "Chỉ chuyên viên kế hoạch" in response.json()["detail"]


def test_an_unknown_token_is_refused(db) -> None:
    assert Client(HTTP_AUTHORIZATION="Bearer nope").get("/api/accounts/me").status_code == 401


def test_published_data_is_public_but_drafts_are_not(world) -> None:
    client = Client()
    ids = {d["id"] for d in client.get("/api/documents/").json()["items"]}
    assert ids == {world.published_doc.pk}
    targets = client.get("/api/plans/targets").json()["items"]
    assert [t["id"] for t in targets] == [world.target.pk]
    assert targets[0]["value_label"] == "trên 8,5%"
