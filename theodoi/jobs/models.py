"""Background jobs as durable rows: what runs, for what, in which state, and how it went.

A job row is written in the same transaction as the work it is for (the uploaded document, the
PDF request), so a job is never lost when the broker or the worker is: the sweeper finds rows
whose runner stopped and queues them again or fails them with a reason.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class JobState(models.TextChoices):
    QUEUED = "queued", _("Đang chờ")
    RUNNING = "running", _("Đang chạy")
    DONE = "done", _("Xong")
    FAILED = "failed", _("Lỗi")


ACTIVE_STATES = (JobState.QUEUED, JobState.RUNNING)


class Job(models.Model):
    kind = models.CharField(_("loại việc"), max_length=50)
    subject_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    subject_id = models.PositiveBigIntegerField(null=True, blank=True)
    subject = GenericForeignKey("subject_type", "subject_id")
    state = models.CharField(_("trạng thái"), max_length=10, choices=JobState.choices, default=JobState.QUEUED)
    attempts = models.PositiveSmallIntegerField(_("số lần chạy"), default=0)
    max_attempts = models.PositiveSmallIntegerField(_("số lần chạy tối đa"), default=3)
    progress = models.PositiveSmallIntegerField(_("tiến độ (%)"), default=0)
    progress_message = models.CharField(_("đang làm"), max_length=255, blank=True)
    last_error = models.TextField(_("lỗi gần nhất"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("thời điểm tạo"), auto_now_add=True)
    # When the job last reached a queue (Celery broker, thread); null: it has not, the broker was
    # down, and the sweeper must send it.
    enqueued_at = models.DateTimeField(null=True, blank=True)
    started_at = models.DateTimeField(_("bắt đầu"), null=True, blank=True)
    heartbeat_at = models.DateTimeField(_("tín hiệu gần nhất"), null=True, blank=True)
    finished_at = models.DateTimeField(_("kết thúc"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("việc nền")
        verbose_name_plural = _("việc nền")
        indexes = [
            models.Index(fields=["state", "heartbeat_at"], name="jobs_state_heartbeat"),
            models.Index(fields=["subject_type", "subject_id", "kind"], name="jobs_subject"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} #{self.pk} ({self.state})"

    @property
    def is_active(self) -> bool:
        return self.state in ACTIVE_STATES
