"""The register of consolidated reports (sổ báo cáo đã ban hành).

Each report stores the data snapshot it was drafted from and the sections as the planner
edited them, so a signed report can be rendered again byte-for-byte from the register even
after the figures behind it change.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ReportScope(models.TextChoices):
    PROVINCE = "province", _("Toàn tỉnh")
    FIELD = "field", _("Lĩnh vực")
    AGENCY = "agency", _("Sở, ngành")
    DISTRICT = "district", _("Huyện, thành phố")


class IssuedReportStatus(models.TextChoices):
    DRAFT = "draft", _("Dự thảo")
    ISSUED = "issued", _("Đã ban hành")


class PdfStatus(models.TextChoices):
    NONE = "", _("Chưa tạo")
    QUEUED = "queued", _("Đang chờ")
    RUNNING = "running", _("Đang tạo")
    DONE = "done", _("Đã tạo")
    FAILED = "failed", _("Lỗi")


class IssuedReport(models.Model):
    period = models.CharField(_("kỳ báo cáo"), max_length=20)
    scope = models.CharField(_("phạm vi"), max_length=20, choices=ReportScope.choices, default=ReportScope.PROVINCE)
    scope_key = models.CharField(_("mã phạm vi"), max_length=100, blank=True)
    title = models.CharField(_("trích yếu"), max_length=500)
    number = models.CharField(_("số, ký hiệu"), max_length=50, blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=IssuedReportStatus.choices, default=IssuedReportStatus.DRAFT
    )
    snapshot = models.JSONField(_("dữ liệu gốc"), default=dict)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    issued_at = models.DateTimeField(null=True, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    # SHA-256 of the DOCX as issued: the register's proof that a later rendering is the same document.
    docx_sha256 = models.CharField(max_length=64, blank=True)
    # The PDF is made by a background job (LibreOffice takes seconds) and kept with the DOCX it came from.
    pdf = models.FileField(_("tệp PDF"), upload_to="exports/pdf/%Y/", blank=True)
    pdf_source_sha256 = models.CharField(max_length=64, blank=True)
    pdf_status = models.CharField(max_length=10, choices=PdfStatus.choices, default=PdfStatus.NONE, blank=True)
    pdf_progress = models.PositiveSmallIntegerField(default=0)
    pdf_error = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("báo cáo tổng hợp")
        verbose_name_plural = _("báo cáo tổng hợp")

    def __str__(self) -> str:
        return f"{self.title} ({self.period})"

    @property
    def is_issued(self) -> bool:
        return self.status == IssuedReportStatus.ISSUED
