"""Template filters for Vietnamese display: {{ value|vn_number }} gives 1.234,5."""

from __future__ import annotations

from django import template

from theodoi.plans.formatting import format_number

register = template.Library()


@register.filter
def vn_number(value: float | int | None) -> str:
    if value is None or value == "":
        return "—"
    try:
        return format_number(float(value))
    except (TypeError, ValueError):
        return str(value)
