"""Summaries for reports: "11/13 chỉ tiêu chủ yếu đạt và vượt", tasks, timeliness.

Pure functions over plain values, grouped by any key the caller chooses
(field, agency, district, ...), so the same code serves the year-end report,
the dashboard and the API. Counting rules:

* Targets: the denominator is every target except forecast-only ones (a
  forecast is never judged, official reports leave it out of "X/Y");
  targets without data stay in the denominator, since a target nobody
  reported on is not achieved as far as the report can say.
* Tasks follow the Government Office's four states (QĐ 42/2014, QĐ 23/2018).
  The completion rate is over tasks *due* (deadline on or before today), as in
  "98,62% nhiệm vụ đến hạn đã hoàn thành".
* Report timeliness: a report is on time when submitted on or before its due
  date; late when after; overdue when still missing after the due date;
  pending when missing and not yet due (not counted against the agency).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from theodoi.evaluation.explain import STATUS_LABELS_VI, format_pct

T = TypeVar("T")

# Order in which statuses are listed in sentences and tables.
STATUS_ORDER = (
    "exceeded",
    "achieved",
    "not_achieved",
    "on_track",
    "at_risk",
    "off_track",
    "no_data",
    "forecast",
)
_GOOD = ("exceeded", "achieved")
_PACE = ("on_track", "at_risk", "off_track")  # statuses given only before the year's end
_IN_YEAR_PHRASES = {
    "on_track": "đúng tiến độ",
    "at_risk": "có nguy cơ không đạt",
    "off_track": "chậm tiến độ",
    "not_achieved": "không đạt",
    "no_data": "chưa có số liệu",
}

DONE_ON_TIME = "done_on_time"
DONE_LATE = "done_late"
NOT_DONE_IN_TIME = "not_done_in_time"
NOT_DONE_OVERDUE = "not_done_overdue"
TASK_STATES = (DONE_ON_TIME, DONE_LATE, NOT_DONE_IN_TIME, NOT_DONE_OVERDUE)
TASK_STATE_LABELS_VI: dict[str, str] = {
    DONE_ON_TIME: "Đã hoàn thành đúng hạn",
    DONE_LATE: "Đã hoàn thành nhưng quá hạn",
    NOT_DONE_IN_TIME: "Chưa hoàn thành, còn trong hạn",
    NOT_DONE_OVERDUE: "Chưa hoàn thành, đã quá hạn",
}

ON_TIME = "on_time"
LATE = "late"
OVERDUE = "overdue"
PENDING = "pending"
TIMELINESS_STATES = (ON_TIME, LATE, OVERDUE, PENDING)
TIMELINESS_LABELS_VI: dict[str, str] = {
    ON_TIME: "Đúng hạn",
    LATE: "Trễ hạn",
    OVERDUE: "Quá hạn, chưa gửi",
    PENDING: "Chưa đến hạn",
}


def _rate(part: int, whole: int) -> float | None:
    return part * 100 / whole if whole else None


# --------------------------------------------------------------------------- targets


@dataclass(frozen=True)
class TargetSummary:
    """Counts of target statuses and the sentence a report quotes."""

    counts: Mapping[str, int]
    total: int  # targets judged: all but forecast-only ones
    achieved_or_exceeded: int
    sentence_vi: str

    @property
    def rate_pct(self) -> float | None:
        """Share achieved or exceeded, in per cent; None for an empty group."""
        return _rate(self.achieved_or_exceeded, self.total)

    @property
    def judged_on_pace(self) -> bool:
        """Whether some targets are judged on pace (the year is still running for them).

        The engine gives "on track / at risk / behind" only before the year's end, and "achieved"
        only at it. A June headline that counts only "đạt và vượt" reads "0/51" for a plan going
        well; on pace, the headline counts the targets achieved, exceeded or on track, as the
        six-month report ("đạt và vượt tiến độ kế hoạch") and the district map do."""
        return any(self.counts.get(s, 0) for s in _PACE)

    @property
    def on_pace(self) -> int:
        """Targets achieved, exceeded or on track."""
        return self.achieved_or_exceeded + self.counts.get("on_track", 0)

    @property
    def on_pace_pct(self) -> float | None:
        return _rate(self.on_pace, self.total)


def summarize_statuses(statuses: Iterable[str], noun: str = "chỉ tiêu chủ yếu") -> TargetSummary:
    """Count statuses and write "11/13 chỉ tiêu chủ yếu đạt và vượt (vượt 5, đạt 6); ..."."""
    counter = Counter(statuses)
    counts = {s: counter.get(s, 0) for s in STATUS_ORDER}
    for extra in counter:  # unknown statuses are counted, not lost
        counts.setdefault(extra, counter[extra])
    total = sum(counts.values()) - counts["forecast"]
    good = counts["exceeded"] + counts["achieved"]
    return TargetSummary(counts, total, good, _target_sentence(counts, total, good, noun))


def _target_sentence(counts: Mapping[str, int], total: int, good: int, noun: str) -> str:
    if total == 0:
        return f"Không có {noun} để đánh giá."
    parts: list[str] = []
    if good or not any(counts[s] for s in ("on_track", "at_risk", "off_track")):
        detail = f" (vượt {counts['exceeded']}, đạt {counts['achieved']})" if good else ""
        parts.append(f"{good}/{total} {noun} đạt và vượt{detail}")
        rest = [s for s in STATUS_ORDER if s not in _GOOD and s != "forecast"]
    else:
        parts.append(f"{counts['on_track']}/{total} {noun} {_IN_YEAR_PHRASES['on_track']}")
        rest = [s for s in STATUS_ORDER if s not in ("on_track", "forecast", *_GOOD)]
    parts += [
        f"{counts[s]} {_IN_YEAR_PHRASES.get(s, STATUS_LABELS_VI.get(s, s).lower())}"
        for s in rest
        if counts.get(s)
    ]
    parts += [f"{counts[s]} {s}" for s in counts if s not in STATUS_ORDER and counts[s]]
    return "; ".join(parts) + "."


def summarize(
    items: Iterable[T],
    *,
    key: Callable[[T], Hashable] | None = None,
    status: Callable[[T], str] | None = None,
    noun: str = "chỉ tiêu chủ yếu",
) -> dict[Hashable, TargetSummary]:
    """Summaries per group: `key` picks the group (field, agency, district...),
    `status` reads an item's status (default: its `.status`, or the item itself
    when it is a string). Without a key everything is one group, keyed None.
    Groups keep the order in which they first appear."""
    read = status or _default_status
    groups: dict[Hashable, list[str]] = {}
    for item in items:
        groups.setdefault(key(item) if key else None, []).append(read(item))
    return {group: summarize_statuses(values, noun) for group, values in groups.items()}


def _default_status(item: Any) -> str:
    return item if isinstance(item, str) else str(item.status)


# --------------------------------------------------------------------------- tasks


def task_state(deadline: date | None, done_at: date | None, today: date) -> str:
    """One of the four Government Office task states as of `today`.

    Done on the deadline day is on time. A task without a deadline is never
    late. A completion date after `today` is not yet a fact, so such a task
    counts as not done.
    """
    if done_at is not None and done_at <= today:
        return DONE_LATE if deadline is not None and done_at > deadline else DONE_ON_TIME
    return NOT_DONE_OVERDUE if deadline is not None and today > deadline else NOT_DONE_IN_TIME


@dataclass(frozen=True)
class TaskSummary:
    """Task counts by state, the completion rate of tasks due, and a sentence."""

    counts: Mapping[str, int]
    total: int
    due: int  # deadline on or before today (done or not)
    done_of_due: int
    sentence_vi: str

    @property
    def done_of_due_pct(self) -> float | None:
        return _rate(self.done_of_due, self.due)


def summarize_tasks(
    tasks: Iterable[tuple[date | None, date | None]], today: date, noun: str = "nhiệm vụ"
) -> TaskSummary:
    """Summarize (deadline, done_at) pairs as of `today`."""
    return summarize_task_states(((d, task_state(d, done, today)) for d, done in tasks), today, noun)


def summarize_task_states(
    tasks: Iterable[tuple[date | None, str]], today: date, noun: str = "nhiệm vụ"
) -> TaskSummary:
    """Summarize (deadline, state) pairs as of `today`: the state may come from a report, not only
    from a completion date, so callers decide it and this only counts."""
    counter: Counter[str] = Counter()
    due = done_of_due = 0
    for deadline, state in tasks:
        counter[state] += 1
        if deadline is not None and deadline <= today:
            due += 1
            done_of_due += state in (DONE_ON_TIME, DONE_LATE)
    counts = {s: counter.get(s, 0) for s in TASK_STATES}
    total = sum(counts.values())
    sentence = (
        f"Tổng số {total} {noun}: "
        + ", ".join(f"{TASK_STATE_LABELS_VI[s].lower()} {counts[s]}" for s in TASK_STATES)
        + (f"; {format_pct(_rate(done_of_due, due))} {noun} đến hạn đã hoàn thành." if due else ".")
    )
    return TaskSummary(counts, total, due, done_of_due, sentence)


def summarize_tasks_by(
    items: Iterable[T],
    *,
    key: Callable[[T], Hashable],
    deadline: Callable[[T], date | None],
    done_at: Callable[[T], date | None],
    today: date,
) -> dict[Hashable, TaskSummary]:
    """Task summaries per group (lead agency, field, ...)."""
    groups: dict[Hashable, list[tuple[date | None, date | None]]] = {}
    for item in items:
        groups.setdefault(key(item), []).append((deadline(item), done_at(item)))
    return {group: summarize_tasks(pairs, today) for group, pairs in groups.items()}


# --------------------------------------------------------------------------- timeliness


def report_timeliness(due_on: date, submitted_on: date | None, today: date) -> str:
    """on_time / late / overdue / pending for one expected report as of `today`.

    A submission dated after `today` has not happened yet as of `today`.
    """
    if submitted_on is not None and submitted_on <= today:
        return ON_TIME if submitted_on <= due_on else LATE
    return OVERDUE if today > due_on else PENDING


@dataclass(frozen=True)
class TimelinessSummary:
    """An agency's reports by timeliness; the rate is over reports already due."""

    counts: Mapping[str, int]
    due: int  # on_time + late + overdue
    sentence_vi: str

    @property
    def on_time_pct(self) -> float | None:
        return _rate(self.counts[ON_TIME], self.due)


def summarize_timeliness(
    items: Iterable[T],
    *,
    key: Callable[[T], Hashable],
    due_on: Callable[[T], date],
    submitted_on: Callable[[T], date | None],
    today: date,
) -> dict[Hashable, TimelinessSummary]:
    """Per agency (or any key): "10/12 báo cáo đúng hạn; 1 trễ hạn; 1 quá hạn, chưa gửi"."""
    groups: dict[Hashable, Counter[str]] = {}
    for item in items:
        state = report_timeliness(due_on(item), submitted_on(item), today)
        groups.setdefault(key(item), Counter())[state] += 1
    result: dict[Hashable, TimelinessSummary] = {}
    for group, counter in groups.items():
        counts = {s: counter.get(s, 0) for s in TIMELINESS_STATES}
        due = counts[ON_TIME] + counts[LATE] + counts[OVERDUE]
        parts = [f"{counts[ON_TIME]}/{due} báo cáo đúng hạn"]
        parts += [
            f"{counts[s]} {TIMELINESS_LABELS_VI[s].lower()}" for s in (LATE, OVERDUE, PENDING) if counts[s]
        ]
        result[group] = TimelinessSummary(counts, due, "; ".join(parts) + ".")
    return result
