"""Admin for reporting regimes (JSON config), duties and forms; day-to-day work goes through the pages."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest

from theodoi.accounts.admin import AuditedAdmin, ReadOnlyAdmin
from theodoi.reporting import services
from theodoi.reporting.deadlines import regime_from_dict
from theodoi.reporting.models import AuditEntry, Reminder, ReportForm, ReportingDuty, ReportingRegime
from theodoi.reporting.services import ReportingError


class RegimeForm(forms.ModelForm):
    class Meta:
        model = ReportingRegime
        fields = ["name", "config", "plans"]

    def clean_config(self) -> Any:
        config = self.cleaned_data["config"]
        try:
            regime_from_dict(config)
        except ValueError as exc:
            raise forms.ValidationError(f"Cấu hình chế độ báo cáo không hợp lệ: {exc}") from exc
        return config


@admin.register(ReportingRegime)
class RegimeAdmin(AuditedAdmin):
    """The regime's JSON is configuration an administrator writes here (checked by ``RegimeForm``,
    audited ``reportingregime.update`` with the config before and after)."""

    form = RegimeForm
    list_display = ["name"]
    filter_horizontal = ["plans"]


@admin.register(ReportingDuty)
class DutyAdmin(AuditedAdmin):
    """Duties come from ``duties_from_plan``; an exception for one unit is edited here, audited."""

    list_display = ["unit", "target", "task", "regime", "is_partner", "required"]
    list_filter = ["regime", "unit"]
    raw_id_fields = ["target", "task"]


class AuditInline(admin.TabularInline):
    """The form's trail, read-only: the database refuses any change to it anyway (append-only)."""

    model = AuditEntry
    extra = 0
    can_delete = False
    readonly_fields = ("at", "user", "action", "before", "after", "note", "hash")
    fields = readonly_fields

    def has_add_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False

def _run_step(modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet[ReportForm],
              step: Callable[..., Any], done: str) -> None:
    """Take one workflow step on each selected form through the reporting service, as the pages do:
    the same permission checks, separation of duties, audit entries; a refusal is reported per form."""
    ok = 0
    for form in queryset.select_related("unit", "regime"):
        try:
            step(user=request.user, form=form)
        except (PermissionDenied, ReportingError) as exc:
            text = exc.message if isinstance(exc, ReportingError) else str(exc)
            modeladmin.message_user(request, f"{form}: {text}", level=messages.ERROR)
        else:
            ok += 1
    if ok:
        modeladmin.message_user(request, f"{done}: {ok} báo cáo.", level=messages.SUCCESS)


@admin.action(description="Phê duyệt các báo cáo đã chọn", permissions=["view"])
def approve_forms(modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet[ReportForm]) -> None:
    _run_step(modeladmin, request, queryset, services.form_approve, "Đã phê duyệt")


@admin.action(description="Tiếp nhận các báo cáo đã chọn", permissions=["view"])
def accept_forms(modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet[ReportForm]) -> None:
    _run_step(modeladmin, request, queryset, services.form_accept, "Đã tiếp nhận")


@admin.action(description="Khóa các báo cáo đã chọn", permissions=["view"])
def lock_forms(modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet[ReportForm]) -> None:
    _run_step(modeladmin, request, queryset, services.form_lock, "Đã khóa")


@admin.register(ReportForm)
class FormAdmin(admin.ModelAdmin):
    """Read-only: a form changes only through the reporting services (the actions below), never by
    editing its fields, and is never deleted here (its audit trail and value history go with it)."""

    list_display = ["unit", "period_key", "status", "version", "submitted_at", "lock_exception_until"]
    list_filter = ["status", "regime", "period_key"]
    inlines = [AuditInline]
    actions = [approve_forms, accept_forms, lock_forms]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Reminder)
class ReminderAdmin(ReadOnlyAdmin):
    """Read-only: a reminder is the proof that a unit was told (``reminders_send``, read through
    ``reminder_mark_read``); editing its text or its "read"/"e-mailed" marks would rewrite it."""

    list_display = ["created_at", "user", "kind", "emailed", "read_at"]
    list_filter = ["kind", "emailed"]
