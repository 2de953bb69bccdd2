"""Vietnamese number and quantity parsing: table-driven cases and round-trip properties."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from theodoi_extract.numbers import format_vi, parse_number, parse_quantity


@pytest.mark.parametrize(
    ("text", "value"),
    [("3.500", 3500), ("63,1", 63.1), ("3.500,5", 3500.5), ("0,8", 0.8), ("08", 8), ("1.234.567", 1234567),
     ("20.000", 20000), ("137,537", 137.537)],
)
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("bad", ["", "abc", "1,2,3"])
def test_parse_number_rejects(bad: str) -> None:
    with pytest.raises(ValueError):
        parse_number(bad)


@pytest.mark.parametrize(
    ("phrase", "value", "value_max", "unit", "comparator"),
    [
        ("Thu ngân sách 3.500 tỷ đồng", 3500, None, "tỷ đồng", "="),
        ("che phủ rừng đạt trên 63,1%", 63.1, None, "%", ">"),
        ("1,5 triệu lượt khách du lịch", 1.5, None, "triệu lượt khách", "="),
        ("khoảng 567 nghìn người", 567, None, "nghìn người", "~"),
        ("Khu vực Dịch vụ: 43-44%", 43, 44, "%", "between"),
        ("tăng từ 6,5% đến 7%", 6.5, 7, "%", "between"),
        ("từ 2,5 triệu đến 3 triệu lượt khách", 2.5, 3, "triệu lượt khách", "between"),
        ("lạm phát 0,8%", 0.8, None, "%", "="),
        ("điều chỉnh 9 đồ án quy hoạch phân khu", 9, None, "đồ án", "="),
        ("giải quyết 1.430 hồ sơ đất đai", 1430, None, "hồ sơ", "="),
        ("tổ chức ít nhất 4 phiên giao dịch việc làm", 4, None, "phiên", ">="),
        ("xuất khẩu 1,2 tỷ USD", 1.2, None, "tỷ USD", "="),
        ("có thêm 08 xã", 8, None, "xã", "="),
        ("có thêm hai xã đạt chuẩn", 2, None, "xã", "="),
        ("đạt từ 10% trở lên", 10, None, "%", ">="),
        ("20% trở lên hộ", 20, None, "%", ">="),
        ("giảm ít nhất 4%", 4, None, "%", ">="),
        ("tối thiểu 90%", 90, None, "%", ">="),
        ("không thấp hơn 95%", 95, None, "%", ">="),
        ("không dưới 48 triệu đồng/người/năm", 48, None, "triệu đồng/người/năm", ">="),
        ("còn dưới 35,6%", 35.6, None, "%", "<"),
        ("thấp hơn 3%", 3, None, "%", "<"),
        ("không quá 3%", 3, None, "%", "<="),
        ("tối đa 5 tấn", 5, None, "tấn", "<="),
        ("không vượt quá 2 km", 2, None, "km", "<="),
        ("dự kiến 120 dự án", 120, None, "dự án", "="),
        ("hơn 24.062 tỷ đồng", 24062, None, "tỷ đồng", ">"),
        ("khoảng trên 20.000 triệu đồng", 20000, None, "triệu đồng", ">"),
        ("đạt 39,6 \ngiường.", 39.6, None, "giường", "="),
        ("750 giường bệnh", 750, None, "giường bệnh", "="),
        ("9,5 bác sĩ/vạn dân", 9.5, None, "bác sĩ/vạn dân", "="),
        ("4.552 tỷ đông/năm", 4552, None, "tỷ đồng/năm", "="),
        ("162 triệu \nUSD", 162, None, "triệu USD", "="),
        ("11/13 chỉ tiêu", 11, None, "chỉ tiêu", "="),
        ("≥ 2.000 ha", 2000, None, "ha", ">="),
        ("đạt 10 đến 12 tỷ đồng", 10, 12, "tỷ đồng", "between"),
        ("tăng 5% đến năm 2025", 5, None, "%", "="),
        ("14,8% - 17,0%", 14.8, 17, "%", "between"),
    ],
)
def test_parse_quantity(phrase: str, value: float, value_max: float | None, unit: str, comparator: str) -> None:
    q = parse_quantity(phrase)
    assert q is not None, phrase
    assert q.value == pytest.approx(value)
    assert q.value_max == (pytest.approx(value_max) if value_max is not None else None)
    assert q.unit == unit
    assert q.comparator == comparator


@pytest.mark.parametrize(
    "phrase",
    ["ngày 15 tháng 12 năm 2021", "Quyết định số 1235/QĐ-UBND", "giai đoạn 2021-2025", "Điều 3", "trang 24",
     "Nghị quyết số 27-NQ/TW", "mức độ 3, 4", "30% vốn điều lệ", "một số giải pháp", "ra1."],
)
def test_not_quantities(phrase: str) -> None:
    assert parse_quantity(phrase) is None


@pytest.mark.parametrize(("value", "text"), [(3500.5, "3.500,5"), (1234567, "1.234.567"), (0.8, "0,8"), (63.1, "63,1"),
                                             (-12000, "-12.000"), (100, "100")])
def test_format_vi(value: float, text: str) -> None:
    assert format_vi(value) == text


@given(st.decimals(min_value=-10**12, max_value=10**12, places=3, allow_nan=False, allow_infinity=False))
def test_format_then_parse_round_trips(value: Decimal) -> None:
    assert parse_number(format_vi(value)) == pytest.approx(float(value), rel=1e-12, abs=1e-9)


@given(st.integers(min_value=0, max_value=10**15))
def test_integers_round_trip_exactly(value: int) -> None:
    assert parse_number(format_vi(value)) == value


@given(st.integers(min_value=0, max_value=10**9), st.sampled_from(["%", "tỷ đồng", "ha", "con", "triệu USD"]))
def test_formatted_quantity_is_found(value: int, unit: str) -> None:
    q = parse_quantity(f"đạt {format_vi(value)} {unit}")
    assert q is not None and q.value == value and q.unit == unit
