from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_home_counts_targets_by_field_for_the_public(world, client_for) -> None:
    response = client_for("anonymous").get(reverse("core:home"))
    fields = {f["field"]: f["count"] for f in response.context["fields"]}
    assert fields == {"economy": 1, "society": 0, "defence": 0, "party": 0}
    assert "Nghị quyết kế hoạch 2026" in response.content.decode()
    assert "Chương trình hành động 2026" not in response.content.decode()


def test_home_counts_drafts_for_a_planner_and_offers_the_upload(world, client_for) -> None:
    response = client_for("planner").get(reverse("core:home"))
    assert response.context["target_total"] == 3
    assert reverse("documents:upload") in response.content.decode()
