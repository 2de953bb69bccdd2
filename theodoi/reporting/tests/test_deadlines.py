"""Working days, deadlines, timeliness and reporting regimes (no database).

Holiday facts are those of the ``holidays`` library (Vietnam); the tests pin
the ones the deadlines depend on, so an upgrade that changes them shows up.
"""

import json
from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from theodoi.reporting.deadlines import (
    DECREE_09_REGIME,
    SEED_REGIME,
    DeadlineKind,
    DeadlineOverride,
    DeadlineRule,
    ReportingRegime,
    add_working_days,
    due_date,
    holiday_name,
    is_working_day,
    lock_date,
    next_working_day,
    regime_from_dict,
    timeliness,
)
from theodoi.reporting.periods import DECREE_09_CUTOFF, CutoffRule, Period, PeriodKind, parse_period_key

M, Q, H, N, A = (
    PeriodKind.MONTHLY,
    PeriodKind.QUARTERLY,
    PeriodKind.SEMIANNUAL,
    PeriodKind.NINE_MONTH,
    PeriodKind.ANNUAL,
)
AGENCIES = SEED_REGIME.unit_deadline  # before the 18th, year-end before 10 Dec
TWO_DAYS = DeadlineRule.after_cutoff(2)


def _days(start: date, end: date) -> list[date]:
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]


# -- the holiday calendar ---------------------------------------------------
@pytest.mark.parametrize(
    ("first", "last"),
    [
        (date(2021, 2, 10), date(2021, 2, 16)),  # Tết Tân Sửu: 29 Tết to mùng 5
        (date(2022, 1, 31), date(2022, 2, 4)),
        (date(2023, 1, 20), date(2023, 1, 26)),
        (date(2024, 2, 8), date(2024, 2, 14)),  # Tết Giáp Thìn
        (date(2025, 1, 27), date(2025, 1, 31)),
        (date(2026, 2, 16), date(2026, 2, 20)),
        (date(2024, 4, 29), date(2024, 5, 1)),  # 29/4 swapped with Saturday 4/5, then 30/4 and 1/5
        (date(2025, 4, 30), date(2025, 5, 2)),  # 2/5 swapped with Saturday 26/4
        (date(2021, 9, 2), date(2021, 9, 3)),  # National Day, two days since 2021
        (date(2025, 9, 1), date(2025, 9, 2)),
    ],
)
def test_public_holidays_are_not_working_days(first: date, last: date) -> None:
    assert not any(is_working_day(d) for d in _days(first, last))


@pytest.mark.parametrize(
    ("d", "working"),
    [
        (date(2021, 2, 9), True),  # the day before 29 Tết
        (date(2021, 2, 17), True),  # back to work
        (date(2021, 5, 3), False),  # 1/5/2021 was a Saturday: observed Monday
        (date(2022, 1, 3), False),  # 1/1/2022 was a Saturday: observed Monday
        (date(2023, 9, 4), False),  # 2/9/2023 was a Saturday: observed Monday
        (date(2024, 5, 4), True),  # make-up Saturday ("làm bù") for 29/4/2024
        (date(2025, 4, 26), True),  # make-up Saturday for 2/5/2025
        (date(2024, 5, 11), False),  # an ordinary Saturday
        (date(2024, 5, 12), False),  # Sunday
        (date(2024, 4, 18), False),  # Giỗ Tổ Hùng Vương (10/3 lunar)
        (date(2024, 5, 2), True),
        (date(2026, 8, 31), False),  # swapped with Saturday 22/8/2026
        (date(2026, 8, 22), True),
        (date(2026, 11, 24), False),  # Ngày Văn hóa Việt Nam, a holiday from 2026 (holidays >= 0.109)
        (date(2025, 11, 24), True),
        (datetime(2021, 2, 12, 8, 0), False),  # datetimes are reduced to dates
    ],
)
def test_is_working_day(d: date, working: bool) -> None:
    assert is_working_day(d) is working


def test_holiday_name_is_vietnamese() -> None:
    assert holiday_name(date(2024, 2, 10)) == "Tết Nguyên Đán"
    assert holiday_name(date(2024, 2, 15)) is None


# -- working-day arithmetic -------------------------------------------------
@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        (date(2021, 3, 11), 2, date(2021, 3, 15)),  # Thursday + 2 skips the weekend
        (date(2021, 2, 9), 1, date(2021, 2, 17)),  # Tết 2021: 10-16 Feb off
        (date(2021, 2, 14), 2, date(2021, 2, 18)),  # cut-off inside Tết 2021
        (date(2024, 2, 7), 2, date(2024, 2, 16)),  # Tết 2024: 8-14 Feb off
        (date(2024, 2, 14), 2, date(2024, 2, 16)),  # monthly cut-off on mùng 5
        (date(2021, 4, 29), 2, date(2021, 5, 5)),  # 30/4, 1/5 (Sat) observed Mon 3/5
        (date(2024, 4, 26), 2, date(2024, 5, 3)),  # 27-28 weekend, 29/4-1/5 off
        (date(2024, 5, 3), 1, date(2024, 5, 4)),  # the make-up Saturday counts
        (date(2025, 8, 29), 1, date(2025, 9, 3)),  # 2/9 2025: 1-2 Sep off
        (date(2023, 8, 31), 1, date(2023, 9, 5)),  # 2/9 2023 on Saturday: 1, 2 and 4 Sep off
        (date(2021, 12, 31), 1, date(2022, 1, 4)),  # year boundary, 1/1/2022 observed Monday
        (date(2022, 12, 30), 2, date(2023, 1, 4)),  # year boundary, 1/1/2023 observed Monday
        (date(2024, 12, 31), 1, date(2025, 1, 2)),
        (date(2021, 2, 17), -1, date(2021, 2, 9)),  # backwards over Tết
        (date(2021, 2, 13), 0, date(2021, 2, 17)),  # 0: roll forward to a working day
        (date(2021, 3, 11), 0, date(2021, 3, 11)),
    ],
)
def test_add_working_days(start: date, n: int, expected: date) -> None:
    assert add_working_days(start, n) == expected


@given(
    st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31)), st.integers(min_value=1, max_value=30)
)
def test_add_working_days_counts_exactly_n(start: date, n: int) -> None:
    end = add_working_days(start, n)
    assert is_working_day(end)
    assert sum(is_working_day(d) for d in _days(start + timedelta(days=1), end)) == n
    assert add_working_days(end, -n) <= start


def test_next_working_day() -> None:
    assert next_working_day(date(2026, 2, 14)) == date(2026, 2, 23)  # Saturday before Tết 2026
    assert next_working_day(date(2026, 2, 23)) == date(2026, 2, 23)


# -- due dates ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("key", "rule", "expected"),
    [
        ("2021-06", AGENCIES, date(2021, 6, 18)),  # Friday
        ("2021-09", AGENCIES, date(2021, 9, 20)),  # 18th is a Saturday: next working day
        ("2021-12", AGENCIES, date(2021, 12, 20)),  # Saturday
        ("2022-09", AGENCIES, date(2022, 9, 19)),  # Sunday
        ("2024-04", AGENCIES, date(2024, 4, 19)),  # 18/4/2024 is Giỗ Tổ Hùng Vương
        ("2026-02", AGENCIES, date(2026, 2, 23)),  # 18/2/2026 is mùng hai Tết
        ("2021-Q3", AGENCIES, date(2021, 9, 20)),  # the quarter's last month
        ("2022-Q2", AGENCIES, date(2022, 6, 20)),  # 18/6/2022 Saturday
        ("2021-H1", AGENCIES, date(2021, 6, 18)),
        ("2021-9M", AGENCIES, date(2021, 9, 20)),
        ("2021", AGENCIES, date(2021, 12, 10)),  # year-end evaluation before 10 December
        ("2022", AGENCIES, date(2022, 12, 12)),  # 10/12/2022 Saturday
        ("2023", AGENCIES, date(2023, 12, 11)),  # Sunday
        ("2021-06", SEED_REGIME.consolidator_deadline, date(2021, 6, 21)),  # 20/6/2021 Sunday
        ("2026-02", SEED_REGIME.consolidator_deadline, date(2026, 2, 23)),  # 20/2/2026 in Tết
        ("2021", SEED_REGIME.consolidator_deadline, date(2021, 12, 15)),
        ("2021-09", DeadlineRule.day_of_month(18, roll_to_working_day=False), date(2021, 9, 18)),
        (
            "2021-02",
            DeadlineRule.day_of_month(31),
            date(2021, 3, 1),
        ),  # clamped to Sunday 28/2, rolls to Mon 1/3
        # 2 working days after the Decree 09 cut-off (the 14th)
        ("2021-02", TWO_DAYS, date(2021, 2, 18)),  # cut-off Sunday 14/2 inside Tết 2021
        ("2024-02", TWO_DAYS, date(2024, 2, 16)),  # cut-off 14/2/2024 is mùng 5 Tết
        ("2026-02", TWO_DAYS, date(2026, 2, 24)),  # cut-off Saturday before Tết 2026
        ("2023-01", TWO_DAYS, date(2023, 1, 17)),  # cut-off Saturday
        ("2021-Q1", TWO_DAYS, date(2021, 3, 16)),
        ("2025-09", TWO_DAYS, date(2025, 9, 16)),
        ("2021", TWO_DAYS, date(2021, 12, 16)),
    ],
)
def test_due_date(key: str, rule: DeadlineRule, expected: date) -> None:
    assert due_date(parse_period_key(key), rule, DECREE_09_CUTOFF) == expected


def test_due_date_after_sector_cutoff() -> None:
    inspection = CutoffRule(start_day=16, end_day=15)  # cut-off 15/4/2021 Thursday
    assert due_date(Period(M, 2021, 4), TWO_DAYS, inspection) == date(2021, 4, 19)


def test_override_in_next_year() -> None:
    rule = DeadlineRule.day_of_month(18, overrides=[DeadlineOverride(A, day=15, month=1, year_offset=1)])
    assert due_date(Period(A, 2021), rule) == date(2022, 1, 17)  # 15/1/2022 Saturday
    assert due_date(Period(M, 2021, 12), rule) == date(2021, 12, 20)


@pytest.mark.parametrize(
    "make",
    [
        lambda: DeadlineRule(day=0),
        lambda: DeadlineRule(day=32),
        lambda: DeadlineRule.after_cutoff(-1),
        lambda: DeadlineRule(overrides=(DeadlineOverride(A, 10), DeadlineOverride(A, 11))),
        lambda: DeadlineOverride(A, day=10, month=13),
        lambda: DeadlineOverride(A, day=10, year_offset=2),
        lambda: DeadlineRule(kind="weekly"),  # type: ignore[arg-type]
    ],
)
def test_deadline_rule_rejects(make: object) -> None:
    with pytest.raises(ValueError):
        make()  # type: ignore[operator]


# -- timeliness ---------------------------------------------------------------
DUE = date(2021, 9, 20)


@pytest.mark.parametrize(
    ("submitted", "today", "expected"),
    [
        (date(2021, 9, 17), date(2021, 9, 30), "on_time"),
        (date(2021, 9, 20), date(2021, 9, 30), "on_time"),  # on the due date
        (date(2021, 9, 21), date(2021, 9, 30), "late"),
        (datetime(2021, 9, 20, 23, 59), date(2021, 9, 30), "on_time"),
        (None, date(2021, 9, 19), "not_due"),
        (None, date(2021, 9, 20), "not_due"),  # still the due date
        (None, date(2021, 9, 21), "missing"),
        (None, datetime(2021, 9, 21, 0, 1), "missing"),
    ],
)
def test_timeliness(submitted: date | None, today: date, expected: str) -> None:
    assert timeliness(submitted, DUE, today) == expected


# -- regimes ------------------------------------------------------------------
@pytest.mark.parametrize("regime", [SEED_REGIME, DECREE_09_REGIME])
def test_regime_json_round_trip(regime: ReportingRegime) -> None:
    data = json.loads(json.dumps(regime.to_dict()))
    assert regime_from_dict(data) == regime


def test_seed_regime() -> None:
    assert SEED_REGIME.period_kinds == (M, Q, H, A)
    assert SEED_REGIME.unit_due(Period(M, 2021, 6)) == date(2021, 6, 18)
    assert SEED_REGIME.consolidator_due(Period(M, 2021, 7)) == date(2021, 7, 20)
    assert SEED_REGIME.unit_due(Period(A, 2021)) == date(2021, 12, 10)
    assert SEED_REGIME.consolidator_due(Period(A, 2021)) == date(2021, 12, 15)
    assert SEED_REGIME.window(Period(Q, 2021, 1)) == (date(2020, 12, 15), date(2021, 3, 14))
    assert SEED_REGIME.lock_after_days == 10


def test_decree_09_regime() -> None:
    assert N in DECREE_09_REGIME.period_kinds
    assert DECREE_09_REGIME.unit_deadline.kind is DeadlineKind.WORKING_DAYS_AFTER_CUTOFF
    assert DECREE_09_REGIME.unit_due(Period(M, 2021, 2)) == date(2021, 2, 18)


def test_lock_date() -> None:
    # due 18/6/2021, late submissions accepted through 28/6, locked from 29/6
    assert lock_date(Period(M, 2021, 6), SEED_REGIME) == date(2021, 6, 29)


def test_regime_from_minimal_dict_uses_defaults() -> None:
    regime = regime_from_dict(
        {"name": "Thanh tra", "period_kinds": ["monthly"], "cutoff": {"start_day": 16, "end_day": 15}}
    )
    assert regime.cutoff == CutoffRule(16, 15)
    assert regime.unit_deadline == DeadlineRule.day_of_month(18)
    assert regime.consolidator_deadline == DeadlineRule.day_of_month(20)
    assert regime.window(Period(M, 2021, 1)) == (date(2020, 12, 16), date(2021, 1, 15))


@pytest.mark.parametrize(
    "data",
    [
        {"period_kinds": ["monthly"]},
        {"name": "x"},
        {"name": "x", "period_kinds": []},
        {"name": "x", "period_kinds": ["monthly", "monthly"]},
        {"name": "x", "period_kinds": ["weekly"]},
        {"name": "x", "period_kinds": ["monthly"], "extra": 1},
        {"name": "x", "period_kinds": ["monthly"], "cutoff": {"start_day": 40}},
        {"name": "x", "period_kinds": ["monthly"], "unit_deadline": {"day": 18, "when": "x"}},
        {"name": "x", "period_kinds": ["monthly"], "unit_deadline": {"overrides": [{"kind": "annual"}]}},
        {"name": "x", "period_kinds": ["monthly"], "lock_after_days": -1},
    ],
)
def test_regime_from_dict_rejects(data: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        regime_from_dict(data)
