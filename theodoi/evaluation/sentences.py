"""The engine's Vietnamese sentences: what was compared with what, in one sentence per result.

Built from `explain`'s wording (numbers, dates, comparator words, the closing arrow) and the goal a
spec reduces to; kept apart from the rules so that a writer of official reports can review the
sentences without the arithmetic.
"""

from __future__ import annotations

import functools
from datetime import date

from theodoi.evaluation import explain
from theodoi.evaluation.levels import _is_month_end
from theodoi.evaluation.spec import FORECAST_SEASONAL, TargetSpec, _Goal


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
