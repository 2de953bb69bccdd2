"""Checks on one reported value, before it is saved or submitted.

Errors block submission (a required value missing, text that is not a
number, a share over 100 %, a negative count); warnings ask the official to
look again and may be confirmed (a value outside its configured or usual
range, or far from the unit's own history). The outlier checks follow DHIS2's
data-quality rules: min-max bounds, and a z-score against the same unit's
previous periods, needing at least three of them.

Every issue carries a Vietnamese message that says what is wrong and why
(with the numbers written the Vietnamese way), and an English one for logs
and the API. Pure: no models; the caller passes the target's metadata and
the unit's history.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Literal

from theodoi.core.vnnumber import VnNumberError, format_vn_number, parse_vn_number

__all__ = [
    "Issue",
    "OutlierMethod",
    "TargetMeta",
    "ValueKind",
    "has_errors",
    "validate_value",
]

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Issue:
    """One problem with a value; ``code`` is stable for the UI and the API."""

    code: str
    severity: Severity
    message_vi: str
    message_en: str


class ValueKind(StrEnum):
    NUMBER = "number"  # any quantity: tỷ đồng, ha, tấn (may be negative, e.g. a balance)
    COUNT = "count"  # people, enterprises, communes: whole and not negative
    PERCENT = "percent"  # a share, growth rate or "% kế hoạch", see TargetMeta.allow_over_100


class OutlierMethod(StrEnum):
    ZSCORE = "zscore"  # (x - mean) / sample stdev, DHIS2's default
    MODIFIED_ZSCORE = "modified_zscore"  # 0.6745 (x - median) / MAD, resists past outliers


@dataclass(frozen=True)
class TargetMeta:
    """What validation needs to know about the target (chỉ tiêu) a value is for.

    ``allow_over_100``: a percentage that may exceed 100 and go below 0
    (growth rates, "% kế hoạch", "% so với cùng kỳ"); left False it is a
    share (tỷ lệ) and must lie in 0-100. ``allow_negative``: None takes the
    kind's default (numbers may be negative, counts and shares not).
    ``min_value``/``max_value``: configured bounds, checked as warnings.
    """

    kind: ValueKind = ValueKind.NUMBER
    required: bool = True
    allow_over_100: bool = False
    allow_negative: bool | None = None
    min_value: Decimal | None = None
    max_value: Decimal | None = None
    unit: str = ""  # đơn vị tính, appended to numbers in messages
    z_threshold: float = 3.0
    min_history: int = 3
    outlier_method: OutlierMethod = OutlierMethod.ZSCORE


def has_errors(issues: Sequence[Issue]) -> bool:
    """Whether any issue blocks submission."""
    return any(i.severity == "error" for i in issues)


def _num(value: Decimal | float, places: int = 2) -> str:
    """Vietnamese number for a message: at most ``places`` decimals, no trailing zeros."""
    q = format_vn_number(Decimal(str(value)), places)
    if "," in q:
        q = q.rstrip("0").rstrip(",")
    return q


def _with_unit(text: str, meta: TargetMeta) -> str:
    return f"{text} {meta.unit}" if meta.unit else text


def _coerce(raw: str | Decimal | int | float | None) -> Decimal | None | VnNumberError:
    if raw is None:
        return None
    if isinstance(raw, str):
        if not raw.strip():
            return None
        try:
            return parse_vn_number(raw)
        except VnNumberError as exc:
            return exc
    if isinstance(raw, bool):
        return VnNumberError("Giá trị phải là một số.", str(raw))
    value = Decimal(str(raw)) if isinstance(raw, float) else Decimal(raw)
    return value if value.is_finite() else VnNumberError("Giá trị phải là một số hữu hạn.", str(raw))


def _impossible(value: Decimal, meta: TargetMeta) -> list[Issue]:
    """Values no target of this kind can take (errors)."""
    shown = _num(value, 6)
    if meta.kind is ValueKind.PERCENT and not meta.allow_over_100:
        if value > 100 or (value < 0 and not meta.allow_negative):
            return [
                Issue(
                    "percent_out_of_range",
                    "error",
                    f"Tỷ lệ {shown}% nằm ngoài khoảng 0-100%. Nếu chỉ tiêu là tốc độ tăng "
                    "hoặc % kế hoạch (có thể vượt 100%), cần khai báo lại loại chỉ tiêu.",
                    f"Share {value}% is outside 0-100%.",
                )
            ]
        return []
    negative_ok = meta.allow_negative
    if negative_ok is None:
        negative_ok = meta.kind is not ValueKind.COUNT
    issues: list[Issue] = []
    if value < 0 and not negative_ok:
        issues.append(
            Issue(
                "negative",
                "error",
                f"Giá trị {_with_unit(shown, meta)} là số âm; chỉ tiêu này không thể âm.",
                f"Value {value} is negative; this target cannot be negative.",
            )
        )
    if meta.kind is ValueKind.COUNT and value != value.to_integral_value():
        issues.append(
            Issue(
                "not_integer",
                "error",
                f"Giá trị {shown} phải là số nguyên (chỉ tiêu đếm số lượng).",
                f"Value {value} must be a whole number (a count).",
            )
        )
    return issues


def _bounds(value: Decimal, meta: TargetMeta, history: Sequence[Decimal]) -> list[Issue]:
    """Min-max check: configured bounds if any, else the range of the unit's history."""
    low, high, source_vi, source_en = meta.min_value, meta.max_value, "khoảng cho phép", "configured range"
    if low is None and high is None:
        if len(history) < meta.min_history:
            return []
        low, high = min(history), max(history)
        source_vi, source_en = (
            f"khoảng của {len(history)} kỳ trước",
            f"range of the {len(history)} previous periods",
        )
    if (low is None or value >= low) and (high is None or value <= high):
        return []
    below = low is not None and value < low
    limit = low if below else high
    assert limit is not None
    word_vi, word_en = (
        ("thấp hơn mức tối thiểu", "below the minimum")
        if below
        else (
            "cao hơn mức tối đa",
            "above the maximum",
        )
    )
    return [
        Issue(
            "out_of_bounds",
            "warning",
            f"Giá trị {_with_unit(_num(value, 6), meta)} {word_vi} {_with_unit(_num(limit, 6), meta)} "
            f"({source_vi}). Đề nghị kiểm tra lại số liệu.",
            f"Value {value} is {word_en} {limit} ({source_en}).",
        )
    ]


def _zscore(value: Decimal, meta: TargetMeta, history: Sequence[Decimal]) -> list[Issue]:
    """Outlier against the unit's own history (|z| above the threshold is a warning).

    Decimal arithmetic through ``statistics`` keeps the figures exact; a
    history with no spread (every period the same) has no z-score, so any
    different value is flagged by saying so, rather than dividing by zero.
    """
    if len(history) < meta.min_history:
        return []
    data = [Decimal(h) for h in history]
    median = statistics.median(data)
    mad = statistics.median([abs(h - median) for h in data])
    if meta.outlier_method is OutlierMethod.MODIFIED_ZSCORE and mad:
        # Iglewicz-Hoaglin modified z-score; with MAD 0 (over half the history
        # identical) it is undefined and the classic z-score below is used.
        centre, spread = median, mad
        centre_vi, spread_vi, centre_en, spread_en = "trung vị", "độ lệch tuyệt đối trung vị", "median", "MAD"
        z = 0.6745 * float(value - centre) / float(spread)
    else:
        centre = statistics.mean(data)
        spread = statistics.stdev(data)
        centre_vi, spread_vi, centre_en, spread_en = "trung bình", "độ lệch chuẩn", "mean", "stdev"
        z = float((value - centre) / spread) if spread else math.inf
    if value == centre or abs(z) <= meta.z_threshold:
        return []
    direction_vi = "cao" if value > centre else "thấp"
    shown = _with_unit(_num(value, 6), meta)
    if not spread:
        return [
            Issue(
                "outlier",
                "warning",
                f"Giá trị {shown} khác với tất cả {len(data)} kỳ trước (đều bằng {_num(centre)}). "
                "Đề nghị kiểm tra lại số liệu.",
                f"Value {value} differs from all {len(data)} previous periods (all {centre}).",
            )
        ]
    z_sign = -abs(z) if value < centre else abs(z)
    return [
        Issue(
            "outlier",
            "warning",
            f"Giá trị {shown} {direction_vi} bất thường so với các kỳ trước ({centre_vi} {_num(centre)}; "
            f"{spread_vi} {_num(spread)}; z = {_num(z_sign, 1)}). Đề nghị kiểm tra lại số liệu.",
            f"Value {value} is an outlier against previous periods ({centre_en} {centre:.6g}; "
            f"{spread_en} {spread:.6g}; z = {z_sign:.1f}).",
        )
    ]


def validate_value(
    raw: str | Decimal | int | float | None,
    meta: TargetMeta,
    history: Sequence[Decimal | int] = (),
) -> list[Issue]:
    """All issues with one reported value (empty list: fine).

    ``raw`` is the form text (parsed with ``parse_vn_number``) or a number;
    ``history`` is the same unit's values for the same target in earlier
    periods of the same kind, oldest first (do not mix monthly and
    cumulative figures). Plausibility checks only run on a well-formed,
    possible value, so one mistake yields one message.
    """
    value = _coerce(raw)
    if value is None:
        if not meta.required:
            return []
        return [Issue("required", "error", "Chưa nhập giá trị (bắt buộc).", "Value is required.")]
    if isinstance(value, VnNumberError):
        return [Issue("format", "error", value.message_vi, f"Not a number: {value.text!r}.")]
    issues = _impossible(value, meta)
    if issues:
        return issues
    past = [Decimal(h) for h in history]
    return _bounds(value, meta, past) + _zscore(value, meta, past)
