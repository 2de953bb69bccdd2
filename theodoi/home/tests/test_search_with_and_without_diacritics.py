from __future__ import annotations

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _search(client, q: str, marks: bool = False) -> str:  # type: ignore[no-untyped-def]
    html = client.get(reverse("core:search"), {"q": q}).content.decode()
    return html if marks else re.sub(r'</?mark[^>]*>', "", html)


def test_the_matched_words_are_marked_in_the_original_spelling(world, client_for) -> None:
    assert '<mark class="q">tăng</mark> <mark class="q">trưởng</mark>' in _search(
        client_for("anonymous"), "tang truong", marks=True
    )


@pytest.mark.parametrize("query", ["tang truong", "tăng trưởng", "TANG TRUONG"])
def test_a_target_is_found_with_or_without_diacritics(world, client_for, query) -> None:
    assert "Tốc độ tăng trưởng kinh tế" in _search(client_for("anonymous"), query)


def test_tasks_and_documents_are_found_too(world, client_for) -> None:
    page = _search(client_for("anonymous"), "kham chua benh")
    assert "Nâng cao chất lượng khám chữa bệnh" in page
    assert "Nghị quyết kế hoạch 2026" in page


def test_search_does_not_reveal_drafts(world, client_for) -> None:
    assert "bác sĩ gia đình" not in _search(client_for("district_reporter"), "bac si gia dinh")
    assert "bác sĩ gia đình" in _search(client_for("leader"), "bac si gia dinh")
    assert "Chương trình hành động 2026" not in _search(client_for("anonymous"), "chuong trinh")


def test_htmx_gets_only_the_results(world, client_for) -> None:
    response = client_for("anonymous").get(reverse("core:search"), {"q": "tang"}, HTTP_HX_REQUEST="true")
    assert "<html" not in response.content.decode()


def test_an_empty_query_shows_the_form_only(db, client_for) -> None:
    assert "kết quả cho" not in _search(client_for("anonymous"), "  ")
