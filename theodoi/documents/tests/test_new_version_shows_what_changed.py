from __future__ import annotations

import pytest
from django.urls import reverse

from theodoi.documents.models import Document
from theodoi.documents.testing import RESOLUTION

from .helpers import upload

pytestmark = pytest.mark.django_db


def test_a_new_version_links_to_the_previous_and_lists_the_changes(client_for, fake_extractor) -> None:
    client = client_for("planner")
    upload(client, RESOLUTION, name="nq-v1.txt")
    revised = RESOLUTION.replace("8,5%", "9%").replace("3. Diện tích trồng rừng mới đạt 1200 ha.\n", "")
    revised += "\n4. Tỷ lệ dân số tham gia bảo hiểm y tế đạt 95%.\n"
    upload(client, revised, name="nq-v2.txt")
    old, new = Document.objects.get(original_name="nq-v1.txt"), Document.objects.get(original_name="nq-v2.txt")
    assert new.previous_version == old
    page = client.get(reverse("documents:changes", args=[new.pk])).content.decode()
    assert "Tốc độ tăng trưởng kinh tế" in page and "trên 8,5%" in page and "trên 9%" in page
    assert "Diện tích trồng rừng mới" in page  # removed
    assert "bảo hiểm y tế" in page  # added


def test_a_document_without_a_previous_version_says_so(world, client_for) -> None:
    page = client_for("planner").get(reverse("documents:changes", args=[world.published_doc.pk])).content.decode()
    assert "không có phiên bản trước" in page
