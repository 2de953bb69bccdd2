from __future__ import annotations

import pytest
from django.urls import reverse

from theodoi.documents.highlight import Span, highlight

pytestmark = pytest.mark.django_db


def test_marks_wrap_exactly_the_spans_and_text_is_escaped() -> None:
    text = "Mở đầu <script>x</script> Tỷ lệ hộ nghèo giảm 3%. Hết."
    start = text.index("Tỷ lệ")
    html = str(highlight(text, [Span(start, text.index(" Hết"), "target", 7)]))
    assert "&lt;script&gt;" in html and "<script>" not in html
    assert f'<span class="anchor" id="o-{start}"></span><mark class="hl t-target" data-item="7"' in html
    assert ">Tỷ lệ hộ nghèo giảm 3%.</mark>" in html


def test_overlapping_spans_nest_without_broken_markup() -> None:
    text = "abcdefghij"
    html = str(highlight(text, [Span(0, 10, "assignment", 1), Span(3, 6, "target", 2)]))
    assert html.count("<mark") == html.count("</mark>") == 3
    assert '<mark class="hl t-target" data-item="2">def</mark>' in html


def test_spans_outside_the_text_are_ignored() -> None:
    assert str(highlight("abc", [Span(5, 9), Span(2, 1)])) == "abc"


def test_the_viewer_marks_the_sentence_a_link_points_to(world, client_for) -> None:
    source = world.target.sources.get()
    url = reverse("documents:viewer", args=[world.published_doc.pk]) + f"?hl={source.start}-{source.end}"
    page = client_for("anonymous").get(url).content.decode()
    assert f'id="o-{source.start}"' in page
    assert 'class="hl t-active active"' in page


def test_a_broken_offset_parameter_is_ignored(world, client_for) -> None:
    url = reverse("documents:viewer", args=[world.published_doc.pk]) + "?hl=abc-"
    assert client_for("anonymous").get(url).status_code == 200
