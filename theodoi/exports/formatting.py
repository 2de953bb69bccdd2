"""Vietnamese number and date wording used by every report renderer: theodoi.core.vnformat.

Kept as the renderers' import point; each name is the shared formatter, so a DOCX table, an XLSX
cell, a page and an evaluation sentence write one value the same way.
"""

from __future__ import annotations

from datetime import date

from theodoi.core import vnformat
from theodoi.core.vnformat import MISSING, place_date_line

__all__ = ["date_short", "place_date_line", "vn_day_month", "vn_number", "vn_percent"]

vn_day_month = vnformat.day_month_decree30


def vn_number(value: float | None, *, max_decimals: int = vnformat.DECIMALS, empty: str = MISSING) -> str:
    """1234.5 -> "1.234,5"; trailing zeros dropped; None -> `empty`."""
    return vnformat.number(value, max_decimals, empty=empty)


def vn_percent(value: float | None, *, empty: str = MISSING) -> str:
    """98.456 -> "98,5%" (one decimal in report tables)."""
    return vnformat.percent(value, 1, empty=empty)


def date_short(day: date) -> str:
    """Short date such as "05/01/2021", for deadlines inside sentences and tables."""
    return vnformat.date(day)
