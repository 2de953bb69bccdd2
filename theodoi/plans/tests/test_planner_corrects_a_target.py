"""A planner corrects a target (value, unit, period, agency) with a reason, on the page or in the
admin; both go through target_correct and leave one audit event with before → after."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from theodoi.core.audit import trail
from theodoi.core.refusals import Invalid, NotAllowed
from theodoi.plans.services import target_correct

pytestmark = pytest.mark.django_db


def test_the_form_corrects_the_target_and_keeps_the_reason(world: Any, client_for: Any) -> None:
    target = world.target
    url = reverse("plans:target_correct", args=[target.pk])
    assert url in client_for("planner").get(reverse("plans:target_detail", args=[target.pk])).content.decode()
    response = client_for("planner").post(url, {
        "value": "9,2", "value_max": "", "unit": "%", "period": "2026", "responsible_unit": world.target.responsible_unit_id,
        "reason": "Nghị quyết điều chỉnh ngày 10/7.",
    })
    assert response.status_code == 302
    target.refresh_from_db()
    assert target.value == pytest.approx(9.2)
    [event] = trail(target)
    assert event.action == "target.correct"
    assert (event.before or {})["value"] == 8.5 and (event.after or {})["value"] == pytest.approx(9.2)
    assert event.note == "Nghị quyết điều chỉnh ngày 10/7." and event.actor_name == "Nguyễn Văn Kế"


def test_bad_input_is_refused_with_a_clear_message_and_nothing_changes(world: Any, client_for: Any) -> None:
    url = reverse("plans:target_correct", args=[world.target.pk])
    page = client_for("planner").post(url, {"value": "chín", "unit": "%", "period": "2026", "reason": "x"})
    assert "không phải là một số" in page.content.decode()
    page = client_for("planner").post(url, {"value": "9", "unit": "%", "period": "2026 - 2020", "reason": "x"})
    assert "Năm đầu của giai đoạn phải trước năm cuối." in page.content.decode()
    world.target.refresh_from_db()
    assert world.target.value == 8.5 and not trail(world.target).exists()
    with pytest.raises(Invalid):
        target_correct(user=_planner(), target=world.target, value=9, period="2026",
                       reason="  ")


def _planner() -> Any:
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username="planner")


def test_only_planners_correct_targets(world: Any, client_for: Any, cast: Any) -> None:
    assert client_for("leader").get(reverse("plans:target_correct", args=[world.target.pk])).status_code == 403
    assert reverse("plans:target_correct", args=[world.target.pk]) not in client_for("leader").get(
        reverse("plans:target_detail", args=[world.target.pk])).content.decode()
    with pytest.raises(NotAllowed):
        target_correct(user=cast.leader, target=world.target, value=9, period="2026", reason="thử")


def test_the_admin_change_goes_through_target_correct(world: Any, cast: Any) -> None:
    from django.contrib.auth import get_user_model
    from django.test import Client

    admin = get_user_model().objects.create_superuser("root", "root@example.vn", "x")
    from theodoi.accounts.models import Membership, Role

    Membership.objects.create(user=admin, unit=cast.planning, role=Role.PLANNER)
    client = Client()
    client.force_login(admin)
    url = reverse("admin:plans_target_change", args=[world.target.pk])
    form = client.get(url).content.decode()
    assert 'name="reason"' in form and 'name="comparator"' not in form  # the rest is read-only
    source = world.target.sources.get()
    inline = {"sources-TOTAL_FORMS": "1", "sources-INITIAL_FORMS": "1", "sources-0-id": source.pk,
              "sources-0-target": world.target.pk}
    refused = client.post(url, {"value": "9", "unit": "%", "period": "2026", "reason": "", **inline})
    assert refused.status_code == 200 and not trail(world.target).exists()
    client.post(url, {"value": "9", "unit": "%", "period": "2026", "reason": "Sai số khi nhập.",
                      "responsible_unit": world.target.responsible_unit_id, **inline})
    world.target.refresh_from_db()
    assert world.target.value == 9
    assert [e.note for e in trail(world.target)] == ["Sai số khi nhập."]
