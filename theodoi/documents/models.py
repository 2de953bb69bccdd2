"""Documents (văn bản) and the items the extractor found in them, awaiting review."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class DocumentKind(models.TextChoices):
    RESOLUTION = "nghi_quyet", _("Nghị quyết")
    PROGRAMME = "chuong_trinh", _("Chương trình hành động")
    PLAN = "ke_hoach", _("Kế hoạch")
    CONCLUSION = "ket_luan", _("Kết luận")
    REPORT = "bao_cao", _("Báo cáo")
    DECISION = "quyet_dinh", _("Quyết định")
    OTHER = "other", _("Khác")


class DocumentStatus(models.TextChoices):
    UPLOADED = "uploaded", _("Đã tải lên")
    EXTRACTING = "extracting", _("Đang trích xuất")
    REVIEW = "review", _("Chờ rà soát")
    PUBLISHED = "published", _("Đã công bố")
    FAILED = "failed", _("Lỗi trích xuất")


class Document(models.Model):
    title = models.CharField(_("tên văn bản"), max_length=500)
    file = models.FileField(_("tệp"), upload_to="documents/%Y/%m/")
    original_name = models.CharField(_("tên tệp gốc"), max_length=255)
    checksum = models.CharField(_("mã băm SHA-256"), max_length=64, unique=True)
    size = models.PositiveBigIntegerField(_("kích thước"), default=0)
    format = models.CharField(_("định dạng"), max_length=10, blank=True)
    kind = models.CharField(_("loại văn bản"), max_length=20, choices=DocumentKind.choices, default=DocumentKind.OTHER)
    number = models.CharField(_("số, ký hiệu"), max_length=100, blank=True)
    issuer = models.CharField(_("cơ quan ban hành"), max_length=255, blank=True)
    signed_on = models.DateField(_("ngày ký"), null=True, blank=True)
    plan_year = models.PositiveIntegerField(_("năm kế hoạch"), null=True, blank=True)
    text = models.TextField(_("nội dung"), blank=True)
    text_folded = models.TextField(editable=False, blank=True, default="")
    ocr_pages = models.JSONField(default=list, blank=True)
    # [page, start, end, confidence] of each OCR'd page in `text`: a re-run of the extraction from
    # the stored text gives the figures read there the same lowered confidence as the first one
    ocr_spans = models.JSONField(default=list, blank=True)
    warnings = models.JSONField(default=list, blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=DocumentStatus.choices, default=DocumentStatus.UPLOADED
    )
    progress = models.PositiveSmallIntegerField(_("tiến độ (%)"), default=0)
    error_message = models.TextField(_("thông báo lỗi"), blank=True)
    previous_version = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="next_versions",
        verbose_name=_("phiên bản trước"),
    )
    plan = models.ForeignKey(
        "plans.Plan", null=True, blank=True, on_delete=models.SET_NULL, related_name="documents",
        verbose_name=_("kế hoạch"),
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("thời điểm tải lên"), auto_now_add=True)
    published_at = models.DateTimeField(_("thời điểm công bố"), null=True, blank=True)

    class Meta:
        ordering = ["-uploaded_at"]
        verbose_name = _("văn bản")
        verbose_name_plural = _("văn bản")

    def __str__(self) -> str:
        return self.title


class ItemKind(models.TextChoices):
    TARGET = "target", _("Chỉ tiêu")
    ACTUAL = "actual", _("Kết quả thực hiện")
    ASSIGNMENT = "assignment", _("Giao nhiệm vụ")
    DEADLINE = "deadline", _("Thời hạn")


class ItemStatus(models.TextChoices):
    PENDING = "pending", _("Chờ rà soát")
    CONFIRMED = "confirmed", _("Đã xác nhận")
    REJECTED = "rejected", _("Đã loại")
    PUBLISHED = "published", _("Đã công bố")


class ExtractedItem(models.Model):
    """One target, actual, assignment or deadline found by the extractor, as the planner reviews it.

    `data` holds the extractor's JSON for the item (FORMAT.md), edited in place by the planner;
    `indicator` is the catalogue indicator the planner merged it into (or the suggestion).
    """

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="items")
    kind = models.CharField(max_length=20, choices=ItemKind.choices)
    position = models.PositiveIntegerField(default=0)
    data = models.JSONField(default=dict)
    start = models.PositiveIntegerField(default=0)
    end = models.PositiveIntegerField(default=0)
    status = models.CharField(max_length=20, choices=ItemStatus.choices, default=ItemStatus.PENDING)
    indicator = models.ForeignKey(
        "plans.Indicator", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    indicator_suggested = models.BooleanField(default=False)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["document", "kind", "start", "position"]

    def __str__(self) -> str:
        label = self.data.get("indicator") or self.data.get("ref") or self.kind
        return f"{self.get_kind_display()}: {label}"

    @property
    def excerpt(self) -> str:
        return self.document.text[self.start : self.end]
