"""Numbers the way Vietnamese officials type and read them.

Vietnamese administrative writing groups thousands with a dot and uses a
comma as the decimal separator ("1.234.567,5"). Form input also arrives with
spaces as group separators ("3 500,5"), without grouping ("3500,5"), and now
and then in the English style ("3500.5") when someone pastes from a
spreadsheet. A dot is therefore ambiguous: "3.500" is three thousand five
hundred to an official, three and a half to a spreadsheet. We resolve that
the Vietnamese way and accept the English reading only when it cannot be
a thousands group (one dot followed by other than exactly three digits).

Pure functions, no Django: the forms, the XLSX import and the validation
rules all call these.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

__all__ = ["VnNumberError", "format_vn_number", "parse_vn_number"]

# Space-like characters people (and Word, and Excel) put between digit groups.
_SPACES = "\u0020\u00a0\u2007\u2009\u202f"
_MINUS_SIGNS = "-\u2212\u2013"  # hyphen-minus, minus sign, en dash (autocorrected minus)

_DIGITS = re.compile(r"\d+")
_DOT_GROUPS = re.compile(r"\d{1,3}(?:\.\d{3})+")
_SPACE_GROUPS = re.compile(r"\d{1,3}(?: \d{3})+")


class VnNumberError(ValueError):
    """Input that is not a number; ``message_vi`` is shown to the official."""

    def __init__(self, message_vi: str, text: str) -> None:
        super().__init__(f"{message_vi} (input: {text!r})")
        self.message_vi = message_vi
        self.text = text


def _integer_part(part: str, text: str) -> str:
    """Digits of an integer part written plainly, with dot groups or space groups."""
    if _DIGITS.fullmatch(part):
        return part
    if _DOT_GROUPS.fullmatch(part):
        return part.replace(".", "")
    if _SPACE_GROUPS.fullmatch(part):
        return part.replace(" ", "")
    if "." in part and " " in part:
        raise VnNumberError("Không dùng lẫn dấu chấm và khoảng trắng để phân nhóm hàng nghìn.", text)
    raise VnNumberError(
        "Số không đúng định dạng: phân nhóm hàng nghìn bằng dấu chấm theo từng 3 chữ số "
        "(ví dụ 1.234.567), phần thập phân sau dấu phẩy (ví dụ 3.500,5).",
        text,
    )


def parse_vn_number(text: str) -> Decimal:
    """Parse a number typed in a Vietnamese form into an exact ``Decimal``.

    Accepted: "3.500,5", "3500,5", "3 500,5", "1.234.567", "12,5", "-4",
    "0,8", and the English "3500.5" / "0.75" when the single dot cannot be a
    thousands separator. "3.500" is 3500 (Vietnamese grouping wins), and
    "1234.567" is rejected as ambiguous. Raises ``VnNumberError`` (a
    ``ValueError``) with a Vietnamese ``message_vi`` otherwise.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_vn_number expects str, got {type(text).__name__}")
    body = text.strip(_SPACES + "\t\r\n")
    if not body:
        raise VnNumberError("Chưa nhập giá trị.", text)
    for ch in _SPACES[1:]:
        body = body.replace(ch, " ")
    sign = ""
    if body[0] in _MINUS_SIGNS or body[0] == "+":
        sign = "-" if body[0] in _MINUS_SIGNS else ""
        body = body[1:].lstrip(" ")
    if not body or not re.fullmatch(r"[\d., ]+", body):
        raise VnNumberError("Giá trị phải là một số (chỉ gồm chữ số, dấu chấm, dấu phẩy).", text)
    if body.count(",") > 1:
        raise VnNumberError("Chỉ được có một dấu phẩy thập phân.", text)

    if "," in body:
        int_part, frac = body.split(",")
        if not int_part or not _DIGITS.fullmatch(frac):
            raise VnNumberError("Số không đúng định dạng: cần có chữ số ở cả hai phía dấu phẩy.", text)
        digits = _integer_part(int_part, text) + "." + frac
    elif body.count(".") == 1 and " " not in body:
        int_part, frac = body.split(".")
        plain = bool(int_part) and bool(_DIGITS.fullmatch(int_part)) and bool(_DIGITS.fullmatch(frac))
        if plain and (len(frac) != 3 or int_part == "0"):
            digits = int_part + "." + frac  # unambiguous English decimal point ("0.500" too)
        elif len(int_part) <= 3 and _DOT_GROUPS.fullmatch(body):
            digits = body.replace(".", "")  # "3.500": one thousands group
        elif plain:
            raise VnNumberError(
                "Không rõ dấu chấm là phân cách hàng nghìn hay thập phân; dùng dấu phẩy cho phần "
                "thập phân (ví dụ 1234,567).",
                text,
            )
        else:
            raise VnNumberError("Số không đúng định dạng.", text)
    else:
        digits = _integer_part(body, text)

    try:
        value = Decimal(sign + digits)
    except InvalidOperation as exc:  # pragma: no cover - the regexes above rule this out
        raise VnNumberError("Số không đúng định dạng.", text) from exc
    return value.copy_abs() if value.is_zero() else value  # no "-0"


def _group_thousands(digits: str) -> str:
    head = len(digits) % 3 or 3
    groups = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return ".".join(groups)


def format_vn_number(value: Decimal | int | float | str, decimals: int | None = None) -> str:
    """Format a number the Vietnamese way: "1.234.567,5".

    ``decimals=None`` keeps the value's own precision (``Decimal("12.50")``
    gives "12,50"); an int gives ``decimals`` places after rounding half up
    (the rounding Vietnamese statistics use). Floats go through ``str`` so
    0.1 prints as "0,1". ``parse_vn_number`` reads every output back.
    """
    if isinstance(value, bool):
        raise TypeError("format_vn_number does not format booleans")
    number = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
    if not number.is_finite():
        raise ValueError(f"Cannot format non-finite number {value!r}")
    if decimals is not None:
        if decimals < 0:
            raise ValueError("decimals must be >= 0")
        number = number.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    if number.is_zero():
        number = number.copy_abs()
    sign = "-" if number.is_signed() else ""
    text = format(number.copy_abs(), "f")
    int_part, _, frac = text.partition(".")
    out = sign + _group_thousands(int_part)
    return f"{out},{frac}" if frac else out
