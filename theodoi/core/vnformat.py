"""The one way theodoi writes numbers, percentages, dates and periods in Vietnamese.

Pages (the ``vn_number`` / ``num`` / ``pct`` template filters), the evaluation sentences and the
DOCX/XLSX reports all call these functions, so one value reads the same everywhere. Before this,
five formatters disagreed: 0.125 was "0,125" on a page but "0,12" in the evaluation sentence and
the DOCX report, and a missing value read "—", "không xác định", "-" or raised.

The agreed rules:
- thousands grouped with ".", decimals after ",", trailing zeros dropped ("1.234,5");
- at most ``DECIMALS`` (3) digits after the comma, rounded half up (the rounding Vietnamese
  statistics use), so 0.125 stays "0,125" and -0.001 stays "-0,001"; a value that rounds to zero
  prints "0", never "-0";
- a missing value (None, "", NaN, infinity) prints ``MISSING`` ("—") in tables, pages and
  sentences alike.

Pure Python, no Django: the report renderers import it and must run without Django.
"""

from __future__ import annotations

import math
from datetime import date as _date
from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation, localcontext

from theodoi.core.vnnumber import format_vn_number

__all__ = [
    "DECIMALS", "MISSING", "date", "day_month", "day_month_decree30", "number", "percent",
    "period_phrase", "place_date_line",
]

MISSING = "—"
DECIMALS = 3

_ROMAN = ("I", "II", "III", "IV")
# Enough digits for any float (1.8e308) plus the decimals: the default 28 would refuse 1e25.
_WIDE = Context(prec=400, rounding=ROUND_HALF_UP)


def _decimal(value: object) -> Decimal | None:
    """The value as a finite Decimal, or None when it is missing or not a number at all."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, float):
        if not math.isfinite(value):
            return None
        return Decimal(repr(value))  # repr: 0.1 is "0.1", not its binary expansion
    if isinstance(value, str):
        if not value.strip():
            return None
        try:
            parsed = Decimal(value.strip())
        except InvalidOperation:
            return None
        return parsed if parsed.is_finite() else None
    if isinstance(value, Decimal):
        return value if value.is_finite() else None
    if isinstance(value, int):
        return Decimal(value)
    try:
        return _decimal(float(value))  # type: ignore[arg-type]  # numpy scalars and the like
    except (TypeError, ValueError):
        return None


def number(value: object, decimals: int | None = DECIMALS, *, strip: bool = True, empty: str = MISSING) -> str:
    """1234.5 → "1.234,5"; 0.125 → "0,125"; 1e6 → "1.000.000"; None → "—".

    ``decimals`` is the most digits after the comma (rounded half up); ``strip=False`` keeps
    exactly that many ("12,50"), for columns that must line up. ``decimals=None`` keeps every
    digit the value has.
    """
    if strip and type(value) in (float, int) and decimals is not None and 0 <= decimals <= _FAST_DECIMALS:
        fast = _number_fast(value, decimals)  # type: ignore[arg-type]  # the type is checked above
        if fast is not None:
            return fast
    return _number_decimal(value, decimals, strip=strip, empty=empty)


# Beyond this many decimals the digits of a float's repr are not worth a string path.
_FAST_DECIMALS = 12


def _number_fast(value: float | int, decimals: int) -> str | None:
    """`number` of a plain float or int, by string arithmetic on its repr (the digits Decimal(repr)
    reads): the same text, without the Decimal context, quantize and normalize. The evaluation
    writes several numbers into each of the 174,000 sentences of a recompute at a tenth of the
    national scale, and the Decimal path was a fifth of its Python time. None where the repr has
    an exponent or is not finite (the Decimal path then decides); tests/test_vnformat_fast.py holds
    both paths to the same output."""
    if type(value) is int:
        return "-" + _group(str(-value)) if value < 0 else _group(str(value))
    text = repr(value)
    if "e" in text or "n" in text:  # 1e+16, 5e-07, inf, nan
        return None
    negative = text[0] == "-"
    whole, _, frac = (text[1:] if negative else text).partition(".")
    if len(frac) > decimals:  # round half up on the first digit dropped
        digits = int(whole + frac[:decimals]) + (frac[decimals] >= "5")
        rounded = str(digits).rjust(decimals + 1, "0")
        whole, frac = (rounded[:-decimals], rounded[-decimals:]) if decimals else (rounded, "")
    frac = frac.rstrip("0")
    if not frac and whole.strip("0") == "":
        return "0"  # never "-0"
    out = _group(whole.lstrip("0") or "0")
    if negative:
        out = "-" + out
    return f"{out},{frac}" if frac else out


def _group(digits: str) -> str:
    """"1234567" → "1.234.567"."""
    if len(digits) <= 3:
        return digits
    head = len(digits) % 3 or 3
    return ".".join([digits[:head], *(digits[i : i + 3] for i in range(head, len(digits), 3))])


def _number_decimal(value: object, decimals: int | None, *, strip: bool, empty: str) -> str:
    """`number` through Decimal: every type and option (the reference the fast path is held to)."""
    num = _decimal(value)
    if num is None:
        return empty
    if decimals is not None and decimals < 0:
        raise ValueError("decimals must be >= 0")
    with localcontext(_WIDE):
        if decimals is not None:
            num = num.quantize(Decimal(1).scaleb(-decimals))
        if strip:
            num = num.normalize() if num != num.to_integral_value() else num.quantize(Decimal(1))
    return format_vn_number(num)


def percent(value: object, decimals: int | None = None, *, empty: str = MISSING) -> str:
    """A percentage of 0..100 values: 98.456 → "98,5%" with ``decimals=1``.

    ``decimals=None`` is the sentence rule: whole numbers from 10% up ("37%" reads better than
    "37,33%" in a report) and one decimal below (0,4% is not 0%).
    """
    if type(value) is float and decimals is None and math.isfinite(value):
        # the float itself: abs(value) >= 10 exactly when its repr's Decimal is (repr round-trips)
        return number(value, 0 if abs(value) >= 10 else 1, empty=empty) + "%"
    num = _decimal(value)
    if num is None:
        return empty
    if decimals is None:
        decimals = 0 if abs(num) >= 10 else 1
    return number(num, decimals) + "%"


def date(day: _date | None, *, padded: bool = True, empty: str = MISSING) -> str:
    """"05/01/2021" (dd/mm/yyyy, as reports write dates); ``padded=False`` gives "5/1/2021",
    the way thresholds are quoted in plans ("trước 30/6/2021")."""
    if day is None:
        return empty
    if padded:
        return f"{day.day:02d}/{day.month:02d}/{day.year}"
    return f"{day.day}/{day.month}/{day.year}"


def day_month(day: _date) -> str:
    """"5/1/2021": shorthand for ``date(day, padded=False)``."""
    return date(day, padded=False)


def day_month_decree30(day: _date) -> tuple[str, str]:
    """Day and month as Decree 30/2020 writes them: days below 10 and months 1-2 padded."""
    dd = f"{day.day:02d}"
    mm = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return dd, mm


def place_date_line(place: str, day: _date) -> str:
    """The place-date line of an official document: "Kon Tum, ngày 05 tháng 01 năm 2021"."""
    dd, mm = day_month_decree30(day)
    return f"{place}, ngày {dd} tháng {mm} năm {day.year}"


def period_phrase(kind: str, index: int, year: int, *, in_sentence: bool = False) -> str:
    """A reporting period as official reports name it.

    As a heading or label: "Tháng 3/2021", "Quý II/2021", "6 tháng đầu năm 2021", "9 tháng năm
    2021", "Năm 2021". ``in_sentence``: as a sentence says it, "tháng 3 năm 2021", "quý II năm
    2021", "6 tháng đầu năm 2021", "năm 2021". ``kind`` is the reporting period kind value
    (monthly, quarterly, semiannual, nine_month, annual).
    """
    match kind:
        case "monthly":
            text = f"tháng {index} năm {year}" if in_sentence else f"Tháng {index}/{year}"
        case "quarterly":
            text = f"quý {_ROMAN[index - 1]} năm {year}" if in_sentence else f"Quý {_ROMAN[index - 1]}/{year}"
        case "semiannual":
            text = f"6 tháng đầu năm {year}"
        case "nine_month":
            text = f"9 tháng năm {year}"
        case "annual":
            text = f"năm {year}" if in_sentence else f"Năm {year}"
        case _:
            raise ValueError(f"unknown period kind {kind!r}")
    return text
