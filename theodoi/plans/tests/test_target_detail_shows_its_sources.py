from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_source_sentence_is_quoted_and_linked_to_the_viewer(world, client_for) -> None:
    source = world.target.sources.get()
    page = client_for("anonymous").get(reverse("plans:target_detail", args=[world.target.pk])).content.decode()
    assert '<mark class="hl">Tốc độ tăng trưởng kinh tế đạt trên 8,5%.</mark>' in page
    viewer = reverse("documents:viewer", args=[world.published_doc.pk])
    assert f"{viewer}?hl={source.start}-{source.end}#o-{source.start}" in page
