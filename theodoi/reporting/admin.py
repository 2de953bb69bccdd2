"""Admin for reporting regimes (JSON config), duties and forms; day-to-day work goes through the pages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin

from theodoi.reporting.deadlines import regime_from_dict
from theodoi.reporting.models import AuditEntry, Reminder, ReportForm, ReportingDuty, ReportingRegime


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
class RegimeAdmin(admin.ModelAdmin):
    form = RegimeForm
    list_display = ["name"]
    filter_horizontal = ["plans"]


@admin.register(ReportingDuty)
class DutyAdmin(admin.ModelAdmin):
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


@admin.register(ReportForm)
class FormAdmin(admin.ModelAdmin):
    list_display = ["unit", "period_key", "status", "version", "submitted_at", "lock_exception_until"]
    list_filter = ["status", "regime", "period_key"]
    readonly_fields = ["status", "version", "submitted_at", "submitted_by", "approved_at", "approved_by",
                       "accepted_at", "accepted_by", "locked_at", "locked_by"]
    inlines = [AuditInline]


@admin.register(Reminder)
class ReminderAdmin(admin.ModelAdmin):
    list_display = ["created_at", "user", "kind", "emailed", "read_at"]
    list_filter = ["kind", "emailed"]
