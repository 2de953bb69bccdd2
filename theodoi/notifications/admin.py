from django.contrib import admin

from theodoi.notifications.models import NotificationPreference


@admin.register(NotificationPreference)
class NotificationPreferenceAdmin(admin.ModelAdmin):
    list_display = ("user", "email_mode", "message_enabled", "last_digest_on")
    list_filter = ("email_mode", "message_enabled")
    search_fields = ("user__username", "user__last_name")
    raw_id_fields = ("user",)
