"""Stored evaluation results: one row per target and period, recomputed when a value changes.

Dashboards read these rows instead of evaluating on every request; `theodoi evaluate`
rebuilds them all.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from theodoi.plans.models import Target


class TargetStatus(models.Model):
    # no index of its own: the unique (target, period, public) index starts with it, and a recompute
    # writes every row through each index
    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="statuses", db_index=False)
    period = models.CharField(_("kỳ"), max_length=20)
    status = models.CharField(_("đánh giá"), max_length=20)
    value = models.FloatField(_("giá trị thực hiện"), null=True, blank=True)
    progress_pct = models.FloatField(_("% kế hoạch"), null=True, blank=True)
    forecast = models.FloatField(_("dự báo cả năm"), null=True, blank=True)
    forecast_method = models.CharField(_("phương pháp dự báo"), max_length=200, blank=True)
    explanation = models.TextField(_("giải thích"), blank=True)
    public = models.BooleanField(_("dựa trên số liệu đã tiếp nhận"), default=False)
    as_of = models.DateField(_("tính đến ngày"), null=True, blank=True)
    target_level = models.FloatField(_("mức chỉ tiêu"), null=True, blank=True)
    expected_pct = models.FloatField(_("% cần đạt theo tiến độ"), null=True, blank=True)
    period_end = models.DateField(_("kỳ số liệu mới nhất"), null=True, blank=True)
    computed_at = models.DateTimeField(auto_now=True)

    class Meta:
        unique_together = [("target", "period", "public")]
        indexes = [models.Index(fields=["period", "status"])]
        verbose_name = _("kết quả đánh giá chỉ tiêu")
        verbose_name_plural = _("kết quả đánh giá chỉ tiêu")

    def __str__(self) -> str:
        return f"{self.target} {self.period}: {self.status}"

    @property
    def label(self) -> str:
        from theodoi.evaluation.explain import STATUS_LABELS_VI

        return STATUS_LABELS_VI.get(self.status, self.status)

    @property
    def badge(self) -> str:
        return STATUS_BADGES.get(self.status, "b-muted")


# CSS class of each status's badge (app.css): good, at risk, bad, informative.
STATUS_BADGES: dict[str, str] = {
    "exceeded": "b-ok",
    "achieved": "b-ok",
    "on_track": "b-info",
    "at_risk": "b-warn",
    "off_track": "b-bad",
    "not_achieved": "b-bad",
    "no_data": "b-muted",
    "forecast": "b-muted",
}
