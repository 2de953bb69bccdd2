"""/admin links a document's file through the protected download view, never a /media/ URL."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_admin_links_the_protected_view(world: Any) -> None:
    document = world.published_doc
    admin_user = get_user_model().objects.create_superuser("quantri", "qt@example.vn", "x")
    client = Client()
    client.force_login(admin_user)
    page = client.get(reverse("admin:documents_document_change", args=[document.pk])).content.decode()
    link = reverse("documents:file", args=[document.pk])
    assert f'href="{link}"' in page and "/media/" not in page
    assert client.get(link).status_code == 200
