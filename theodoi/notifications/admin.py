from django.contrib import admin

from theodoi.accounts.admin import AuditedAdmin
from theodoi.notifications.models import NotificationPreference


@admin.register(NotificationPreference)
class NotificationPreferenceAdmin(AuditedAdmin):
    """An administrator may stop mail to someone who left (audited); people set their own choice
    on the settings page (``services.preference_update``)."""

    list_display = ("user", "email_mode", "message_enabled", "last_digest_on")
    list_filter = ("email_mode", "message_enabled")
    search_fields = ("user__username", "user__last_name")
    raw_id_fields = ("user",)
