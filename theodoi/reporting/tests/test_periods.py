"""Periods, keys, labels and Decree 09/2019/NĐ-CP Art. 12 cut-off windows (no database)."""

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from theodoi.reporting.periods import (
    DECREE_09_CUTOFF,
    CutoffRule,
    Period,
    PeriodKind,
    parse_period_key,
    period_containing,
    periods_in_year,
    window,
)

M, Q, H, N, A = (
    PeriodKind.MONTHLY,
    PeriodKind.QUARTERLY,
    PeriodKind.SEMIANNUAL,
    PeriodKind.NINE_MONTH,
    PeriodKind.ANNUAL,
)
INSPECTION = CutoffRule(start_day=16, end_day=15)
CALENDAR = CutoffRule(start_day=1, end_day=None, start_months_before=0)


@pytest.mark.parametrize(
    ("period", "key", "label"),
    [
        (Period(M, 2021, 6), "2021-06", "Tháng 6/2021"),
        (Period(M, 2021, 12), "2021-12", "Tháng 12/2021"),
        (Period(Q, 2021, 1), "2021-Q1", "Quý I/2021"),
        (Period(Q, 2021, 2), "2021-Q2", "Quý II/2021"),
        (Period(Q, 2021, 3), "2021-Q3", "Quý III/2021"),
        (Period(Q, 2021, 4), "2021-Q4", "Quý IV/2021"),
        (Period(H, 2021), "2021-H1", "6 tháng đầu năm 2021"),
        (Period(N, 2021), "2021-9M", "9 tháng năm 2021"),
        (Period(A, 2021), "2021", "Năm 2021"),
    ],
)
def test_key_label_and_parse(period: Period, key: str, label: str) -> None:
    assert period.key == key
    assert str(period) == key
    assert period.label == label
    assert parse_period_key(key) == period


def test_kind_accepts_string_value() -> None:
    assert Period("monthly", 2021, 6) == Period(M, 2021, 6)  # type: ignore[arg-type]
    assert parse_period_key(" 2021-q2 ") == Period(Q, 2021, 2)


@pytest.mark.parametrize(
    "key",
    [
        "",
        "2021-13",
        "2021-00",
        "2021-Q5",
        "2021-Q0",
        "2021-H2",
        "2021-6",
        "21-06",
        "2021-M6",
        "2021/06",
        "abc",
        "2021-9m-x",
        "0000",
    ],
)
def test_parse_rejects(key: str) -> None:
    with pytest.raises(ValueError, match="Invalid period key"):
        parse_period_key(key)


@pytest.mark.parametrize(
    ("kind", "year", "index"),
    [(M, 2021, 0), (M, 2021, 13), (Q, 2021, 5), (H, 2021, 2), (A, 2021, 2), (A, 0, 1)],
)
def test_period_rejects_bad_index(kind: PeriodKind, year: int, index: int) -> None:
    with pytest.raises(ValueError):
        Period(kind, year, index)


@pytest.mark.parametrize(
    ("period", "previous"),
    [
        (Period(M, 2021, 1), Period(M, 2020, 12)),
        (Period(M, 2021, 6), Period(M, 2021, 5)),
        (Period(Q, 2021, 1), Period(Q, 2020, 4)),
        (Period(Q, 2021, 3), Period(Q, 2021, 2)),
        (Period(H, 2021), Period(H, 2020)),
        (Period(N, 2021), Period(N, 2020)),
        (Period(A, 2021), Period(A, 2020)),
    ],
)
def test_previous_and_next(period: Period, previous: Period) -> None:
    assert period.previous() == previous
    assert previous.next() == period


def test_same_period_last_year() -> None:
    assert Period(Q, 2021, 2).same_period_last_year() == Period(Q, 2020, 2)


@pytest.mark.parametrize(
    ("period", "start", "end"),
    [
        (Period(M, 2021, 2), date(2021, 2, 1), date(2021, 2, 28)),
        (Period(M, 2024, 2), date(2024, 2, 1), date(2024, 2, 29)),
        (Period(Q, 2021, 2), date(2021, 4, 1), date(2021, 6, 30)),
        (Period(H, 2021), date(2021, 1, 1), date(2021, 6, 30)),
        (Period(N, 2021), date(2021, 1, 1), date(2021, 9, 30)),
        (Period(A, 2021), date(2021, 1, 1), date(2021, 12, 31)),
    ],
)
def test_calendar_bounds(period: Period, start: date, end: date) -> None:
    assert (period.start, period.end) == (start, end)


@pytest.mark.parametrize(
    ("period", "rule", "expected"),
    [
        # Decree 09/2019/NĐ-CP Art. 12 defaults
        (Period(M, 2021, 1), DECREE_09_CUTOFF, (date(2020, 12, 15), date(2021, 1, 14))),  # crosses the year
        (Period(M, 2021, 6), DECREE_09_CUTOFF, (date(2021, 5, 15), date(2021, 6, 14))),
        (Period(M, 2021, 3), DECREE_09_CUTOFF, (date(2021, 2, 15), date(2021, 3, 14))),
        (Period(M, 2021, 12), DECREE_09_CUTOFF, (date(2021, 11, 15), date(2021, 12, 14))),
        (Period(Q, 2021, 1), DECREE_09_CUTOFF, (date(2020, 12, 15), date(2021, 3, 14))),
        (Period(Q, 2021, 2), DECREE_09_CUTOFF, (date(2021, 3, 15), date(2021, 6, 14))),
        (Period(Q, 2021, 4), DECREE_09_CUTOFF, (date(2021, 9, 15), date(2021, 12, 14))),
        (Period(H, 2021), DECREE_09_CUTOFF, (date(2020, 12, 15), date(2021, 6, 14))),
        (Period(N, 2021), DECREE_09_CUTOFF, (date(2020, 12, 15), date(2021, 9, 14))),
        (Period(A, 2021), DECREE_09_CUTOFF, (date(2020, 12, 15), date(2021, 12, 14))),
        # inspection sector: 16th to 15th
        (Period(M, 2021, 1), INSPECTION, (date(2020, 12, 16), date(2021, 1, 15))),
        (Period(M, 2021, 3), INSPECTION, (date(2021, 2, 16), date(2021, 3, 15))),
        (Period(Q, 2022, 1), INSPECTION, (date(2021, 12, 16), date(2022, 3, 15))),
        # plain calendar window, and end days clamped to short months
        (Period(M, 2024, 2), CALENDAR, (date(2024, 2, 1), date(2024, 2, 29))),
        (Period(Q, 2021, 1), CALENDAR, (date(2021, 1, 1), date(2021, 3, 31))),
        (Period(M, 2021, 3), CutoffRule(start_day=31, end_day=30), (date(2021, 2, 28), date(2021, 3, 30))),
    ],
)
def test_window(period: Period, rule: CutoffRule, expected: tuple[date, date]) -> None:
    assert window(period, rule) == expected


def test_window_default_rule_is_decree_09() -> None:
    assert window(Period(M, 2021, 1)) == (date(2020, 12, 15), date(2021, 1, 14))


def test_empty_window_is_rejected() -> None:
    with pytest.raises(ValueError, match="empty window"):
        window(Period(M, 2021, 3), CutoffRule(start_day=20, end_day=5, start_months_before=0))


@pytest.mark.parametrize(
    "fields", [{"start_day": 0}, {"start_day": 32}, {"end_day": 0}, {"start_months_before": -1}]
)
def test_cutoff_rule_rejects(fields: dict[str, int]) -> None:
    with pytest.raises(ValueError):
        CutoffRule(**fields)


def test_cutoff_rule_dict_round_trip() -> None:
    assert CutoffRule.from_dict(INSPECTION.to_dict()) == INSPECTION
    assert CutoffRule.from_dict(CALENDAR.to_dict()) == CALENDAR
    with pytest.raises(ValueError, match="Unknown"):
        CutoffRule.from_dict({"start": 15})


@pytest.mark.parametrize(
    ("kind", "d", "rule", "expected"),
    [
        (M, date(2021, 1, 20), None, Period(M, 2021, 1)),
        (Q, date(2021, 5, 31), None, Period(Q, 2021, 2)),
        (H, date(2021, 6, 30), None, Period(H, 2021)),
        (N, date(2021, 9, 1), None, Period(N, 2021)),
        (A, date(2021, 12, 31), None, Period(A, 2021)),
        (M, date(2021, 1, 20), DECREE_09_CUTOFF, Period(M, 2021, 2)),
        (M, date(2021, 1, 14), DECREE_09_CUTOFF, Period(M, 2021, 1)),
        (M, date(2021, 12, 20), DECREE_09_CUTOFF, Period(M, 2022, 1)),
        (Q, date(2021, 12, 15), DECREE_09_CUTOFF, Period(Q, 2022, 1)),
        (Q, date(2021, 12, 14), DECREE_09_CUTOFF, Period(Q, 2021, 4)),
        (A, date(2021, 12, 20), DECREE_09_CUTOFF, Period(A, 2022)),
        (H, date(2020, 12, 15), DECREE_09_CUTOFF, Period(H, 2021)),
        (N, date(2021, 9, 14), DECREE_09_CUTOFF, Period(N, 2021)),
        (M, date(2021, 3, 15), INSPECTION, Period(M, 2021, 3)),
        (M, datetime(2021, 1, 20, 9, 30), DECREE_09_CUTOFF, Period(M, 2021, 2)),
    ],
)
def test_period_containing(kind: PeriodKind, d: date, rule: CutoffRule | None, expected: Period) -> None:
    assert period_containing(kind, d, rule) == expected


@pytest.mark.parametrize(
    ("kind", "d", "rule"),
    [
        (H, date(2021, 7, 1), None),
        (N, date(2021, 10, 1), None),
        (H, date(2021, 6, 15), DECREE_09_CUTOFF),
        (N, date(2021, 12, 14), DECREE_09_CUTOFF),
    ],
)
def test_period_containing_outside_partial_year(kind: PeriodKind, d: date, rule: CutoffRule | None) -> None:
    with pytest.raises(ValueError, match="falls in no"):
        period_containing(kind, d, rule)


dates = st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31))


@given(dates, st.sampled_from([DECREE_09_CUTOFF, INSPECTION, CALENDAR]), st.sampled_from([M, Q, A]))
def test_windows_tile_the_calendar(d: date, rule: CutoffRule, kind: PeriodKind) -> None:
    """Every day is cut off into exactly one month/quarter/year, with no gap before the next window."""
    p = period_containing(kind, d, rule)
    start, end = window(p, rule)
    assert start <= d <= end
    assert window(p.next(), rule)[0] == end + timedelta(days=1)


@given(st.sampled_from(list(PeriodKind)), st.integers(min_value=2, max_value=9998), st.integers(1, 12))
def test_key_round_trip(kind: PeriodKind, year: int, index: int) -> None:
    count = {M: 12, Q: 4}.get(kind, 1)
    p = Period(kind, year, (index - 1) % count + 1)
    assert parse_period_key(p.key) == p
    assert p.previous().next() == p


def test_periods_in_year() -> None:
    assert [p.key for p in periods_in_year(Q, 2021)] == ["2021-Q1", "2021-Q2", "2021-Q3", "2021-Q4"]
    assert len(periods_in_year("monthly", 2021)) == 12
    assert periods_in_year(N, 2021) == [Period(N, 2021)]
