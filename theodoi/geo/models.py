"""District and commune boundaries, kept as GeoJSON geometry on the unit they outline.

Maps are drawn in the browser by ECharts from these shapes (no tile server, works offline), so the
database needs no spatial extension: a geometry is plain JSON, checked on import
(`theodoi.geo.geojson`).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from theodoi.accounts.models import OrgUnit


class BoundaryLevel(models.TextChoices):
    PROVINCE = "province", _("Tỉnh")
    DISTRICT = "district", _("Huyện, thành phố")
    COMMUNE = "commune", _("Xã, phường, thị trấn")


class BoundaryImport(models.Model):
    """One import of a GeoJSON file: what the audit entry is about, and where each shape came from."""

    source = models.CharField(_("tệp nguồn"), max_length=255)
    features = models.PositiveIntegerField(_("số vùng"), default=0)
    imported_at = models.DateTimeField(_("thời điểm nhập"), auto_now_add=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
    )

    class Meta:
        ordering = ["-imported_at"]
        verbose_name = _("lần nhập ranh giới")
        verbose_name_plural = _("lần nhập ranh giới")

    def __str__(self) -> str:
        return f"{self.source} ({self.features})"


class Boundary(models.Model):
    """The outline of one unit (a district or a commune); one per unit, replaced by a new import."""

    unit = models.OneToOneField(OrgUnit, on_delete=models.CASCADE, related_name="boundary", verbose_name=_("đơn vị"))
    level = models.CharField(_("cấp"), max_length=10, choices=BoundaryLevel.choices)
    geometry = models.JSONField(_("hình dạng (GeoJSON)"))
    source_name = models.CharField(_("tên trong tệp nguồn"), max_length=255, blank=True)
    batch = models.ForeignKey(BoundaryImport, null=True, blank=True, on_delete=models.SET_NULL, related_name="boundaries")

    class Meta:
        ordering = ["unit__name"]
        verbose_name = _("ranh giới hành chính")
        verbose_name_plural = _("ranh giới hành chính")

    def __str__(self) -> str:
        return f"{self.unit.name} ({self.get_level_display()})"
