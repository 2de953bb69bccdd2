"""How targets read on screen: "trên 10%", "21 - 22%", "3.500 tỷ đồng"."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext, gettext_noop

from theodoi.core import vnformat

# The word before a figure (pages translate it: gettext(COMPARATOR_WORDS[c])).
COMPARATOR_WORDS = {">": gettext_noop("trên"), ">=": gettext_noop("từ"), "<": gettext_noop("dưới"),
                    "<=": gettext_noop("không quá"), "~": gettext_noop("khoảng"), "=": "", "between": ""}
# The same words around the figure, in the page's language ("từ 10% trở lên" / "10% or more").
_LABELS = {
    ">": gettext_noop("trên %(value)s"),
    ">=": gettext_noop("từ %(value)s trở lên"),
    "<": gettext_noop("dưới %(value)s"),
    "<=": gettext_noop("không quá %(value)s"),
    "~": gettext_noop("khoảng %(value)s"),
}


def format_number(value: float | None) -> str:
    """Vietnamese number formatting (theodoi.core.vnformat.number): "1.234,5", None → "—"."""
    return vnformat.number(value)


def target_value_label(target: Any) -> str:
    """The target as the page states it, in the active language (Vietnamese: "từ 10% trở lên")."""
    if target.comparator == "between" and target.value_max is not None:
        core = f"{format_number(target.value)} - {format_number(target.value_max)}"
    else:
        core = format_number(target.value)
    suffix = "%" if target.unit == "%" else (f" {target.unit}" if target.unit else "")
    label = _LABELS.get(target.comparator)
    return gettext(label) % {"value": core + suffix} if label else f"{core}{suffix}"
