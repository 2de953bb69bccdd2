"""Report deadlines, working days and reporting regimes.

Two kinds of deadline occur in the province's rules:

* "before day N of the reporting month": the seed action programme has
  agencies report before the 18th (of each month, of the quarter's last
  month, of June), the Planning Department report to the Ministry before
  the 20th, and the year-end evaluation go in before 10 December;
* "N working days after the cut-off date": one provincial rule gives units
  2 working days after the Decree 09/2019/NĐ-CP, Art. 12 cut-off (the
  Decree fixes the cut-off windows and leaves the deadline to whoever
  issues the reporting regime).

Working days skip Saturdays, Sundays and Vietnamese public holidays
(Labour Code 2019, Art. 112: Tết, Hùng Kings, 30/4, 1/5, 2/9 and the days
the Government adds or swaps), taken from the ``holidays`` library so that
the Government's yearly Tết and substitute-day decisions arrive with a
package upgrade rather than a hand-kept list. The library also knows the
make-up Saturdays ("làm bù", e.g. Saturday 4 May 2024, worked in exchange
for Monday 29 April): those count as working days here.

A ``ReportingRegime`` bundles the period kinds, the cut-off rule, the two
deadlines and the automatic lock, and round-trips through JSON-able dicts
so the Django side can store it. Pure: no models, no database.
"""

from __future__ import annotations

import calendar
import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any, Literal

import holidays

from theodoi.reporting.periods import (
    DECREE_09_CUTOFF,
    CutoffRule,
    Period,
    PeriodKind,
    window,
)

__all__ = [
    "DECREE_09_REGIME",
    "SEED_REGIME",
    "DeadlineKind",
    "DeadlineOverride",
    "DeadlineRule",
    "ReportingRegime",
    "Timeliness",
    "add_working_days",
    "due_date",
    "holiday_name",
    "is_working_day",
    "lock_date",
    "next_working_day",
    "regime_from_dict",
    "timeliness",
]


# -- working days --------------------------------------------------------------
@functools.lru_cache(maxsize=64)
def _vn_calendar(year: int) -> holidays.HolidayBase:
    # One fully populated instance per year: read-only afterwards, so safe to
    # share between request threads (an ``expand=True`` instance would mutate
    # itself on lookups of new years).
    return holidays.Vietnam(years=year, language="vi", expand=False)


def is_working_day(d: date) -> bool:
    """Whether ``d`` is a working day for state agencies in Viet Nam.

    Saturdays and Sundays are off unless the Government made them make-up
    days; public holidays (with the library's observed and substitute days)
    are off.
    """
    if isinstance(d, datetime):
        d = d.date()
    return bool(_vn_calendar(d.year).is_working_day(d))


def holiday_name(d: date) -> str | None:
    """Vietnamese name of the public holiday on ``d``, or None (for messages)."""
    name = _vn_calendar(d.year).get(d)
    return None if name is None else str(name)


def next_working_day(d: date) -> date:
    """``d`` itself if it is a working day, else the first working day after it."""
    while not is_working_day(d):
        d += timedelta(days=1)
    return d


def add_working_days(d: date, n: int) -> date:
    """The ``n``-th working day after ``d`` (before it for negative ``n``).

    ``d`` itself never counts, whether or not it is a working day: two
    working days after a Friday cut-off is the Tuesday. ``n=0`` gives
    ``next_working_day(d)``.
    """
    if n == 0:
        return next_working_day(d)
    step = timedelta(days=1 if n > 0 else -1)
    remaining = abs(n)
    while remaining:
        d += step
        if is_working_day(d):
            remaining -= 1
    return d


# -- deadlines -------------------------------------------------------------------
class DeadlineKind(StrEnum):
    DAY_OF_MONTH = "day_of_month"
    WORKING_DAYS_AFTER_CUTOFF = "working_days_after_cutoff"


@dataclass(frozen=True)
class DeadlineOverride:
    """A different day (and month) for one period kind.

    The seed programme's year-end evaluation is due before 10 December
    rather than the 18th: ``DeadlineOverride(PeriodKind.ANNUAL, day=10, month=12)``.
    ``month=None`` keeps the reporting month; ``year_offset=1`` puts the
    deadline in the next year (e.g. an annual report due in January).
    """

    kind: PeriodKind
    day: int
    month: int | None = None
    year_offset: int = 0

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", PeriodKind(self.kind))
        if not 1 <= self.day <= 31:
            raise ValueError(f"Override day must be 1-31, got {self.day}")
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"Override month must be 1-12, got {self.month}")
        if not 0 <= self.year_offset <= 1:
            raise ValueError(f"Override year_offset must be 0 or 1, got {self.year_offset}")

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind.value,
            "day": self.day,
            "month": self.month,
            "year_offset": self.year_offset,
        }


@dataclass(frozen=True)
class DeadlineRule:
    """When a report is due.

    ``DAY_OF_MONTH``: day ``day`` of the period's reporting (last) month,
    unless an override for the period kind says otherwise. "Trước ngày 18"
    is stored as ``day=18`` and read as the last day on which a submission
    is on time. Policy: when that day is a Saturday, Sunday or public
    holiday the deadline moves to the next working day
    (``roll_to_working_day=True``, the default), as Vietnamese
    administrative practice counts time limits that end on a day off (Civil
    Code 2015, Art. 148(5)); set it False to keep the calendar day.

    ``WORKING_DAYS_AFTER_CUTOFF``: ``working_days`` working days after the
    last day of the Decree 09 cut-off window (see ``add_working_days``).
    """

    kind: DeadlineKind = DeadlineKind.DAY_OF_MONTH
    day: int = 18
    working_days: int = 0
    roll_to_working_day: bool = True
    overrides: tuple[DeadlineOverride, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", DeadlineKind(self.kind))
        object.__setattr__(self, "overrides", tuple(self.overrides))
        if not 1 <= self.day <= 31:
            raise ValueError(f"Deadline day must be 1-31, got {self.day}")
        if self.working_days < 0:
            raise ValueError(f"working_days must be >= 0, got {self.working_days}")
        kinds = [o.kind for o in self.overrides]
        if len(kinds) != len(set(kinds)):
            raise ValueError("At most one deadline override per period kind")

    @classmethod
    def day_of_month(
        cls, day: int, *, overrides: Iterable[DeadlineOverride] = (), roll_to_working_day: bool = True
    ) -> DeadlineRule:
        return cls(
            DeadlineKind.DAY_OF_MONTH,
            day=day,
            overrides=tuple(overrides),
            roll_to_working_day=roll_to_working_day,
        )

    @classmethod
    def after_cutoff(cls, working_days: int) -> DeadlineRule:
        return cls(DeadlineKind.WORKING_DAYS_AFTER_CUTOFF, working_days=working_days)

    def override_for(self, kind: PeriodKind) -> DeadlineOverride | None:
        return next((o for o in self.overrides if o.kind is kind), None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind.value,
            "day": self.day,
            "working_days": self.working_days,
            "roll_to_working_day": self.roll_to_working_day,
            "overrides": [o.to_dict() for o in self.overrides],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> DeadlineRule:
        known = {"kind", "day", "working_days", "roll_to_working_day", "overrides"}
        unknown = set(data) - known
        if unknown:
            raise ValueError(f"Unknown deadline rule fields: {sorted(unknown)}")
        values = dict(data)
        values["overrides"] = tuple(DeadlineOverride(**o) for o in values.get("overrides", ()))
        return cls(**values)


def _calendar_deadline(period: Period, rule: DeadlineRule) -> date:
    override = rule.override_for(period.kind)
    year, month, day = period.year, period.last_month, rule.day
    if override is not None:
        day = override.day
        month = override.month or month
        year += override.year_offset
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def due_date(period: Period, deadline_rule: DeadlineRule, cutoff_rule: CutoffRule = DECREE_09_CUTOFF) -> date:
    """The last day on which a report for ``period`` is on time."""
    if deadline_rule.kind is DeadlineKind.WORKING_DAYS_AFTER_CUTOFF:
        _, cutoff = window(period, cutoff_rule)
        return add_working_days(cutoff, deadline_rule.working_days)
    due = _calendar_deadline(period, deadline_rule)
    return next_working_day(due) if deadline_rule.roll_to_working_day else due


Timeliness = Literal["on_time", "late", "missing", "not_due"]


def timeliness(submitted_at: date | None, due: date, today: date) -> Timeliness:
    """Classify a report against its due date, the way the Government Office counts.

    Submitted on or before ``due``: "on_time"; after it: "late". Not
    submitted: "missing" once ``due`` has passed, "not_due" until then
    (the due date itself is still "not_due"). Datetimes are reduced to
    their date: convert them to local time (Asia/Ho_Chi_Minh) first.
    """
    submitted = submitted_at.date() if isinstance(submitted_at, datetime) else submitted_at
    today = today.date() if isinstance(today, datetime) else today
    if submitted is not None:
        return "on_time" if submitted <= due else "late"
    return "missing" if today > due else "not_due"


# -- regimes -------------------------------------------------------------------
@dataclass(frozen=True)
class ReportingRegime:
    """A reporting regime (chế độ báo cáo): which periods, cut-off, deadlines, lock.

    ``unit_deadline`` applies to reporting units (agencies, districts);
    ``consolidator_deadline`` to the consolidating Planning Department.
    Reports lock automatically ``lock_after_days`` calendar days after the
    unit deadline (see ``lock_date``).
    """

    name: str
    period_kinds: tuple[PeriodKind, ...]
    cutoff: CutoffRule = field(default_factory=CutoffRule)
    unit_deadline: DeadlineRule = field(default_factory=DeadlineRule)
    consolidator_deadline: DeadlineRule = field(default_factory=lambda: DeadlineRule.day_of_month(20))
    lock_after_days: int = 10

    def __post_init__(self) -> None:
        kinds = tuple(PeriodKind(k) for k in self.period_kinds)
        if not kinds or len(kinds) != len(set(kinds)):
            raise ValueError("A regime needs at least one period kind, each listed once")
        object.__setattr__(self, "period_kinds", kinds)
        if self.lock_after_days < 0:
            raise ValueError(f"lock_after_days must be >= 0, got {self.lock_after_days}")

    def unit_due(self, period: Period) -> date:
        return due_date(period, self.unit_deadline, self.cutoff)

    def consolidator_due(self, period: Period) -> date:
        return due_date(period, self.consolidator_deadline, self.cutoff)

    def window(self, period: Period) -> tuple[date, date]:
        return window(period, self.cutoff)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "period_kinds": [k.value for k in self.period_kinds],
            "cutoff": self.cutoff.to_dict(),
            "unit_deadline": self.unit_deadline.to_dict(),
            "consolidator_deadline": self.consolidator_deadline.to_dict(),
            "lock_after_days": self.lock_after_days,
        }


def regime_from_dict(data: Mapping[str, Any]) -> ReportingRegime:
    """Inverse of ``ReportingRegime.to_dict``; raises ``ValueError`` on bad data."""
    known = {"name", "period_kinds", "cutoff", "unit_deadline", "consolidator_deadline", "lock_after_days"}
    unknown = set(data) - known
    if unknown:
        raise ValueError(f"Unknown reporting regime fields: {sorted(unknown)}")
    missing = {"name", "period_kinds"} - set(data)
    if missing:
        raise ValueError(f"Reporting regime lacks: {sorted(missing)}")
    try:
        return ReportingRegime(
            name=str(data["name"]),
            period_kinds=tuple(PeriodKind(k) for k in data["period_kinds"]),
            cutoff=CutoffRule.from_dict(data.get("cutoff", {})),
            unit_deadline=DeadlineRule.from_dict(data.get("unit_deadline", {})),
            consolidator_deadline=DeadlineRule.from_dict(
                data.get("consolidator_deadline", DeadlineRule.day_of_month(20).to_dict())
            ),
            lock_after_days=int(data.get("lock_after_days", 10)),
        )
    except TypeError as exc:  # wrong field types from hand-edited JSON
        raise ValueError(f"Invalid reporting regime: {exc}") from exc


def lock_date(period: Period, regime: ReportingRegime) -> date:
    """First day on which the unit's report for ``period`` is locked.

    "Lock N days after the deadline": late submissions and corrections are
    accepted through ``due + N`` (calendar days, so the lock is predictable
    without a holiday table); from the start of the returned day the
    report is read-only unless the consolidator reopens it.
    """
    return regime.unit_due(period) + timedelta(days=regime.lock_after_days + 1)


#: The seed action programme: agencies before the 18th, the Planning
#: Department before the 20th, year-end evaluation before 10 December (to the
#: Ministry and the Prime Minister before 15 December), lock 10 days later.
SEED_REGIME = ReportingRegime(
    name="Chế độ báo cáo theo Chương trình hành động của tỉnh",
    period_kinds=(PeriodKind.MONTHLY, PeriodKind.QUARTERLY, PeriodKind.SEMIANNUAL, PeriodKind.ANNUAL),
    cutoff=DECREE_09_CUTOFF,
    unit_deadline=DeadlineRule.day_of_month(
        18, overrides=[DeadlineOverride(PeriodKind.ANNUAL, day=10, month=12)]
    ),
    consolidator_deadline=DeadlineRule.day_of_month(
        20, overrides=[DeadlineOverride(PeriodKind.ANNUAL, day=15, month=12)]
    ),
    lock_after_days=10,
)

#: Decree 09/2019/NĐ-CP, Art. 12 cut-off windows with the provincial rule of
#: 2 working days after cut-off for units; the consolidator's day 20 follows
#: the seed programme (the Decree leaves deadlines to the regime's issuer).
DECREE_09_REGIME = ReportingRegime(
    name="Nghị định 09/2019/NĐ-CP",
    period_kinds=(
        PeriodKind.MONTHLY,
        PeriodKind.QUARTERLY,
        PeriodKind.SEMIANNUAL,
        PeriodKind.NINE_MONTH,
        PeriodKind.ANNUAL,
    ),
    cutoff=DECREE_09_CUTOFF,
    unit_deadline=DeadlineRule.after_cutoff(2),
    consolidator_deadline=DeadlineRule.day_of_month(20),
    lock_after_days=10,
)
