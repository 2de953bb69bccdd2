"""The public dashboard in sections: a table of contents, filters by field (sector) and status that
are plain GET parameters (they work without JavaScript), and each section bounded, with a link to
the full list behind it. Before, the page printed every target twice (chart and table), one very
long page for a province's few hundred targets."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from urllib.parse import urlencode

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from theodoi.evaluation import selectors
from theodoi.evaluation.explain import STATUS_LABELS_VI
from theodoi.evaluation.summaries import STATUS_ORDER
from theodoi.evaluation.toc import table_of_contents
from theodoi.plans.models import Field

SECTION_ROWS = 25  # targets in the progress chart and the table of the page
GROUP_ROWS = 12  # agencies or districts in a group table
# The labels come from explain.STATUS_LABELS_VI; the templates mark all but this one, which only the
# status filter shows: marked here so makemessages keeps its English.
gettext_noop("Dự báo")


def status_choices() -> list[tuple[str, str]]:
    """The status filter's options: "achieved or exceeded" first, then each status."""
    return [("good", _("Đạt và vượt")), ("on_pace", _("Đạt, vượt hoặc đúng tiến độ"))] + [
        (s, _(STATUS_LABELS_VI.get(s, s))) for s in STATUS_ORDER
    ]


def clean_filters(params: Any) -> tuple[str, str]:
    """(field, status) from the query string; a value that is not one of the options is ignored."""
    field = params.get("linh_vuc", "")
    status = params.get("trang_thai", "")
    return (field if field in Field.values else "",
            status if status in {s for s, _label in status_choices()} else "")


def _with_status(rows: Sequence[selectors.StatusRow], status: str) -> list[selectors.StatusRow]:
    if status == "good":
        return [r for r in rows if r.code in selectors.GOOD]
    if status == "on_pace":
        return [r for r in rows if r.code in selectors.ON_PACE]
    return [r for r in rows if r.code == status] if status else list(rows)


def sections(context: dict[str, Any], *, year: str, field: str, status: str) -> dict[str, Any]:
    """What the public page adds to the overview's context: filtered and bounded target sections,
    bounded group tables, the filter options and the table of contents (only sections shown)."""
    rows = _with_status(context["rows"], status)
    shown = rows[:SECTION_ROWS]
    query = urlencode({k: v for k, v in (("nam", year), ("linh_vuc", field), ("trang_thai", status)) if v})
    out: dict[str, Any] = {
        "rows": shown, "rows_total": len(rows), "rows_more": len(rows) > len(shown),
        "more_url": context["list_url"] + (f"?{query}" if query else ""),
        "progress_chart": selectors.progress_chart(shown, context["detail_url"]),
        "progress_height": str(max(240, 24 * sum(1 for r in shown if r.status and r.status.progress_pct is not None) + 60)),
        "field_choices": list(Field.choices), "status_choices": status_choices(),
        "filter_field": field, "filter_status": status,
        "by_agency": context["by_agency"][:GROUP_ROWS], "agency_more": max(0, len(context["by_agency"]) - GROUP_ROWS),
        "by_district": context["by_district"][:GROUP_ROWS],
        "district_more": max(0, len(context["by_district"]) - GROUP_ROWS),
    }
    out["toc"] = table_of_contents({**context, **out})
    return out
