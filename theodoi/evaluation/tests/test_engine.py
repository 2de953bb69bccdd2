"""Table-driven tests of the evaluation engine: year end, change targets, during the year (no database)."""

from __future__ import annotations

from datetime import date

import pytest

from theodoi.evaluation.engine import (
    FORECAST_CARRIED,
    FORECAST_FINAL,
    FORECAST_LINEAR,
    STATUS_LABELS_VI,
    Observation,
    TargetSpec,
)
from theodoi.evaluation.tests.engine_cases import DEC, JUNE, MID, YEAR_END, Y, obs, run

# --------------------------------------------------------------------------- year end

YEAR_END_CASES = [
    # id, spec, final value, status
    ("ge-above", TargetSpec(">=", 100), 101, "exceeded"),
    ("ge-equal", TargetSpec(">=", 100), 100, "achieved"),
    ("ge-below", TargetSpec(">=", 100), 99.9, "not_achieved"),
    ("gt-above", TargetSpec(">", 100), 101, "achieved"),
    ("gt-equal", TargetSpec(">", 100), 100, "not_achieved"),
    ("gt-below", TargetSpec(">", 100), 50, "not_achieved"),
    ("le-below", TargetSpec("<=", 2), 1.5, "exceeded"),
    ("le-equal", TargetSpec("<=", 2), 2, "achieved"),
    ("le-above", TargetSpec("<=", 2), 2.1, "not_achieved"),
    ("lt-below (suy dinh dưỡng dưới 35,6%)", TargetSpec("<", 35.6, unit="%"), 35.0, "achieved"),
    ("lt-equal", TargetSpec("<", 35.6), 35.6, "not_achieved"),
    ("lt-above", TargetSpec("<", 35.6), 36, "not_achieved"),
    ("eq-higher-above", TargetSpec("=", 2000, unit="ha"), 2100, "exceeded"),
    ("eq-higher-equal", TargetSpec("=", 2000), 2000, "achieved"),
    ("eq-higher-below", TargetSpec("=", 2000), 1999, "not_achieved"),
    ("eq-lower-below", TargetSpec("=", 10, direction="lower"), 9, "exceeded"),
    ("eq-lower-above", TargetSpec("=", 10, direction="lower"), 11, "not_achieved"),
    ("approx-inside-low", TargetSpec("~", 567), 567 * 0.96, "achieved"),
    ("approx-inside-high", TargetSpec("~", 567), 567 * 1.05, "achieved"),
    ("approx-above", TargetSpec("~", 567), 567 * 1.06, "exceeded"),
    ("approx-below", TargetSpec("~", 567), 567 * 0.94, "not_achieved"),
    ("approx-lower-above", TargetSpec("~", 100, direction="lower"), 106, "not_achieved"),
    ("approx-lower-below", TargetSpec("~", 100, direction="lower"), 94, "exceeded"),
    ("range-inside", TargetSpec("between", 21, 22, unit="%"), 21.5, "achieved"),
    ("range-lower-edge", TargetSpec("between", 21, 22), 21, "achieved"),
    ("range-upper-edge", TargetSpec("between", 21, 22), 22, "achieved"),
    ("range-above-higher", TargetSpec("between", 21, 22), 26.5, "exceeded"),
    ("range-below-higher", TargetSpec("between", 21, 22), 20, "not_achieved"),
    ("range-above-lower", TargetSpec("between", 21, 22, direction="lower"), 23, "not_achieved"),
    ("range-below-lower", TargetSpec("between", 21, 22, direction="lower"), 20, "exceeded"),
    ("range-reversed-bounds", TargetSpec("between", 22, 21), 21.5, "achieved"),
    ("range-no-max-is-plain", TargetSpec("between", 21), 21, "achieved"),
    ("zero-target-le-met (0 vụ)", TargetSpec("<=", 0, unit="vụ"), 0, "achieved"),
    ("zero-target-le-missed", TargetSpec("<=", 0, unit="vụ"), 2, "not_achieved"),
    ("zero-target-eq-lower", TargetSpec("=", 0, direction="lower"), 0, "achieved"),
    ("zero-target-approx", TargetSpec("~", 0), 0, "achieved"),
    ("negative-target", TargetSpec(">=", -2), -1, "exceeded"),
]


@pytest.mark.parametrize(
    ("spec", "value", "status"), [c[1:] for c in YEAR_END_CASES], ids=[c[0] for c in YEAR_END_CASES]
)
def test_year_end_status(spec: TargetSpec, value: float, status: str) -> None:
    result = run(spec, [obs(value, DEC)], as_of=YEAR_END)
    assert result.status == status
    assert result.year_end is True
    assert result.label_vi == STATUS_LABELS_VI[status]
    assert result.forecast == pytest.approx(value)
    assert result.forecast_method == FORECAST_FINAL
    assert result.explanation_vi.endswith(".")


# --------------------------------------------------------------------------- change targets

CHANGE_CASES = [
    # "tỷ lệ hộ nghèo giảm ít nhất 4%" from 20.5
    (
        "decrease-ge-more",
        TargetSpec(">=", 4, direction="lower", change=True, baseline=20.5),
        16.0,
        "exceeded",
    ),
    (
        "decrease-ge-exact",
        TargetSpec(">=", 4, direction="lower", change=True, baseline=20.5),
        16.5,
        "achieved",
    ),
    (
        "decrease-ge-less",
        TargetSpec(">=", 4, direction="lower", change=True, baseline=20.5),
        17.0,
        "not_achieved",
    ),
    ("increase-ge-more", TargetSpec(">=", 5, change=True, baseline=100), 106, "exceeded"),
    ("increase-ge-less", TargetSpec(">=", 5, change=True, baseline=100), 104, "not_achieved"),
    (
        "increase-relative",
        TargetSpec(">=", 10, change=True, baseline=200, change_mode="relative"),
        220,
        "achieved",
    ),
    (
        "increase-relative-short",
        TargetSpec(">=", 10, change=True, baseline=200, change_mode="relative"),
        215,
        "not_achieved",
    ),
    ("decrease-le-at-most", TargetSpec("<=", 2, direction="lower", change=True, baseline=60), 59, "exceeded"),
    (
        "decrease-le-too-much",
        TargetSpec("<=", 2, direction="lower", change=True, baseline=60),
        57,
        "not_achieved",
    ),
    ("decrease-approx", TargetSpec("~", 4, direction="lower", change=True, baseline=100), 96, "achieved"),
    (
        "decrease-range",
        TargetSpec("between", 3, 4, direction="lower", change=True, baseline=20),
        16.5,
        "achieved",
    ),
    (
        "decrease-range-more",
        TargetSpec("between", 3, 4, direction="lower", change=True, baseline=20),
        15,
        "exceeded",
    ),
    (
        "decrease-range-less",
        TargetSpec("between", 3, 4, direction="lower", change=True, baseline=20),
        18,
        "not_achieved",
    ),
    ("decrease-plain", TargetSpec("=", 1.5, direction="lower", change=True, baseline=10), 8, "exceeded"),
]


@pytest.mark.parametrize(
    ("spec", "value", "status"), [c[1:] for c in CHANGE_CASES], ids=[c[0] for c in CHANGE_CASES]
)
def test_change_from_baseline(spec: TargetSpec, value: float, status: str) -> None:
    result = run(spec, [obs(value, DEC)], as_of=YEAR_END)
    assert result.status == status
    assert "năm gốc" in result.explanation_vi


@pytest.mark.parametrize(
    ("spec", "reason"),
    [
        (TargetSpec(">=", 4, direction="lower", change=True, baseline=None), "năm gốc"),
        (TargetSpec(">=", 10, change=True, baseline=0, change_mode="relative"), "bằng 0"),
    ],
    ids=["baseline-missing", "relative-zero-baseline"],
)
def test_change_without_usable_baseline_is_no_data(spec: TargetSpec, reason: str) -> None:
    for as_of in (MID, YEAR_END):
        result = run(spec, [obs(18.0, JUNE)], as_of=as_of)
        assert result.status == "no_data"
        assert reason in result.explanation_vi


# --------------------------------------------------------------------------- during the year

IN_YEAR_CASES = [
    # id, spec, observations, status, expected_pct
    # flows, linear: 30 June -> 50%
    ("flow-ahead", TargetSpec(">=", 3000, measure="flow"), [obs(1600)], "on_track", 50),
    ("flow-exactly", TargetSpec(">=", 3000, measure="flow"), [obs(1500)], "on_track", 50),
    ("flow-at-risk", TargetSpec(">=", 3000, measure="flow"), [obs(1400)], "at_risk", 50),
    ("flow-at-risk-edge", TargetSpec(">=", 3000, measure="flow"), [obs(1350)], "at_risk", 50),
    ("flow-off-track", TargetSpec(">=", 3000, measure="flow"), [obs(1120)], "off_track", 50),
    ("flow-3-months", TargetSpec(">=", 1200, measure="flow"), [obs(300, date(Y, 3, 31))], "on_track", 25),
    (
        "flow-mid-month",
        TargetSpec(">=", 1200, measure="flow"),
        [obs(290, date(Y, 3, 16))],
        "on_track",
        100 * (2 + 16 / 31) / 12,
    ),
    (
        "flow-monthly-values-added",
        TargetSpec(">=", 1200, measure="flow"),
        [obs(100, date(Y, m, 28), cumulative=False) for m in (1, 2)]
        + [obs(100, date(Y, 3, 31), cumulative=False)],
        "on_track",
        25,
    ),
    (
        "flow-cumulative-then-monthly",
        TargetSpec(">=", 1200, measure="flow"),
        [obs(200, date(Y, 2, 28)), obs(80, date(Y, 3, 31), cumulative=False)],
        "at_risk",
        25,
    ),
    ("flow-lower-under-cap", TargetSpec("<=", 100, measure="flow", unit="vụ"), [obs(45)], "on_track", 50),
    ("flow-lower-slightly-over", TargetSpec("<=", 100, measure="flow"), [obs(54)], "at_risk", 50),
    ("flow-lower-far-over", TargetSpec("<=", 100, measure="flow"), [obs(70)], "off_track", 50),
    ("flow-zero-cap-clean", TargetSpec("<=", 0, measure="flow", unit="vụ"), [obs(0)], "on_track", 50),
    ("flow-zero-cap-broken", TargetSpec("<=", 0, measure="flow", unit="vụ"), [obs(1)], "off_track", 50),
    ("flow-zero-floor", TargetSpec(">=", 0, measure="flow"), [obs(0)], "on_track", 50),
    ("flow-approx-within", TargetSpec("~", 1000, measure="flow"), [obs(480)], "on_track", 50),
    ("flow-range-lower-end", TargetSpec("between", 1000, 1200, measure="flow"), [obs(450)], "at_risk", 50),
    # stocks and rates: latest value against the target itself
    ("stock-met", TargetSpec(">=", 64, unit="%"), [obs(62, date(Y, 3, 31)), obs(64.2)], "on_track", None),
    ("stock-close", TargetSpec(">=", 64, unit="%"), [obs(60)], "at_risk", None),
    ("stock-far", TargetSpec(">=", 64, unit="%"), [obs(50)], "off_track", None),
    ("stock-latest-wins", TargetSpec(">=", 64), [obs(64, date(Y, 3, 31)), obs(50)], "off_track", None),
    ("stock-lower-ok", TargetSpec("<", 35.6), [obs(35)], "on_track", None),
    ("stock-lower-over", TargetSpec("<", 35.6), [obs(38)], "at_risk", None),
    ("stock-lower-far", TargetSpec("<", 35.6), [obs(45)], "off_track", None),
    ("stock-range-inside", TargetSpec("between", 21, 22), [obs(21.5)], "on_track", None),
    ("stock-range-above-higher", TargetSpec("between", 21, 22), [obs(30)], "on_track", None),
    (
        "stock-range-above-lower",
        TargetSpec("between", 21, 22, direction="lower"),
        [obs(30)],
        "off_track",
        None,
    ),
    ("stock-approx-inside", TargetSpec("~", 100), [obs(96)], "on_track", None),
    (
        "stock-change-decrease",
        TargetSpec(">=", 4, direction="lower", change=True, baseline=20.5),
        [obs(18)],
        "at_risk",
        None,
    ),
    ("stock-zero-target-ok", TargetSpec("=", 0, direction="lower"), [obs(0)], "on_track", None),
    ("stock-zero-target-bad", TargetSpec("=", 0, direction="lower"), [obs(3)], "off_track", None),
    ("stock-negative-actual", TargetSpec(">=", 5), [obs(-1)], "off_track", None),
]


@pytest.mark.parametrize(
    ("spec", "values", "status", "expected_pct"),
    [c[1:] for c in IN_YEAR_CASES],
    ids=[c[0] for c in IN_YEAR_CASES],
)
def test_in_year_status(
    spec: TargetSpec, values: list[Observation], status: str, expected_pct: float | None
) -> None:
    result = run(spec, values)
    assert result.status == status
    assert result.year_end is False
    if expected_pct is None:
        assert result.expected_pct is None
        assert result.forecast_method == FORECAST_CARRIED
    else:
        assert result.expected_pct == pytest.approx(expected_pct)
        assert result.forecast_method == FORECAST_LINEAR


def test_example_sentence() -> None:
    result = run(TargetSpec(">=", 3000, measure="flow", unit="ha"), [obs(1120)])
    assert result.explanation_vi.startswith(
        "Đạt 1.120/3.000 ha (37%) sau 6 tháng; cần khoảng 50% để kịp tiến độ → "
    )
    assert result.progress_pct == pytest.approx(37.333, abs=0.01)
    assert result.forecast == pytest.approx(2240)
    assert result.ratio == pytest.approx(1120 / 1500)

