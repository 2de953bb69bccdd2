"""Public investment (đầu tư công): projects, their yearly capital plans and monthly disbursement."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from theodoi.accounts.models import OrgUnit


class ProjectStage(models.TextChoices):
    ONGOING = "ongoing", _("Chuyển tiếp (đang thi công)")
    NEW = "new", _("Khởi công mới")


class Project(models.Model):
    code = models.CharField(_("mã dự án"), max_length=50, unique=True)
    name = models.CharField(_("tên dự án"), max_length=500)
    investor = models.ForeignKey(
        OrgUnit, on_delete=models.PROTECT, related_name="invested_projects", verbose_name=_("chủ đầu tư")
    )
    district = models.ForeignKey(
        OrgUnit, null=True, blank=True, on_delete=models.SET_NULL, related_name="located_projects",
        verbose_name=_("địa bàn"),
    )
    stage = models.CharField(_("loại dự án"), max_length=10, choices=ProjectStage.choices, default=ProjectStage.ONGOING)
    preparation_done = models.BooleanField(_("đã hoàn thành thủ tục chuẩn bị đầu tư"), default=True)
    under_construction = models.BooleanField(_("đang thi công"), default=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("dự án đầu tư công")
        verbose_name_plural = _("dự án đầu tư công")

    def __str__(self) -> str:
        return f"{self.code} — {self.name}"


class CapitalSource(models.TextChoices):
    PROVINCE = "province", _("Ngân sách địa phương")
    CENTRAL = "central", _("Ngân sách trung ương")
    ODA = "oda", _("Vốn ODA")
    OTHER = "other", _("Nguồn khác")


class CapitalPlan(models.Model):
    """The capital allocated to a project for one year from one source (kế hoạch vốn), in million VND."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="capital_plans")
    year = models.PositiveIntegerField(_("năm"))
    source = models.CharField(_("nguồn vốn"), max_length=10, choices=CapitalSource.choices, default=CapitalSource.PROVINCE)
    amount = models.DecimalField(_("kế hoạch vốn (triệu đồng)"), max_digits=16, decimal_places=3)

    class Meta:
        unique_together = [("project", "year", "source")]
        verbose_name = _("kế hoạch vốn")
        verbose_name_plural = _("kế hoạch vốn")


class Disbursement(models.Model):
    """Disbursed to date in a month (lũy kế giải ngân đến cuối tháng), in million VND."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="disbursements")
    year = models.PositiveIntegerField(_("năm"))
    month = models.PositiveSmallIntegerField(_("tháng"))
    cumulative_amount = models.DecimalField(_("lũy kế giải ngân (triệu đồng)"), max_digits=16, decimal_places=3)

    class Meta:
        unique_together = [("project", "year", "month")]
        ordering = ["project", "year", "month"]
        verbose_name = _("giải ngân")
        verbose_name_plural = _("giải ngân")


class RuleAppliesTo(models.TextChoices):
    ONGOING = "ongoing", _("Dự án chuyển tiếp")
    NEW = "new", _("Dự án khởi công mới")


class DisbursementRuleSetting(models.Model):
    """A disbursement rule as configuration (rules.DisbursementRule): the province edits thresholds and
    dates each year in the admin; with none stored, the seed programme's rules (rules.SEED_RULES) apply."""

    name = models.SlugField(_("mã quy tắc"), max_length=80, unique=True)
    description = models.CharField(_("mô tả"), max_length=300, blank=True)
    applies_to = models.CharField(_("áp dụng cho"), max_length=10, choices=RuleAppliesTo.choices)
    by_month = models.PositiveSmallIntegerField(_("đến tháng"))
    by_day = models.PositiveSmallIntegerField(_("đến ngày"))
    min_share_pct = models.DecimalField(
        _("tỷ lệ giải ngân tối thiểu (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    requires_preparation_done = models.BooleanField(_("yêu cầu hoàn thành chuẩn bị đầu tư"), default=False)
    only_under_construction = models.BooleanField(_("chỉ dự án đang thi công"), default=False)
    action_vi = models.CharField(_("xử lý"), max_length=200, default="Đề xuất cắt giảm, điều chuyển vốn")
    active = models.BooleanField(_("đang áp dụng"), default=True)
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("quy tắc giải ngân")
        verbose_name_plural = _("quy tắc giải ngân")

    def __str__(self) -> str:
        return self.description or self.name


class ProjectFlag(models.Model):
    """A project flagged for a capital cut in a plan year, from ``flagged_from`` on: the earliest
    checkpoint (30 June, 30 September) at which a disbursement rule in force fires for it.

    Stored so that the flagged list reads one page of rows instead of running the rules over every
    project of the year (theodoi/investment/flags.py keeps it current). Whether a rule fires is
    judged on the figure at its own checkpoint, so it does not depend on the day the list is read
    for: the list "as of" a day is the rows whose ``flagged_from`` is on or before that day."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="flags")
    year = models.PositiveIntegerField(_("năm"))
    flagged_from = models.DateField(_("bị đánh dấu từ ngày"))

    class Meta:
        constraints = [models.UniqueConstraint(fields=["project", "year"], name="investment_flag_project_year")]
        indexes = [models.Index(fields=["year", "flagged_from"], name="investment_flag_year_from")]
        verbose_name = _("dự án bị đánh dấu")
        verbose_name_plural = _("dự án bị đánh dấu")


class FlagRules(models.Model):
    """Under which rules a year's ``ProjectFlag`` rows were computed (a digest of the rules in force
    and of the rules' code): a rule edited in /admin, or new code, makes the year be judged again."""

    year = models.PositiveIntegerField(_("năm"), primary_key=True)
    digest = models.CharField(_("mã quy tắc"), max_length=64)

    class Meta:
        verbose_name = _("quy tắc đã dùng để đánh dấu")
        verbose_name_plural = _("quy tắc đã dùng để đánh dấu")
