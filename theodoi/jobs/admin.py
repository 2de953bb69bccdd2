from django.contrib import admin

from theodoi.accounts.admin import ReadOnlyAdmin
from theodoi.jobs.models import Job


@admin.register(Job)
class JobAdmin(ReadOnlyAdmin):
    """Read-only: jobs change state only through the runner, the sweeper and the planner's actions,
    and are never deleted here (a document or export waiting on one would wait for ever)."""

    list_display = ("pk", "kind", "subject_type", "subject_id", "state", "attempts", "progress", "heartbeat_at", "created_at")
    list_filter = ("state", "kind")
    search_fields = ("last_error",)
