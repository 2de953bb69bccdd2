"""The evaluation engine: judge a target against the values reported so far.

Pure functions over plain values (no models, no database): the Django layer
loads a target and its observations, converts them to `TargetSpec` and
`Observation`, and stores what `evaluate` returns. Keeping the rules here makes
them testable in a table and the same for the web page, the API and the
official report.

Numbers are floats throughout. These are statistics (ratios, shares, growth
rates) where float precision is far finer than any reported figure; money is
stored as Decimal by the models and converted with `float()` on the way in.

Rule table (what status when):

* `forecast_only` targets ("dân số khoảng 567 nghìn người") are never judged:
  status "forecast".
* no usable observation, a change target without baseline, a relative change
  against a zero baseline, or a non-finite target: "no_data".
* Year end (as_of on/after 31 Dec of the plan year, or an observation flagged
  `final`): the value (year-to-date total for flows, latest value for stocks)
  is judged against the target:
    - ">=" / "<=": strictly better than the target -> exceeded, equal ->
      achieved, worse -> not_achieved.
    - ">" / "<": the bound itself must be passed, so strictly better ->
      achieved (never "exceeded"), otherwise not_achieved.
    - "=" (a plain "đạt X"): read by `direction`; better -> exceeded, equal ->
      achieved, worse -> not_achieved.
    - "~" (khoảng): within ±APPROX_TOLERANCE of the target -> achieved; beyond
      it on the better side -> exceeded, on the worse side -> not_achieved.
    - "between": inside (inclusive) -> achieved; outside on the better side
      (by `direction`) -> exceeded, on the worse side -> not_achieved.
  The value judged is the last one reported; when it stops before December
  and is not flagged final, the sentence names its date ("Số liệu mới nhất
  (đến 30/06/2021) đạt ...") and a note records it.
* During the year the value is compared with the *expected* level:
    - flows: the year-to-date total against bound x share of the year elapsed
      (months, by the latest observation's period_end: 30 June -> 50%), or
      against last year's cumulative seasonal share for that date when a
      valid `seasonal_profile` is given;
    - stocks and rates: the latest value against the bound itself;
  where the bound is the least acceptable level (T for >=, >, =; T x (1 -
  tolerance) for "~"; the lower end of a range), or for lower-is-better the
  greatest acceptable level. Progress ratio = actual / expected (expected /
  actual when lower is better): >= ON_TRACK_RATIO -> on_track, >=
  AT_RISK_RATIO -> at_risk, else off_track.
* Lower is better when the comparator is "<" / "<=", or, for "=", "~" and
  "between", when `direction` is "lower".
* Change targets ("tỷ lệ hộ nghèo giảm ít nhất 4%") are turned into a level
  target first: baseline - 4 with the comparator mirrored (">=" a decrease
  becomes "<=" a level) when direction is lower, baseline + change when higher;
  `change_mode` "relative" reads the change as a percentage of the baseline.
* Observations are kept only when they belong to the plan year, their
  period_end is on or before as_of, and (if `reported_on` is known) they had
  arrived by as_of. A value arriving late is therefore ignored when evaluating
  as of an earlier date and counted once as_of passes its arrival, so an
  evaluation "as of" a past date can be reproduced exactly.
"""

from __future__ import annotations

import calendar
import functools
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from theodoi.evaluation import explain
from theodoi.evaluation.explain import STATUS_LABELS_VI

__all__ = [
    "APPROX_TOLERANCE",
    "AT_RISK_RATIO",
    "COMPARATORS",
    "FORECAST_CARRIED",
    "FORECAST_FINAL",
    "FORECAST_LINEAR",
    "FORECAST_SEASONAL",
    "ON_TRACK_RATIO",
    "STATUS_LABELS_VI",
    "Evaluation",
    "Observation",
    "TargetSpec",
    "elapsed_share",
    "evaluate",
    "seasonal_share",
    "year_to_date",
]

# "khoảng X" is met within ±5% of X: the usual reading of an approximate figure
# in provincial reports, and wide enough that rounding in a report never flips it.
APPROX_TOLERANCE = 0.05
# Progress ratio (actual / expected so far) at or above which a target is on track.
ON_TRACK_RATIO = 1.0
# At or above this (but under ON_TRACK_RATIO) the target is at risk; below, off track.
# 0.9 leaves room for a month's reporting lag before calling a target late.
AT_RISK_RATIO = 0.9
# Two floats this close are "equal" (reported figures carry at most a few decimals).
_REL_TOL = 1e-9
_ABS_TOL = 1e-9

COMPARATORS = frozenset({">", ">=", "<", "<=", "=", "~", "between"})
DIRECTIONS = frozenset({"higher", "lower"})
MEASURES = frozenset({"flow", "stock"})
CHANGE_MODES = frozenset({"absolute", "relative"})

EXCEEDED = "exceeded"
ACHIEVED = "achieved"
NOT_ACHIEVED = "not_achieved"
ON_TRACK = "on_track"
AT_RISK = "at_risk"
OFF_TRACK = "off_track"
NO_DATA = "no_data"
FORECAST = "forecast"
YEAR_END_STATUSES = frozenset({EXCEEDED, ACHIEVED, NOT_ACHIEVED})
IN_YEAR_STATUSES = frozenset({ON_TRACK, AT_RISK, OFF_TRACK})

FORECAST_LINEAR = "linear extrapolation of the year-to-date figure"
FORECAST_SEASONAL = "seasonal profile of last year"
FORECAST_CARRIED = "latest value carried"
FORECAST_FINAL = "year-end value"

_MIRROR = {">": "<", ">=": "<=", "<": ">", "<=": ">=", "=": "=", "~": "~", "between": "between"}


@dataclass(frozen=True)
class TargetSpec:
    """A target as the plan states it, in plain values.

    comparator: ">", ">=", "<", "<=", "=", "~" (khoảng) or "between" (a range
    value..value_max). direction: which way is better; used for "=", "~",
    "between" and change targets (for inequalities the comparator says it).
    measure: "flow" adds up over the year, "stock" is read at a point in time.
    change: the value is a required change against `baseline` (last year's
    figure); change_mode "absolute" (same unit: percentage points for rates)
    or "relative" (per cent of the baseline).
    """

    comparator: str
    value: float
    value_max: float | None = None
    direction: str = "higher"
    measure: str = "stock"
    change: bool = False
    baseline: float | None = None
    unit: str = ""
    forecast_only: bool = False
    change_mode: str = "absolute"

    def __post_init__(self) -> None:
        # Bad enum values are programming errors in the caller: fail loudly here,
        # so that evaluate() itself never has to raise.
        if self.comparator not in COMPARATORS:
            raise ValueError(f"comparator must be one of {sorted(COMPARATORS)}, got {self.comparator!r}")
        if self.direction not in DIRECTIONS:
            raise ValueError(f"direction must be 'higher' or 'lower', got {self.direction!r}")
        if self.measure not in MEASURES:
            raise ValueError(f"measure must be 'flow' or 'stock', got {self.measure!r}")
        if self.change_mode not in CHANGE_MODES:
            raise ValueError(f"change_mode must be 'absolute' or 'relative', got {self.change_mode!r}")


@dataclass(frozen=True)
class Observation:
    """One reported value. For flows, `cumulative` marks a year-to-date figure;
    a non-cumulative value is that period's own amount and is added up.
    `final` marks the year's final figure (it makes the evaluation a year-end
    one even before 31 Dec). `reported_on` is when it arrived, if known."""

    period_end: date
    value: float
    cumulative: bool = True
    final: bool = False
    reported_on: date | None = None


@dataclass(frozen=True)
class Evaluation:
    """The result: status, the numbers behind it, and one Vietnamese sentence.

    actual: the value judged (year-to-date total or latest value), target: the
    level aimed at (after turning a change into a level), expected: the level
    due by now (flows during the year), ratio: progress against expected,
    progress_pct: actual as % of the target, expected_pct: the share of the
    target due by now.
    """

    status: str
    label_vi: str
    explanation_vi: str
    year_end: bool
    actual: float | None = None
    target: float | None = None
    expected: float | None = None
    ratio: float | None = None
    progress_pct: float | None = None
    expected_pct: float | None = None
    forecast: float | None = None
    forecast_method: str | None = None
    period_end: date | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class _Goal:
    """The target reduced to levels: comparator, bounds and which way is better."""

    comparator: str
    lo: float
    hi: float
    higher_is_better: bool

    @property
    def headline(self) -> float:
        """The one number quoted as "the target" (for ranges, the end that must be reached)."""
        if self.comparator == "between":
            return self.lo if self.higher_is_better else self.hi
        return self.lo


# --------------------------------------------------------------------------- helpers


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


# --------------------------------------------------------------------------- evaluate


def evaluate(
    spec: TargetSpec,
    observations: Iterable[Observation],
    *,
    year: int,
    as_of: date,
    seasonal_profile: Sequence[float] | None = None,
) -> Evaluation:
    """Evaluate one target as of a date. Never raises for finite inputs.

    See the module docstring for the rule table; `explanation_vi` says in one
    sentence what was compared with what.
    """
    kept, dropped = _usable(observations, year=year, as_of=as_of)
    notes: list[str] = []
    if dropped:
        notes.append(
            f"{dropped} observation(s) outside the plan year, after as_of or not finite were ignored"
        )
    # Compared as tuples so that no date is built from `year` (any int is accepted).
    year_end = (as_of.year, as_of.month, as_of.day) >= (year, 12, 31) or any(o.final for o in kept)
    goal = _goal(spec)
    if isinstance(goal, str):
        return _no_data(spec, goal, year_end, kept, notes)
    if not kept:
        return _no_data(
            spec, f"Chưa có số liệu báo cáo đến {explain.format_date_vi(as_of)}.", year_end, kept, notes
        )
    last = kept[-1].period_end
    is_flow = spec.measure == "flow"
    actual = year_to_date(kept) if is_flow else float(kept[-1].value)
    if not math.isfinite(actual):
        return _no_data(spec, "Số liệu báo cáo không hợp lệ.", year_end, kept, notes)
    headline = goal.headline
    progress = _div(actual * 100, headline) if headline else None
    if spec.forecast_only:
        return _forecast_only(spec, goal, actual, progress, last, year_end, notes)
    if year_end:
        status = judge_final(actual, goal)
        # Judged on what was reported; when that stops before December and is not
        # flagged final, say so in the sentence rather than guess the rest.
        partial = last.month < 12 and not any(o.final for o in kept)
        if partial:
            notes.append(f"year-end status judged on the figure to {last.isoformat()}")
        text = _sentence_final(spec, goal, actual, progress, status, last if partial else None)
        return _result(
            status,
            text,
            year_end,
            actual,
            goal,
            progress,
            last,
            notes,
            forecast=actual,
            method=FORECAST_FINAL,
        )
    return _in_year(spec, goal, actual, progress, last, seasonal_profile, notes)


def _in_year(
    spec: TargetSpec,
    goal: _Goal,
    actual: float,
    progress: float | None,
    last: date,
    seasonal_profile: Sequence[float] | None,
    notes: list[str],
) -> Evaluation:
    """During the year: compare with the level expected by the latest report."""
    bound = _bound(goal)
    share: float | None = None
    method = FORECAST_CARRIED
    forecast: float | None = actual
    if spec.measure == "flow":
        share, method = elapsed_share(last), FORECAST_LINEAR
        if seasonal_profile is not None:
            seasonal = seasonal_share(last, seasonal_profile)
            if seasonal is None:
                notes.append("seasonal profile unusable (needs 12 non-decreasing values); linear share used")
            else:
                share, method = seasonal, FORECAST_SEASONAL
        forecast = _div(actual, share) if share > 0 else None
    expected = bound * share if share is not None else bound
    if not math.isfinite(expected):
        return _no_data(spec, "Giá trị chỉ tiêu không hợp lệ.", False, [], notes)
    ratio = progress_ratio(actual, expected, goal.higher_is_better)
    status = status_from_ratio(ratio)
    text = _sentence_in_year(spec, goal, actual, progress, share, method, last, status)
    return _result(
        status,
        text,
        False,
        actual,
        goal,
        progress,
        last,
        notes,
        forecast=forecast,
        method=method,
        expected=expected,
        ratio=ratio,
        expected_pct=share * 100 if share is not None else None,
    )


def _result(
    status: str,
    text: str,
    year_end: bool,
    actual: float,
    goal: _Goal,
    progress: float | None,
    last: date,
    notes: list[str],
    *,
    forecast: float | None,
    method: str,
    expected: float | None = None,
    ratio: float | None = None,
    expected_pct: float | None = None,
) -> Evaluation:
    return Evaluation(
        status=status,
        label_vi=STATUS_LABELS_VI[status],
        explanation_vi=text,
        year_end=year_end,
        actual=actual,
        target=goal.headline,
        expected=expected,
        ratio=ratio,
        progress_pct=progress,
        expected_pct=expected_pct,
        forecast=forecast,
        forecast_method=method,
        period_end=last,
        notes=tuple(notes),
    )


def _no_data(
    spec: TargetSpec, reason: str, year_end: bool, kept: list[Observation], notes: list[str]
) -> Evaluation:
    status = FORECAST if spec.forecast_only else NO_DATA
    text = reason
    if spec.forecast_only:
        target = explain.target_text_vi(spec.comparator, spec.value, spec.value_max, spec.unit)
        text = f"Chỉ tiêu dự báo ({target}), chưa có số liệu để so sánh."
    return Evaluation(
        status=status,
        label_vi=STATUS_LABELS_VI[status],
        explanation_vi=text,
        year_end=year_end,
        period_end=kept[-1].period_end if kept else None,
        notes=tuple(notes),
    )


def _forecast_only(
    spec: TargetSpec,
    goal: _Goal,
    actual: float,
    progress: float | None,
    last: date,
    year_end: bool,
    notes: list[str],
) -> Evaluation:
    """Forecast figures are shown beside the plan figure, never judged."""
    target = explain.target_text_vi(spec.comparator, spec.value, spec.value_max, spec.unit)
    value = explain.with_unit(explain.format_vn_number(actual), spec.unit)
    text = (
        f"Chỉ tiêu dự báo ({target}), không đánh giá; số liệu mới nhất {value} "
        f"(đến {explain.format_date_vi(last)})."
    )
    return _result(
        FORECAST,
        text,
        year_end,
        actual,
        goal,
        progress,
        last,
        notes,
        forecast=actual,
        method=FORECAST_FINAL if year_end else FORECAST_CARRIED,
    )


# --------------------------------------------------------------------------- sentences


@functools.lru_cache(maxsize=65536)
def _target_phrase(spec: TargetSpec, goal: _Goal) -> str:
    """The target in words; for change targets also the level it implies."""
    stated = explain.target_text_vi(spec.comparator, spec.value, spec.value_max, spec.unit)
    if not spec.change:
        return stated
    verb = "tăng" if spec.direction == "higher" else "giảm"
    unit = "%" if spec.change_mode == "relative" else spec.unit
    stated = verb + " " + explain.target_text_vi(spec.comparator, spec.value, spec.value_max, unit)
    base = explain.with_unit(explain.format_vn_number(spec.baseline), spec.unit)
    level = explain.target_text_vi(
        goal.comparator, goal.lo, goal.hi if goal.comparator == "between" else None, spec.unit
    )
    return f"{stated} so với năm gốc {base} (tức {level.strip()})"


def _progress_text(progress: float | None, goal: _Goal) -> str:
    """ "(37%)" after a value; left out when lower is better, where "97% of the cap" misleads."""
    if progress is None or not goal.higher_is_better:
        return ""
    return f" ({explain.format_pct(progress)})"


def _sentence_final(
    spec: TargetSpec, goal: _Goal, actual: float, progress: float | None, status: str, partial_to: date | None
) -> str:
    value = explain.with_unit(explain.format_vn_number(actual), spec.unit)
    lead = "Thực hiện cả năm" if spec.measure == "flow" else "Cả năm đạt mức"
    if partial_to is not None:
        lead = f"Số liệu mới nhất (đến {explain.format_date_vi(partial_to)}) đạt"
    return (
        f"{lead} {value}{_progress_text(progress, goal)} so với chỉ tiêu {_target_phrase(spec, goal)}"
        + explain.arrow(status)
    )


def _when_text(last: date) -> str:
    if _is_month_end(last):
        return f"sau {last.month} tháng"
    return f"đến ngày {explain.format_date_vi(last)}"


def _sentence_in_year(
    spec: TargetSpec,
    goal: _Goal,
    actual: float,
    progress: float | None,
    share: float | None,
    method: str,
    last: date,
    status: str,
) -> str:
    num = explain.format_vn_number
    if share is None:  # stock or rate: the latest value against the target
        value = explain.with_unit(num(actual), spec.unit)
        return (
            f"Số liệu mới nhất {value} (đến {explain.format_date_vi(last)}) so với chỉ tiêu "
            f"{_target_phrase(spec, goal)}" + explain.arrow(status)
        )
    seasonal = " theo mùa vụ năm trước" if method == FORECAST_SEASONAL else ""
    need = explain.format_pct(share * 100)
    if goal.higher_is_better and not spec.change and spec.comparator in (">=", ">", "=") and goal.lo > 0:
        fraction = explain.with_unit(f"{num(actual)}/{num(goal.lo)}", spec.unit)
        return (
            f"Đạt {fraction}{_progress_text(progress, goal)} {_when_text(last)}; cần khoảng {need}{seasonal} "
            "để kịp tiến độ" + explain.arrow(status)
        )
    value = explain.with_unit(num(actual), spec.unit)
    return (
        f"Lũy kế {value}{_progress_text(progress, goal)} {_when_text(last)} so với chỉ tiêu "
        f"{_target_phrase(spec, goal)}; theo tiến độ cần khoảng {need}{seasonal} mức chỉ tiêu"
        + explain.arrow(status)
    )
