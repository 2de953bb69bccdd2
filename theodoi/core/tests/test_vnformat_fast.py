"""vnformat.number's string path for plain floats and ints gives the Decimal path's text, digit for
digit: on the halves where rounding turns, around zero ("-0" never printed), on long reprs, on
whole numbers, on every decimals setting the fast path takes, and on the percent rule."""

from __future__ import annotations

import random

import pytest

from theodoi.core import vnformat

EDGES = [
    0.0, -0.0, 0.5, -0.5, 1.5, 2.5, 0.0005, -0.0005, 0.0004, -0.0004, 0.125, 0.1245, 0.12450000001, 9.9995,
    9.9994, 999.9995, 999999.9995, 1234567.891, -1234567.891, 1e15, 123456789012345.67, 1e16, 1e-7, 5e-7,
    0.1 + 0.2, 2 / 3, -2 / 3, 100.0, 99.95, 9.95, 9.96, 10.0, 9.999999999999998, 1e300, float("inf"),
    float("nan"), 0.045, 0.055, 1.005, 2.675,
]


def _reference(value: object, decimals: int) -> str:
    return vnformat._number_decimal(value, decimals, strip=True, empty=vnformat.MISSING)


@pytest.mark.parametrize("decimals", [0, 1, 2, 3, 4, 6, 12])
def test_edges_match_the_decimal_path(decimals: int) -> None:
    for value in EDGES:
        assert vnformat.number(value, decimals) == _reference(value, decimals), (value, decimals)


def test_random_floats_and_ints_match_the_decimal_path() -> None:
    rng = random.Random(13)
    for _ in range(20000):
        scale = 10 ** rng.randint(-6, 14)
        value: float | int = rng.uniform(-1, 1) * scale
        if rng.random() < 0.2:
            value = round(value, rng.randint(0, 4))  # figures as reported: few decimals, halves included
        if rng.random() < 0.1:
            value = int(value)
        decimals = rng.choice([0, 1, 2, 3])
        assert vnformat.number(value, decimals) == _reference(value, decimals), (value, decimals)


def test_percent_rule_matches_on_floats() -> None:
    rng = random.Random(7)
    values = [*EDGES, *(rng.uniform(-200, 200) for _ in range(5000)), *(rng.uniform(-12, 12) for _ in range(5000))]
    for value in values:
        num = vnformat._decimal(value)
        expected = vnformat.MISSING if num is None else _reference(num, 0 if abs(num) >= 10 else 1) + "%"
        assert vnformat.percent(value) == expected, value


def test_other_types_and_options_still_take_the_decimal_path() -> None:
    from decimal import Decimal

    assert vnformat.number(Decimal("12.50"), 2, strip=False) == "12,50"
    assert vnformat.number(True) == vnformat.MISSING
    assert vnformat.number("1234.5") == "1.234,5"
    assert vnformat.number(1234.5678, None) == "1.234,5678"
