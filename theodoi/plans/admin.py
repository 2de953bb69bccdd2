from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from theodoi.accounts.admin import AuditedAdmin, ReadOnlyInline
from theodoi.core.refusals import Refused
from theodoi.plans import services
from theodoi.plans.models import Actual, Assignment, Indicator, Plan, Target, TargetSource, Task


@admin.register(Plan)
class PlanAdmin(AuditedAdmin):
    """Names and years are corrected here (audited ``plan.update``); the status is not: a plan is
    published from its document (``documents.publish.document_publish``), which checks and audits."""

    readonly_fields = ("status",)
    list_display = ("name", "kind", "year_start", "year_end", "unit", "status")
    list_filter = ("kind", "status")
    search_fields = ("name",)


@admin.register(Indicator)
class IndicatorAdmin(AuditedAdmin):
    list_display = ("name", "unit", "field", "direction", "measure", "allows_over_100")
    list_filter = ("field", "direction", "measure")
    search_fields = ("name", "name_folded")


class TargetSourceInline(ReadOnlyInline):
    """Where in a document the target was read: written by publishing, never by hand."""

    model = TargetSource
    raw_id_fields = ("document",)
    readonly_fields = ("document", "start", "end", "agency_text")


class TargetAdminForm(forms.ModelForm):
    """The admin's target form asks for the reason ``target_correct`` keeps in the audit."""

    reason = forms.CharField(label=_("Lý do sửa"), widget=forms.Textarea(attrs={"rows": 2}), required=False,
                             help_text=_("Bắt buộc: được ghi vào nhật ký cùng giá trị trước và sau."))

    class Meta:
        model = Target
        fields = "__all__"

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.instance.pk and "value" in data and "period" in data:
            try:
                services.correction_check(value=data["value"], value_max=data.get("value_max"),
                                          period=str(data["period"]).strip().replace(" ", ""),
                                          reason=(data.get("reason") or "").strip())
            except Refused as exc:
                raise forms.ValidationError(exc.message) from None
        return data


@admin.register(Target)
class TargetAdmin(AuditedAdmin):
    """A change to a target's value, unit, period or agency goes through ``plans.services.target_correct``
    (planner check, reason, one audit event); the admin never writes those fields itself, and
    neither adds nor deletes targets."""

    form = TargetAdminForm
    list_display = ("indicator", "plan", "period", "comparator", "value", "value_max", "unit", "responsible_unit", "status")
    list_filter = ("status", "plan", "indicator__field")
    search_fields = ("indicator__name", "indicator__name_folded")
    autocomplete_fields = ("indicator", "responsible_unit")
    inlines = [TargetSourceInline]

    def get_readonly_fields(self, request: HttpRequest, obj: Target | None = None) -> Any:
        if obj is None:
            return ()
        return [f.name for f in Target._meta.concrete_fields if f.name not in (*services.CORRECTABLE, "id")]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # targets come from publishing a document (documents.publish), which is audited

    def has_delete_permission(self, request: HttpRequest, obj: Target | None = None) -> bool:
        return False  # a target with reports behind it is corrected, never removed

    def save_model(self, request: HttpRequest, obj: Target, form: Any, change: bool) -> None:
        services.target_correct(
            user=request.user, target=obj, value=obj.value, value_max=obj.value_max, unit=obj.unit,
            period=obj.period, responsible_unit=obj.responsible_unit, reason=form.cleaned_data.get("reason") or "",
        )


class TaskInline(admin.TabularInline):
    """Tasks have no service of their own beyond opening a corrective one: an edit here is saved
    by ``AuditedAdmin.save_formset``, one ``task.update`` event per row."""

    model = Task
    extra = 0
    fields = ("position", "text", "deadline", "done_at")


@admin.register(Assignment)
class AssignmentAdmin(AuditedAdmin):
    list_display = ("__str__", "plan", "status")
    list_filter = ("status", "plan")
    search_fields = ("lead_text", "partner_text", "ref")
    filter_horizontal = ("lead_units", "partner_units")
    raw_id_fields = ("document",)
    inlines = [TaskInline]


@admin.register(Actual)
class ActualAdmin(AuditedAdmin):
    list_display = ("indicator", "period", "value", "unit", "document")
    search_fields = ("indicator__name",)
    raw_id_fields = ("indicator", "document")
