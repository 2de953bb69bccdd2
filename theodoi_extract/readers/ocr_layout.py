"""A scanned page's tables rebuilt from Tesseract's word boxes, through the text layer's table builder.

Tesseract's page segmentation reads a table as blocks: the indicator column of every row first,
then the figures, so a figure no longer stands on the line of its indicator. Its TSV output still
gives every word's box, so the same alignment rules that find borderless tables in a text-layer
PDF (`aligned.find_tables`) find the table in the scan, in pixels instead of points; the text
above, between and below the tables keeps Tesseract's own reading order (its lines, which handle
columns of prose well). A page with no aligned table keeps Tesseract's plain text.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from theodoi_extract.readers import aligned


@dataclass(frozen=True)
class _TsvLine:
    key: tuple[int, int, int]  # block, paragraph, line: Tesseract's reading order
    top: float
    bottom: float
    text: str


def tsv_words(tsv: str) -> tuple[list[dict[str, Any]], list[_TsvLine]]:
    """Word boxes (`x0, x1, top, bottom, text, conf`) and Tesseract's lines from its TSV output."""
    words: list[dict[str, Any]] = []
    lines: dict[tuple[int, int, int], list[dict[str, Any]]] = {}
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5" or not cols[11].strip():
            continue
        try:
            left, top, width, height = (int(c) for c in cols[6:10])
            key = (int(cols[2]), int(cols[3]), int(cols[4]))
            conf = float(cols[10])
        except ValueError:
            continue
        word = {"x0": left, "x1": left + width, "top": top, "bottom": top + height, "text": cols[11].strip(),
                "conf": conf}
        words.append(word)
        lines.setdefault(key, []).append(word)
    ordered = [
        _TsvLine(key, min(w["top"] for w in ws), max(w["bottom"] for w in ws),
                 " ".join(w["text"] for w in sorted(ws, key=lambda w: w["x0"])))
        for key, ws in lines.items()
    ]
    return words, ordered


def has_table(tsv: str) -> bool:
    """Whether the words of this TSV hold an aligned table (worth a second, sparse-text pass)."""
    return bool(aligned.find_tables(tsv_words(tsv)[0]))


class _Placed(Protocol):
    """A table found on the page: its vertical extent and its grid."""

    @property
    def top(self) -> float: ...
    @property
    def bottom(self) -> float: ...
    @property
    def grid(self) -> Any: ...


@dataclass(frozen=True)
class _Grid:
    top: float
    bottom: float
    grid: Any


def ruled_page_text(tsv: str, table_tsv: str | None, tables: Sequence[Any],
                    read_cells: Callable[[list[Any]], list[str]] | None = None) -> str:
    """The page with its ruled tables (`ocr_rulings.RuledTable`: cell boxes found from the drawn
    borders) printed as `a | b | c` rows, the prose around in Tesseract's lines.

    The words of both passes go to the cell holding their centre, and each cell keeps the reading
    with the higher mean word confidence. Measured on two scanned ruled tables with their rulings
    erased: the sparse pass splits words right ("GRDP bình", where the layout pass glued
    "GRDPbình") but dropped five of six lone row numbers, which the layout pass read; and where
    one pass misread a figure ("VêN" at confidence 0, "81" at 28) the other had it right ("7,1" at
    50, "8,1" at 87). A cell both passes left empty is handed to `read_cells` (the boxes of all
    such cells of the page at once; it returns their texts, "" for a blank one): on the same
    tables, 4 of 120 figures were in no pass's words.
    """
    from theodoi_extract.readers.pdf_tables import grid_from_cells
    from theodoi_extract.tables import GridCell

    layout_words, lines = tsv_words(tsv)
    words = tsv_words(table_tsv)[0] if table_tsv else layout_words
    height = statistics.median(w["bottom"] - w["top"] for w in words) if words else 10.0
    grids = [grid_from_cells(t.cells, words, 0.5 * height, layout_words) for t in tables]
    if read_cells is not None:
        empty = [(k, cell.owner) for k, grid in enumerate(grids)
                 for cell in {c.owner: c for row in grid for c in row if c.owner >= 0}.values() if not cell.text]
        if empty:
            found = dict(zip(empty, read_cells([tables[k].cells[owner] for k, owner in empty]), strict=True))
            grids = [[[GridCell(c.owner, found.get((k, c.owner), "") or c.text) for c in row] for row in grid]
                     for k, grid in enumerate(grids)]
    return _interleave(lines, [_Grid(t.top, t.bottom, g) for t, g in zip(tables, grids, strict=True)])


def _interleave(lines: Sequence[_TsvLine], tables: Sequence[_Placed]) -> str:
    """Tesseract's lines above, between and below the tables, the tables as grid rows (letters read
    for digits in their columns of figures mended)."""
    from theodoi_extract.readers.ocr_cells import (
        drop_cell_specks,
        mend_header_and_units,
        restore_lost_decimals,
        strip_cell_markers,
    )
    from theodoi_extract.readers.ocr_repair import repair_figure_columns
    from theodoi_extract.readers.table_shape import indicators_down
    from theodoi_extract.tables import grid_lines

    parts: list[str] = []
    y = float("-inf")
    for table in tables:
        parts.extend(ln.text for ln in lines if y <= (ln.top + ln.bottom) / 2 < table.top)
        grid = mend_header_and_units(drop_cell_specks(table.grid))
        grid = restore_lost_decimals(repair_figure_columns(strip_cell_markers(grid)))
        turned = indicators_down(grid)
        if turned is not grid:  # one indicator per column: its figures are compared once it is a row
            turned = restore_lost_decimals(turned, rows_are_indicators=True)
        parts.extend(grid_lines(turned))
        y = table.bottom + 1
    parts.extend(ln.text for ln in lines if (ln.top + ln.bottom) / 2 >= y)
    return "\n".join(p for p in parts if p.strip())


def page_text(tsv: str, table_tsv: str | None = None,
              read_cells: Callable[[list[Any]], list[str]] | None = None) -> str | None:
    """The page with its aligned tables printed as `a | b | c` rows; None when it has no table.

    `table_tsv`, when given, is a second reading of the same page in Tesseract's sparse-text mode
    (psm 11), which finds the lone short words of a table (row numbers, a one-digit figure) that
    the page-layout mode drops; the tables come from it, the prose around them from `tsv`. An
    empty cell of a column of figures (its column's band across, its row's lines down) is handed
    to `read_cells`, as for ruled tables: a lone one-digit figure that neither pass read.
    """
    from theodoi_extract.tables import GridCell

    words, lines = tsv_words(tsv)
    tables = aligned.find_tables(tsv_words(table_tsv)[0] if table_tsv else words)
    if not tables:
        return None
    if read_cells is not None:
        empty = [(k, owner) for k, t in enumerate(tables) for owner in _empty_figure_cells(t)]
        if empty:
            found = dict(zip(empty, read_cells([tables[k].cell_boxes[o] for k, o in empty]), strict=True))
            for k, t in enumerate(tables):
                t.grid = [[GridCell(c.owner, found.get((k, c.owner), "") or c.text) for c in row] for row in t.grid]
    return _interleave(lines, tables)


def _empty_figure_cells(table: aligned.AlignedTable) -> list[int]:
    """Owners of the empty body cells in the table's columns of figures (most filled cells figures)."""
    body = [row for row in table.grid if row and row[0].owner in table.cell_boxes]
    out: list[int] = []
    for c in range(len(body[0]) if body else 0):
        texts = [row[c].text for row in body if row[c].text]
        if texts and 2 * sum(bool(aligned.FIGURE.match(t)) for t in texts) > len(texts):
            out.extend(row[c].owner for row in body if not row[c].text)
    return out
