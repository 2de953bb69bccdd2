"""How targets read on screen: "trên 10%", "21 - 22%", "3.500 tỷ đồng"."""

from __future__ import annotations

from typing import Any

from theodoi.core import vnformat

COMPARATOR_WORDS = {">": "trên", ">=": "từ", "<": "dưới", "<=": "không quá", "~": "khoảng", "=": "", "between": ""}


def format_number(value: float | None) -> str:
    """Vietnamese number formatting (theodoi.core.vnformat.number): "1.234,5", None → "—"."""
    return vnformat.number(value)


def target_value_label(target: Any) -> str:
    word = COMPARATOR_WORDS.get(target.comparator, "")
    if target.comparator == "between" and target.value_max is not None:
        core = f"{format_number(target.value)} - {format_number(target.value_max)}"
    else:
        core = format_number(target.value)
    suffix = "%" if target.unit == "%" else (f" {target.unit}" if target.unit else "")
    if target.comparator == ">=":
        return f"từ {core}{suffix} trở lên"
    return f"{word} {core}{suffix}".strip()
