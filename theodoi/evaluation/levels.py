"""The level arithmetic of the engine: shares of the year, year-to-date totals, the goal a spec
reduces to, the year-end judgement and the progress ratio.

Pure and float-only like the engine (`theodoi.evaluation.engine` holds the rule table); kept apart
from `evaluate` so that each rule is a small function that a table test reads directly.
"""

from __future__ import annotations

import calendar
import functools
import math
from collections.abc import Iterable, Sequence
from datetime import date

from theodoi.evaluation.spec import (
    _ABS_TOL,
    _MIRROR,
    _REL_TOL,
    ACHIEVED,
    APPROX_TOLERANCE,
    AT_RISK,
    AT_RISK_RATIO,
    EXCEEDED,
    NOT_ACHIEVED,
    OFF_TRACK,
    ON_TRACK,
    ON_TRACK_RATIO,
    Observation,
    TargetSpec,
    _Goal,
)


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=_REL_TOL, abs_tol=_ABS_TOL)


def _finite(*values: float | None) -> bool:
    return all(v is not None and math.isfinite(v) for v in values)


def _div(a: float, b: float) -> float | None:
    """a / b, or None when b is zero or the result is not a finite number."""
    if b == 0:
        return None
    try:
        result = a / b
    except (OverflowError, ZeroDivisionError):
        return None
    return result if math.isfinite(result) else None


def _is_month_end(day: date) -> bool:
    return day.day == calendar.monthrange(day.year, day.month)[1]


def elapsed_share(period_end: date) -> float:
    """Share of the year elapsed at period_end, counted in months.

    Months rather than days because plans and reports think in months: a report
    to 30 June covers exactly half the year (50%), not 181/365.
    """
    days_in_month = calendar.monthrange(period_end.year, period_end.month)[1]
    return (period_end.month - 1 + period_end.day / days_in_month) / 12


def _normalized_profile(profile: Sequence[float] | None) -> list[float] | None:
    """Last year's cumulative shares scaled so December is 1, or None if unusable.

    Accepts shares (0..1), percentages or raw cumulative figures alike, since
    only the shape matters. Unusable: not 12 values, not finite, negative,
    decreasing, or a zero December.
    """
    if profile is None or len(profile) != 12:
        return None
    values = [float(v) for v in profile]
    if not all(math.isfinite(v) and v >= 0 for v in values):
        return None
    if any(b < a for a, b in zip(values, values[1:], strict=False)) or values[-1] <= 0:
        return None
    return [v / values[-1] for v in values]


def seasonal_share(period_end: date, profile: Sequence[float]) -> float | None:
    """Last year's cumulative share at period_end (interpolated inside a month).

    None when the profile is unusable; the caller then falls back to the
    linear share.
    """
    shares = _normalized_profile(profile)
    if shares is None:
        return None
    month_index = period_end.month - 1
    before = shares[month_index - 1] if month_index > 0 else 0.0
    days_in_month = calendar.monthrange(period_end.year, period_end.month)[1]
    return before + (shares[month_index] - before) * (period_end.day / days_in_month)


def _usable(observations: Iterable[Observation], *, year: int, as_of: date) -> tuple[list[Observation], int]:
    """Observations that count as of `as_of`, in period order, and how many were dropped.

    Kept: in the plan year, period ended by as_of, arrived by as_of (when the
    arrival date is known), with a finite value.
    """
    kept: list[Observation] = []
    dropped = 0
    for obs in observations:
        ok = (
            obs.period_end.year == year
            and obs.period_end <= as_of
            and (obs.reported_on is None or obs.reported_on <= as_of)
            and _finite(obs.value)
        )
        if ok:
            kept.append(obs)
        else:
            dropped += 1
    kept.sort(key=lambda o: o.period_end)  # stable: for equal dates the later one given wins
    return kept, dropped


def year_to_date(observations: Sequence[Observation]) -> float:
    """The year-to-date total of a flow from observations in period order.

    A cumulative figure replaces the running total; a non-cumulative one is
    added. Two values for the same period and kind: the later one given is a
    revision and replaces the earlier (so a corrected monthly figure is not
    counted twice).
    """
    latest: dict[tuple[date, bool], Observation] = {}
    for obs in observations:
        latest[(obs.period_end, obs.cumulative)] = obs
    total = 0.0
    # On a tie the period's own amount comes first: a cumulative figure to the
    # same date already includes it, so it then replaces the running total.
    for key in sorted(latest, key=lambda k: (k[0], k[1])):
        obs = latest[key]
        total = float(obs.value) if obs.cumulative else total + float(obs.value)
    return total


# Specs are immutable and hashable, and a national recompute judges the same few thousand target
# levels hundreds of thousands of times: the goal and the target's wording are worked out once per spec.
@functools.lru_cache(maxsize=65536)
def _goal(spec: TargetSpec) -> _Goal | str:
    """Reduce the spec to a level goal, or return the Vietnamese reason why not."""
    value = float(spec.value)
    value_max = float(spec.value_max) if spec.value_max is not None else None
    comparator = spec.comparator
    if comparator == "between" and value_max is None:
        comparator = "="  # a range without an upper end: read it as a plain value
    lo, hi = (value, value) if value_max is None or comparator != "between" else sorted((value, value_max))
    higher = spec.direction == "higher"
    if spec.change:
        if spec.baseline is None or not _finite(spec.baseline):
            return "Chưa có số liệu năm gốc để tính mức thay đổi."
        base = float(spec.baseline)
        if spec.change_mode == "relative":
            if base == 0:
                return "Số liệu năm gốc bằng 0, không tính được mức thay đổi theo tỷ lệ."
            lo, hi = base * lo / 100, base * hi / 100
        if higher:
            lo, hi = base + lo, base + hi
        else:
            lo, hi = base - hi, base - lo
            comparator = _MIRROR[comparator]
    if not _finite(lo, hi):
        return "Giá trị chỉ tiêu không hợp lệ."
    if comparator in (">", ">="):
        higher = True
    elif comparator in ("<", "<="):
        higher = False
    return _Goal(comparator, lo, hi, higher)


def _tolerance(target: float) -> float:
    return max(APPROX_TOLERANCE * abs(target), _ABS_TOL)


def _within(actual: float, target: float) -> bool:
    """Inside ±APPROX_TOLERANCE of target; the edge counts as inside despite float rounding."""
    gap, tol = abs(actual - target), _tolerance(target)
    return gap <= tol or _close(gap, tol)


def judge_final(actual: float, goal: _Goal) -> str:
    """Year-end status of a value against a goal (see the rule table above)."""
    c, t = goal.comparator, goal.lo
    better = goal.higher_is_better
    if c == "between":
        if goal.lo <= actual <= goal.hi or _close(actual, goal.lo) or _close(actual, goal.hi):
            return ACHIEVED
        above = actual > goal.hi
        return EXCEEDED if above == better else NOT_ACHIEVED
    if c == "~" and _within(actual, t):
        return ACHIEVED
    if c != "~" and _close(actual, t):
        return NOT_ACHIEVED if c in (">", "<") else ACHIEVED
    is_better = actual > t if better else actual < t
    if c in (">", "<"):
        return ACHIEVED if is_better else NOT_ACHIEVED
    return EXCEEDED if is_better else NOT_ACHIEVED


def _bound(goal: _Goal) -> float:
    """The least acceptable level (greatest, when lower is better) at year end."""
    if goal.comparator == "between":
        return goal.lo if goal.higher_is_better else goal.hi
    if goal.comparator == "~":
        tol = _tolerance(goal.lo)
        return goal.lo - tol if goal.higher_is_better else goal.lo + tol
    return goal.lo


def progress_ratio(actual: float, expected: float, higher_is_better: bool) -> float:
    """How far along the target is: >= 1 means at or ahead of the expected level.

    Zero and negative expected levels ("0 vụ", a negative growth floor) have no
    meaningful quotient, so they give 1.0 when the expectation is met and 0.0
    when not, instead of dividing by zero.
    """
    if higher_is_better:
        if expected > 0:
            return _div(actual, expected) or (0.0 if actual <= 0 else math.inf)
        return 1.0 if actual >= expected else 0.0
    if actual <= expected:
        ratio = _div(expected, actual) if actual > 0 else None
        return ratio if ratio is not None and ratio >= 1 else 1.0
    if expected > 0:
        return _div(expected, actual) or 0.0
    return 0.0


def status_from_ratio(ratio: float) -> str:
    """on_track / at_risk / off_track from a progress ratio (see the constants)."""
    if ratio >= ON_TRACK_RATIO:
        return ON_TRACK
    if ratio >= AT_RISK_RATIO:
        return AT_RISK
    return OFF_TRACK

