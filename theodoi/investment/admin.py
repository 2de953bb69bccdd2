from django.contrib import admin

from theodoi.accounts.admin import AuditedAdmin, ReadOnlyInline
from theodoi.investment.models import CapitalPlan, Disbursement, DisbursementRuleSetting, Project


class CapitalPlanInline(ReadOnlyInline):
    """Figures are entered through ``services.capital_plan_set`` (the API, the XLSX import), which
    checks amounts and audits; here they are shown."""

    model = CapitalPlan


class DisbursementInline(ReadOnlyInline):
    """Through ``services.disbursement_record`` (cumulative amounts checked, audited); shown here."""

    model = Disbursement


@admin.register(Project)
class ProjectAdmin(AuditedAdmin):
    list_display = ("code", "name", "investor", "district", "stage", "preparation_done")
    list_filter = ("stage", "preparation_done", "district")
    search_fields = ("code", "name")
    inlines = [CapitalPlanInline, DisbursementInline]


@admin.register(DisbursementRuleSetting)
class DisbursementRuleSettingAdmin(AuditedAdmin):
    """Switching a rule on or off (list_editable too) is audited; the flags follow by signal."""

    list_display = ("name", "description", "applies_to", "by_day", "by_month", "min_share_pct",
                    "requires_preparation_done", "active")
    list_editable = ("active",)
