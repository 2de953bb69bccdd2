"""Validation of one reported value (no database)."""

from decimal import Decimal

import pytest

from theodoi.reporting.validation import (
    Issue,
    OutlierMethod,
    TargetMeta,
    ValueKind,
    has_errors,
    validate_value,
)

D = Decimal
NUMBER = TargetMeta()
OPTIONAL = TargetMeta(required=False)
SHARE = TargetMeta(kind=ValueKind.PERCENT)  # tỷ lệ: 0-100
GROWTH = TargetMeta(kind=ValueKind.PERCENT, allow_over_100=True)  # tốc độ tăng, % kế hoạch
COUNT = TargetMeta(kind=ValueKind.COUNT)
HISTORY = [D(1050), D(1200), D(1350), D(1200)]  # mean 1.200, sample stdev 122,47


def codes(issues: list[Issue]) -> list[tuple[str, str]]:
    return [(i.code, i.severity) for i in issues]


@pytest.mark.parametrize(
    ("raw", "meta", "history", "expected"),
    [
        # required / optional
        (None, NUMBER, [], [("required", "error")]),
        ("", NUMBER, [], [("required", "error")]),
        ("   ", NUMBER, [], [("required", "error")]),
        (None, OPTIONAL, [], []),
        ("", OPTIONAL, [], []),
        # format
        ("abc", NUMBER, [], [("format", "error")]),
        ("1,2,3", NUMBER, [], [("format", "error")]),
        ("1..2", OPTIONAL, [], [("format", "error")]),
        (True, NUMBER, [], [("format", "error")]),
        (float("nan"), NUMBER, [], [("format", "error")]),
        ("3.500,5", NUMBER, [], []),
        (D("3500.5"), NUMBER, [], []),
        (12, NUMBER, [], []),
        (12.5, NUMBER, [], []),
        # shares in %
        ("98,62", SHARE, [], []),
        ("100", SHARE, [], []),
        ("0", SHARE, [], []),
        ("100,5", SHARE, [], [("percent_out_of_range", "error")]),
        ("-1", SHARE, [], [("percent_out_of_range", "error")]),
        ("105", GROWTH, [], []),
        ("-2,3", GROWTH, [], []),  # negative growth is possible
        ("112,4", TargetMeta(kind=ValueKind.PERCENT, allow_over_100=True, allow_negative=False), [], []),
        (
            "-1",
            TargetMeta(kind=ValueKind.PERCENT, allow_over_100=True, allow_negative=False),
            [],
            [("negative", "error")],
        ),
        # counts
        ("21.914", COUNT, [], []),
        ("-3", COUNT, [], [("negative", "error")]),
        ("3,5", COUNT, [], [("not_integer", "error")]),
        ("-3,5", COUNT, [], [("negative", "error"), ("not_integer", "error")]),
        ("-3", NUMBER, [], []),  # a plain quantity may be negative
        ("-3", TargetMeta(allow_negative=False), [], [("negative", "error")]),
        # configured min-max bounds
        ("7", TargetMeta(min_value=D(10)), [], [("out_of_bounds", "warning")]),
        ("10", TargetMeta(min_value=D(10), max_value=D(20)), [], []),
        ("20,1", TargetMeta(min_value=D(10), max_value=D(20)), [], [("out_of_bounds", "warning")]),
        # historical min-max and z-score
        ("1.250", NUMBER, HISTORY, []),
        ("1.400", NUMBER, HISTORY, [("out_of_bounds", "warning")]),  # above max, z = 1,6
        ("3.500,5", NUMBER, HISTORY, [("out_of_bounds", "warning"), ("outlier", "warning")]),
        ("100", NUMBER, HISTORY, [("out_of_bounds", "warning"), ("outlier", "warning")]),
        ("3.500,5", NUMBER, HISTORY[:2], []),  # fewer than 3 points: no statistics
        (
            "3.500,5",
            TargetMeta(min_history=2),
            HISTORY[:2],
            [("out_of_bounds", "warning"), ("outlier", "warning")],
        ),
        ("5", NUMBER, [5, 5, 5], []),  # constant history, same value
        ("7", NUMBER, [5, 5, 5], [("out_of_bounds", "warning"), ("outlier", "warning")]),  # stdev 0
        # configured bounds replace historical ones; the z-score still runs
        ("3.500,5", TargetMeta(max_value=D(5000)), HISTORY, [("outlier", "warning")]),
        # impossible values stop the plausibility checks: one mistake, one message
        ("-5", COUNT, HISTORY, [("negative", "error")]),
    ],
)
def test_validate_value(
    raw: object, meta: TargetMeta, history: list[Decimal], expected: list[tuple[str, str]]
) -> None:
    assert codes(validate_value(raw, meta, history)) == expected  # type: ignore[arg-type]


def test_outlier_message_explains_in_vietnamese() -> None:
    history = [D(1050), D(1200), D(1350), D(1050), D(1200), D(1350)]  # mean 1.200, stdev 134,16
    issue = validate_value("3.500,5", TargetMeta(max_value=D(10**6)), history)[0]
    assert issue.code == "outlier"
    assert issue.message_vi == (
        "Giá trị 3.500,5 cao bất thường so với các kỳ trước "
        "(trung bình 1.200; độ lệch chuẩn 134,16; z = 17,1). Đề nghị kiểm tra lại số liệu."
    )
    assert "z = 17.1" in issue.message_en


def test_low_outlier_has_negative_z() -> None:
    issue = validate_value("100", TargetMeta(max_value=D(10**6)), HISTORY)[0]
    assert "thấp bất thường" in issue.message_vi
    assert "z = -9" in issue.message_vi


def test_constant_history_message() -> None:
    issue = validate_value("7", TargetMeta(min_value=D(0)), [5, 5, 5])[0]
    assert issue.message_vi.startswith("Giá trị 7 khác với tất cả 3 kỳ trước (đều bằng 5)")


def test_bounds_message_names_the_limit_and_unit() -> None:
    issue = validate_value("7", TargetMeta(min_value=D(10), unit="ha"))[0]
    assert (
        issue.message_vi
        == "Giá trị 7 ha thấp hơn mức tối thiểu 10 ha (khoảng cho phép). Đề nghị kiểm tra lại số liệu."
    )
    issue = validate_value("1.400", NUMBER, HISTORY)[0]
    assert "cao hơn mức tối đa 1.350 (khoảng của 4 kỳ trước)" in issue.message_vi


def test_format_error_carries_the_parser_message() -> None:
    issue = validate_value("1234.567", NUMBER)[0]
    assert issue.code == "format"
    assert "dấu phẩy" in issue.message_vi


def test_modified_zscore_resists_a_past_outlier() -> None:
    history = [5, 6, 5, 7, 100]  # one past outlier inflates mean and stdev
    classic = validate_value("70", TargetMeta(), history)
    robust = validate_value("70", TargetMeta(outlier_method=OutlierMethod.MODIFIED_ZSCORE), history)
    assert codes(classic) == []
    assert codes(robust) == [("outlier", "warning")]
    assert "trung vị 6" in robust[0].message_vi


def test_modified_zscore_falls_back_when_mad_is_zero() -> None:
    history = [5, 5, 5, 9]  # median 5, MAD 0
    issues = validate_value(
        "8", TargetMeta(max_value=D(100), outlier_method=OutlierMethod.MODIFIED_ZSCORE), history
    )
    assert codes(issues) == []  # classic z = (8 - 6) / 2 = 1
    issues = validate_value(
        "30", TargetMeta(max_value=D(100), outlier_method=OutlierMethod.MODIFIED_ZSCORE), history
    )
    assert "trung bình 6" in issues[0].message_vi


def test_z_threshold_is_configurable() -> None:
    meta = TargetMeta(max_value=D(10**6), z_threshold=1.0)
    assert codes(validate_value("1.400", meta, HISTORY)) == [("outlier", "warning")]


def test_has_errors() -> None:
    assert has_errors(validate_value("abc", NUMBER))
    assert not has_errors(validate_value("3.500,5", NUMBER, HISTORY))
    assert not has_errors([])
