"""Summaries: "X/Y chỉ tiêu chủ yếu đạt và vượt", task states, report timeliness."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from theodoi.evaluation.explain import format_pct, format_vn_number
from theodoi.evaluation.summaries import (
    DONE_LATE,
    DONE_ON_TIME,
    LATE,
    NOT_DONE_IN_TIME,
    NOT_DONE_OVERDUE,
    ON_TIME,
    OVERDUE,
    PENDING,
    report_timeliness,
    summarize,
    summarize_statuses,
    summarize_tasks,
    summarize_tasks_by,
    summarize_timeliness,
    task_state,
)

TODAY = date(2021, 12, 20)
D = date(2021, 12, 10)  # a deadline / due date before TODAY


@dataclass(frozen=True)
class Item:
    field: str
    agency: str
    status: str


SENTENCE_CASES = [
    (
        "year-end-11-of-13",
        ["exceeded"] * 5 + ["achieved"] * 6 + ["not_achieved"] * 2,
        "11/13 chỉ tiêu chủ yếu đạt và vượt (vượt 5, đạt 6); 2 không đạt.",
        11,
        13,
    ),
    (
        "forecast-left-out-no-data-kept",
        ["achieved", "forecast", "no_data"],
        "1/2 chỉ tiêu chủ yếu đạt và vượt (vượt 0, đạt 1); 1 chưa có số liệu.",
        1,
        2,
    ),
    (
        "in-year",
        ["on_track"] * 8 + ["at_risk"] * 3 + ["off_track"] * 2,
        "8/13 chỉ tiêu chủ yếu đúng tiến độ; 3 có nguy cơ không đạt; 2 chậm tiến độ.",
        0,
        13,
    ),
    ("none-achieved", ["not_achieved"] * 3, "0/3 chỉ tiêu chủ yếu đạt và vượt; 3 không đạt.", 0, 3),
    ("empty", [], "Không có chỉ tiêu chủ yếu để đánh giá.", 0, 0),
    ("only-forecast", ["forecast"], "Không có chỉ tiêu chủ yếu để đánh giá.", 0, 0),
]


@pytest.mark.parametrize(
    ("statuses", "sentence", "good", "total"),
    [c[1:] for c in SENTENCE_CASES],
    ids=[c[0] for c in SENTENCE_CASES],
)
def test_summarize_statuses(statuses: list[str], sentence: str, good: int, total: int) -> None:
    summary = summarize_statuses(statuses)
    assert summary.sentence_vi == sentence
    assert (summary.achieved_or_exceeded, summary.total) == (good, total)
    assert sum(summary.counts.values()) == len(statuses)


def test_rate_pct() -> None:
    assert summarize_statuses(["achieved", "not_achieved"]).rate_pct == 50
    assert summarize_statuses([]).rate_pct is None


def test_summarize_grouped_by_any_key() -> None:
    items = [
        Item("Kinh tế", "Sở NN&PTNT", "achieved"),
        Item("Kinh tế", "Cục Thuế", "not_achieved"),
        Item("Văn hóa - xã hội", "Sở NN&PTNT", "exceeded"),
    ]
    by_field = summarize(items, key=lambda i: i.field)
    assert list(by_field) == ["Kinh tế", "Văn hóa - xã hội"]
    assert by_field["Kinh tế"].achieved_or_exceeded == 1 and by_field["Kinh tế"].total == 2
    by_agency = summarize(items, key=lambda i: i.agency, noun="chỉ tiêu")
    assert by_agency["Sở NN&PTNT"].sentence_vi.startswith("2/2 chỉ tiêu đạt và vượt")
    everything = summarize(items)
    assert list(everything) == [None] and everything[None].total == 3
    plain = summarize(["achieved", "on_track"])
    assert plain[None].counts["on_track"] == 1


TASK_CASES = [
    # id, deadline, done_at, state
    ("done-before-deadline", D, date(2021, 12, 1), DONE_ON_TIME),
    ("done-on-deadline-day", D, D, DONE_ON_TIME),
    ("done-day-after", D, date(2021, 12, 11), DONE_LATE),
    ("not-done-deadline-today", TODAY, None, NOT_DONE_IN_TIME),
    ("not-done-deadline-ahead", date(2021, 12, 31), None, NOT_DONE_IN_TIME),
    ("not-done-deadline-passed", D, None, NOT_DONE_OVERDUE),
    ("no-deadline-done", None, date(2021, 3, 1), DONE_ON_TIME),
    ("no-deadline-not-done", None, None, NOT_DONE_IN_TIME),
    ("done-date-in-future-counts-as-not-done", D, date(2021, 12, 25), NOT_DONE_OVERDUE),
]


@pytest.mark.parametrize(
    ("deadline", "done_at", "state"), [c[1:] for c in TASK_CASES], ids=[c[0] for c in TASK_CASES]
)
def test_task_state(deadline: date | None, done_at: date | None, state: str) -> None:
    assert task_state(deadline, done_at, TODAY) == state


def test_summarize_tasks_rate_over_tasks_due() -> None:
    tasks = [
        (D, date(2021, 12, 1)),  # due, done on time
        (D, date(2021, 12, 15)),  # due, done late
        (D, None),  # due, overdue
        (date(2021, 12, 31), date(2021, 12, 5)),  # done early, not yet due
        (date(2021, 12, 31), None),  # not yet due
    ]
    summary = summarize_tasks(tasks, TODAY)
    assert summary.counts == {DONE_ON_TIME: 2, DONE_LATE: 1, NOT_DONE_IN_TIME: 1, NOT_DONE_OVERDUE: 1}
    assert (summary.total, summary.due, summary.done_of_due) == (5, 3, 2)
    assert summary.done_of_due_pct == pytest.approx(66.667, abs=0.01)
    assert summary.sentence_vi.endswith("67% nhiệm vụ đến hạn đã hoàn thành.")
    assert summarize_tasks([], TODAY).done_of_due_pct is None


def test_summarize_tasks_by_agency() -> None:
    rows = [("Sở Y tế", D, D), ("Sở Y tế", D, None), ("Sở Tài chính", D, D)]
    result = summarize_tasks_by(
        rows, key=lambda r: r[0], deadline=lambda r: r[1], done_at=lambda r: r[2], today=TODAY
    )
    assert result["Sở Y tế"].counts[NOT_DONE_OVERDUE] == 1
    assert result["Sở Tài chính"].done_of_due_pct == 100


TIMELINESS_CASES = [
    ("before-due", date(2021, 12, 17), ON_TIME),
    ("on-due-day", date(2021, 12, 18), ON_TIME),
    ("day-after", date(2021, 12, 19), LATE),
    ("missing-past-due", None, OVERDUE),
    ("dated-after-today-is-missing", date(2021, 12, 22), OVERDUE),
]


@pytest.mark.parametrize(
    ("submitted", "state"), [c[1:] for c in TIMELINESS_CASES], ids=[c[0] for c in TIMELINESS_CASES]
)
def test_report_timeliness(submitted: date | None, state: str) -> None:
    assert report_timeliness(date(2021, 12, 18), submitted, TODAY) == state


def test_report_not_yet_due_is_pending() -> None:
    assert report_timeliness(date(2021, 12, 31), None, TODAY) == PENDING


def test_summarize_timeliness_by_agency() -> None:
    due = date(2021, 12, 18)
    rows = [
        ("Sở KH&ĐT", due, date(2021, 12, 17)),
        ("Sở KH&ĐT", due, date(2021, 12, 19)),
        ("Sở KH&ĐT", due, None),
        ("Sở KH&ĐT", date(2022, 1, 18), None),
        ("UBND huyện Đắk Hà", due, due),
    ]
    result = summarize_timeliness(
        rows, key=lambda r: r[0], due_on=lambda r: r[1], submitted_on=lambda r: r[2], today=TODAY
    )
    plan = result["Sở KH&ĐT"]
    assert plan.counts == {ON_TIME: 1, LATE: 1, OVERDUE: 1, PENDING: 1}
    assert plan.due == 3
    assert plan.on_time_pct == pytest.approx(33.333, abs=0.01)
    assert plan.sentence_vi == "1/3 báo cáo đúng hạn; 1 trễ hạn; 1 quá hạn, chưa gửi; 1 chưa đến hạn."
    assert result["UBND huyện Đắk Hà"].on_time_pct == 100


NUMBER_CASES = [
    (1120, "1.120"),
    # The agreed formatter (theodoi.core.vnformat): three decimals, "—" for a missing value.
    (1234567.891, "1.234.567,891"),
    (37.5, "37,5"),
    (0, "0"),
    (-2.5, "-2,5"),
    (-0.001, "-0,001"),
    (-0.0001, "0"),
    (0.125, "0,125"),
    (567000, "567.000"),
    (float("inf"), "—"),
    (float("nan"), "—"),
    (None, "—"),
]


@pytest.mark.parametrize(("value", "text"), NUMBER_CASES)
def test_format_vn_number(value: float | None, text: str) -> None:
    assert format_vn_number(value) == text


@pytest.mark.parametrize(("value", "text"), [(37.333, "37%"), (4.56, "4,6%"), (0.4, "0,4%"), (100, "100%")])
def test_format_pct(value: float, text: str) -> None:
    assert format_pct(value) == text
