"""Opening a form: a GET never creates one (links, prefetches and crawlers must not write)."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from theodoi.reporting.models import AuditEntry, ReportForm

pytestmark = pytest.mark.django_db


def _params(world: Any) -> dict[str, Any]:
    return {"regime": world.regime.pk, "unit": world.cast.health.pk, "period": world.period.key}


def test_a_get_offers_to_create_and_writes_nothing(world: Any, client_for: Any) -> None:
    client = client_for("health_reporter")
    response = client.get(reverse("reporting:open"), _params(world))
    assert response.status_code == 200
    page = response.content.decode()
    assert 'method="post"' in page and 'id="btn-open"' in page and world.period.label in page
    assert not ReportForm.objects.exists() and not AuditEntry.objects.exists()


def test_the_post_creates_and_a_later_get_goes_to_the_existing_form(world: Any, client_for: Any) -> None:
    client = client_for("health_reporter")
    created = client.post(reverse("reporting:open"), _params(world))
    form = ReportForm.objects.get()
    assert created.status_code == 302 and created["Location"] == reverse("reporting:form", args=[form.pk])
    again = client.get(reverse("reporting:open"), _params(world))
    assert again.status_code == 302 and again["Location"] == reverse("reporting:form", args=[form.pk])
    assert ReportForm.objects.count() == 1


def test_the_index_form_posts(world: Any, client_for: Any) -> None:
    page = client_for("health_reporter").get(reverse("reporting:index")).content.decode()
    assert f'<form method="post" action="{reverse("reporting:open")}"' in page


@pytest.mark.parametrize("params", [{"regime": "x", "unit": "1", "period": "2021-05"}, {"period": "2021-05"}])
def test_garbled_choices_go_back_with_a_message(world: Any, client_for: Any, params: dict[str, str]) -> None:
    response = client_for("health_reporter").get(reverse("reporting:open"), params, follow=True)
    assert response.status_code == 200
    assert "Không tìm thấy chế độ báo cáo hoặc đơn vị" in response.content.decode()


def test_a_garbled_period_goes_back_with_a_message(world: Any, client_for: Any) -> None:
    params = {**_params(world), "period": "abc"}
    response = client_for("health_reporter").get(reverse("reporting:open"), params, follow=True)
    assert response.status_code == 200 and not ReportForm.objects.exists()
