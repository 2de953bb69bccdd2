from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_a_refusal_explains_itself_in_vietnamese(world, client_for) -> None:
    response = client_for("health_reporter").get(reverse("documents:upload"))
    assert response.status_code == 403
    assert "Chỉ chuyên viên kế hoạch được thực hiện thao tác này." in response.content.decode()


def test_a_hidden_draft_answers_with_a_vietnamese_not_found_page(world, client_for) -> None:
    response = client_for("anonymous").get(reverse("plans:target_detail", args=[world.health_draft.pk]))
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()
