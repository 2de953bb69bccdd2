"""A plan document's uploaded file goes out only through its page's permission check.

For each member of the cast the file answers with the same status as the document's page; only
a 200 carries the bytes. With DEBUG off the view still serves it, and /media/ serves nothing.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from theodoi.documents.testing import CAST_MEMBERS, World


def _body(response: Any) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.mark.parametrize("member", CAST_MEMBERS)
@pytest.mark.parametrize("which", ["published_doc", "review_doc"])
def test_the_file_answers_as_the_document_page_does(world: World, client_for: Any, member: str, which: str) -> None:
    document = getattr(world, which)
    client = client_for(member)
    page = client.get(reverse("documents:detail", args=[document.pk]))
    response = client.get(reverse("documents:file", args=[document.pk]))
    assert response.status_code == page.status_code
    stored = document.text.encode()
    if response.status_code == 200:
        assert _body(response) == stored
        assert response["Content-Disposition"] == f'attachment; filename="{document.original_name}"'
        assert "private" in response["Cache-Control"]
    else:
        assert stored not in _body(response)


def test_the_page_links_the_file_through_the_view(world: World, client_for: Any) -> None:
    page = client_for("planner").get(reverse("documents:detail", args=[world.review_doc.pk]))
    assert reverse("documents:file", args=[world.review_doc.pk]).encode() in page.content
    assert b"/media/" not in page.content


def test_with_debug_off_the_view_serves_it_and_media_serves_nothing(
    world: World, client_for: Any, settings: Any
) -> None:
    settings.DEBUG = False
    client = client_for("planner")
    response = client.get(reverse("documents:file", args=[world.review_doc.pk]))
    assert response.status_code == 200
    assert _body(response) == world.review_doc.text.encode()
    direct = client.get(f"/media/{world.review_doc.file.name}")
    assert direct.status_code == 404
    assert world.review_doc.text.encode() not in direct.content


def test_a_missing_stored_file_is_a_404_not_a_500(world: World, client_for: Any) -> None:
    world.published_doc.file.storage.delete(world.published_doc.file.name)
    response = client_for("planner").get(reverse("documents:file", args=[world.published_doc.pk]))
    assert response.status_code == 404
