"""Every admin of every app either writes through the audited service or writes nothing.

A model registered later with a plain ``admin.ModelAdmin`` fails the first test: /admin would
then save or delete its rows with no permission check of ours and no audit event."""

from __future__ import annotations

from typing import Any

import pytest
from axes.models import AccessAttempt
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import Client, RequestFactory

from theodoi.accounts.admin import AuditedAdmin
from theodoi.accounts.services import admin_audited
from theodoi.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def _written(model_admin: Any, request: Any) -> list[Any]:
    """The models whose rows the admin lets a superuser add, change or delete, itself or inline."""
    out = []
    if (model_admin.has_add_permission(request) or model_admin.has_change_permission(request)
            or model_admin.has_delete_permission(request)):
        out.append(model_admin.model)
    for inline in model_admin.get_inline_instances(request):
        if inline.has_add_permission(request, None) or inline.has_change_permission(request) or (
                inline.can_delete and inline.has_delete_permission(request)):
            out.append(inline.model)
    return out


@pytest.fixture
def root() -> Any:
    return get_user_model().objects.create_superuser("root", "root@example.vn", "x")


def test_every_registered_admin_is_audited_or_read_only(root: Any) -> None:
    request = RequestFactory().get("/admin/")
    request.user = root
    plain, unknown = {}, {}
    for model, model_admin in admin.site._registry.items():
        written = _written(model_admin, request)
        if written and not isinstance(model_admin, AuditedAdmin):
            plain[model._meta.label] = [m._meta.label for m in written]
        # The service must know each written model (else admin_save raises TypeError on saving).
        if missing := [m._meta.label for m in written if not admin_audited(m)]:
            unknown[model._meta.label] = missing
    assert not plain, f"admins that write without the audited service: {plain}"
    assert not unknown, f"admins whose models admin_save does not know: {unknown}"


def test_the_check_catches_a_plain_model_admin(root: Any) -> None:
    """The first test can fail: registering a plain ModelAdmin is seen."""
    site = admin.AdminSite(name="probe")
    site.register(Group, admin.ModelAdmin)
    request = RequestFactory().get("/admin/")
    request.user = root
    (model_admin,) = site._registry.values()
    assert _written(model_admin, request) and not isinstance(model_admin, AuditedAdmin)


@pytest.fixture
def root_client(root: Any) -> Client:
    client = Client()
    client.force_login(root)
    return client


def test_a_groups_permissions_changed_in_admin_are_one_audit_event(root_client: Client) -> None:
    perm = Permission.objects.get(codename="view_plan")
    response = root_client.post("/admin/auth/group/add/", {"name": "Xem kế hoạch", "permissions": [perm.pk]})
    assert response.status_code == 302, response.content.decode()[:2000]
    (event,) = AuditEvent.objects.filter(action__startswith="group.")
    assert event.action == "group.create" and (event.after or {}) == {"name": "Xem kế hoạch", "permissions": [perm.pk]}


def test_a_plan_renamed_in_admin_is_audited_and_its_status_is_not_editable(cast: Any, root_client: Client) -> None:
    from theodoi.plans.models import Plan

    plan = Plan.objects.create(name="Kế hoạch 2026", year_start=2026, year_end=2026, unit=cast.province)
    response = root_client.post(f"/admin/plans/plan/{plan.pk}/change/", {
        "name": "Kế hoạch năm 2026", "kind": plan.kind, "year_start": 2026, "year_end": 2026,
        "parent": "", "unit": cast.province.pk, "status": "published"})
    assert response.status_code == 302, response.content.decode()[:2000]
    (event,) = AuditEvent.objects.filter(action="plan.update")
    assert ((event.before or {})["name"], (event.after or {})["name"]) == ("Kế hoạch 2026", "Kế hoạch năm 2026")
    plan.refresh_from_db()
    assert plan.status == "draft"  # publishing is documents.publish's


def test_a_rule_switched_off_from_the_list_is_audited(root_client: Client) -> None:
    from theodoi.investment.models import DisbursementRuleSetting

    rule = DisbursementRuleSetting.objects.create(name="r1", applies_to="ongoing", by_month=6, by_day=30)
    response = root_client.post("/admin/investment/disbursementrulesetting/", {
        "form-TOTAL_FORMS": "1", "form-INITIAL_FORMS": "1", "form-MIN_NUM_FORMS": "0", "form-MAX_NUM_FORMS": "1000",
        "form-0-id": rule.pk, "_save": "Lưu"})
    assert response.status_code == 302, response.content.decode()[:2000]
    (event,) = AuditEvent.objects.filter(action="disbursementrulesetting.update")
    assert (event.before or {})["active"] is True and (event.after or {})["active"] is False


def test_lifting_a_lockout_in_admin_is_audited(root_client: Client) -> None:
    attempt = AccessAttempt.objects.create(username="khoa", ip_address="10.0.0.9", user_agent="x",
                                           get_data="", post_data="", http_accept="", path_info="/dang-nhap/",
                                           failures_since_start=5)
    response = root_client.post(f"/admin/axes/accessattempt/{attempt.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    (event,) = AuditEvent.objects.filter(action="accessattempt.delete")
    assert (event.before or {})["username"] == "khoa" and event.after is None
    assert not AccessAttempt.objects.exists()
