"""The one Vietnamese formatter, from a table of real values, and the properties it must keep."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from theodoi.core import vnformat
from theodoi.core.vnnumber import parse_vn_number

NUMBERS = [
    (0.125, "0,125"),  # a target ratio: was "0,12" in the evaluation sentence and the DOCX report
    (-0.001, "-0,001"),
    (1e6, "1.000.000"),
    (1234.5, "1.234,5"),
    (None, "—"),
    (0, "0"),
    (0.0, "0"),
    (-0.0001, "0"),  # rounds to zero: never "-0"
    (1120, "1.120"),
    (567000, "567.000"),
    (37.5, "37,5"),
    (-1500.75, "-1.500,75"),
    (1234567.891, "1.234.567,891"),
    (2.0005, "2,001"),  # half up, not the binary float's 2.000499...
    (0.1 + 0.2, "0,3"),
    (Decimal("12.50"), "12,5"),
    (Decimal("3500"), "3.500"),
    ("4.56", "4,56"),
    ("", "—"),
    (float("nan"), "—"),
    (float("inf"), "—"),
]


@pytest.mark.parametrize(("value", "text"), NUMBERS)
def test_numbers_from_real_values(value, text):
    assert vnformat.number(value) == text


def test_every_old_formatter_now_writes_the_same():
    from theodoi.evaluation.explain import format_vn_number
    from theodoi.exports.formatting import vn_number
    from theodoi.plans.formatting import format_number

    for value, text in NUMBERS:
        if isinstance(value, float | int | type(None)):
            assert format_number(value) == vn_number(value) == format_vn_number(value) == text, value


def test_fixed_decimals_for_columns():
    assert vnformat.number(12.5, 2, strip=False) == "12,50"
    assert vnformat.number(12, 2, strip=False) == "12,00"
    assert vnformat.number(1234.5678, 0) == "1.235"


@pytest.mark.parametrize(
    ("value", "decimals", "text"),
    [(37.333, None, "37%"), (4.56, None, "4,6%"), (0.4, None, "0,4%"), (100, None, "100%"),
     (98.456, 1, "98,5%"), (100.0, 1, "100%"), (None, None, "—"), (-2.25, 1, "-2,3%")],
)
def test_percent(value, decimals, text):
    assert vnformat.percent(value, decimals) == text


def test_dates():
    assert vnformat.date(date(2021, 1, 5)) == "05/01/2021"
    assert vnformat.date(date(2021, 6, 30), padded=False) == "30/6/2021"
    assert vnformat.date(None) == "—"
    assert vnformat.place_date_line("Kon Tum", date(2021, 2, 8)) == "Kon Tum, ngày 08 tháng 02 năm 2021"
    assert vnformat.place_date_line("Kon Tum", date(2021, 3, 30)) == "Kon Tum, ngày 30 tháng 3 năm 2021"


def test_period_phrases_are_the_reporting_labels():
    from theodoi.reporting.periods import PeriodKind, periods_in_year

    seen = set()
    for kind in PeriodKind:
        for period in periods_in_year(kind, 2021):
            phrase = vnformat.period_phrase(kind.value, period.index, 2021)
            assert phrase == period.label
            seen.add(phrase)
    assert {"Tháng 3/2021", "Quý II/2021", "6 tháng đầu năm 2021", "9 tháng năm 2021", "Năm 2021"} <= seen
    assert vnformat.period_phrase("quarterly", 4, 2025, in_sentence=True) == "quý IV năm 2025"
    assert vnformat.period_phrase("monthly", 3, 2025, in_sentence=True) == "tháng 3 năm 2025"
    assert vnformat.period_phrase("annual", 1, 2025, in_sentence=True) == "năm 2025"
    with pytest.raises(ValueError, match="unknown period kind"):
        vnformat.period_phrase("weekly", 1, 2025)


@given(st.decimals(min_value=-10**12, max_value=10**12, places=3, allow_nan=False, allow_infinity=False))
def test_three_decimal_values_read_back_exactly(value):
    assert parse_vn_number(vnformat.number(value)) == value


@given(st.floats(allow_nan=True, allow_infinity=True))
def test_any_float_gives_text_and_never_minus_zero(value):
    text = vnformat.number(value)
    assert isinstance(text, str) and text
    assert text != "-0" and not text.endswith(",")
    if text != vnformat.MISSING:
        assert abs(parse_vn_number(text) - Decimal(repr(value))) <= Decimal("0.0005")


@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False), st.integers(min_value=0, max_value=6))
def test_no_more_decimals_than_asked(value, decimals):
    _, _, frac = vnformat.number(value, decimals).partition(",")
    assert len(frac) <= decimals and not frac.endswith("0")
