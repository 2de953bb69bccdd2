"""Reporting periods and their data cut-off windows.

A periodic report covers a *period* (a month, a quarter, the first six
months, the first nine months, a year) but its figures are "chốt" (cut off)
over a *window* that Decree 09/2019/NĐ-CP, Art. 12 shifts half a month
earlier than the calendar, so that agencies can compile and send the
report before the month ends: the monthly window runs from the 15th of the
previous month to the 14th of the reporting month. The cumulative reports
(6 months, 9 months, year) all start on 15 December of the previous year.
Sector regimes use other days (inspection: 16th to 15th), so the window is
data, a ``CutoffRule``, stored per reporting regime.

Pure values and functions: no models, no database. The Django side stores
``Period.key`` and a regime's ``CutoffRule.to_dict()``.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from theodoi.core.vnformat import period_phrase

__all__ = [
    "DECREE_09_CUTOFF",
    "CutoffRule",
    "Period",
    "PeriodKind",
    "parse_period_key",
    "periods_in_year",
    "period_containing",
    "window",
]

_ROMAN = ("I", "II", "III", "IV")


class PeriodKind(StrEnum):
    """The kinds of periodic report (kỳ báo cáo)."""

    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    SEMIANNUAL = "semiannual"  # 6 tháng đầu năm (January-June, cumulative)
    NINE_MONTH = "nine_month"  # 9 tháng (January-September, cumulative)
    ANNUAL = "annual"


# How many indices a kind has in a year, and the last calendar month of index i.
_COUNT = {
    PeriodKind.MONTHLY: 12,
    PeriodKind.QUARTERLY: 4,
    PeriodKind.SEMIANNUAL: 1,
    PeriodKind.NINE_MONTH: 1,
    PeriodKind.ANNUAL: 1,
}
_CUMULATIVE_LAST_MONTH = {PeriodKind.SEMIANNUAL: 6, PeriodKind.NINE_MONTH: 9, PeriodKind.ANNUAL: 12}


@dataclass(frozen=True, order=True)
class Period:
    """One reporting period: ``kind``, ``year`` and ``index``.

    ``index`` is the month (1-12) for MONTHLY, the quarter (1-4) for
    QUARTERLY and always 1 for the cumulative kinds (6 months, 9 months,
    year), which all run from January.
    """

    kind: PeriodKind
    year: int
    index: int = 1

    def __post_init__(self) -> None:
        kind = PeriodKind(self.kind)  # accept the plain string value too
        object.__setattr__(self, "kind", kind)
        if not 1 <= self.year <= 9999:
            raise ValueError(f"Year out of range: {self.year}")
        if not 1 <= self.index <= _COUNT[kind]:
            raise ValueError(f"Index {self.index} out of range for {kind.value} period (1-{_COUNT[kind]})")

    # -- calendar -----------------------------------------------------------
    @property
    def first_month(self) -> int:
        """First calendar month covered (January for the cumulative kinds)."""
        if self.kind is PeriodKind.MONTHLY:
            return self.index
        if self.kind is PeriodKind.QUARTERLY:
            return 3 * self.index - 2
        return 1

    @property
    def last_month(self) -> int:
        """Last calendar month covered: the "reporting month" deadlines refer to."""
        if self.kind is PeriodKind.MONTHLY:
            return self.index
        if self.kind is PeriodKind.QUARTERLY:
            return 3 * self.index
        return _CUMULATIVE_LAST_MONTH[self.kind]

    @property
    def start(self) -> date:
        """First calendar day (not the cut-off window; see ``window``)."""
        return date(self.year, self.first_month, 1)

    @property
    def end(self) -> date:
        """Last calendar day (not the cut-off window; see ``window``)."""
        return date(self.year, self.last_month, calendar.monthrange(self.year, self.last_month)[1])

    # -- names --------------------------------------------------------------
    @property
    def key(self) -> str:
        """Stable sortable-within-kind key: "2021-06", "2021-Q2", "2021-H1", "2021-9M", "2021"."""
        match self.kind:
            case PeriodKind.MONTHLY:
                return f"{self.year:04d}-{self.index:02d}"
            case PeriodKind.QUARTERLY:
                return f"{self.year:04d}-Q{self.index}"
            case PeriodKind.SEMIANNUAL:
                return f"{self.year:04d}-H1"
            case PeriodKind.NINE_MONTH:
                return f"{self.year:04d}-9M"
            case _:
                return f"{self.year:04d}"

    @property
    def label(self) -> str:
        """Vietnamese label as written in official reports ("Quý II/2021"): theodoi.core.vnformat."""
        return period_phrase(self.kind.value, self.index, self.year)

    def __str__(self) -> str:
        return self.key

    # -- navigation ---------------------------------------------------------
    def previous(self) -> Period:
        """The period before, of the same kind: the source for prefilling a report.

        For the once-a-year kinds (6 months, 9 months, year) that is the same
        period of the previous year.
        """
        if self.index > 1:
            return Period(self.kind, self.year, self.index - 1)
        return Period(self.kind, self.year - 1, _COUNT[self.kind])

    def next(self) -> Period:
        """The period after, of the same kind."""
        if self.index < _COUNT[self.kind]:
            return Period(self.kind, self.year, self.index + 1)
        return Period(self.kind, self.year + 1, 1)

    def same_period_last_year(self) -> Period:
        """ "Cùng kỳ năm trước", the comparison every Vietnamese report makes."""
        return Period(self.kind, self.year - 1, self.index)


_KEY_PATTERNS: tuple[tuple[re.Pattern[str], PeriodKind], ...] = (
    (re.compile(r"(\d{4})-(\d{2})"), PeriodKind.MONTHLY),
    (re.compile(r"(\d{4})-Q(\d)"), PeriodKind.QUARTERLY),
    (re.compile(r"(\d{4})-H(\d)"), PeriodKind.SEMIANNUAL),
    (re.compile(r"(\d{4})-9M"), PeriodKind.NINE_MONTH),
    (re.compile(r"(\d{4})"), PeriodKind.ANNUAL),
)


def parse_period_key(key: str) -> Period:
    """Inverse of ``Period.key``; raises ``ValueError`` saying what is wrong."""
    if not isinstance(key, str):
        raise ValueError(f"Period key must be a string, got {type(key).__name__}")
    text = key.strip().upper()
    for pattern, kind in _KEY_PATTERNS:
        m = pattern.fullmatch(text)
        if m is None:
            continue
        year = int(m.group(1))
        index = int(m.group(2)) if m.lastindex and m.lastindex >= 2 else 1
        if kind is PeriodKind.SEMIANNUAL and index != 1:
            raise ValueError(
                f"Invalid period key {key!r}: only the first half-year (H1) is a reporting period"
            )
        try:
            return Period(kind, year, index)
        except ValueError as exc:
            raise ValueError(f"Invalid period key {key!r}: {exc}") from None
    raise ValueError(
        f"Invalid period key {key!r}: expected YYYY-MM (month), YYYY-Qn (quarter), YYYY-H1 (6 months), "
        "YYYY-9M (9 months) or YYYY (year)"
    )


def periods_in_year(kind: PeriodKind | str, year: int) -> list[Period]:
    """All periods of ``kind`` in ``year``, in order (to open a year's reporting rounds)."""
    kind = PeriodKind(kind)
    return [Period(kind, year, i) for i in range(1, _COUNT[kind] + 1)]


# -- cut-off windows ---------------------------------------------------------
@dataclass(frozen=True)
class CutoffRule:
    """When a period's data is cut off (thời gian chốt số liệu).

    The window runs from ``start_day`` of the month ``start_months_before``
    months before the period's first month, to ``end_day`` of the period's
    last month (``end_day=None``: the month's last day). Days beyond a
    month's length are clamped to its last day. The defaults are Decree
    09/2019/NĐ-CP, Art. 12 (15th of the previous month to the 14th); the
    inspection sector uses ``CutoffRule(start_day=16, end_day=15)``; a plain
    calendar window is ``CutoffRule(start_day=1, end_day=None, start_months_before=0)``.
    """

    start_day: int = 15
    end_day: int | None = 14
    start_months_before: int = 1

    def __post_init__(self) -> None:
        if not 1 <= self.start_day <= 31:
            raise ValueError(f"start_day must be 1-31, got {self.start_day}")
        if self.end_day is not None and not 1 <= self.end_day <= 31:
            raise ValueError(f"end_day must be 1-31 or None, got {self.end_day}")
        if not 0 <= self.start_months_before <= 12:
            raise ValueError(f"start_months_before must be 0-12, got {self.start_months_before}")

    def to_dict(self) -> dict[str, Any]:
        return {
            "start_day": self.start_day,
            "end_day": self.end_day,
            "start_months_before": self.start_months_before,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CutoffRule:
        unknown = set(data) - {"start_day", "end_day", "start_months_before"}
        if unknown:
            raise ValueError(f"Unknown cut-off rule fields: {sorted(unknown)}")
        return cls(**data)


DECREE_09_CUTOFF = CutoffRule()


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    total = year * 12 + (month - 1) + delta
    return total // 12, total % 12 + 1


def _clamped(year: int, month: int, day: int | None) -> date:
    last = calendar.monthrange(year, month)[1]
    return date(year, month, last if day is None else min(day, last))


def window(period: Period, rule: CutoffRule = DECREE_09_CUTOFF) -> tuple[date, date]:
    """The inclusive cut-off window ``(date_from, date_to)`` of ``period`` under ``rule``.

    Correct across year boundaries: January's monthly window and every
    Q1/6-month/9-month/annual window start in December of the previous year.
    """
    sy, sm = _shift_month(period.year, period.first_month, -rule.start_months_before)
    start = _clamped(sy, sm, rule.start_day)
    end = _clamped(period.year, period.last_month, rule.end_day)
    if start > end:
        raise ValueError(f"Cut-off rule {rule} gives an empty window for {period.key}: {start} > {end}")
    return start, end


def _calendar_period(kind: PeriodKind, d: date) -> Period:
    match kind:
        case PeriodKind.MONTHLY:
            return Period(kind, d.year, d.month)
        case PeriodKind.QUARTERLY:
            return Period(kind, d.year, (d.month - 1) // 3 + 1)
        case _:
            p = Period(kind, d.year, 1)
            if d > p.end:
                raise ValueError(
                    f"{d.isoformat()} falls in no {kind.value} period (it ends on {p.end.isoformat()})"
                )
            return p


def period_containing(kind: PeriodKind | str, d: date, rule: CutoffRule | None = None) -> Period:
    """The period of ``kind`` that ``d`` belongs to.

    Without ``rule``: by calendar (20 Jan 2021 is in January 2021). With a
    cut-off rule: the period whose cut-off window contains ``d`` (under
    Decree 09, 20 Jan 2021 is data for February 2021, and 20 Dec 2021 for
    January / Q1 / the year 2022). The 6-month and 9-month reports cover
    only part of the year; for a date outside them this raises ``ValueError``.
    """
    kind = PeriodKind(kind)
    if isinstance(d, datetime):
        d = d.date()
    if rule is None:
        return _calendar_period(kind, d)
    for year in (y for y in (d.year - 1, d.year, d.year + 1) if 1 <= y <= 9999):
        for index in range(1, _COUNT[kind] + 1):
            p = Period(kind, year, index)
            start, end = window(p, rule)
            if start <= d <= end:
                return p
    raise ValueError(f"{d.isoformat()} falls in no {kind.value} cut-off window under {rule}")
