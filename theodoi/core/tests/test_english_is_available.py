from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_vietnamese_is_the_default(world, client_for) -> None:
    page = client_for("anonymous").get(reverse("core:home")).content.decode()
    assert "Chỉ tiêu theo lĩnh vực" in page


def test_switching_to_english_translates_the_pages(world, client_for) -> None:
    client = client_for("anonymous")
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = client.get(reverse("core:home")).content.decode()
    assert "Targets by field" in page
    assert "Search targets, tasks, documents" in page
