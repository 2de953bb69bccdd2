from django.contrib import admin

from theodoi.investment.models import CapitalPlan, Disbursement, DisbursementRuleSetting, Project


class CapitalPlanInline(admin.TabularInline):
    model = CapitalPlan
    extra = 0


class DisbursementInline(admin.TabularInline):
    model = Disbursement
    extra = 0


@admin.register(Project)
class ProjectAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "investor", "district", "stage", "preparation_done")
    list_filter = ("stage", "preparation_done", "district")
    search_fields = ("code", "name")
    inlines = [CapitalPlanInline, DisbursementInline]


@admin.register(DisbursementRuleSetting)
class DisbursementRuleSettingAdmin(admin.ModelAdmin):
    list_display = ("name", "description", "applies_to", "by_day", "by_month", "min_share_pct",
                    "requires_preparation_done", "active")
    list_editable = ("active",)
