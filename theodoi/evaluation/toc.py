"""The table of contents of a dashboard page: one link per section the page actually shows.

The province dashboard is long (maps, groups, charts, tasks, reporting, investment, every target):
a leader looking for "which agencies are late" should jump there, not scroll. The public page and
the internal pages share this list so an anchor means the same section on both.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _


def _shown(context: dict[str, Any], key: str) -> bool:
    value = context.get(key)
    return bool(value)


def table_of_contents(context: dict[str, Any]) -> list[tuple[str, str]]:
    """(anchor, label) of each section the overview template will render from `context`, in
    page order; a section with nothing to show gets no link."""
    toc = [("tong-quan", _("Tổng quan"))]
    for key in ("status_map", "commune_map"):
        shown = context.get(key)
        if shown:
            toc.append((f"{shown.dom_id}-section", str(shown.title)))
    if len(context.get("by_field") or []) > 1:
        toc.append(("bieu-do-linh-vuc", _("Kết quả theo lĩnh vực")))
    if _shown(context, "by_field"):
        toc.append(("linh-vuc", _("Theo lĩnh vực")))
    if _shown(context, "by_agency"):
        toc.append(("co-quan", _("Theo cơ quan chịu trách nhiệm")))
    if _shown(context, "by_district"):
        toc.append(("huyen", _("Theo huyện, thành phố")))
    toc.append(("tien-do", _("Tiến độ so với chỉ tiêu")))
    tasks = context.get("tasks")
    if tasks and tasks.total:
        toc.append(("nhiem-vu", _("Nhiệm vụ theo 4 tình trạng")))
    if _shown(context, "heatmap"):
        toc.append(("gui-bao-cao", _("Tình hình gửi báo cáo")))
    if _shown(context, "investment") or _shown(context, "disbursement_map"):
        toc.append(("dau-tu-cong", _("Giải ngân vốn đầu tư công")))
    toc.append(("chi-tieu", _("Từng chỉ tiêu và lý do đánh giá")))
    return toc
