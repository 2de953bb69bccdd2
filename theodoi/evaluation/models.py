"""Stored evaluation results: one row per target and period, recomputed when a value changes.

Dashboards read these rows instead of evaluating on every request; `theodoi evaluate`
rebuilds them all.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from theodoi.plans.models import Target


class TargetStatus(models.Model):
    # No index of its own: the unique (target, period, public) index starts with it, and a recompute
    # writes every row through each index. No foreign key constraint in the database either: the
    # rows are the engine's output, rebuilt from the targets, and the constraint's check of each
    # row (deferred to the commit) cost a cold full recompute about as much as writing the rows
    # (1 s of 174,000 rows at a tenth of the national scale). Django still deletes a target's
    # statuses with it (on_delete, done by Django's collector, not by the database).
    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="statuses", db_index=False,
                               db_constraint=False)
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
    # A digest of everything the engine read for this row (the rules' source, the target's spec, the
    # year, "as of" and the observations picked): a recompute that finds the same digest stored
    # skips the target instead of judging it again and rewriting the same row.
    inputs = models.BigIntegerField(null=True, blank=True, editable=False)
    # The form whose value the engine read (None: no figure, or a recompute that does not know it).
    # A value changed in another form that loses to this one in the choice of the input (`_pick`)
    # cannot change the row, so the refresh after a save leaves the target alone without reading
    # its values (services/relevance.py). A plain id, not a foreign key: nothing joins on it.
    source_form = models.BigIntegerField(null=True, blank=True, editable=False)

    class Meta:
        # Every reader looks rows up by target (selectors.statuses, exports, the target page): a
        # (period, status) index only cost each write, and tempted the planner away from this one.
        unique_together = [("target", "period", "public")]
        verbose_name = _("kết quả đánh giá chỉ tiêu")
        verbose_name_plural = _("kết quả đánh giá chỉ tiêu")

    def __str__(self) -> str:
        return f"{self.target} {self.period}: {self.status}"

    @property
    def label(self) -> str:
        """The status's name in the page's language ("Đúng tiến độ" / "On track")."""
        from django.utils.translation import gettext

        from theodoi.evaluation.explain import STATUS_LABELS_VI

        label = STATUS_LABELS_VI.get(self.status)
        return gettext(label) if label else self.status

    @property
    def badge(self) -> str:
        return STATUS_BADGES.get(self.status, "b-muted")


class StatusRefresh(models.Model):
    """One recompute of stored statuses: the targets it was asked for (none: all), when it ran, how
    many rows it wrote and how many it found unchanged, and the reporting rounds it judged at.

    The subject of the background job that follows saved and accepted values; the latest finished
    one is the "statuses refreshed at" of the dashboards, and its rounds tell the next incremental
    refresh whether a round moved (then every target is judged again: "as of" changed for all)."""

    target_ids = models.JSONField(default=list, blank=True)
    # [form id, target id] of the values saved (or of a form whose status changed): their targets
    # are judged again only when that form's value can change their input (services/relevance.py).
    # `target_ids` are judged again whatever happened. An entry [form, target, before, after] also
    # says the figure before and after (decimal text or null: services/revised.py).
    form_targets = models.JSONField(default=list, blank=True)
    full = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    rounds = models.JSONField(default=dict, blank=True)  # "2021:public" -> "2021-06-30"
    written = models.IntegerField(default=0)
    skipped = models.IntegerField(default=0)
    error = models.TextField(blank=True)

    class Meta:
        indexes = [models.Index(fields=["finished_at"])]
        verbose_name = _("lần tính lại đánh giá")
        verbose_name_plural = _("lần tính lại đánh giá")

    def __str__(self) -> str:
        named = len(self.target_ids) + len({entry[1] for entry in self.form_targets})
        return f"refresh {self.pk} ({'all' if self.full else named} targets)"


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
