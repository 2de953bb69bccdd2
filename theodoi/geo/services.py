"""`boundaries_import`: the one way shapes get into the database (CLI, demo loader, tests).

Everything is checked before anything is written: the GeoJSON itself (`geojson.parse_features`),
then that every code names a known district or commune. Then, in one transaction, each unit's
boundary is created or replaced and one audit entry records the import.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db import transaction

from theodoi.accounts.models import OrgUnit, UnitKind
from theodoi.accounts.permissions import is_planner
from theodoi.core import audit
from theodoi.core.refusals import Invalid, NotAllowed
from theodoi.geo.geojson import Feature, GeoJSONError, parse_features
from theodoi.geo.models import Boundary, BoundaryImport, BoundaryLevel

# The level a unit's shape has, from the unit's kind (a file may say it itself: "level").
_LEVEL_OF_KIND: dict[str, str] = {
    UnitKind.PROVINCE: BoundaryLevel.PROVINCE,
    UnitKind.DISTRICT: BoundaryLevel.DISTRICT,
    UnitKind.COMMUNE: BoundaryLevel.COMMUNE,
}


@dataclass
class ImportResult:
    batch: BoundaryImport | None
    created: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.created) + len(self.replaced) + len(self.unchanged)


def _level(feature_level: str, unit: OrgUnit) -> str | None:
    if feature_level:
        return feature_level if feature_level in BoundaryLevel.values else None
    return _LEVEL_OF_KIND.get(unit.kind)


def boundaries_import(*, user: Any, data: bytes | str, source: str, code_property: str = "code") -> ImportResult:
    """Import a GeoJSON FeatureCollection; each feature's `code_property` names a unit's code.

    `user` None is the system (the demo loader); a person must be a planner or an administrator.
    Refuses (Invalid, with every problem named) a malformed file, an unknown code or a unit that is
    not a district or commune; then nothing is written.
    """
    if user is not None and not is_planner(user):
        raise NotAllowed("Chỉ chuyên viên kế hoạch hoặc quản trị viên được nhập ranh giới hành chính.")
    try:
        features = parse_features(data, code_property=code_property)
    except GeoJSONError as exc:
        raise Invalid(exc.message_vi) from exc
    units = {u.code: u for u in OrgUnit.objects.filter(code__in=[f.code for f in features])}
    unknown = [f.code for f in features if f.code not in units]
    if unknown:
        raise Invalid(
            "Không có đơn vị nào mang mã: " + ", ".join(unknown)
            + f" (thuộc tính “{code_property}” của vùng phải là mã đơn vị trong hệ thống)."
        )
    wrong = [f"{f.code} ({units[f.code].name})" for f in features if _level(f.level, units[f.code]) is None]
    if wrong:
        raise Invalid(
            "Chỉ nhập được ranh giới tỉnh, huyện hoặc xã; không phải đơn vị hành chính hoặc cấp không hợp lệ: "
            + ", ".join(wrong) + "."
        )
    existing = {b.unit_id: b for b in Boundary.objects.filter(unit__in=units.values())}
    result = ImportResult(batch=None)
    changes: list[tuple[Feature, str, Boundary | None]] = []
    for feature in features:
        unit = units[feature.code]
        level = _level(feature.level, unit) or BoundaryLevel.DISTRICT
        boundary = existing.get(unit.pk)
        if boundary is not None and boundary.geometry == feature.geometry and boundary.level == level:
            result.unchanged.append(unit.code)
        else:
            changes.append((feature, level, boundary))
    if not changes:
        return result  # the same file again: nothing to write, nothing to audit
    with transaction.atomic():
        batch = BoundaryImport.objects.create(
            source=source[:255], features=len(features), imported_by=user if getattr(user, "pk", None) else None,
        )
        result.batch = batch
        for feature, level, boundary in changes:
            unit = units[feature.code]
            if boundary is None:
                Boundary.objects.create(unit=unit, level=level, geometry=feature.geometry,
                                        source_name=feature.name[:255], batch=batch)
                result.created.append(unit.code)
            else:
                boundary.geometry, boundary.level, boundary.batch = feature.geometry, level, batch
                boundary.source_name = feature.name[:255]
                boundary.save()
                result.replaced.append(unit.code)
        audit.record(
            actor=user, action="boundaries.import", subject=batch, before=None,
            after={"created": result.created, "replaced": result.replaced, "unchanged": len(result.unchanged)},
            note=source[:255],
        )
    return result
