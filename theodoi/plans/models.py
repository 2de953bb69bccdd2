"""Plans (kế hoạch), the indicator catalogue (danh mục chỉ tiêu), targets (chỉ tiêu) and tasks (nhiệm vụ).

Every target and task keeps the exact span of the document sentence it came from, so any
figure on a dashboard can be traced back to the words that set it.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from theodoi.accounts.models import OrgUnit
from theodoi.core.text import fold


class PlanKind(models.TextChoices):
    TERM = "term", _("Kế hoạch 5 năm")
    YEAR = "year", _("Kế hoạch năm")


class PublishStatus(models.TextChoices):
    DRAFT = "draft", _("Dự thảo")
    PUBLISHED = "published", _("Đã công bố")


class Plan(models.Model):
    name = models.CharField(_("tên kế hoạch"), max_length=255)
    kind = models.CharField(_("loại"), max_length=10, choices=PlanKind.choices, default=PlanKind.YEAR)
    year_start = models.PositiveIntegerField(_("từ năm"))
    year_end = models.PositiveIntegerField(_("đến năm"))
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children",
        verbose_name=_("kế hoạch cấp trên"),
    )
    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="plans", verbose_name=_("đơn vị"))
    status = models.CharField(_("trạng thái"), max_length=20, choices=PublishStatus.choices, default=PublishStatus.DRAFT)

    class Meta:
        ordering = ["-year_start", "kind"]
        verbose_name = _("kế hoạch")
        verbose_name_plural = _("kế hoạch")

    def __str__(self) -> str:
        return self.name


class Field(models.TextChoices):
    ECONOMY = "economy", _("Kinh tế")
    SOCIETY = "society", _("Văn hóa - xã hội - môi trường")
    DEFENCE = "defence", _("Quốc phòng - an ninh")
    PARTY = "party", _("Xây dựng Đảng, hệ thống chính trị")


class Direction(models.TextChoices):
    HIGHER = "higher", _("Càng cao càng tốt")
    LOWER = "lower", _("Càng thấp càng tốt")


class Measure(models.TextChoices):
    FLOW = "flow", _("Lũy kế trong kỳ (dòng)")
    STOCK = "stock", _("Tại thời điểm (tồn, tỷ lệ)")


class Indicator(models.Model):
    """One indicator of the catalogue, shared by every document and year that names it."""

    name = models.CharField(_("tên chỉ tiêu"), max_length=500)
    name_folded = models.CharField(max_length=500, editable=False, db_index=True, default="")
    unit = models.CharField(_("đơn vị tính"), max_length=100, blank=True)
    direction = models.CharField(_("chiều"), max_length=10, choices=Direction.choices, default=Direction.HIGHER)
    measure = models.CharField(_("tính chất"), max_length=10, choices=Measure.choices, default=Measure.STOCK)
    field = models.CharField(_("lĩnh vực"), max_length=20, choices=Field.choices, default=Field.ECONOMY)
    aliases = models.JSONField(_("tên gọi khác"), default=list, blank=True)
    allows_over_100 = models.BooleanField(_("cho phép trên 100%"), default=False)

    class Meta:
        ordering = ["field", "name"]
        verbose_name = _("chỉ tiêu (danh mục)")
        verbose_name_plural = _("danh mục chỉ tiêu")

    def __str__(self) -> str:
        return self.name

    def save(self, *args: object, **kwargs: object) -> None:
        self.name_folded = fold(self.name)
        super().save(*args, **kwargs)  # type: ignore[arg-type]


class Comparator(models.TextChoices):
    GT = ">", _("trên")
    GE = ">=", _("từ ... trở lên")
    LT = "<", _("dưới")
    LE = "<=", _("không quá")
    EQ = "=", _("đạt")
    APPROX = "~", _("khoảng")
    BETWEEN = "between", _("trong khoảng")


class Target(models.Model):
    """A target (chỉ tiêu) of a plan: indicator, comparator, value or range, period, owner."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="targets", verbose_name=_("kế hoạch"))
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="targets")
    comparator = models.CharField(_("so sánh"), max_length=10, choices=Comparator.choices, default=Comparator.EQ)
    value = models.FloatField(_("giá trị"))
    value_max = models.FloatField(_("giá trị tối đa"), null=True, blank=True)
    unit = models.CharField(_("đơn vị tính"), max_length=100, blank=True)
    period = models.CharField(_("kỳ"), max_length=20, help_text=_("Năm, ví dụ 2021, hoặc giai đoạn 2021-2025"))
    responsible_unit = models.ForeignKey(
        OrgUnit, null=True, blank=True, on_delete=models.SET_NULL, related_name="targets",
        verbose_name=_("đơn vị chịu trách nhiệm"),
    )
    is_change = models.BooleanField(_("chỉ tiêu thay đổi so với kỳ gốc"), default=False)
    baseline = models.FloatField(_("giá trị kỳ gốc"), null=True, blank=True)
    forecast_only = models.BooleanField(_("chỉ là dự báo"), default=False)
    is_main = models.BooleanField(_("chỉ tiêu chủ yếu"), default=True)
    status = models.CharField(_("trạng thái"), max_length=20, choices=PublishStatus.choices, default=PublishStatus.DRAFT)

    class Meta:
        ordering = ["plan", "indicator__field", "pk"]
        verbose_name = _("chỉ tiêu")
        verbose_name_plural = _("chỉ tiêu")

    def __str__(self) -> str:
        return f"{self.indicator.name} ({self.period})"

    @property
    def value_label(self) -> str:
        from theodoi.plans.formatting import target_value_label

        return target_value_label(self)


class TargetSource(models.Model):
    """The sentence of a document a target was read from (a target may have several)."""

    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="sources")
    document = models.ForeignKey("documents.Document", on_delete=models.CASCADE, related_name="target_sources")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    agency_text = models.CharField(max_length=255, blank=True)

    class Meta:
        unique_together = [("target", "document", "start")]

    @property
    def excerpt(self) -> str:
        return self.document.text[self.start : self.end]


class Actual(models.Model):
    """A reported result found in a document (e.g. 2020's GRDP growth), used as baseline and history."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="actuals")
    period = models.CharField(_("kỳ"), max_length=20)
    value = models.FloatField(_("giá trị"))
    unit = models.CharField(_("đơn vị tính"), max_length=100, blank=True)
    document = models.ForeignKey("documents.Document", null=True, blank=True, on_delete=models.SET_NULL)
    start = models.PositiveIntegerField(default=0)
    end = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["indicator", "period"]


class Assignment(models.Model):
    """A block of tasks given to a lead agency (chủ trì) with coordinating agencies (phối hợp)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="assignments")
    ref = models.CharField(_("mục"), max_length=20, blank=True)
    lead_units = models.ManyToManyField(OrgUnit, related_name="led_assignments", verbose_name=_("chủ trì"))
    partner_units = models.ManyToManyField(
        OrgUnit, blank=True, related_name="partner_assignments", verbose_name=_("phối hợp")
    )
    lead_text = models.CharField(_("chủ trì (nguyên văn)"), max_length=500, blank=True)
    partner_text = models.CharField(_("phối hợp (nguyên văn)"), max_length=1000, blank=True)
    document = models.ForeignKey("documents.Document", null=True, blank=True, on_delete=models.SET_NULL)
    start = models.PositiveIntegerField(default=0)
    end = models.PositiveIntegerField(default=0)
    status = models.CharField(_("trạng thái"), max_length=20, choices=PublishStatus.choices, default=PublishStatus.DRAFT)

    class Meta:
        ordering = ["plan", "pk"]
        verbose_name = _("giao nhiệm vụ")
        verbose_name_plural = _("giao nhiệm vụ")

    def __str__(self) -> str:
        return f"{self.ref} {self.lead_text}".strip()


class TaskState(models.TextChoices):
    """The four states of QĐ 42/2014 and QĐ 23/2018, plus work still under way."""

    IN_PROGRESS = "in_progress", _("Đang thực hiện")
    DONE_ON_TIME = "done_on_time", _("Hoàn thành đúng hạn")
    DONE_LATE = "done_late", _("Hoàn thành quá hạn")
    NOT_DONE_IN_TIME = "not_done_in_time", _("Chưa hoàn thành, trong hạn")
    NOT_DONE_OVERDUE = "not_done_overdue", _("Chưa hoàn thành, quá hạn")


class Task(models.Model):
    """One task (nhiệm vụ) of an assignment block."""

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="tasks")
    position = models.PositiveIntegerField(default=0)
    text = models.TextField(_("nội dung"))
    text_folded = models.TextField(editable=False, blank=True, default="")
    deadline = models.DateField(_("thời hạn"), null=True, blank=True)
    done_at = models.DateField(_("ngày hoàn thành"), null=True, blank=True)
    progress_note = models.TextField(_("tiến độ"), blank=True)
    start = models.PositiveIntegerField(default=0)
    end = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["assignment", "position"]
        verbose_name = _("nhiệm vụ")
        verbose_name_plural = _("nhiệm vụ")

    def __str__(self) -> str:
        return self.text[:80]

    def save(self, *args: object, **kwargs: object) -> None:
        self.text_folded = fold(self.text)
        super().save(*args, **kwargs)  # type: ignore[arg-type]


class CorrectiveAction(models.Model):
    """A corrective task opened from a target judged at risk, behind or not achieved: the fact, its
    cause, the action, who leads it and by when. The action itself is tracked as an ordinary
    `Task` (in an assignment block of the target's plan), so it shows wherever tasks do."""

    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="corrective_actions",
                               verbose_name=_("chỉ tiêu"))
    task = models.OneToOneField(Task, on_delete=models.CASCADE, related_name="corrective", verbose_name=_("nhiệm vụ"))
    status_at_open = models.CharField(_("đánh giá khi mở"), max_length=20)
    fact = models.TextField(_("tồn tại, hạn chế"))
    cause = models.TextField(_("nguyên nhân"))
    action = models.TextField(_("giải pháp khắc phục"))
    lead_unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="corrective_actions",
                                  verbose_name=_("cơ quan chủ trì"))
    deadline = models.DateField(_("thời hạn"))
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    opened_at = models.DateTimeField(_("thời điểm mở"), auto_now_add=True)

    class Meta:
        ordering = ["deadline", "pk"]
        verbose_name = _("nhiệm vụ khắc phục")
        verbose_name_plural = _("nhiệm vụ khắc phục")

    def __str__(self) -> str:
        return f"{self.target.indicator.name}: {self.action[:60]}"
