"""Vietnamese number and date wording used by every report renderer."""

from __future__ import annotations

from datetime import date


def vn_number(value: float | None, *, max_decimals: int = 2, empty: str = "-") -> str:
    """1234.5 -> "1.234,5"; trailing zeros dropped; None -> `empty`."""
    if value is None:
        return empty
    text = f"{value:,.{max_decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text in ("-0", ""):
        text = "0"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def vn_percent(value: float | None, *, empty: str = "-") -> str:
    """98.456 -> "98,5%"."""
    if value is None:
        return empty
    return vn_number(round(value, 1), max_decimals=1) + "%"


def vn_day_month(day: date) -> tuple[str, str]:
    """Day and month as Decree 30/2020 writes them: days < 10 and months 1-2 padded."""
    dd = f"{day.day:02d}"
    mm = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return dd, mm


def place_date_line(place: str, day: date) -> str:
    """The place-date line, e.g. "Kon Tum, ngày 05 tháng 01 năm 2021"."""
    dd, mm = vn_day_month(day)
    return f"{place}, ngày {dd} tháng {mm} năm {day.year}"


def date_short(day: date) -> str:
    """Short date such as "05/01/2021", for deadlines inside sentences and tables."""
    return f"{day.day:02d}/{day.month:02d}/{day.year}"
