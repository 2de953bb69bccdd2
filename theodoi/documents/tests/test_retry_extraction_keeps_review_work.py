from __future__ import annotations

import pytest
from django.urls import reverse

from theodoi.documents.models import Document, DocumentStatus, ItemStatus
from theodoi.documents.testing import RESOLUTION

from .helpers import upload

pytestmark = pytest.mark.django_db


def test_a_failed_extraction_can_be_run_again(client_for, monkeypatch) -> None:
    client = client_for("planner")
    monkeypatch.setattr("theodoi.documents.extraction._extract", lambda text: 1 / 0)
    upload(client, RESOLUTION)
    document = Document.objects.get()
    assert document.status == DocumentStatus.FAILED
    from theodoi.documents.testing import fake_extract

    monkeypatch.setattr("theodoi.documents.extraction._extract", fake_extract)
    client.post(reverse("documents:retry", args=[document.pk]))
    document.refresh_from_db()
    assert document.status == DocumentStatus.REVIEW
    assert document.items.count() == 4


def test_running_again_keeps_items_already_reviewed(client_for, fake_extractor) -> None:
    client = client_for("planner")
    upload(client, RESOLUTION)
    document = Document.objects.get()
    kept = document.items.order_by("pk")[0]
    kept.status = ItemStatus.REJECTED
    kept.save()
    client.post(reverse("documents:retry", args=[document.pk]))
    assert document.items.filter(pk=kept.pk, status=ItemStatus.REJECTED).exists()


def test_a_published_document_is_not_extracted_again(world, client_for) -> None:
    response = client_for("planner").post(reverse("documents:retry", args=[world.published_doc.pk]), follow=True)
    assert "Chỉ trích xuất lại được" in response.content.decode()


def test_running_again_does_not_offer_a_reviewed_item_twice(client_for, fake_extractor) -> None:
    client = client_for("planner")
    upload(client, RESOLUTION)
    document = Document.objects.get()
    document.items.update(status=ItemStatus.CONFIRMED)
    client.post(reverse("documents:retry", args=[document.pk]))
    assert document.items.count() == 4
    assert not document.items.filter(status=ItemStatus.PENDING).exists()
