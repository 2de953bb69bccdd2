"""The general audit trail: one append-only table for every write that is not a report form value.

Report forms keep their own per-value tables (reporting.AuditEntry, reporting.ValueVersion) and
their hot path; everything else a person changes (publishing a plan, reviewing an extracted item,
uploading a document, investment figures, issuing a report, correcting a target) leaves one
``AuditEvent`` through ``theodoi.core.audit.record``. The subject is generic (content type + id
+ the label it had at the time), so one table serves every app without core importing any app.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import gettext_lazy as _


class AppendOnly(Exception):
    """An attempt to change or remove an audit event (English: it is a programming error)."""


class AuditEventQuerySet(models.QuerySet["AuditEvent"]):
    def update(self, **kwargs: Any) -> int:
        raise AppendOnly("audit events are append-only: no update")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AppendOnly("audit events are append-only: no delete")


class AuditEvent(models.Model):
    """Who did what to which subject, when, with the state before and after."""

    at = models.DateTimeField(_("thời điểm"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="audit_events", verbose_name=_("người thực hiện"),
    )
    actor_name = models.CharField(_("tên người thực hiện"), max_length=200, blank=True)
    action = models.CharField(_("thao tác"), max_length=50, db_index=True)
    subject_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, verbose_name=_("loại đối tượng"))
    subject_id = models.CharField(_("mã đối tượng"), max_length=64)
    subject_label = models.CharField(_("đối tượng"), max_length=300, blank=True)
    before = models.JSONField(_("trước"), null=True, blank=True, encoder=DjangoJSONEncoder)
    after = models.JSONField(_("sau"), null=True, blank=True, encoder=DjangoJSONEncoder)
    note = models.TextField(_("ghi chú"), blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("nhật ký thao tác")
        verbose_name_plural = _("nhật ký thao tác")
        indexes = [models.Index(fields=["subject_type", "subject_id", "at"], name="core_audit_subject")]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_name or '-'} {self.action} {self.subject_label}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise AppendOnly("audit events are append-only: no update")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AppendOnly("audit events are append-only: no delete")
