from django.contrib import admin

from theodoi.jobs.models import Job


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    """Read-only: jobs change state only through the runner, the sweeper and the planner's actions."""

    list_display = ("pk", "kind", "subject_type", "subject_id", "state", "attempts", "progress", "heartbeat_at", "created_at")
    list_filter = ("state", "kind")
    search_fields = ("last_error",)

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False
