"""Dashboard filters: {{ x|pct }} → "37,5%", {{ x|num }} → "1.234,5" (the engine's wording rules)."""

from __future__ import annotations

from typing import Any

from django import template

from theodoi.evaluation.explain import format_pct, format_vn_number
from theodoi.evaluation.explain import with_unit as explain_with_unit

register = template.Library()


@register.filter
def pct(value: Any) -> str:
    if value is None or value == "":
        return "—"
    try:
        return format_pct(float(value))
    except (TypeError, ValueError):
        return str(value)


@register.filter
def num(value: Any, decimals: int = 2) -> str:
    if value is None or value == "":
        return "—"
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
        return "—"
    try:
        return format_pct(float(value) * 100)
    except (TypeError, ValueError):
        return str(value)


@register.filter
def with_unit(value: Any, unit: str) -> str:
    """{{ x|with_unit:"%" }} → "10,6%"; {{ x|with_unit:"ha" }} → "1.234,5 ha"."""
    if value is None or value == "":
        return "—"
    try:
        return explain_with_unit(format_vn_number(float(value)), unit or "")
    except (TypeError, ValueError):
        return str(value)
