"""Edits of people, units and roles in /admin leave the same audit events as any other write: the
unit form, its roles inline, the role list's bulk delete, the user form and its password page."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from theodoi.accounts.models import Membership, Role
from theodoi.core.models import AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(cast: Any) -> Client:
    client = Client()
    client.force_login(get_user_model().objects.create_superuser("root", "root@example.vn", "x"))
    return client


def _unit_form(unit: Any, **changes: Any) -> dict[str, Any]:
    data = {"name": unit.name, "short_name": unit.short_name, "code": unit.code, "kind": unit.kind,
            "parent": unit.parent_id or "", "head_title": unit.head_title, "valid_to": "", "successor": "",
            "memberships-TOTAL_FORMS": "0", "memberships-INITIAL_FORMS": "0", "memberships-MIN_NUM_FORMS": "0",
            "memberships-MAX_NUM_FORMS": "1000"}
    data.update(changes)
    return data


def _events(action: str) -> list[Any]:
    return list(AuditEvent.objects.filter(action=action).order_by("pk"))


def test_a_unit_edited_in_admin_is_audited_with_before_and_after(cast: Any, admin_client: Client) -> None:
    unit = cast.health
    response = admin_client.post(f"/admin/accounts/orgunit/{unit.pk}/change/", _unit_form(unit, short_name="Sở YT"))
    assert response.status_code == 302, response.content.decode()[:2000]
    [event] = _events("unit.update")
    assert event.subject_id == str(unit.pk) and event.before["short_name"] == "" and event.after["short_name"] == "Sở YT"
    assert event.actor.username == "root" and event.note == "admin"


def test_a_role_given_in_the_units_inline_and_removed_from_the_list_is_audited(cast: Any, admin_client: Client) -> None:
    unit = cast.health
    data = _unit_form(unit, **{"memberships-TOTAL_FORMS": "1", "memberships-0-user": cast.leader.pk,
                               "memberships-0-role": Role.APPROVER, "memberships-0-unit": unit.pk})
    assert admin_client.post(f"/admin/accounts/orgunit/{unit.pk}/change/", data).status_code == 302
    role = Membership.objects.get(user=cast.leader, unit=unit, role=Role.APPROVER)
    [given] = _events("membership.create")
    assert given.subject_id == str(role.pk) and given.after == {"user": cast.leader.pk, "unit": unit.pk, "role": "approver"}
    response = admin_client.post("/admin/accounts/membership/", {
        "action": "delete_selected", "_selected_action": [role.pk], "post": "yes"})
    assert response.status_code == 302
    [removed] = _events("membership.delete")
    assert removed.before["role"] == "approver" and removed.after is None
    assert not Membership.objects.filter(pk=role.pk).exists()


def test_a_user_edited_and_given_a_password_in_admin_is_audited_without_the_hash(cast: Any, admin_client: Client) -> None:
    user = cast.district_reporter
    form = admin_client.get(f"/admin/auth/user/{user.pk}/change/")
    assert form.status_code == 200
    data = {"username": user.username, "first_name": user.first_name, "last_name": user.last_name,
            "email": "huyen@example.vn", "is_active": "on", "date_joined_0": "2021-01-01", "date_joined_1": "08:00:00",
            "last_login_0": "", "last_login_1": ""}
    response = admin_client.post(f"/admin/auth/user/{user.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    [edited] = _events("user.update")
    assert edited.before["email"] == user.email and edited.after["email"] == "huyen@example.vn"
    assert edited.after["password_changed"] is False
    response = admin_client.post(f"/admin/auth/user/{user.pk}/password/",
                                 {"password1": "Mat-khau-moi-2026", "password2": "Mat-khau-moi-2026",
                                  "usable_password": "true"})
    assert response.status_code == 302, response.content.decode()[:3000]
    user.refresh_from_db()
    assert user.check_password("Mat-khau-moi-2026")
    changed = _events("user.update")[-1]
    assert changed.after["password_changed"] is True
    assert "pbkdf2" not in str(changed.before) + str(changed.after) and "password" not in changed.after.keys() - {
        "password_changed"}


def test_a_leader_cannot_edit_units_in_admin_and_nothing_is_recorded(cast: Any) -> None:
    from theodoi.accounts.services import admin_save
    from theodoi.core.refusals import Refused

    cast.health.short_name = "X"
    with pytest.raises(Refused):
        admin_save(actor=cast.leader, instance=cast.health, created=False)
    assert not AuditEvent.objects.filter(action__startswith="unit.").exists()
    with pytest.raises(TypeError):
        admin_save(actor=cast.leader, instance=AuditEvent(), created=True)


def test_a_user_added_in_admin_is_audited(cast: Any, admin_client: Client) -> None:
    response = admin_client.post("/admin/auth/user/add/", {"username": "moi", "password1": "Mat-khau-moi-2026",
                                                          "password2": "Mat-khau-moi-2026", "usable_password": "true"})
    assert response.status_code == 302, response.content.decode()[:3000]
    [made] = _events("user.create")
    assert made.before is None and made.after["username"] == "moi" and made.after["password_changed"] is True
