"""Glue between the pure rule modules and the models: a target's validation metadata, periods of a regime."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from theodoi.plans.models import Target
from theodoi.reporting.deadlines import ReportingRegime as RegimeRule
from theodoi.reporting.periods import Period, PeriodKind
from theodoi.reporting.validation import TargetMeta, ValueKind

# Units of measure that count whole things: a fractional or negative figure is impossible.
_COUNT_UNITS = {"người", "doanh nghiệp", "xã", "hộ", "dự án", "trường", "cơ sở", "lượt"}


def target_meta(target: Target, *, required: bool = True) -> TargetMeta:
    return meta_of(target.unit, target.indicator.unit, target.indicator.allows_over_100, required=required)


def meta_of(target_unit: str, indicator_unit: str, allows_over_100: bool, *, required: bool = True) -> TargetMeta:
    """What validation needs of a target, from the three columns (the autosave reads just these)."""
    unit = (target_unit or indicator_unit or "").strip()
    if "%" in unit:
        kind = ValueKind.PERCENT
    elif unit.lower() in _COUNT_UNITS:
        kind = ValueKind.COUNT
    else:
        kind = ValueKind.NUMBER
    return TargetMeta(kind=kind, required=required, allow_over_100=allows_over_100, unit=unit)


_PER_YEAR = {PeriodKind.MONTHLY: 12, PeriodKind.QUARTERLY: 4}


def periods_of_year(rule: RegimeRule, year: int) -> list[Period]:
    """Every period of the regime's kinds in ``year``, ordered by due date."""
    out: list[Period] = []
    for kind in rule.period_kinds:
        for index in range(1, _PER_YEAR.get(kind, 1) + 1):
            out.append(Period(kind, year, index))
    return sorted(out, key=lambda p: (rule.unit_due(p), p.key))


def periods_due_between(rule: RegimeRule, start: date, end: date) -> list[Period]:
    """Periods whose unit deadline falls in [start, end]."""
    out: list[Period] = []
    for year in range(start.year - 1, end.year + 1):
        out.extend(p for p in periods_of_year(rule, year) if start <= rule.unit_due(p) <= end)
    return out


def decimal_or_none(raw: Any) -> Decimal | None:
    if raw is None or raw == "":
        return None
    return raw if isinstance(raw, Decimal) else Decimal(str(raw))
