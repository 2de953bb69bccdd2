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

import math
from collections.abc import Iterable, Sequence
from datetime import date

from theodoi.evaluation import explain
from theodoi.evaluation.explain import STATUS_LABELS_VI
from theodoi.evaluation.levels import (
    _bound,
    _div,
    _goal,
    _usable,
    elapsed_share,
    judge_final,
    progress_ratio,
    seasonal_share,
    status_from_ratio,
    year_to_date,
)
from theodoi.evaluation.sentences import _sentence_final, _sentence_in_year
from theodoi.evaluation.spec import (
    APPROX_TOLERANCE,
    AT_RISK_RATIO,
    COMPARATORS,
    FORECAST,
    FORECAST_CARRIED,
    FORECAST_FINAL,
    FORECAST_LINEAR,
    FORECAST_SEASONAL,
    NO_DATA,
    ON_TRACK_RATIO,
    Evaluation,
    Observation,
    TargetSpec,
    _Goal,
)

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
    "judge_final",
    "progress_ratio",
    "seasonal_share",
    "status_from_ratio",
    "year_to_date",
]

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

