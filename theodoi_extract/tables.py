"""Table rows as DOCX readers print them: "cell | cell | cell" lines.

In a table the unit sits in its own column ("Đơn vị tính") and the column header says whether a
figure is a plan or a result and for which year ("Kế hoạch năm 2022", "Ước thực hiện 2021"), so
table figures are read by column, not by the prose rules (which skip table lines).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from theodoi_extract import agencies, vocabulary
from theodoi_extract.model import DocumentMeta, Target
from theodoi_extract.numbers import NUMBER, canonical_unit, comparator_before, find_quantities, parse_number

_ROW_RE = re.compile(r"^[^\n]*\S[ \t]*\|[ \t]*\S[^\n]*$", re.MULTILINE)
_CELL_NUMBER_RE = re.compile(rf"(?<![\w.,])(?P<n>{NUMBER})(?:\s*[-–]\s*(?P<m>{NUMBER}))?(?![.,]?\d)")
_YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)(?:\s*[-–]\s*((?:19|20)\d\d))?(?!\d)")
_STT_RE = re.compile(r"^\s*(?:[IVX]{1,5}|\d{1,3}(?:\.\d{1,2})*|[a-zđ])[.)]?\s*$")


@dataclass(frozen=True)
class Cell:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Column:
    role: str  # indicator | unit | agency | value | skip
    kind: str | None = None
    period: str | None = None


@cache
def _cue(key: str) -> list[str]:
    return [w.lower() for w in vocabulary.words("cues", key)]


def table_rows(text: str) -> list[list[Cell]]:
    """Every "a | b | c" line split into cells with offsets."""
    rows: list[list[Cell]] = []
    if "|" not in text:
        return rows
    for m in _ROW_RE.finditer(text):
        cells, pos = [], m.start()
        for part in m.group().split("|"):
            lead = len(part) - len(part.lstrip())
            cells.append(Cell(part.strip(), pos + lead, pos + lead + len(part.strip())))
            pos += len(part) + 1
        rows.append(cells)
    return rows


def row_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of table lines, so the prose reader can leave them to this module."""
    if "|" not in text:
        return []
    return [(m.start(), m.end()) for m in _ROW_RE.finditer(text)]


def _is_header(cells: list[Cell]) -> bool:
    texts = [c.text.lower() for c in cells]
    has_number = any(_CELL_NUMBER_RE.fullmatch(t.strip()) for t in texts if t and not _YEAR_RE.search(t))
    cue_words = _cue("table_indicator") + _cue("table_unit") + _cue("table_target") + _cue("table_actual")
    return not has_number and sum(any(w in t for w in cue_words) for t in texts) >= 2


def _columns(header: list[Cell], meta: DocumentMeta) -> list[Column]:
    cols: list[Column] = []
    seen_indicator = False
    for cell in header:
        t = f" {cell.text.lower()} "
        if any(w in t for w in _cue("table_agency")):
            cols.append(Column("agency"))
        elif any(w.strip() == t.strip() or w in t for w in _cue("table_unit")) and "chủ trì" not in t:
            cols.append(Column("unit"))
        elif any(w in t for w in _cue("table_skip")) and not _YEAR_RE.search(t):
            cols.append(Column("skip"))
        elif not seen_indicator and any(w in t for w in _cue("table_indicator")) and not _YEAR_RE.search(t):
            cols.append(Column("indicator"))
            seen_indicator = True
        elif any(w in t for w in _cue("table_skip")):
            cols.append(Column("skip"))
        else:
            kind = "actual" if any(w in t for w in _cue("table_actual")) else (
                "target" if any(w in t for w in _cue("table_target")) else None)
            y = _YEAR_RE.search(t)
            period = (f"{y.group(1)}-{y.group(2)}" if y.group(2) else y.group(1)) if y else None
            cols.append(Column("value", kind, period))
    return cols


def _guess_columns(cells: list[Cell]) -> list[Column]:
    """No header: the first wordy cell is the indicator, a cell that is a known unit is the unit."""
    cols: list[Column] = []
    seen_indicator = False
    for c in cells:
        if _STT_RE.match(c.text) or not c.text:
            cols.append(Column("skip"))
        elif _is_unit(c.text):
            cols.append(Column("unit"))
        elif not seen_indicator and re.search(r"[^\W\d]{2,}", c.text):
            cols.append(Column("indicator"))
            seen_indicator = True
        elif agencies.is_agency_start(c.text) and not _CELL_NUMBER_RE.search(c.text):
            cols.append(Column("agency"))
        else:
            cols.append(Column("value"))
    return cols


def _is_unit(text: str) -> bool:
    cleaned = text.strip(" ()")
    if not cleaned:
        return False
    q = list(find_quantities("1 " + cleaned))
    return bool(q) and q[0].start == 0 and q[0].end == len(cleaned) + 2


def extract_table_targets(text: str, meta: DocumentMeta) -> list[Target]:
    """Figures of every table row, one target per numeric value cell."""
    out: list[Target] = []
    header_cols: list[Column] | None = None
    prev_end = -2
    for cells in table_rows(text):
        if cells[0].start - prev_end > 2 + 200:
            header_cols = None
        prev_end = cells[-1].end
        if _is_header(cells):
            header_cols = _columns(cells, meta)
            continue
        cols = header_cols if header_cols and len(header_cols) == len(cells) else _guess_columns(cells)
        out.extend(_row_targets(text, cells, cols, meta))
    return out


def _row_targets(text: str, cells: list[Cell], cols: list[Column], meta: DocumentMeta) -> list[Target]:
    indicator = next((c for c, col in zip(cells, cols, strict=False) if col.role == "indicator"), None)
    unit_cell = next((c for c, col in zip(cells, cols, strict=False) if col.role == "unit"), None)
    agency_cell = next((c for c, col in zip(cells, cols, strict=False) if col.role == "agency"), None)
    if indicator is None or not indicator.text:
        return []
    unit = canonical_unit(unit_cell.text.strip(" ()")) if unit_cell and unit_cell.text else _unit_in(indicator.text)
    agency = agencies.canonical(agency_cell.text) if agency_cell and agency_cell.text else None
    out = []
    for cell, col in zip(cells, cols, strict=False):
        if col.role != "value" or not cell.text:
            continue
        t = _cell_target(text, cell, col, indicator, unit, agency, meta)
        if t is not None:
            out.append(t)
    return out


def _unit_in(indicator: str) -> str:
    m = re.search(r"\(([^()]{1,25})\)\s*$", indicator)
    return canonical_unit(m.group(1)) if m and _is_unit(m.group(1)) else ""


def _cell_target(text: str, cell: Cell, col: Column, indicator: Cell, unit: str, agency: str | None,
                 meta: DocumentMeta) -> Target | None:
    inline = list(find_quantities(cell.text))
    if inline:
        q = inline[0]
        value, value_max, comparator, unit = q.value, q.value_max, q.comparator, q.unit
        num_start = cell.start + q.start
        num_end = cell.start + q.end
    else:
        m = _CELL_NUMBER_RE.search(cell.text)
        if not m or not unit or _YEAR_RE.fullmatch(m.group("n")):
            return None
        value = parse_number(m.group("n"))
        value_max = parse_number(m.group("m")) if m.group("m") else None
        comparator = "between" if value_max is not None else (comparator_before(cell.text, m.start(), 0) or "=")
        num_start, num_end = cell.start + m.start(), cell.start + m.end()
    kind = col.kind or ("actual" if meta.kind == "bao_cao" else "target")
    period = col.period or _default_period(kind, meta)
    name = re.sub(r"\s*\([^()]{1,25}\)\s*$", "", _STT_RE.sub("", indicator.text)).strip() or indicator.text
    # the span runs from the indicator cell to the number (a row may put the number first)
    return Target(kind, name, comparator, value, value_max, unit, period, agency, min(indicator.start, num_start),
                  max(num_end, num_start + 1), text[num_start:num_end])


def _default_period(kind: str, meta: DocumentMeta) -> str | None:
    if meta.plan_year:
        return str(meta.plan_year if kind == "target" else meta.plan_year - 1)
    return meta.date[:4] if meta.date else None
