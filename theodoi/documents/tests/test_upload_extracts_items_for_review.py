from __future__ import annotations

import pytest
from django.urls import reverse

from theodoi.documents.models import Document, DocumentStatus, ItemKind
from theodoi.documents.testing import RESOLUTION

from .helpers import needs_reader, upload

pytestmark = [pytest.mark.django_db, needs_reader]


def test_a_planner_uploads_a_resolution_and_lands_on_its_page(client_for, fake_extractor) -> None:
    response = upload(client_for("planner"), RESOLUTION, title="Nghị quyết 21")
    document = Document.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("documents:detail", args=[document.pk])
    assert document.status == DocumentStatus.REVIEW
    assert document.progress == 100
    assert document.number == "21/NQ-HĐND"
    assert document.items.filter(kind=ItemKind.TARGET).count() == 3
    assert document.items.filter(kind=ItemKind.ASSIGNMENT).count() == 1


def test_the_review_screen_shows_the_text_with_each_item_highlighted(client_for, fake_extractor) -> None:
    client = client_for("planner")
    upload(client, RESOLUTION)
    document = Document.objects.get()
    page = client.get(reverse("documents:review", args=[document.pk])).content.decode()
    for item in document.items.all():
        assert f'data-item="{item.pk}"' in page
        assert f'id="item-{item.pk}"' in page
    assert "Tốc độ tăng trưởng kinh tế" in page


def test_the_document_page_shows_the_finished_progress(client_for, fake_extractor) -> None:
    client = client_for("planner")
    response = upload(client, RESOLUTION, follow=True)
    page = response.content.decode()
    assert "100%" in page
    assert "Đã tải lên" in page
    assert "hx-trigger=\"every 1s\"" not in page


def test_a_document_uploaded_without_a_title_is_named_by_its_kind_and_number(client_for, fake_extractor) -> None:
    upload(client_for("planner"), RESOLUTION)
    assert Document.objects.get().title == "Nghị quyết 21/NQ-HĐND"
