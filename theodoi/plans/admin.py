from django.contrib import admin

from theodoi.plans.models import Actual, Assignment, Indicator, Plan, Target, TargetSource, Task


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "year_start", "year_end", "unit", "status")
    list_filter = ("kind", "status")
    search_fields = ("name",)


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ("name", "unit", "field", "direction", "measure", "allows_over_100")
    list_filter = ("field", "direction", "measure")
    search_fields = ("name", "name_folded")


class TargetSourceInline(admin.TabularInline):
    model = TargetSource
    extra = 0
    raw_id_fields = ("document",)


@admin.register(Target)
class TargetAdmin(admin.ModelAdmin):
    list_display = ("indicator", "plan", "period", "comparator", "value", "value_max", "unit", "responsible_unit", "status")
    list_filter = ("status", "plan", "indicator__field")
    search_fields = ("indicator__name", "indicator__name_folded")
    autocomplete_fields = ("indicator", "responsible_unit")
    inlines = [TargetSourceInline]


class TaskInline(admin.TabularInline):
    model = Task
    extra = 0
    fields = ("position", "text", "deadline", "done_at")


@admin.register(Assignment)
class AssignmentAdmin(admin.ModelAdmin):
    list_display = ("__str__", "plan", "status")
    list_filter = ("status", "plan")
    search_fields = ("lead_text", "partner_text", "ref")
    filter_horizontal = ("lead_units", "partner_units")
    raw_id_fields = ("document",)
    inlines = [TaskInline]


@admin.register(Actual)
class ActualAdmin(admin.ModelAdmin):
    list_display = ("indicator", "period", "value", "unit", "document")
    search_fields = ("indicator__name",)
    raw_id_fields = ("indicator", "document")
