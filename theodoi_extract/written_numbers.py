"""Numbers written the Vietnamese way: "3.500,5" is three thousand five hundred and a half.

Why a module of its own: the grammar of a written number (`NUMBER`) is shared by the quantity
scanner, the unit patterns (per-denominators "/1.000 dân") and the table reader, and reading and
writing it (`parse_number`, `format_vi`) are used across the project without any of the rest.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

# Starts with a bare `\d` so that the regex engine can skip to the next digit (a charset prefix)
# instead of trying the pattern at every position: same language as `\d{1,3}(\.\d{3})+(,\d+)?|\d+(,\d+)?`.
NUMBER_REST = r"(?:\d{0,2}(?:\.\d{3})+(?:,\d+)?|\d*(?:,\d+)?)"


NUMBER = rf"\d{NUMBER_REST}"


_LENIENT_RE = re.compile(r"^[+-]?(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$")


@lru_cache(maxsize=4096)
def parse_number(text: str) -> float:
    """Read a number written the Vietnamese way: "3.500" -> 3500, "63,1" -> 63.1, "3.500,5" -> 3500.5.

    A dot not followed by exactly three digits is read as a decimal point, since some typed
    documents use it that way ("1.5"); commas are always decimal marks.
    """
    s = text.strip().replace(" ", "")
    if not s:
        raise ValueError("empty number")
    if _LENIENT_RE.match(s):
        return float(s.replace(".", "").replace(",", "."))
    if s.count(".") == 1 and "," not in s:
        return float(s)
    raise ValueError(f"not a Vietnamese number: {text!r}")


def format_vi(value: float | int | Decimal, decimals: int | None = None) -> str:
    """Write a number the Vietnamese way: 3500.5 -> "3.500,5" (the inverse of `parse_number`)."""
    d = Decimal(str(value)) if not isinstance(value, Decimal) else value
    if decimals is not None:
        d = round(d, decimals)
    sign = "-" if d < 0 else ""
    text = format(abs(d), "f")
    whole, _, frac = text.partition(".")
    frac = frac.rstrip("0") if decimals is None else frac
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    out = sign + ".".join(groups)
    return f"{out},{frac}" if frac else out
