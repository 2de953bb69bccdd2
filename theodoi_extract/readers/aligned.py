"""Tables without ruling lines, found from word positions alone (text-layer PDFs and OCR word boxes).

Many tables are drawn with no borders (a "Normal Table" in Word or LibreOffice, a table typed
with tabs, or a scan where the thin rules did not survive), so pdfplumber's table finder sees
nothing and the text comes out line by line: an indicator wrapped over three lines is cut from its
figures. What still marks such a table is alignment: its lines break into phrases separated by
gaps much wider than a space, and the phrases of many lines start in the same few vertical bands.

`find_tables(words)` takes word boxes (`x0, x1, top, bottom, text`; points or pixels, the
thresholds are relative to the text height) and returns each table's vertical extent with its
grid, printed by `tables.grid_lines` like every other reader's tables. Rules, all structural:
- a phrase gap is wider than 0.8 x the median word height (a justified space stays well below);
- a table needs at least 2 lines of 3 or more phrases, at least 3 columns and a figure;
- columns are the bands of the x axis covered by the phrases of the lines with figures; a header
  phrase that reaches into the next band, or is centred over the gap between two bands, heads
  both (a merged header cell, printed as header paths `Năm 2024 / KH`);
- a line in between or just below whose every phrase fits inside one band continues the table;
- a line starts a new row when it puts text in a column the previous line left empty, or a
  second figure under a figure (two numbers stacked in one column are two rows); otherwise it is
  the wrapped continuation of the cells above;
- lines above the first line with a figure are the header, wrapped header lines joined per column.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from theodoi_extract.tables import GridCell

Word = dict[str, Any]
FIGURE = re.compile(r"^[<>≥≤=~]?\(?[-+]?\d[\d.,]*(?:\s*[-–]\s*\d[\d.,]*)?%?\)?$")
MIN_ROWS_WITH_PHRASES = 2
MIN_PHRASES = 3


@dataclass
class Phrase:
    x0: float
    x1: float
    text: str


@dataclass
class Line:
    top: float
    bottom: float
    phrases: list[Phrase]


@dataclass
class AlignedTable:
    top: float
    bottom: float
    grid: list[list[GridCell]]
    # the box (x0, top, x1, bottom) of each body cell by its grid owner: its column's band across,
    # its row's lines down; where a scan's empty cell may be looked at again
    cell_boxes: dict[int, tuple[float, float, float, float]] = field(default_factory=dict)


def group_lines(words: Sequence[Word]) -> list[Line]:
    """Words grouped into lines by vertical overlap (tolerant of a slightly tilted scan), each
    line's words cut into phrases at gaps wider than a space."""
    if not words:
        return []
    height = statistics.median(float(w["bottom"]) - float(w["top"]) for w in words) or 1.0
    rows: list[list[Word]] = []
    for w in sorted(words, key=lambda w: (float(w["top"]) + float(w["bottom"])) / 2):
        cy = (float(w["top"]) + float(w["bottom"])) / 2
        if rows:
            last = rows[-1]
            ly = statistics.fmean((float(x["top"]) + float(x["bottom"])) / 2 for x in last[-3:])
            if abs(cy - ly) <= 0.45 * height:
                last.append(w)
                continue
        rows.append([w])
    gap = 0.8 * height
    lines = []
    for row in rows:
        row.sort(key=lambda w: float(w["x0"]))
        phrases: list[Phrase] = []
        for w in row:
            x0, x1 = float(w["x0"]), float(w["x1"])
            if phrases and x0 - phrases[-1].x1 <= gap:
                phrases[-1].x1 = max(phrases[-1].x1, x1)
                phrases[-1].text += " " + str(w["text"])
            else:
                phrases.append(Phrase(x0, x1, str(w["text"])))
        lines.append(Line(min(float(w["top"]) for w in row), max(float(w["bottom"]) for w in row), phrases))
    return lines


def _bands(lines: Sequence[Line], gap: float) -> list[tuple[float, float]]:
    """Column bands: the x intervals covered by the lines' phrases, merged where they overlap."""
    spans = sorted((p.x0, p.x1) for line in lines for p in line.phrases)
    bands: list[list[float]] = []
    for x0, x1 in spans:
        if bands and x0 <= bands[-1][1] + gap * 0.25:
            bands[-1][1] = max(bands[-1][1], x1)
        else:
            bands.append([x0, x1])
    return [(a, b) for a, b in bands]


def _columns_of(phrase: Phrase, bands: Sequence[tuple[float, float]], slack: float, header: bool = False) -> list[int]:
    """Columns the phrase lies in: column c runs from its band's left edge to the next band's, so a
    header wider than its figures stays in its column; [] when it sticks out of the table."""
    if phrase.x0 < bands[0][0] - slack or phrase.x1 > bands[-1][1] + slack:
        return []
    starts = [a for a, _ in bands[1:]]
    first = sum(1 for a in starts if phrase.x0 >= a - slack / 2)
    last = sum(1 for a in starts if phrase.x1 > a + 1)
    centre = (phrase.x0 + phrase.x1) / 2
    if (header and first == last and first + 1 < len(bands) and phrase.x0 > bands[first][0] + slack / 2
            and bands[first][1] < centre < bands[first + 1][0]):
        last = first + 1  # centred over the gap between two columns (not left-aligned on one): heads both
    return list(range(first, last + 1))


def find_tables(words: Sequence[Word]) -> list[AlignedTable]:
    """Borderless tables among the words, top to bottom (see the module docstring for the rules)."""
    lines = group_lines(words)
    if not lines:
        return []
    height = statistics.median(float(w["bottom"]) - float(w["top"]) for w in words) or 1.0
    gap = 0.8 * height
    tables: list[AlignedTable] = []
    i = 0
    while i < len(lines):
        if len(lines[i].phrases) < MIN_PHRASES:
            i += 1
            continue
        found = _table_from(lines, i, gap, height)
        if found is None:
            i += 1
            continue
        table, end = found
        tables.append(table)
        i = end
    return tables


def _table_from(lines: Sequence[Line], start: int, gap: float, height: float) -> tuple[AlignedTable, int] | None:
    """The table whose first many-phrase line is lines[start], and the index after its last line."""
    wide = [start]
    j = start + 1
    while j < len(lines) and j - wide[-1] <= 4 and lines[j].top - lines[j - 1].bottom < 2.5 * height:
        if len(lines[j].phrases) >= MIN_PHRASES:
            wide.append(j)
        j += 1
    if len(wide) < MIN_ROWS_WITH_PHRASES:
        return None
    core = [lines[k] for k in wide]
    figure_lines = [ln for ln in core if any(FIGURE.match(p.text) for p in ln.phrases)]
    if not figure_lines:
        return None
    bands = _bands(figure_lines, gap)
    if len(bands) < MIN_PHRASES:
        return None
    slack = gap
    first_figure = next(k for k in wide if any(FIGURE.match(p.text) for p in lines[k].phrases))
    members: list[tuple[Line, list[list[int]]]] = []
    end = start
    for k in range(start, len(lines)):
        line = lines[k]
        if k > start and line.top - lines[k - 1].bottom > 2.5 * height:
            break
        cols = [_columns_of(p, bands, slack, k < first_figure) for p in line.phrases]
        multi = any(len(c) > 1 for c in cols)
        fits = all(cols) and (not multi or k < first_figure)
        if not fits and k > wide[-1]:
            break
        if not fits:
            if k < wide[-1]:
                return None  # a line across the columns in the middle: not one table
            break
        members.append((line, cols))
        end = k + 1
    # a header line just above whose phrases fit the bands (wrapped header words)
    top_index = start
    while top_index > 0:
        prev = lines[top_index - 1]
        if lines[top_index].top - prev.bottom > 1.5 * height:
            break
        cols = [_columns_of(p, bands, slack, True) for p in prev.phrases]
        if not all(cols) or len(prev.phrases) < 2:
            break
        members.insert(0, (prev, cols))
        top_index -= 1
    grid, spans = _grid(members, len(bands), first_figure - top_index)
    width = len(bands)
    lefts = [bands[0][0] - gap / 2] + [(bands[c - 1][1] + bands[c][0]) / 2 for c in range(1, width)]
    rights = lefts[1:] + [bands[-1][1] + gap]
    boxes = {10_000 + r * width + c: (lefts[c], top - 0.3 * height, rights[c], bottom + 0.3 * height)
             for r, (top, bottom) in enumerate(spans) for c in range(width)}
    return AlignedTable(members[0][0].top, members[-1][0].bottom, grid, boxes), end


def _grid(members: Sequence[tuple[Line, list[list[int]]]], width: int,
          header_lines: int) -> tuple[list[list[GridCell]], list[tuple[float, float]]]:
    """Rows of cells: header lines joined into one header row (merged cells kept), body lines
    grouped into rows by the new-row rule; and the vertical extent of each body row."""
    top = [""] * width  # the header's first level, per column
    span_of: list[tuple[int, int] | None] = [None] * width  # columns of a header cell over several
    sub = [""] * width  # the level below a cell that spans several columns
    for line, cols in members[:header_lines]:
        for phrase, hit in zip(line.phrases, cols, strict=True):
            if len(hit) > 1:
                for c in hit:
                    top[c] = (top[c] + " " + phrase.text).strip()
                    span_of[c] = (hit[0], hit[-1])
            elif span_of[hit[0]] is not None:
                sub[hit[0]] = (sub[hit[0]] + " " + phrase.text).strip()
            else:
                top[hit[0]] = (top[hit[0]] + " " + phrase.text).strip()
    rows: list[list[GridCell]] = []
    if header_lines:
        first = [GridCell(span[0] if (span := span_of[c]) else c, top[c]) for c in range(width)]
        rows.append(first)
        if any(span_of):
            rows.append([GridCell(width + c, sub[c]) if span_of[c] else first[c] for c in range(width)])
    body: list[list[str]] = []
    spans: list[tuple[float, float]] = []
    previous: list[str] | None = None
    for line, cols in members[header_lines:]:
        cells = [""] * width
        for phrase, hit in zip(line.phrases, cols, strict=True):
            c = hit[0]
            cells[c] = (cells[c] + " " + phrase.text).strip()
        new_row = previous is None or not body or any(
            t and (not previous[c] or (FIGURE.match(t) and FIGURE.match(previous[c])))
            for c, t in enumerate(cells))
        if new_row:
            body.append(cells)
            spans.append((line.top, line.bottom))
        else:
            body[-1] = [(a + " " + b).strip() for a, b in zip(body[-1], cells, strict=True)]
            spans[-1] = (spans[-1][0], line.bottom)
        previous = cells
    for r, cells in enumerate(body):
        rows.append([GridCell(10_000 + r * width + c, t) for c, t in enumerate(cells)])
    return rows, spans
