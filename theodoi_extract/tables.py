"""Table rows as DOCX readers print them: "cell | cell | cell" lines.

In a table the unit sits in its own column ("Đơn vị tính") and the column header says whether a
figure is a plan or a result and for which year ("Kế hoạch năm 2022", "Ước thực hiện 2021"), so
table figures are read by column, not by the prose rules (which skip table lines).

Readers that know a table's cell grid (DOCX gridSpan/vMerge, PDF ruling lines) print it through
`grid_lines`: a multi-row merged header becomes one header line whose cells are full header paths
("Năm 2024 / Ước thực hiện"), so every body cell knows its column's year and kind; body cells
covered by a merge print empty so the columns stay aligned with the header.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from theodoi_extract import agencies, vocabulary
from theodoi_extract.model import ColumnContext, DocumentMeta, Target
from theodoi_extract.numbers import NUMBER, canonical_unit, comparator_before, find_quantities, parse_number
from theodoi_extract.table_layout import (
    HEADER_SEPARATOR,
    Cell,
    Column,
    caption_unit_before,
    column_unit,
    is_total_row_name,
    is_unit,
    names_header,
    path_kind_period,
)

_ROW_RE = re.compile(r"^[^\n]*\S[ \t]*\|[ \t]*\S[^\n]*$", re.MULTILINE)
_CELL_NUMBER_RE = re.compile(rf"(?<![\w.,])(?P<n>{NUMBER})(?:\s*[-–]\s*(?P<m>{NUMBER}))?(?![.,]?\d)")
_YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)(?:\s*[-–]\s*((?:19|20)\d\d))?(?!\d)")
_STT_RE = re.compile(r"^\s*(?:[IVX]{1,5}|\d{1,3}(?:\.\d{1,2})*|[a-zđ])[.)]?\s*$")


@dataclass(frozen=True)
class GridCell:
    """One position of a table grid; a merged cell gives every position it covers the same owner."""

    owner: int
    text: str


_FIGURE_RE = re.compile(r"\d")
# Period labels, no figures: "9 tháng", "Tháng 10", "tháng 10/2026" (the year goes with `_YEAR_RE`).
_MONTHS_RE = re.compile(r"\d{1,2}\s*tháng|tháng\s*\d{1,2}(?!\d)", re.IGNORECASE)


def grid_lines(grid: list[list[GridCell]]) -> list[str]:
    """Print a table grid as "a | b | c" lines, its merged header rows flattened into one line.

    The header is row 0, plus each next row that a header cell reaches down into (vertical merge)
    or that splits a horizontally merged header cell into sub-columns, as long as that row holds
    no figure. Each column's header is the path of the distinct header texts above it, top to
    bottom. Body positions covered by a merge (other than the merged cell's own first position)
    print empty; rows with no text are left out.
    """
    width = max((len(r) for r in grid), default=0)
    rows = [r + [GridCell(-1 - i, "")] * (width - len(r)) for i, r in enumerate(grid)]
    depth = _header_depth(rows, width)
    lines: list[str] = []
    if depth:
        paths = []
        for c in range(width):
            parts: list[str] = []
            for r in range(depth):
                t = rows[r][c].text
                if t and t not in parts:
                    parts.append(t)
            paths.append(HEADER_SEPARATOR.join(parts))
        if any(paths):
            lines.append(" | ".join(paths))
    seen: set[int] = set()
    for r in range(depth):
        seen.update(cell.owner for cell in rows[r])
    for row in rows[depth:]:
        texts = []
        for cell in row:
            texts.append("" if cell.owner in seen else cell.text)
            seen.add(cell.owner)
        if any(texts):
            lines.append(" | ".join(texts))
    return lines


def _header_depth(rows: list[list[GridCell]], width: int) -> int:
    """How many leading rows form the header (0 when row 0 already holds figures)."""
    if not rows or any(_is_figure_cell(c.text) for c in rows[0]):
        return 0
    depth = 1
    while depth < len(rows):
        above, row = rows[depth - 1], rows[depth]
        reaches_down = any(row[c].owner == above[c].owner for c in range(width))
        splits = any(above[c].owner == above[c + 1].owner and row[c].owner != row[c + 1].owner
                     for c in range(width - 1))
        if not (reaches_down or splits) or any(_is_figure_cell(c.text) for c in row):
            break
        depth += 1
    return depth


def _is_figure_cell(text: str) -> bool:
    """A cell holding a number that is not a year: the body has begun."""
    return bool(_FIGURE_RE.search(_YEAR_RE.sub("", _MONTHS_RE.sub("", text))))


@cache
def _cue(key: str) -> list[str]:
    return [w.lower() for w in vocabulary.words("cues", key)]


# A line laid out in columns with runs of spaces, as `pdftotext -layout` and fixed-width exports
# print a table: three or more cells apart by three spaces or more, no "|" and no tab.
_SPACED_GAP = re.compile(r" {3,}")
_SEPARATORS = {"|": re.compile(r"\|"), "\t": re.compile(r"\t"), " ": _SPACED_GAP}


def _row_matches(text: str) -> list[tuple[int, int, str]]:
    """(start, end, separator) of every table line, in text order: "a | b | c", "a<TAB>b<TAB>c", and
    space-aligned lines that stand in a block of two or more with a figure in one of them."""
    found = [(m.start(), m.end(), "|") for m in _ROW_RE.finditer(text)] if "|" in text else []
    if "\t" in text:
        found += _tab_rows(text)
    if "   " in text:
        found += _spaced_blocks(text)
    if len(found) > 1:
        found.sort()
    return found


def _lines_with(text: str, mark: str) -> list[tuple[int, int]]:
    """(start, end) of every line holding `mark`, found with `str.find` (a pattern anchored at line
    starts would be tried at every offset)."""
    out = []
    i = text.find(mark)
    while i >= 0:
        start = text.rfind("\n", 0, i) + 1
        end = text.find("\n", i)
        end = len(text) if end < 0 else end
        out.append((start, end))
        i = text.find(mark, end)
    return out


def _tab_rows(text: str) -> list[tuple[int, int, str]]:
    """Tab-separated table lines; a line opening with a tab (its first cell empty: the sum row
    "<TAB>Tổng cộng<TAB>...") continues a table when the line right above is one of its rows."""
    out: list[tuple[int, int, str]] = []
    for a, b in _lines_with(text, "\t"):
        line = text[a:b]
        if _tab_row(line) or (out and out[-1][1] + 1 == a and line.startswith("\t")
                                    and "|" not in line and sum(1 for c in line.split("\t") if c.strip()) >= 3):
            out.append((a, b, "\t"))
    return out


def _tab_row(line: str) -> bool:
    """A line of three or more cells between tabs, as a table copied from a spreadsheet or a word
    processor into plain text keeps it (text before the first tab, no "|")."""
    return "|" not in line and bool(line[:1].strip()) and sum(1 for c in line.split("\t") if c.strip()) >= 3


def _spaced_lines(text: str) -> list[tuple[int, int]]:
    """Lines laid out in columns: three or more cells apart by three spaces or more."""
    out = []
    for start, end in _lines_with(text, "   "):
        line = text[start:end]
        if "|" in line or "\t" in line or len(line) - len(line.lstrip(" ")) > 3 or not line.strip():
            continue
        if len([c for c in _SPACED_GAP.split(line.strip()) if c]) >= 3:
            out.append((start, end))
    return out


def _spaced_blocks(text: str) -> list[tuple[int, int, str]]:
    lines = _spaced_lines(text)
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(lines):
        j = i
        while j + 1 < len(lines) and lines[j + 1][0] == lines[j][1] + 1:
            j += 1
        block = lines[i:j + 1]
        if len(block) >= 2 and any(_FIGURE_RE.search(text[a:b]) for a, b in block[1:]):
            out += [(a, b, " ") for a, b in block]
        i = j + 1
    return out


def table_rows(text: str) -> list[list[Cell]]:
    """Every table line split into cells with offsets."""
    rows: list[list[Cell]] = []
    for start, end, sep in _row_matches(text):
        cells = []
        gaps = list(_SEPARATORS[sep].finditer(text, start, end))
        bounds = [start] + [g.end() for g in gaps]
        ends = [g.start() for g in gaps] + [end]
        for a, b in zip(bounds, ends, strict=True):
            part = text[a:b]
            lead = len(part) - len(part.lstrip())
            cells.append(Cell(part.strip(), a + lead, a + lead + len(part.strip())))
        rows.append(cells)
    return rows


def row_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of table lines, so the prose reader can leave them to this module."""
    return [(start, end) for start, end, _ in _row_matches(text)]


def _is_header(cells: list[Cell]) -> bool:
    texts = [c.text.lower() for c in cells]
    has_number = any(_CELL_NUMBER_RE.fullmatch(t.strip()) for t in texts if t and not _YEAR_RE.search(t))
    cue_words = _cue("table_indicator") + _cue("table_unit") + _cue("table_target") + _cue("table_actual")
    return not has_number and sum(any(w in t for w in cue_words) for t in texts) >= 2


def _columns(header: list[Cell], meta: DocumentMeta) -> list[Column]:
    cols: list[Column] = []
    seen_indicator = False
    for i, cell in enumerate(header):
        t = f" {cell.text.lower()} "
        prev = header[i - 1].text if i else None
        if seen_indicator and cols[-1].role == "indicator" and (not cell.text.strip() or cell.text == prev):
            cols.append(Column("indicator"))  # a merged "Chỉ tiêu" over a group column and the name column
        elif any(w in t for w in _cue("table_agency")):
            cols.append(Column("agency"))
        elif any(w.strip() == t.strip() or w in t for w in _cue("table_unit")) and "chủ trì" not in t:
            cols.append(Column("unit"))
        elif (any(w in t for w in _cue("table_skip")) and not _YEAR_RE.search(t)) or _RATIO_HEADER_RE.search(t):
            cols.append(Column("skip"))
        elif not seen_indicator and any(w in t for w in _cue("table_indicator")) and not _YEAR_RE.search(t):
            cols.append(Column("indicator"))
            seen_indicator = True
        elif any(w in t for w in _cue("table_skip")):
            cols.append(Column("skip"))
        else:
            kind, period = _path_kind_period(cell.text)
            cols.append(Column("value", kind, period))
    return cols


# A column of one column's figures over another's ("TH/KH (%)", "2026/2025", "ƯTH/KH"): a ratio,
# no figure of its own. The slash has no spaces around it (" / " joins the parts of a merged header).
_RATIO_PART = r"(?:th|kh|ưth|ưđ|thực hiện|kế hoạch|cùng kỳ|(?:19|20)\d\d)"
_RATIO_HEADER_RE = re.compile(rf"(?<!\w){_RATIO_PART}/{_RATIO_PART}(?!\w)")


_path_kind_period = path_kind_period


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


_is_unit = is_unit


_NUMBERING_CELL_RE = re.compile(r"^\(?(?:\d{1,2}|[A-Z])\)?(?:\s*[=+\-*/x]\s*\(?(?:\d{1,2}|[A-Z])\)?)*$")


def _is_numbering_row(cells: list[Cell]) -> bool:
    """The "(1) | (2) | (3)" or "A | B | 1 | 2 | 3=2/1" row printed under many headers."""
    texts = [c.text for c in cells if c.text]
    return len(texts) >= 3 and all(_NUMBERING_CELL_RE.match(t) for t in texts)


@dataclass(frozen=True)
class _Row:
    indicator: Cell
    unit: str
    agency: str | None
    values: list[tuple[Cell, ColumnContext]]
    names: tuple[str | None, ...] = ()  # per value cell: its column's indicator, where the column names one


def cell_contexts(text: str, meta: DocumentMeta) -> list[ColumnContext]:
    """The column context of every value cell that holds text, in table order.

    This is what the table layout says about a cell (kind and year from its column's header
    path, agency from the row's agency column); target building ranks it below the sentence and
    above the headings and the metadata.
    """
    return [ctx for row in _rows(text, meta) for _cell, ctx in row.values]


def extract_table_targets(text: str, meta: DocumentMeta) -> list[Target]:
    """Figures of every table row, one target per numeric value cell."""
    out: list[Target] = []
    for row in _rows(text, meta):
        for i, (cell, ctx) in enumerate(row.values):
            name = row.names[i] if i < len(row.names) else None
            unit = row.unit
            if name:
                name, unit = column_unit(name, row.unit)
            t = _cell_target(text, cell, ctx, row.indicator, unit, meta, name)
            if t is not None:
                out.append(t)
    return out


def _rows(text: str, meta: DocumentMeta) -> list[_Row]:
    """Body rows of every table with their indicator, unit and value cells in context.

    An empty agency cell takes the agency of the row above in the same table: a vertically
    merged "Cơ quan chủ trì" cell prints only in its first row.
    """
    out: list[_Row] = []
    header_cols: list[Column] | None = None
    header: list[Cell] = []
    prev_end = -2
    agency_above: str | None = None
    caption_unit = ""
    all_rows = table_rows(text)
    for i, cells in enumerate(all_rows):
        if cells[0].start - prev_end > 2 + 200:
            header_cols, agency_above = None, None
        first = i == 0 or cells[0].start - all_rows[i - 1][-1].end > 2  # the first line of a table
        if first:
            caption_unit = caption_unit_before(text, cells[0].start)
        prev_end = cells[-1].end
        nxt = all_rows[i + 1] if i + 1 < len(all_rows) and all_rows[i + 1][0].start - cells[-1].end <= 2 else None
        if first and nxt is not None and (named := names_header(cells, nxt)) is not None:
            header_cols, header, agency_above = [_kind_of_named(c, meta) for c in named], cells, None
            continue
        if _is_header(cells):
            header_cols, header, agency_above = _columns(cells, meta), cells, None
            continue
        if _is_numbering_row(cells):
            continue
        if header_cols and len(header_cols) == len(cells):
            cols, heads = header_cols, [h.text for h in header]
        else:
            cols, heads = _guess_columns(cells), [""] * len(cells)
        row = _row(cells, cols, heads, agency_above, caption_unit)
        if row is not None:
            agency_above = row.agency
            out.append(row)
    return out


def _row(cells: list[Cell], cols: list[Column], heads: list[str], agency_above: str | None,
         caption_unit: str = "") -> _Row | None:
    # a merged "Chỉ tiêu" header may cover a group column and the name column: the name is the
    # last wordy cell under it
    names = [c for c, col in zip(cells, cols, strict=False) if col.role == "indicator" and _WORDY_RE.search(c.text)]
    unit_cell = next((c for c, col in zip(cells, cols, strict=False) if col.role == "unit"), None)
    agency_col = next((i for i, col in enumerate(cols) if col.role == "agency"), None)
    named_columns = any(col.name for col in cols)
    if not names and named_columns and agency_col is not None and cells[agency_col].text:
        names = [cells[agency_col]]  # a row of agencies by indicator: the row's subject opens the span
    if not names:
        return None
    indicator = names[-1]
    unit = canonical_unit(unit_cell.text.strip(" ()")) if unit_cell and unit_cell.text else _unit_in(indicator.text)
    unit = unit or caption_unit
    agency: str | None = None
    total = False
    if agency_col is not None:
        agency_text = cells[agency_col].text
        agency = agencies.canonical(agency_text) if agency_text else agency_above
        if agency_text and is_total_row_name(agency_text):
            agency = None  # a sum row over the agencies or localities above belongs to none of them
            total = True
    chosen = [(cell, col, head) for cell, col, head in zip(cells, cols, heads, strict=False)
              if col.role == "value" and cell.text]
    values = [(cell, ColumnContext(col.kind, col.period, agency, head, cell.start, cell.end,
                                                total and named_columns)) for cell, col, head in chosen]
    return _Row(indicator, unit, agency, values, tuple(col.name for _, col, _ in chosen))


_TRAILING_PAREN_RE = re.compile(r"\s*\(([^()]{1,25})\)\s*$")
_WORDY_RE = re.compile(r"[^\W\d]{2,}")


def _unit_in(indicator: str) -> str:
    m = re.search(r"\(([^()]{1,25})\)\s*$", indicator)
    return canonical_unit(m.group(1)) if m and _is_unit(m.group(1)) else ""


def _cell_target(text: str, cell: Cell, ctx: ColumnContext, indicator: Cell, unit: str,
                 meta: DocumentMeta, column_name: str | None = None) -> Target | None:
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
    kind = ctx.kind or _kind_by_year(ctx.period, meta)
    period = ctx.period or _default_period(kind, meta)
    agency = ctx.agency
    name = _STT_RE.sub("", column_name or indicator.text).strip()
    paren = _TRAILING_PAREN_RE.search(name)
    if paren and _is_unit(paren.group(1)):  # "Tỷ lệ che phủ rừng (%)": the unit, not the name
        name = name[:paren.start()].rstrip()
    name = name or indicator.text
    # the span runs from the indicator cell to the number (a row may put the number first)
    return Target(kind, name, comparator, value, value_max, unit, period, agency, min(indicator.start, num_start),
                  max(num_end, num_start + 1), text[num_start:num_end])


def _kind_of_named(col: Column, meta: DocumentMeta) -> Column:
    """A named column that states a year and no kind takes its kind from the year (`_kind_by_year`),
    so the column, not an enclosing heading, decides it."""
    if col.role != "value" or col.kind is not None or not col.period:
        return col
    return Column(col.role, _kind_by_year(col.period, meta), col.period, col.name)


def _kind_by_year(period: str | None, meta: DocumentMeta) -> str:
    """A column that names a year and no kind ("Giải ngân năm 2028" in a plan for 2029): a year
    before the plan year is a result, as in prose; otherwise the document kind decides."""
    if period and period.isdigit() and meta.plan_year and int(period) < meta.plan_year:
        return "actual"
    return "actual" if meta.kind == "bao_cao" else "target"


def _default_period(kind: str, meta: DocumentMeta) -> str | None:
    if meta.plan_year:
        return str(meta.plan_year if kind == "target" else meta.plan_year - 1)
    return meta.date[:4] if meta.date else None
