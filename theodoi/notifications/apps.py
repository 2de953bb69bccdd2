from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    """How reminders reach people: e-mail now or in a daily digest, SMS/chat gateways, calendars."""

    name = "theodoi.notifications"
    label = "notifications"
    verbose_name = _("Thông báo")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from theodoi.notifications import receivers  # noqa: F401  (connects the signal handlers)
