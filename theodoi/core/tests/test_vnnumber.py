"""parse_vn_number / format_vn_number: real form inputs and a round-trip property."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from theodoi.core.vnnumber import VnNumberError, format_vn_number, parse_vn_number


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3.500,5", "3500.5"),
        ("3500,5", "3500.5"),
        ("3 500,5", "3500.5"),
        ("3\u00a0500,5", "3500.5"),  # non-breaking space pasted from Word
        ("1.234.567", "1234567"),
        ("1 234 567", "1234567"),
        ("1.234.567,89", "1234567.89"),
        ("12,5", "12.5"),
        ("-4", "-4"),
        ("\u22124", "-4"),  # typographic minus
        ("+7", "7"),
        ("0,8", "0.8"),
        ("  98,62 ", "98.62"),
        ("3.500", "3500"),  # Vietnamese grouping wins over the English reading
        ("3500.5", "3500.5"),  # one dot, not 3 digits after it: decimal point
        ("12.50", "12.50"),
        ("0.75", "0.75"),
        ("0.500", "0.500"),  # a "0" group cannot be thousands
        ("-0", "0"),
        ("21914", "21914"),
    ],
)
def test_parse_accepts(text: str, expected: str) -> None:
    value = parse_vn_number(text)
    assert value == Decimal(expected)
    assert str(value) == expected


@pytest.mark.parametrize(
    "text",
    [
        "abc",
        "1,2,3",
        "1..2",
        "",
        "   ",
        ",5",
        ".5",
        "1,",
        "1.23.4",
        "35 00",
        "3 500.5",
        "-",
        "1e5",
        "NaN",
        "1234.567",
        "12.3456.789",
        "5%",
        "1.234,5,6",
        "--4",
    ],
)
def test_parse_rejects(text: str) -> None:
    with pytest.raises(VnNumberError) as info:
        parse_vn_number(text)
    assert isinstance(info.value, ValueError)
    assert info.value.message_vi  # a Vietnamese sentence for the form
    assert info.value.text == text


def test_ambiguous_dot_explains_in_vietnamese() -> None:
    with pytest.raises(VnNumberError, match="dấu phẩy"):
        parse_vn_number("1234.567")


def test_parse_rejects_non_string() -> None:
    with pytest.raises(TypeError):
        parse_vn_number(12)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (Decimal("1234567.5"), None, "1.234.567,5"),
        (1234567, None, "1.234.567"),
        (Decimal("12.50"), None, "12,50"),
        (Decimal("-1234.5"), None, "-1.234,5"),
        (0.1, None, "0,1"),
        (Decimal("0"), 2, "0,00"),
        (Decimal("-0.004"), 2, "0,00"),  # no "-0,00"
        (Decimal("2.5"), 0, "3"),  # half up, as statistics rounds
        (Decimal("98.625"), 2, "98,63"),
        (Decimal("1E+3"), None, "1.000"),
        (100, None, "100"),
        (999, None, "999"),
        (1000, None, "1.000"),
        ("21914", None, "21.914"),
    ],
)
def test_format(value: Decimal | int | float | str, decimals: int | None, expected: str) -> None:
    assert format_vn_number(value, decimals) == expected


@pytest.mark.parametrize("bad", [Decimal("NaN"), Decimal("Infinity"), float("inf")])
def test_format_rejects_non_finite(bad: Decimal | float) -> None:
    with pytest.raises(ValueError):
        format_vn_number(bad)


@given(st.decimals(allow_nan=False, allow_infinity=False, min_value=-(10**15), max_value=10**15, places=4))
def test_round_trip_decimal(value: Decimal) -> None:
    assert parse_vn_number(format_vn_number(value)) == value


@given(st.integers(min_value=-(10**18), max_value=10**18))
def test_round_trip_int(value: int) -> None:
    assert parse_vn_number(format_vn_number(value)) == value


@given(
    st.decimals(allow_nan=False, allow_infinity=False, min_value=-(10**9), max_value=10**9),
    st.integers(min_value=0, max_value=6),
)
def test_round_trip_with_decimals(value: Decimal, decimals: int) -> None:
    text = format_vn_number(value, decimals)
    assert parse_vn_number(text) == value.quantize(Decimal(1).scaleb(-decimals), rounding="ROUND_HALF_UP")
