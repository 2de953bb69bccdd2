"""Table-driven tests of the evaluation engine: seasonal flows, missing and late data, year-end triggers,
forecasts, revisions, and the property that it never raises (no database)."""

from __future__ import annotations

import math
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from theodoi.evaluation.engine import (
    APPROX_TOLERANCE,
    AT_RISK_RATIO,
    FORECAST_LINEAR,
    FORECAST_SEASONAL,
    ON_TRACK_RATIO,
    STATUS_LABELS_VI,
    Observation,
    TargetSpec,
    elapsed_share,
    evaluate,
    progress_ratio,
    seasonal_share,
    year_to_date,
)
from theodoi.evaluation.tests.engine_cases import DEC, JUNE, MID, YEAR_END, Y, obs, run

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
