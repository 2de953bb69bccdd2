"""The plan year of a document: the planner's form on the document page (and `ingest --plan-year`)
go through document_set_plan_year, which records the change; a published document keeps its year."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from theodoi.core.audit import trail
from theodoi.core.refusals import Conflict
from theodoi.documents.services import document_set_plan_year

pytestmark = pytest.mark.django_db


def test_the_planner_sets_the_plan_year_from_the_document_page(world: Any, client_for: Any) -> None:
    document = world.review_doc
    page = client_for("planner").get(reverse("documents:detail", args=[document.pk])).content.decode()
    assert reverse("documents:plan_year", args=[document.pk]) in page
    client_for("planner").post(reverse("documents:plan_year", args=[document.pk]), {"plan_year": "2026"})
    document.refresh_from_db()
    assert document.plan_year == 2026
    [event] = trail(document)
    assert (event.action, event.before, event.after) == ("document.set_plan_year", {"plan_year": None},
                                                         {"plan_year": 2026})


def test_a_bad_year_or_a_published_document_is_refused(world: Any, client_for: Any, cast: Any) -> None:
    response = client_for("planner").post(reverse("documents:plan_year", args=[world.review_doc.pk]),
                                          {"plan_year": "20266"}, follow=True)
    assert "2100" in response.content.decode()
    with pytest.raises(Conflict):
        document_set_plan_year(user=cast.planner, document=world.published_doc, plan_year=2027)
    assert client_for("leader").post(reverse("documents:plan_year", args=[world.review_doc.pk]),
                                     {"plan_year": "2026"}).status_code == 403
    assert not trail(world.review_doc).exists()
