"""The dashboards' maps: what colours each district, from the figures this app already reads.

Four maps: the share of a district's targets on track or better (province overview, field page),
the same for a district's communes (the district's page), one indicator's status in each district (a
target's page), and the share of capital disbursed (province overview). Shapes and colours are `theodoi.geo`'s; a click opens the district's page.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from theodoi.accounts.models import OrgUnit
from theodoi.evaluation import selectors
from theodoi.evaluation.explain import STATUS_LABELS_VI, format_pct, format_vn_number
from theodoi.evaluation.summaries import STATUS_ORDER
from theodoi.geo import selectors as geo
from theodoi.geo.models import BoundaryLevel
from theodoi.plans.models import Plan, Target

GOOD_OR_ON_TRACK = ("exceeded", "achieved", "on_track")
# Bands of the share of a district's judged targets that are on track or better (per cent).
STATUS_HIGH, STATUS_LOW = 75.0, 50.0
# Bands of the share of the capital plan disbursed so far (per cent).
DISBURSED_HIGH, DISBURSED_LOW = 60.0, 30.0


def _unit_url(unit: OrgUnit, *, public: bool, year: str) -> str:
    query = f"?nam={year}" if year else ""
    if public:
        sep = "&" if query else "?"
        return reverse("evaluation:public_target_list") + f"{query}{sep}don_vi={unit.code}"
    return reverse("evaluation:unit", args=[unit.code]) + query


def _band_legend(high: str, mid: str, low: str, none: str) -> list[geo.LegendEntry]:
    colors = geo.BAND_COLORS
    return [geo.LegendEntry("high", high, colors["high"]), geo.LegendEntry("mid", mid, colors["mid"]),
            geo.LegendEntry("low", low, colors["low"]), geo.LegendEntry("none", none, colors["none"])]


def _share_region(unit: OrgUnit, counts: Counter[str], url: str) -> geo.Region:
    """A unit coloured by the share of its judged targets on track or better."""
    judged = sum(counts.values()) - counts["no_data"]
    good = sum(counts[s] for s in GOOD_OR_ON_TRACK)
    share = good * 100 / judged if judged else None
    label = (_("%(good)s/%(judged)s chỉ tiêu đạt, vượt hoặc đúng tiến độ") % {"good": good, "judged": judged}
             if judged else _("Chưa có số liệu"))
    parts = [f"{_(STATUS_LABELS_VI[s])}: {counts[s]}" for s in STATUS_ORDER if counts[s]]
    return geo.Region(unit=unit, category=geo.band(share, high=STATUS_HIGH, low=STATUS_LOW), label=label,
                      detail="; ".join(parts), url=url)


def _share_legend() -> list[geo.LegendEntry]:
    return _band_legend(_("Từ 75% chỉ tiêu trở lên đạt hoặc đúng tiến độ"), _("Từ 50% đến dưới 75%"),
                        _("Dưới 50%"), _("Chưa có số liệu hoặc chưa giao chỉ tiêu"))


def status_share_map(rows: Sequence[selectors.StatusRow], *, public: bool, year: str) -> geo.MapData | None:
    """Each district coloured by the share of its targets (and its communes') on track or better."""
    shapes = geo.boundaries()
    if not shapes:
        return None
    regions = [
        _share_region(group.unit, Counter({s: group.count(s) for s in STATUS_ORDER}),  # type: ignore[arg-type]
                      _unit_url(group.unit, public=public, year=year))  # type: ignore[arg-type]
        for group in selectors.by_district(rows)
    ]
    return geo.choropleth(
        dom_id="map-status", title=_("Bản đồ kết quả chỉ tiêu theo huyện"),
        caption=_("Màu theo tỷ lệ chỉ tiêu của huyện (và các xã) đạt, vượt hoặc đúng tiến độ; bấm vào một huyện để xem trang của huyện."),
        regions=regions, shapes=shapes, empty_label=_("Không có chỉ tiêu giao cho huyện"), legend=_share_legend(),
    )


def commune_map(rows: Sequence[selectors.StatusRow], *, district: OrgUnit, public: bool, year: str) -> geo.MapData | None:
    """A district's communes, each coloured by the share of its own targets on track or better (the
    province map's bands); a click opens the commune's page. None without commune outlines."""
    shapes = geo.boundaries(level=BoundaryLevel.COMMUNE, within=district)
    if not shapes:
        return None
    commune_of = {pk: shape.unit for shape in shapes for pk in shape.unit.descendant_ids()}
    counts: dict[int, Counter[str]] = defaultdict(Counter)
    for row in rows:
        commune = commune_of.get(row.target.responsible_unit_id)  # type: ignore[arg-type]
        if commune is not None:
            counts[commune.pk][row.code] += 1
    regions = [_share_region(shape.unit, counts[shape.unit_id], _unit_url(shape.unit, public=public, year=year))
               for shape in shapes if shape.unit_id in counts]
    return geo.choropleth(
        dom_id="map-communes", title=_("Bản đồ kết quả chỉ tiêu theo xã"), heading=_("Xã, phường, thị trấn"),
        caption=_("Màu theo tỷ lệ chỉ tiêu của xã đạt, vượt hoặc đúng tiến độ; bấm vào một xã để xem trang của xã."),
        regions=regions, shapes=shapes, empty_label=_("Không có chỉ tiêu giao cho xã"), legend=_share_legend(),
    )


def indicator_map(target: Target, *, public: bool) -> geo.MapData | None:
    """One indicator in one period, district by district: each district's own target's status."""
    shapes = geo.boundaries()
    if not shapes:
        return None
    siblings = Target.objects.filter(indicator_id=target.indicator_id, period=target.period,
                                     responsible_unit__isnull=False)
    rows = selectors.status_rows(public=public, targets=siblings, main_only=False)
    plan_units = dict(Plan.objects.filter(pk__in={r.target.plan_id for r in rows}).values_list("pk", "unit_id"))
    picked: dict[int, tuple[bool, selectors.StatusRow, OrgUnit]] = {}
    for row in rows:
        district = selectors.district_of(row.unit)
        if district is None:
            continue
        own = plan_units.get(row.target.plan_id) == row.target.responsible_unit_id
        if district.pk not in picked or (own and not picked[district.pk][0]):
            picked[district.pk] = (own, row, district)  # a district's own plan before the province's
    regions = []
    for _own, row, district in picked.values():
        status = row.status
        detail = ""
        if status is not None and status.progress_pct is not None:
            detail = _("Thực hiện %(pct)s chỉ tiêu") % {"pct": format_pct(status.progress_pct)}
        regions.append(geo.Region(unit=district, category=row.code, label=row.label, detail=detail,
                                  url=_unit_url(district, public=public, year=target.period)))
    legend = [geo.LegendEntry(s, _(STATUS_LABELS_VI[s]), geo.STATUS_COLORS[s]) for s in STATUS_ORDER]
    legend.append(geo.LegendEntry("none", _("Huyện không có chỉ tiêu này"), geo.BAND_COLORS["none"]))
    return geo.choropleth(
        dom_id="map-indicator", title=_("Bản đồ đánh giá chỉ tiêu này ở các huyện"),
        caption=_("Màu theo đánh giá chỉ tiêu cùng tên, cùng kỳ mà mỗi huyện được giao; bấm vào một huyện để xem trang của huyện."),
        regions=regions, shapes=shapes, empty_label=_("Huyện không có chỉ tiêu này"), legend=legend,
    )


def disbursement_map(investment_rows: Sequence[Any], *, year: str) -> geo.MapData | None:
    """Each district coloured by the share of its projects' capital plan disbursed so far."""
    shapes = geo.boundaries()
    if not shapes or not investment_rows:
        return None
    sums: dict[int, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    units: dict[int, OrgUnit] = {}
    for row in investment_rows:
        district = row.project.district
        if district is None:
            continue
        units[district.pk] = district
        slot = sums[district.pk]
        slot[0] += float(row.plan)
        slot[1] += float(row.disbursed)
        slot[2] += 1
    regions = []
    for pk, (plan, disbursed, projects) in sums.items():
        share = disbursed * 100 / plan if plan else None
        label = _("Giải ngân %(pct)s kế hoạch vốn") % {"pct": format_pct(share)} if share is not None else _("Chưa có kế hoạch vốn")
        detail = _("%(done)s/%(plan)s triệu đồng; %(n)s dự án") % {
            "done": format_vn_number(disbursed, 0), "plan": format_vn_number(plan, 0), "n": int(projects)}
        regions.append(geo.Region(unit=units[pk], category=geo.band(share, high=DISBURSED_HIGH, low=DISBURSED_LOW),
                                  label=label, detail=detail, url=_unit_url(units[pk], public=False, year=year)))
    return geo.choropleth(
        dom_id="map-disbursement", title=_("Bản đồ giải ngân vốn đầu tư công theo huyện"),
        caption=_("Màu theo tỷ lệ vốn đã giải ngân so với kế hoạch vốn của các dự án trên địa bàn huyện; bấm vào một huyện để xem trang của huyện."),
        regions=regions, shapes=shapes, empty_label=_("Không có dự án có kế hoạch vốn"),
        legend=_band_legend(_("Từ 60% trở lên"), _("Từ 30% đến dưới 60%"), _("Dưới 30%"), _("Không có dự án")),
    )
