"""Tables of tasks: "TT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn
thành | Sản phẩm".

Why a reader of its own: in such a table each row is one assignment (its number, its lead and
partners from their columns, one task, a deadline from the time column) and its figures stand
inside the task text ("cắt giảm tối thiểu 20% thời gian ..."), not in value columns, so the indicator
table reader (`tables.py`) finds no figure there and the prose reader leaves table lines alone.
The header alone decides: a task column, a "chủ trì" column; a "phối hợp" and a time column
when present.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from theodoi_extract import agencies
from theodoi_extract.model import Assignment, Deadline, DocumentMeta, Target, TaskItem
from theodoi_extract.numbers import find_quantities
from theodoi_extract.table_layout import Cell
from theodoi_extract.tables import table_rows

_TASK_HEAD = ("nhiệm vụ", "nội dung công việc", "công việc", "nội dung")
_LEAD_HEAD = ("chủ trì",)
_PARTNER_HEAD = ("phối hợp",)
_TIME_HEAD = ("thời gian", "thời hạn", "tiến độ")
_REF_RE = re.compile(r"\d{1,3}(?:\.\d{1,2})*\.?")
_QUARTER_RE = re.compile(r"[Qq]uý\s+(IV|I{1,3}|[1-4])\s*/\s*(\d{4})$")
_MONTH_RE = re.compile(r"[Tt]háng\s+(\d{1,2})\s*/\s*(\d{4})$")
_QUARTER_NO = {"I": 1, "II": 2, "III": 3, "IV": 4, "1": 1, "2": 2, "3": 3, "4": 4}


@dataclass(frozen=True)
class _Columns:
    task: int
    lead: int
    partners: int | None
    time: int | None


def _find(header: list[str], words: tuple[str, ...], taken: set[int]) -> int | None:
    return next((i for i, h in enumerate(header) if i not in taken and any(w in h for w in words)), None)


def _columns(cells: list[Cell]) -> _Columns | None:
    """The roles of a task table's header, None when the row is no such header."""
    header = [c.text.lower() for c in cells]
    lead = _find(header, _LEAD_HEAD, set())
    if lead is None:
        return None
    task = _find(header, _TASK_HEAD, {lead})
    if task is None or any(re.search(r"\d", h) for h in header):
        return None
    partners = _find(header, _PARTNER_HEAD, {lead, task})
    time = _find(header, _TIME_HEAD, {lead, task, partners or -1})
    return _Columns(task, lead, partners, time)


@dataclass(frozen=True)
class TaskRow:
    ref: str | None
    task: Cell
    lead: str
    partners: tuple[str, ...]
    time: str
    start: int
    end: int


def task_rows(text: str) -> list[TaskRow]:
    """Body rows under a task table header, up to the end of that table."""
    out: list[TaskRow] = []
    cols: _Columns | None = None
    width = 0
    prev_end = -10
    for cells in table_rows(text):
        if cells[0].start - prev_end > 2:
            cols = None  # a new table
        prev_end = cells[-1].end
        found = _columns(cells)
        if found is not None:
            cols, width = found, len(cells)
            continue
        if cols is None or len(cells) != width or not cells[cols.lead].text or not cells[cols.task].text:
            continue
        ref = cells[0].text.rstrip(".") if cols.task != 0 and _REF_RE.fullmatch(cells[0].text) else None
        partners = tuple(agencies.split_list(cells[cols.partners].text)) if cols.partners is not None else ()
        time = cells[cols.time].text if cols.time is not None else ""
        out.append(TaskRow(ref, cells[cols.task], agencies.canonical(cells[cols.lead].text), partners, time,
                           cells[0].start, cells[-1].end))
    return out


def assignments(rows: list[TaskRow]) -> list[Assignment]:
    """One assignment per task row: one task, led by the row's "chủ trì" cell."""
    return [Assignment(r.ref, (r.lead,), r.partners, 1, r.start, r.end,
                       (TaskItem(r.task.text, r.task.start, r.task.end, r.time or None),)) for r in rows]


def _due(time: str) -> str | None:
    """"Quý III/2027" → the quarter's last day, "Tháng 6/2027" → the month's; "Thường xuyên" or a
    span of years is no date."""
    m = _QUARTER_RE.match(time.strip())
    if m:
        month = 3 * _QUARTER_NO[m.group(1)]
        year = int(m.group(2))
    elif (m := _MONTH_RE.match(time.strip())) and 1 <= int(m.group(1)) <= 12:
        month, year = int(m.group(1)), int(m.group(2))
    else:
        return None
    return f"{year}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"


def deadlines(rows: list[TaskRow]) -> list[Deadline]:
    out = []
    for r in rows:
        due = _due(r.time)
        if due:
            out.append(Deadline(r.task.text[:80], "once", None, due, r.start, r.end))
    return out


def targets(text: str, rows: list[TaskRow], meta: DocumentMeta) -> list[Target]:
    """Figures written inside a task's text: goals of the plan's year, led by the row's lead."""
    out: list[Target] = []
    kind = "actual" if meta.kind == "bao_cao" else "target"
    year = meta.plan_year or (int(meta.date[:4]) if meta.date else None)
    for r in rows:
        cell = r.task
        for q in find_quantities(cell.text):
            before = cell.text[:q.start].rstrip(" ,:")
            indicator = " ".join(before.split()[-8:]) or cell.text[:60]
            period = _clause_period(cell.text, q.start) or _years_of(r.time) or (str(year) if year else None)
            out.append(Target(kind, indicator, q.comparator, q.value, q.value_max, q.unit,
                              period, r.lead, cell.start, cell.start + q.end, q.number_text))
    return out


_SPAN_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)(?!\d)")
_ONE_YEAR_RE = re.compile(r"(?<![\d/.-])((?:19|20)\d\d)(?!\d)|/\s*((?:19|20)\d\d)(?!\d)")


def _years_of(text: str) -> str | None:
    """The span ("2027 - 2030") or the one year ("Quý IV/2027", "Năm 2027", "đến năm 2030") a piece of
    text names; None where it names none or several single years."""
    span = _SPAN_RE.search(text)
    if span:
        return f"{span.group(1)}-{span.group(2)}"
    years = {m.group(1) or m.group(2) for m in _ONE_YEAR_RE.finditer(text)}
    return years.pop() if len(years) == 1 else None


def _clause_period(task: str, at: int) -> str | None:
    """The year or span the task's own words give the figure at `at`: its clause (between semicolons)
    names it ("lấp đầy 3 cụm công nghiệp trong giai đoạn 2027 - 2030", "đến năm 2030 có 35 sản phẩm");
    the completion-time cell comes only after, for a task whose text names no year."""
    lo = task.rfind(";", 0, at) + 1
    hi = task.find(";", at)
    return _years_of(task[lo:hi if hi >= 0 else len(task)])
