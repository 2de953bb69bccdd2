"""No one person carries a form from submission to acceptance: the submitter cannot approve it,
the approver cannot accept it (THEODOI_SEPARATION_OF_DUTIES, on by default), in the services, so
the pages, the API and /admin all meet the same refusal."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.test import Client

from theodoi.reporting.models import FormStatus, ReportForm
from theodoi.reporting.services import (
    form_accept,
    form_approve,
    form_lock,
    form_open_or_create,
    form_return,
    form_save_values,
    form_submit,
)

pytestmark = pytest.mark.django_db


def _admin(username: str = "root") -> Any:
    return get_user_model().objects.create_superuser(username, f"{username}@example.vn", "x")


def _filled(world: Any, user: Any) -> ReportForm:
    form = form_open_or_create(user=user, regime=world.regime, unit=world.cast.health, period_key=world.period.key)
    form_save_values(user=user, form=form, expected_version=form.version, values=[
        {"target": world.beds.pk, "value": "30,5"}, {"target": world.insured.pk, "value": "93,2"},
    ])
    return form


def test_the_setting_is_on_by_default(settings: Any) -> None:
    assert settings.THEODOI_SEPARATION_OF_DUTIES is True


def test_one_admin_can_no_longer_submit_approve_accept_and_lock_alone(world: Any) -> None:
    root = _admin()
    form = _filled(world, root)
    form_submit(user=root, form=form)
    with pytest.raises(PermissionDenied, match="không được tự phê duyệt"):
        form_approve(user=root, form=form)
    form.refresh_from_db()
    assert form.status == FormStatus.SUBMITTED and form.approved_by is None
    assert list(form.audit.values_list("action", flat=True)) == ["create", "save", "submit"]

    # A second admin approves; the first may accept (not its approver), the approver may not.
    other = _admin("root2")
    form_approve(user=other, form=form)
    with pytest.raises(PermissionDenied, match="không được tự tiếp nhận"):
        form_accept(user=other, form=form)
    form_accept(user=root, form=form)
    form_lock(user=root, form=form)
    form.refresh_from_db()
    assert (form.status, form.submitted_by, form.approved_by, form.accepted_by) == (
        FormStatus.LOCKED, root, other, root)


def test_a_planner_who_submitted_for_a_unit_cannot_approve_it_as_admin_either(world: Any) -> None:
    c = world.cast
    c.planner.is_superuser = True
    c.planner.save()
    form = _filled(world, c.planner)
    form_submit(user=c.planner, form=form)
    with pytest.raises(PermissionDenied):
        form_approve(user=type(c.planner).objects.get(pk=c.planner.pk), form=form)


def test_the_resubmitter_of_a_returned_form_counts_as_its_submitter(world: Any) -> None:
    c = world.cast
    root = _admin()
    form = _filled(world, c.health_reporter)
    form_submit(user=c.health_reporter, form=form)
    form_return(user=c.health_head, form=form, reason="Thiếu số liệu")
    form_submit(user=root, form=form)
    with pytest.raises(PermissionDenied):
        form_approve(user=root, form=form)
    form_approve(user=c.health_head, form=form)
    assert form.status == FormStatus.APPROVED


def test_with_the_setting_off_one_admin_may_do_every_step(world: Any, settings: Any) -> None:
    settings.THEODOI_SEPARATION_OF_DUTIES = False
    root = _admin()
    form = _filled(world, root)
    for step in (form_submit, form_approve, form_accept, form_lock):
        step(user=root, form=form)
    assert form.status == FormStatus.LOCKED


def test_the_api_answers_the_refusal_as_403_in_vietnamese(world: Any) -> None:
    root = _admin()
    form = _filled(world, root)
    form_submit(user=root, form=form)
    client = Client()
    client.force_login(root)
    response = client.post(f"/api/reporting/forms/{form.pk}/approve")
    assert response.status_code == 403
    assert "không được tự phê duyệt" in response.json()["detail"]


def _admin_action(client: Client, action: str, form: ReportForm) -> Any:
    return client.post("/admin/reporting/reportform/", {
        "action": action, "_selected_action": [str(form.pk)], "index": "0",
    }, follow=True)


def test_admin_actions_go_through_the_services_and_meet_the_same_refusal(world: Any) -> None:
    root, other = _admin(), _admin("root2")
    form = _filled(world, root)
    form_submit(user=root, form=form)
    mine, theirs = Client(), Client()
    mine.force_login(root)
    theirs.force_login(other)
    page = _admin_action(mine, "approve_forms", form).content.decode()
    assert "không được tự phê duyệt" in page
    form.refresh_from_db()
    assert form.status == FormStatus.SUBMITTED
    assert "Đã phê duyệt: 1 báo cáo." in _admin_action(theirs, "approve_forms", form).content.decode()
    form.refresh_from_db()
    assert form.status == FormStatus.APPROVED and form.approved_by == other
    assert form.audit.filter(action="approve", user=other).exists()


def test_admin_cannot_edit_add_or_delete_a_form(world: Any) -> None:
    root = _admin()
    form = _filled(world, root)
    client = Client()
    client.force_login(root)
    change = client.get(f"/admin/reporting/reportform/{form.pk}/change/")
    assert change.status_code == 200 and 'name="status"' not in change.content.decode()
    response = client.post(f"/admin/reporting/reportform/{form.pk}/change/", {"status": FormStatus.ACCEPTED})
    assert response.status_code == 403
    assert client.post(f"/admin/reporting/reportform/{form.pk}/delete/", {"post": "yes"}).status_code == 403
    assert client.get("/admin/reporting/reportform/add/").status_code == 403
    form.refresh_from_db()
    assert form.status == FormStatus.DRAFT
    assert ReportForm.objects.filter(pk=form.pk).exists()
