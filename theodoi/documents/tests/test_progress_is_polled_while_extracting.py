from __future__ import annotations

import pytest
from django.urls import reverse

from theodoi.documents.models import Document, DocumentStatus
from theodoi.documents.testing import RESOLUTION

from .helpers import upload

pytestmark = pytest.mark.django_db


def test_a_running_extraction_is_polled_by_htmx(world, client_for) -> None:
    Document.objects.filter(pk=world.review_doc.pk).update(status=DocumentStatus.EXTRACTING, progress=60)
    page = client_for("planner").get(reverse("documents:detail", args=[world.review_doc.pk])).content.decode()
    assert 'hx-trigger="every 1s"' in page
    assert "60%" in page


def test_the_poll_reloads_the_page_once_extraction_is_done(world, client_for) -> None:
    response = client_for("planner").get(reverse("documents:progress", args=[world.review_doc.pk]),
                                         HTTP_HX_REQUEST="true")
    assert response["HX-Refresh"] == "true"


def test_a_failed_extraction_shows_its_message(client_for, monkeypatch) -> None:
    def broken(text: str) -> dict:
        raise RuntimeError("extractor crashed")

    monkeypatch.setattr("theodoi.documents.extraction._extract", broken)
    response = upload(client_for("planner"), RESOLUTION, follow=True)
    document = Document.objects.get()
    assert document.status == DocumentStatus.FAILED
    assert "Lỗi khi trích xuất" in response.content.decode()
