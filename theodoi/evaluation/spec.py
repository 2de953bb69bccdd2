"""The engine's plain values: a target as the plan states it, one reported value, the result,
and the constants of the rule table (see `theodoi.evaluation.engine` for the rules themselves).

Apart from the rules so that the thresholds and the shapes are read in one place, and so that the
level arithmetic (`levels`) and the wording (`sentences`) can import them without importing the
engine.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

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

