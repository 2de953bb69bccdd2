"""Dashboard filters: {{ x|pct }} → "37,5%", {{ x|num }} → "1.234,5" (the engine's wording rules)."""

from __future__ import annotations

from html import escape
from typing import Any

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from theodoi.core import vnformat
from theodoi.evaluation.explain import format_pct, format_vn_number
from theodoi.evaluation.explain import with_unit as explain_with_unit
from theodoi.evaluation.summary_wording import summary_sentence
from theodoi.evaluation.wording import in_page_language

register = template.Library()


@register.filter
def in_language(text: Any) -> str:
    """A stored engine sentence (explanation, rule, reason) in the page's language (wording.py)."""
    return in_page_language(str(text or ""))


@register.filter
def sentence(summary: Any) -> str:
    """A summary's sentence in the page's language (summary_wording.py)."""
    return summary_sentence(summary)


@register.filter
def pct(value: Any) -> str:
    if value is None or value == "":
        return vnformat.MISSING
    try:
        return format_pct(float(value))
    except (TypeError, ValueError):
        return str(value)


@register.filter
def num(value: Any, decimals: int = vnformat.DECIMALS) -> str:
    if value is None or value == "":
        return vnformat.MISSING
    try:
        return format_vn_number(float(value), int(decimals))
    except (TypeError, ValueError):
        return str(value)


@register.filter
def count(group: Any, status: str) -> int:
    """{{ group|count:"on_track" }}: a group summary's count of one status."""
    return int(group.count(status))


@register.filter
def pct_share(value: Any) -> str:
    """A share 0..1 as a percentage: 0.325 → "32,5%"."""
    if value is None or value == "":
        return vnformat.MISSING
    try:
        return format_pct(float(value) * 100)
    except (TypeError, ValueError):
        return str(value)


@register.filter
def with_unit(value: Any, unit: str) -> str:
    """{{ x|with_unit:"%" }} → "10,6%"; {{ x|with_unit:"ha" }} → "1.234,5 ha"."""
    if value is None or value == "":
        return vnformat.MISSING
    try:
        return explain_with_unit(format_vn_number(float(value)), unit or "")
    except (TypeError, ValueError):
        return str(value)


def _not_evaluated() -> str:
    """A function, not a constant: the text follows the language active at render time."""
    text = escape(gettext("Chưa đánh giá (chạy “theodoi evaluate”)."))
    return '<td class="small"><span class="muted">' + text + "</span></td>"


@register.simple_tag
def status_rows_html(rows: Any, detail_url: str, trail_url: Any = "") -> str:
    """The rows of the status table, built in Python: a province has hundreds of targets and the
    template engine spends most of a dashboard request on them (the p95 goal is 200 ms).

    Plain f-strings with `html.escape` (what `format_html` does for each argument, without its
    per-call overhead): the output is the same markup, escaped the same way. With ``trail_url``
    (theodoi.trail's context, for planners and leaders) each reported figure links to its trail."""
    out = []
    url = escape(detail_url)
    trail = escape(str(trail_url or ""))
    for r in rows:
        target, status = r.target, r.status
        unit_name = target.responsible_unit.name if target.responsible_unit_id else ""
        unit_html = f'<div class="small muted">{escape(unit_name)}</div>' if unit_name else ""
        if status is not None:
            value = with_unit(status.value, target.unit) if status.value is not None else "—"
            if trail and status.value is not None:
                value_html = f'<a href="{trail}{target.pk}/" data-trail>{escape(value)}</a>'
            else:
                value_html = escape(value)
            progress = pct(status.progress_pct) if status.progress_pct is not None else "—"
            reason = f'<td class="small">{escape(in_page_language(status.explanation))}</td>'
        else:
            value = progress = value_html = "—"
            reason = _not_evaluated()
        out.append(
            f'<tr><td><a href="{url}{target.pk}/">{escape(target.indicator.name)}</a>{unit_html}</td>'
            f'<td class="nowrap">{escape(target.value_label)}</td><td class="num">{value_html}</td>'
            f'<td class="num">{escape(progress)}</td><td><span class="badge {escape(r.badge)}">{escape(r.label)}</span>'
            f"</td>{reason}</tr>"
        )
    if not out:
        empty = escape(gettext("Không có chỉ tiêu nào."))
        return mark_safe('<tr><td colspan="6" class="muted">' + empty + "</td></tr>")  # noqa: S308 - escaped
    return mark_safe("".join(out))  # noqa: S308 - every value above is escaped
