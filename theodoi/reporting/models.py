"""Periodic reporting (báo cáo định kỳ): regimes, duties, forms, values, history, reminders.

A unit's report for one period is a ``ReportForm``; it holds one ``ReportValue`` per target the
unit reports and one ``TaskReport`` per task it leads or coordinates. The form moves
draft → submitted → approved (agency head) → accepted (Planning Department) → locked, and can be
returned with a reason from submitted or approved. Every change is an ``AuditEntry``; every change
to a value is also a ``ValueVersion``, so a value's history can be shown next to it.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any, Protocol

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from theodoi.accounts.models import OrgUnit
from theodoi.plans.models import Plan, Target, Task, TaskState
from theodoi.reporting.deadlines import ReportingRegime as RegimeRule
from theodoi.reporting.deadlines import regime_from_dict
from theodoi.reporting.periods import Period, parse_period_key


class ReportingRegime(models.Model):
    """A reporting regime stored as data: the JSON of ``deadlines.ReportingRegime.to_dict()``."""

    name = models.CharField(_("tên chế độ báo cáo"), max_length=255, unique=True)
    config = models.JSONField(_("cấu hình"), default=dict)
    plans = models.ManyToManyField(Plan, blank=True, related_name="reporting_regimes", verbose_name=_("kế hoạch"))

    class Meta:
        ordering = ["name"]
        verbose_name = _("chế độ báo cáo")
        verbose_name_plural = _("chế độ báo cáo")

    def __str__(self) -> str:
        return self.name

    @property
    def rule(self) -> RegimeRule:
        return regime_from_dict(self.config)


class ReportingDuty(models.Model):
    """Which unit reports which target or task under which regime."""

    regime = models.ForeignKey(ReportingRegime, on_delete=models.CASCADE, related_name="duties")
    unit = models.ForeignKey(OrgUnit, on_delete=models.CASCADE, related_name="reporting_duties")
    target = models.ForeignKey(Target, null=True, blank=True, on_delete=models.CASCADE, related_name="duties")
    task = models.ForeignKey(Task, null=True, blank=True, on_delete=models.CASCADE, related_name="duties")
    is_partner = models.BooleanField(_("đơn vị phối hợp"), default=False)
    ask_estimate = models.BooleanField(_("yêu cầu ước cả năm"), default=False)
    required = models.BooleanField(_("bắt buộc"), default=True)

    class Meta:
        verbose_name = _("nhiệm vụ báo cáo")
        verbose_name_plural = _("nhiệm vụ báo cáo")
        constraints = [
            models.UniqueConstraint(fields=["regime", "unit", "target"], name="duty_unique_target"),
            models.UniqueConstraint(fields=["regime", "unit", "task"], name="duty_unique_task"),
            models.CheckConstraint(
                condition=models.Q(target__isnull=False) | models.Q(task__isnull=False), name="duty_has_subject"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit} — {self.target or self.task}"


class FormStatus(models.TextChoices):
    DRAFT = "draft", _("Đang nhập")
    SUBMITTED = "submitted", _("Đã gửi")
    RETURNED = "returned", _("Bị trả lại")
    APPROVED = "approved", _("Lãnh đạo đơn vị đã duyệt")
    ACCEPTED = "accepted", _("Sở KH&ĐT đã tiếp nhận")
    LOCKED = "locked", _("Đã khóa")


EDITABLE_STATUSES = (FormStatus.DRAFT, FormStatus.RETURNED)


class ReportForm(models.Model):
    """One unit's report for one period under one regime."""

    regime = models.ForeignKey(ReportingRegime, on_delete=models.PROTECT, related_name="forms")
    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="report_forms")
    period_key = models.CharField(_("kỳ báo cáo"), max_length=10)
    status = models.CharField(_("trạng thái"), max_length=12, choices=FormStatus.choices, default=FormStatus.DRAFT)
    version = models.PositiveIntegerField(_("phiên bản"), default=1)
    return_reason = models.TextField(_("lý do trả lại"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    locked_at = models.DateTimeField(null=True, blank=True)
    locked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    lock_exception_until = models.DateField(_("được sửa sau hạn đến ngày"), null=True, blank=True)

    class Meta:
        ordering = ["-period_key", "unit__name"]
        verbose_name = _("báo cáo định kỳ")
        verbose_name_plural = _("báo cáo định kỳ")
        constraints = [
            models.UniqueConstraint(fields=["regime", "unit", "period_key"], name="form_unique_period"),
        ]
        # The reporting rounds (evaluation's `rounds_as_of`: the distinct period and status of the
        # forms) are read by skipping through this index, a few hundred probes however many forms
        # the country has, instead of a scan of every form on each refresh after a save.
        indexes = [models.Index(fields=["period_key", "status"], name="form_period_status")]

    def __str__(self) -> str:
        return f"{self.unit} — {self.period.label}"

    @property
    def period(self) -> Period:
        return parse_period_key(self.period_key)

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE_STATUSES

    def due_date(self) -> date:
        return self.regime.rule.unit_due(self.period)


class ReportValue(models.Model):
    """A target's value in a form: so far in the period, optional full-year estimate, comment, evidence."""

    form = models.ForeignKey(ReportForm, on_delete=models.CASCADE, related_name="values")
    target = models.ForeignKey(Target, on_delete=models.PROTECT, related_name="report_values")
    value = models.DecimalField(_("giá trị"), max_digits=20, decimal_places=4, null=True, blank=True)
    estimate = models.DecimalField(_("ước cả năm"), max_digits=20, decimal_places=4, null=True, blank=True)
    comment = models.TextField(_("giải trình"), blank=True)
    evidence = models.FileField(_("tệp minh chứng"), upload_to="reporting/evidence/%Y/", blank=True)
    issues = models.JSONField(_("kết quả kiểm tra"), default=list, blank=True)
    # What the reviewer asked about this value when returning the form; shown beside the value
    # until the unit sends the form again.
    review_note = models.TextField(_("ý kiến khi trả lại"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["target__indicator__field", "target_id"]
        constraints = [models.UniqueConstraint(fields=["form", "target"], name="value_unique_target")]

    def __str__(self) -> str:
        return f"{self.target} = {self.value}"

    @property
    def has_errors(self) -> bool:
        return any(i.get("severity") == "error" for i in self.issues)

    @property
    def has_warnings(self) -> bool:
        return any(i.get("severity") == "warning" for i in self.issues)


class LockException(models.Model):
    """A planner let one unit's form be edited after its lock date: who, until when and why.

    One row per grant (the form keeps only the latest date in ``lock_exception_until``), so the
    exceptions of a period can be listed and each one has its reason; never changed afterwards.
    """

    form = models.ForeignKey(ReportForm, on_delete=models.PROTECT, related_name="lock_exceptions")
    granted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    granted_at = models.DateTimeField(default=timezone.now)
    until = models.DateField(_("được sửa đến ngày"))
    reason = models.TextField(_("lý do"))

    class Meta:
        ordering = ["-granted_at", "-pk"]
        verbose_name = _("ngoại lệ sau hạn khóa")
        verbose_name_plural = _("ngoại lệ sau hạn khóa")

    def __str__(self) -> str:
        return f"{self.form} → {self.until:%d/%m/%Y}"


class TaskReport(models.Model):
    """A task's status and progress note in a form; partners add their contribution."""

    form = models.ForeignKey(ReportForm, on_delete=models.CASCADE, related_name="task_reports")
    task = models.ForeignKey(Task, on_delete=models.PROTECT, related_name="reports")
    state = models.CharField(
        _("tình trạng"), max_length=20, choices=TaskState.choices, default=TaskState.IN_PROGRESS
    )
    note = models.TextField(_("tiến độ"), blank=True)
    is_partner = models.BooleanField(_("phối hợp"), default=False)
    contributions = models.JSONField(_("đóng góp của đơn vị phối hợp"), default=list, blank=True)

    class Meta:
        ordering = ["task__assignment_id", "task__position"]
        constraints = [models.UniqueConstraint(fields=["form", "task"], name="taskreport_unique_task")]


class AuditEntry(models.Model):
    """Who did what to a form, when, with the state before and after.

    Append-only, enforced by the database (triggers of migration 0003 refuse UPDATE and DELETE);
    the form and the user are PROTECTed so deleting either cannot erase or rewrite the trail.
    ``hash`` chains the form's entries (see ``theodoi.reporting.audit``); write entries only
    through that module so the chain stays whole. ``at`` is set by the writer (not auto_now_add)
    so the demo can date its entries at creation instead of updating them afterwards.
    """

    form = models.ForeignKey(ReportForm, on_delete=models.PROTECT, related_name="audit")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT)
    at = models.DateTimeField(default=timezone.now, db_index=True)
    action = models.CharField(_("thao tác"), max_length=30)
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)
    note = models.TextField(blank=True)
    prev_hash = models.CharField(max_length=64, blank=True, default="")
    hash = models.CharField(max_length=64, blank=True, default="")

    class Meta:
        ordering = ["at", "pk"]
        indexes = [models.Index(fields=["form", "id"], name="audit_chain_order")]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.user} {self.action}"


class ValueVersion(models.Model):
    """One change of one value (or one workflow step that touched it), shown in its history.

    Append-only like ``AuditEntry`` (database triggers, PROTECTed keys), chained per value.
    """

    value = models.ForeignKey(ReportValue, on_delete=models.PROTECT, related_name="versions")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT)
    at = models.DateTimeField(default=timezone.now, db_index=True)
    action = models.CharField(max_length=30)
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)
    prev_hash = models.CharField(max_length=64, blank=True, default="")
    hash = models.CharField(max_length=64, blank=True, default="")

    class Meta:
        ordering = ["at", "pk"]
        indexes = [models.Index(fields=["value", "id"], name="valueversion_chain_order")]


class ValueComment(models.Model):
    value = models.ForeignKey(ReportValue, on_delete=models.CASCADE, related_name="comments")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    at = models.DateTimeField(auto_now_add=True)
    text = models.TextField(_("ý kiến"))

    class Meta:
        ordering = ["at", "pk"]


class Reminder(models.Model):
    """An in-app notification (and the record that its e-mail went out, so it is sent once)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminders")
    form = models.ForeignKey(ReportForm, null=True, blank=True, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=20)  # before_due | due_today | overdue | returned
    key = models.CharField(max_length=120, unique=True)  # idempotence: one reminder per kind and day
    message = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)
    emailed = models.BooleanField(default=False)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]


def plain(d: Decimal | None) -> str | None:
    """A Decimal as plain text without trailing zeros: 3500.5000 → "3500.5", 30.0000 → "30"."""
    return None if d is None else format(d.normalize(), "f")


class Figures(Protocol):
    """What a value's snapshot reads: a ReportValue, or the autosave's lighter row."""

    @property
    def value(self) -> Decimal | None: ...
    @property
    def estimate(self) -> Decimal | None: ...
    @property
    def comment(self) -> str: ...


def value_snapshot(v: Figures) -> dict[str, Any]:
    """The JSON that AuditEntry/ValueVersion keep for a value."""
    return {
        "value": plain(v.value),
        "estimate": plain(v.estimate),
        "comment": v.comment,
    }
