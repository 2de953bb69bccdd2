"""Vietnamese wording for evaluation results: number formatting, labels, phrases.

Kept apart from the engine so that the rules (engine.py) read as rules and the
wording can be reviewed by someone who writes official reports, without touching
the arithmetic. Everything here is pure and never raises for any float,
including inf and nan (those print as "—"), because an explanation
must never be the thing that breaks an evaluation page.

Numbers are written the Vietnamese way: thousands separated by ".", decimals
by "," (1.120 ha; 37,5%), by theodoi.core.vnformat, the formatter pages and DOCX/XLSX
reports use too; it is pure Python, so the engine stays importable without Django.
"""

from __future__ import annotations

from datetime import date

from theodoi.core import vnformat

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

_UNKNOWN = vnformat.MISSING


def format_vn_number(value: float | int | None, decimals: int = vnformat.DECIMALS, *, strip: bool = True) -> str:
    """theodoi.core.vnformat.number: 1234567.891 -> "1.234.567,891", None/inf/nan -> "—"."""
    return vnformat.number(value, decimals, strip=strip)


def format_pct(value: float | None) -> str:
    """theodoi.core.vnformat.percent's sentence rule: whole numbers from 10% up, one decimal below."""
    return vnformat.percent(value)


def with_unit(text: str, unit: str) -> str:
    """Attach a unit: no space before "%" ("37%"), one space otherwise ("3.000 ha")."""
    unit = (unit or "").strip()
    if not unit:
        return text
    if unit == "%":
        return text + "%"
    return f"{text} {unit}"


def format_date_vi(day: date) -> str:
    """dd/mm/yyyy, as dates are written in Vietnamese reports (theodoi.core.vnformat.date)."""
    return vnformat.date(day)


def format_day_month_vi(day: date) -> str:
    """d/m/yyyy without padding, the way thresholds are quoted ("30/6/2021")."""
    return vnformat.day_month(day)


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
