"""Table-driven tests of the evaluation engine: one row per rule, no database."""

from __future__ import annotations

import math
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from theodoi.evaluation.engine import (
    APPROX_TOLERANCE,
    AT_RISK_RATIO,
    FORECAST_CARRIED,
    FORECAST_FINAL,
    FORECAST_LINEAR,
    FORECAST_SEASONAL,
    ON_TRACK_RATIO,
    STATUS_LABELS_VI,
    Evaluation,
    Observation,
    TargetSpec,
    elapsed_share,
    evaluate,
    progress_ratio,
    seasonal_share,
    year_to_date,
)

Y = 2021
MID = date(Y, 7, 5)  # after the 6-month report
YEAR_END = date(Y + 1, 1, 10)
JUNE = date(Y, 6, 30)
DEC = date(Y, 12, 31)


def obs(value: float, when: date = JUNE, **kw: object) -> Observation:
    return Observation(when, value, **kw)  # type: ignore[arg-type]


def run(spec: TargetSpec, values: list[Observation], as_of: date = MID, **kw: object) -> Evaluation:
    return evaluate(spec, values, year=Y, as_of=as_of, **kw)  # type: ignore[arg-type]


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


# --------------------------------------------------------------------------- seasonal flows

# Tourism: a slow first half, a strong second half (cumulative shares by month).
PROFILE = [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7, 0.85, 1.0]

SEASONAL_CASES = [
    # id, profile, value at 30/6 (target 1000), status, method, expected share %
    ("seasonal-on-track", PROFILE, 310, "on_track", FORECAST_SEASONAL, 30),
    ("seasonal-at-risk", PROFILE, 280, "at_risk", FORECAST_SEASONAL, 30),
    ("seasonal-off-track", PROFILE, 250, "off_track", FORECAST_SEASONAL, 30),
    ("seasonal-same-value-linear-off", None, 310, "off_track", FORECAST_LINEAR, 50),
    ("seasonal-percent-scale", [v * 100 for v in PROFILE], 300, "on_track", FORECAST_SEASONAL, 30),
    ("seasonal-raw-figures", [v * 7000 for v in PROFILE], 300, "on_track", FORECAST_SEASONAL, 30),
    ("seasonal-wrong-length-falls-back", PROFILE[:11], 500, "on_track", FORECAST_LINEAR, 50),
    ("seasonal-decreasing-falls-back", list(reversed(PROFILE)), 500, "on_track", FORECAST_LINEAR, 50),
    ("seasonal-all-zero-falls-back", [0.0] * 12, 500, "on_track", FORECAST_LINEAR, 50),
    ("seasonal-nan-falls-back", [math.nan] + PROFILE[1:], 500, "on_track", FORECAST_LINEAR, 50),
]


@pytest.mark.parametrize(
    ("profile", "value", "status", "method", "share"),
    [c[1:] for c in SEASONAL_CASES],
    ids=[c[0] for c in SEASONAL_CASES],
)
def test_seasonal_flows(
    profile: list[float] | None, value: float, status: str, method: str, share: float
) -> None:
    result = run(TargetSpec(">=", 1000, measure="flow"), [obs(value)], seasonal_profile=profile)
    assert result.status == status
    assert result.forecast_method == method
    assert result.expected_pct == pytest.approx(share)
    assert result.forecast == pytest.approx(value * 100 / share)
    if method == FORECAST_SEASONAL:
        assert "mùa vụ năm trước" in result.explanation_vi
    elif profile is not None:
        assert result.notes


def test_seasonal_share_interpolates_inside_a_month() -> None:
    assert seasonal_share(date(Y, 7, 31), PROFILE) == pytest.approx(0.4)
    assert seasonal_share(date(Y, 1, 31), PROFILE) == pytest.approx(0.05)
    mid_july = seasonal_share(date(Y, 7, 15), PROFILE)
    assert mid_july is not None and 0.3 < mid_july < 0.4


@pytest.mark.parametrize(
    ("day", "share"),
    [
        (date(Y, 1, 31), 1 / 12),
        (date(Y, 6, 30), 0.5),
        (date(Y, 9, 30), 0.75),
        (date(Y, 12, 31), 1.0),
        (date(2024, 2, 29), 2 / 12),
    ],
)
def test_elapsed_share_by_months(day: date, share: float) -> None:
    assert elapsed_share(day) == pytest.approx(share)


# --------------------------------------------------------------------------- missing and late data

MISSING_CASES = [
    ("no-observations", TargetSpec(">=", 10), [], MID),
    ("no-observations-year-end", TargetSpec(">=", 10, measure="flow"), [], YEAR_END),
    (
        "only-other-years",
        TargetSpec(">=", 10),
        [obs(12, date(Y - 1, 12, 31)), obs(12, date(Y + 1, 1, 31))],
        YEAR_END,
    ),
    ("only-future-periods", TargetSpec(">=", 10), [obs(12, date(Y, 9, 30))], MID),
    ("only-late-arrival", TargetSpec(">=", 10), [obs(12, JUNE, reported_on=date(Y, 7, 20))], MID),
    ("only-nan", TargetSpec(">=", 10), [obs(math.nan)], MID),
    ("only-inf", TargetSpec(">=", 10, measure="flow"), [obs(math.inf)], MID),
    ("nan-target", TargetSpec(">=", math.nan), [obs(12)], MID),
    ("inf-target", TargetSpec("<=", math.inf, measure="flow"), [obs(12)], MID),
]


@pytest.mark.parametrize(
    ("spec", "values", "as_of"), [c[1:] for c in MISSING_CASES], ids=[c[0] for c in MISSING_CASES]
)
def test_missing_data_is_no_data(spec: TargetSpec, values: list[Observation], as_of: date) -> None:
    result = run(spec, values, as_of=as_of)
    assert result.status == "no_data"
    assert result.label_vi == "Chưa có số liệu"
    assert result.explanation_vi


LATE_CASES = [
    # A June figure that arrived on 20 July: ignored before, counted after.
    ("before-arrival", date(Y, 7, 10), "no_data"),
    ("on-arrival-day", date(Y, 7, 20), "on_track"),
    ("after-arrival", date(Y, 8, 1), "on_track"),
]


@pytest.mark.parametrize(("as_of", "status"), [c[1:] for c in LATE_CASES], ids=[c[0] for c in LATE_CASES])
def test_value_arriving_late(as_of: date, status: str) -> None:
    values = [obs(1600, JUNE, reported_on=date(Y, 7, 20))]
    assert run(TargetSpec(">=", 3000, measure="flow"), values, as_of=as_of).status == status


def test_late_value_does_not_hide_earlier_one() -> None:
    values = [
        obs(800, date(Y, 3, 31), reported_on=date(Y, 4, 15)),
        obs(1000, JUNE, reported_on=date(Y, 7, 20)),
    ]
    before = run(TargetSpec(">=", 3000, measure="flow"), values, as_of=date(Y, 7, 10))
    after = run(TargetSpec(">=", 3000, measure="flow"), values, as_of=date(Y, 7, 25))
    assert (before.status, before.actual, before.period_end) == ("on_track", 800, date(Y, 3, 31))
    assert (after.status, after.actual) == ("off_track", 1000)
    assert before.notes  # the ignored value is mentioned


# --------------------------------------------------------------------------- year end triggers, forecast, revisions


@pytest.mark.parametrize(
    ("as_of", "final", "year_end"),
    [
        (date(Y, 12, 30), False, False),
        (date(Y, 12, 31), False, True),
        (date(Y + 1, 3, 1), False, True),
        (date(Y, 12, 10), True, True),  # "ước thực hiện cả năm" flagged final before the year ends
    ],
)
def test_year_end_trigger(as_of: date, final: bool, year_end: bool) -> None:
    values = [obs(2900, date(Y, 11, 30), final=final)]
    result = run(TargetSpec(">=", 3000, measure="flow"), values, as_of=as_of)
    assert result.year_end is year_end
    assert result.status == ("not_achieved" if year_end else "on_track")


FORECAST_CASES = [
    ("forecast-with-data", [obs(565_000)], "dân số"),
    ("forecast-without-data", [], "chưa có số liệu"),
]


@pytest.mark.parametrize(
    ("values", "text"), [c[1:] for c in FORECAST_CASES], ids=[c[0] for c in FORECAST_CASES]
)
def test_forecast_only_is_not_judged(values: list[Observation], text: str) -> None:
    spec = TargetSpec("~", 567_000, unit="người", forecast_only=True)
    for as_of in (MID, YEAR_END):
        result = run(spec, values, as_of=as_of)
        assert result.status == "forecast"
        assert result.label_vi == "Dự báo"
        assert "dự báo" in result.explanation_vi
        assert "khoảng 567.000 người" in result.explanation_vi


def test_revision_of_same_period_replaces() -> None:
    values = [obs(100, date(Y, 1, 31), cumulative=False), obs(120, date(Y, 1, 31), cumulative=False)]
    assert year_to_date(values) == 120


def test_cumulative_and_monthly_same_day_not_double_counted() -> None:
    values = [obs(50, JUNE, cumulative=False), obs(300, JUNE, cumulative=True)]
    assert year_to_date(values) == 300


@pytest.mark.parametrize(
    ("actual", "expected", "higher", "ratio"),
    [
        (50, 100, True, 0.5),
        (0, 0, True, 1.0),
        (-1, 0, True, 0.0),
        (50, 100, False, 2.0),
        (0, 0, False, 1.0),
        (3, 0, False, 0.0),
        (0, 10, False, 1.0),
        (20, 10, False, 0.5),
    ],
)
def test_progress_ratio_without_division_by_zero(
    actual: float, expected: float, higher: bool, ratio: float
) -> None:
    assert progress_ratio(actual, expected, higher) == pytest.approx(ratio)


def test_thresholds_documented() -> None:
    assert (APPROX_TOLERANCE, ON_TRACK_RATIO, AT_RISK_RATIO) == (0.05, 1.0, 0.9)
    assert set(STATUS_LABELS_VI.values()) == {
        "Vượt",
        "Đạt",
        "Không đạt",
        "Đúng tiến độ",
        "Có nguy cơ",
        "Chậm tiến độ",
        "Chưa có số liệu",
        "Dự báo",
    }


@pytest.mark.parametrize(
    "kwargs",
    [
        {"comparator": "≥", "value": 1},
        {"comparator": ">=", "value": 1, "direction": "up"},
        {"comparator": ">=", "value": 1, "measure": "rate"},
    ],
)
def test_bad_spec_fails_loudly_at_construction(kwargs: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        TargetSpec(**kwargs)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- property: never raises

finite = st.floats(allow_nan=False, allow_infinity=False)
days = st.dates(min_value=date(Y - 1, 1, 1), max_value=date(Y + 1, 12, 31))
specs = st.builds(
    TargetSpec,
    comparator=st.sampled_from([">", ">=", "<", "<=", "=", "~", "between"]),
    value=finite,
    value_max=st.none() | finite,
    direction=st.sampled_from(["higher", "lower"]),
    measure=st.sampled_from(["flow", "stock"]),
    change=st.booleans(),
    baseline=st.none() | finite,
    unit=st.sampled_from(["", "%", "ha", "tỷ đồng"]),
    forecast_only=st.booleans(),
    change_mode=st.sampled_from(["absolute", "relative"]),
)
observations = st.lists(
    st.builds(
        Observation,
        period_end=days,
        value=finite,
        cumulative=st.booleans(),
        final=st.booleans(),
        reported_on=st.none() | days,
    ),
    max_size=8,
)


@settings(max_examples=400, deadline=None)
@given(
    spec=specs,
    values=observations,
    as_of=days,
    profile=st.none()
    | st.lists(finite, min_size=12, max_size=12)
    | st.lists(st.floats(0, 1), min_size=12, max_size=12).map(sorted),
)
def test_evaluate_never_raises(
    spec: TargetSpec, values: list[Observation], as_of: date, profile: list[float] | None
) -> None:
    result = evaluate(spec, values, year=Y, as_of=as_of, seasonal_profile=profile)
    assert result.status in STATUS_LABELS_VI
    assert result.label_vi == STATUS_LABELS_VI[result.status]
    assert result.explanation_vi
    if result.year_end and result.status not in ("no_data", "forecast"):
        assert result.status in ("exceeded", "achieved", "not_achieved")
    if not result.year_end and result.status not in ("no_data", "forecast"):
        assert result.status in ("on_track", "at_risk", "off_track")


def test_year_end_on_partial_data_says_so() -> None:
    result = run(TargetSpec(">=", 3000, measure="flow", unit="ha"), [obs(1600)], as_of=YEAR_END)
    assert result.status == "not_achieved"
    assert "(đến 30/06/2021)" in result.explanation_vi
    assert any("judged on the figure to 2021-06-30" in n for n in result.notes)
    full = run(TargetSpec(">=", 3000, measure="flow", unit="ha"), [obs(3100, DEC)], as_of=YEAR_END)
    assert (
        full.explanation_vi
        == "Thực hiện cả năm 3.100 ha (103%) so với chỉ tiêu ít nhất 3.000 ha → vượt chỉ tiêu."
    )
