"""Each person's choice of how reminders reach them (cài đặt thông báo)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class EmailMode(models.TextChoices):
    IMMEDIATE = "immediate", _("Gửi ngay từng thông báo")
    DIGEST = "digest", _("Gộp thành một thư mỗi ngày")
    OFF = "off", _("Không gửi thư điện tử")


class NotificationPreference(models.Model):
    """Absent row = the defaults: e-mail each reminder at once, no SMS/chat message."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="notification_preference")
    email_mode = models.CharField(_("thư điện tử"), max_length=12, choices=EmailMode.choices,
                                  default=EmailMode.IMMEDIATE)
    message_enabled = models.BooleanField(_("nhận tin nhắn (SMS/ứng dụng chat)"), default=False)
    message_address = models.CharField(_("số điện thoại hoặc tài khoản nhận tin"), max_length=100, blank=True)
    last_digest_on = models.DateField(_("ngày gửi bản tóm tắt gần nhất"), null=True, blank=True)

    class Meta:
        verbose_name = _("cài đặt thông báo")
        verbose_name_plural = _("cài đặt thông báo")

    def __str__(self) -> str:
        return f"{self.user} — {self.get_email_mode_display()}"
