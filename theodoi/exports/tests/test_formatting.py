from datetime import date

import pytest

from theodoi.exports.formatting import place_date_line, vn_number, vn_percent


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (1234.5, "1.234,5"),
        (1234567.0, "1.234.567"),
        (12, "12"),
        (0.25, "0,25"),
        (7.0, "7"),
        (-1500.75, "-1.500,75"),
        (0, "0"),
        (0.125, "0,125"),
        (None, "—"),
    ],
)
def test_numbers_are_written_the_vietnamese_way(value, text):
    assert vn_number(value) == text


def test_percent_has_one_decimal_and_a_comma():
    assert vn_percent(98.456) == "98,5%"
    assert vn_percent(100.0) == "100%"


@pytest.mark.parametrize(
    ("day", "line"),
    [
        (date(2021, 1, 5), "Kon Tum, ngày 05 tháng 01 năm 2021"),
        (date(2021, 2, 28), "Kon Tum, ngày 28 tháng 02 năm 2021"),
        (date(2021, 3, 30), "Kon Tum, ngày 30 tháng 3 năm 2021"),
        (date(2020, 11, 20), "Kon Tum, ngày 20 tháng 11 năm 2020"),
        (date(2020, 12, 9), "Kon Tum, ngày 09 tháng 12 năm 2020"),
    ],
)
def test_place_date_pads_days_below_ten_and_months_one_and_two(day, line):
    assert place_date_line("Kon Tum", day) == line
