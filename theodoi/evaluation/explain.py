"""Vietnamese wording for evaluation results: number formatting, labels, phrases.

Kept apart from the engine so that the rules (engine.py) read as rules and the
wording can be reviewed by someone who writes official reports, without touching
the arithmetic. Everything here is pure and never raises for any float,
including inf and nan (those print as "không xác định"), because an explanation
must never be the thing that breaks an evaluation page.

Numbers are written the Vietnamese way: thousands separated by ".", decimals
by "," (1.120 ha; 37,5%). A local formatter is used on purpose: the engine must
stay importable without the rest of the project.
"""

from __future__ import annotations

import math
from datetime import date

# One mapping for every status label shown to users (engine statuses).
STATUS_LABELS_VI: dict[str, str] = {
    "exceeded": "Vượt",
    "achieved": "Đạt",
    "not_achieved": "Không đạt",
    "on_track": "Đúng tiến độ",
    "at_risk": "Có nguy cơ",
    "off_track": "Chậm tiến độ",
    "no_data": "Chưa có số liệu",
    "forecast": "Dự báo",
}

# The closing phrase of an explanation sentence, after the arrow.
STATUS_PHRASES_VI: dict[str, str] = {
    "exceeded": "vượt chỉ tiêu",
    "achieved": "đạt chỉ tiêu",
    "not_achieved": "không đạt chỉ tiêu",
    "on_track": "đúng tiến độ",
    "at_risk": "có nguy cơ không đạt",
    "off_track": "chậm tiến độ, khó đạt chỉ tiêu",
    "no_data": "chưa đánh giá được",
    "forecast": "chỉ tiêu dự báo, không đánh giá",
}

# How a comparator reads in a Vietnamese plan ("between" is handled apart).
COMPARATOR_WORDS_VI: dict[str, str] = {
    ">": "trên",
    ">=": "ít nhất",
    "<": "dưới",
    "<=": "không quá",
    "=": "",
    "~": "khoảng",
}

FORECAST_METHODS_VI: dict[str, str] = {
    "linear extrapolation of the year-to-date figure": "ngoại suy tuyến tính số lũy kế",
    "seasonal profile of last year": "theo mùa vụ năm trước",
    "latest value carried": "giữ nguyên số liệu mới nhất",
    "year-end value": "số liệu cả năm",
}

_UNKNOWN = "không xác định"
# "1,234.5" -> "1.234,5": the thousands and decimal separators swapped in one pass.
_VN_SEPARATORS = str.maketrans(",.", ".,")


def format_vn_number(value: float | int | None, decimals: int = 2, *, strip: bool = True) -> str:
    """Format a number the Vietnamese way: 1234567.891 -> "1.234.567,89".

    `decimals` is the most digits after the comma; with `strip` trailing zeros
    (and a bare comma) are dropped so that whole numbers print as integers.
    None, inf and nan print as "không xác định" instead of raising.
    """
    if value is None:
        return _UNKNOWN
    number = float(value)
    if not math.isfinite(number):
        return _UNKNOWN
    text = f"{abs(number):,.{max(0, decimals)}f}"
    if strip and "." in text:
        text = text.rstrip("0").rstrip(".")
    text = text.translate(_VN_SEPARATORS)
    if number < 0 and text.strip("0.,"):
        return "-" + text
    return text


def format_pct(value: float | None) -> str:
    """A percentage for a sentence: whole numbers from 10% up, one decimal below.

    "37%" reads better than "37,33%" in a report; below 10 the decimal matters
    (0,4% is not 0%).
    """
    if value is None or not math.isfinite(value):
        return _UNKNOWN
    digits = 0 if abs(value) >= 10 else 1
    return format_vn_number(value, digits) + "%"


def with_unit(text: str, unit: str) -> str:
    """Attach a unit: no space before "%" ("37%"), one space otherwise ("3.000 ha")."""
    unit = (unit or "").strip()
    if not unit:
        return text
    if unit == "%":
        return text + "%"
    return f"{text} {unit}"


def format_date_vi(day: date) -> str:
    """dd/mm/yyyy, as dates are written in Vietnamese reports."""
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def format_day_month_vi(day: date) -> str:
    """d/m/yyyy without padding, the way thresholds are quoted ("30/6/2021")."""
    return f"{day.day}/{day.month}/{day.year}"


def target_text_vi(comparator: str, value: float, value_max: float | None, unit: str) -> str:
    """The target as a plan states it: "ít nhất 4%", "21-22%", "khoảng 567 nghìn người"."""
    if comparator == "between" and value_max is not None:
        lo, hi = sorted((value, value_max))
        return with_unit(f"{format_vn_number(lo)}-{format_vn_number(hi)}", unit)
    word = COMPARATOR_WORDS_VI.get(comparator, "")
    body = with_unit(format_vn_number(value), unit)
    return f"{word} {body}" if word else body


def arrow(status: str) -> str:
    """The sentence ending: " → có nguy cơ không đạt."."""
    return f" → {STATUS_PHRASES_VI.get(status, status)}."
