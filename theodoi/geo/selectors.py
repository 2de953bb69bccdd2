"""The data a choropleth needs: the shapes, one coloured region per unit, the legend, the table.

Callers (the dashboards) decide what a region means (a target's status, a share of targets on
track, a disbursement rate) and pass plain `Region`s; this module knows shapes and colours only,
so the apps that own the figures depend on it and it depends on none of them.

Regions are keyed by unit code inside the map (ECharts' region name), never by the unit's name:
names come from documents and are shown only as text (the script escapes them for tooltips).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from theodoi.accounts.models import OrgUnit
from theodoi.geo.models import Boundary, BoundaryLevel

#: Colours of target statuses: the same as the dashboard charts (evaluation/charts.js).
STATUS_COLORS: dict[str, str] = {
    "exceeded": "#1e7d32", "achieved": "#4caf50", "on_track": "#1d4f91", "at_risk": "#e0a100",
    "off_track": "#d9534f", "not_achieved": "#b3261e", "no_data": "#c5ccd3", "forecast": "#c5ccd3",
}
#: Colours of three bands of a share (of targets on track, of capital disbursed) and "nothing".
BAND_COLORS: dict[str, str] = {"high": "#2e7d32", "mid": "#e0a100", "low": "#d9534f", "none": "#c5ccd3"}


@dataclass(frozen=True)
class Region:
    """One unit on a map: its colour category, the words for it, and where a click goes."""

    unit: OrgUnit
    category: str
    label: str
    detail: str = ""
    url: str = ""


@dataclass(frozen=True)
class LegendEntry:
    key: str
    label: str
    color: str


@dataclass(frozen=True)
class MapData:
    """What the map partial renders: `payload` goes to the script (json_script), the rest to HTML."""

    dom_id: str
    title: str
    caption: str
    legend: list[LegendEntry]
    regions: list[Region]
    payload: dict[str, Any]
    heading: str = ""  # the table's first column ("Xã, phường, thị trấn"); empty: districts


def unit_label(unit: OrgUnit) -> str:
    """"huyện Đắk Hà" rather than "UBND huyện Đắk Hà": a map shows places."""
    return unit.short_name or unit.name


# The administrative words that open a place's name. On a map the outline already says what a place
# is, and ten "huyện ..." labels on a small province overlap one another; the tooltip and the table
# keep the full name.
_LEVEL_WORDS = ("thành phố", "thị xã", "thị trấn", "huyện", "quận", "phường", "xã")


def map_label(unit: OrgUnit) -> str:
    """"Đắk Hà" for "huyện Đắk Hà", "TP. Kon Tum" for "thành phố Kon Tum": the words on the outline."""
    name = unit_label(unit)
    lowered = name.lower()
    for word in _LEVEL_WORDS:
        if lowered.startswith(word + " ") and len(name) > len(word) + 1:
            rest = name[len(word) + 1:].strip()
            return f"TP. {rest}" if word == "thành phố" else rest
    return name


def boundaries(*, level: str = BoundaryLevel.DISTRICT, within: OrgUnit | None = None) -> list[Boundary]:
    """The shapes of one level (under a unit, when given), in name order."""
    qs = Boundary.objects.filter(level=level).select_related("unit")
    if within is not None:
        qs = qs.filter(unit_id__in=within.descendant_ids())
    return list(qs.order_by("unit__name"))


def band(share: float | None, *, high: float, low: float) -> str:
    """"high" at or above `high` per cent, "low" below `low`, "mid" between, "none" without a share."""
    if share is None:
        return "none"
    return "high" if share >= high else "low" if share < low else "mid"


def choropleth(
    *, dom_id: str, title: str, caption: str, regions: Iterable[Region], legend: Sequence[LegendEntry],
    shapes: Sequence[Boundary], empty_label: str, empty_key: str = "none", heading: str = "",
) -> MapData | None:
    """A map of `shapes`, each coloured by its region (units without one get `empty_label`).

    None when there are no shapes: the page then shows no map at all (its tables stay).
    """
    if not shapes:
        return None
    by_unit = {r.unit.pk: r for r in regions}
    colors = {entry.key: entry.color for entry in legend}
    shown: list[Region] = []
    features = []
    for shape in shapes:
        region = by_unit.get(shape.unit_id) or Region(unit=shape.unit, category=empty_key, label=empty_label)
        shown.append(region)
        features.append({"type": "Feature", "properties": {"name": shape.unit.code}, "geometry": shape.geometry})
    used = {r.category for r in shown}
    return MapData(
        dom_id=dom_id, title=title, caption=caption, heading=heading,
        legend=[entry for entry in legend if entry.key in used],
        regions=shown,
        payload={
            "map": dom_id,
            "geo": {"type": "FeatureCollection", "features": features},
            "regions": [
                {"code": r.unit.code, "name": unit_label(r.unit), "place": map_label(r.unit), "label": r.label, "detail": r.detail,
                 "url": r.url, "color": colors.get(r.category, BAND_COLORS["none"]), "category": r.category}
                for r in shown
            ],
        },
    )
