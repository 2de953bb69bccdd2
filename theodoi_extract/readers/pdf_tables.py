"""Ruled PDF tables: pdfplumber's table finder, cell boxes laid on a grid with their words.

LibreOffice and Word draw a table's cell borders as lines; pdfplumber's table finder turns them
into cell boxes. Split from `pdf.py` (which reads pages and decides between ruled tables,
borderless tables and text columns) so each module stays about one concern.
"""

from __future__ import annotations

import re
from typing import Any


def ruled_tables(page: Any) -> list[Any]:
    """Ruled tables of at least 2 x 2 cells, or one row of 3 (a lone framed box is not a table)."""
    try:
        snap_rulings(page)
        found = page.find_tables()
    except Exception:  # a broken drawing on one page: read its text without tables
        return []
    # one ruled row of 3+ cells is a table too: the last row of a table carried onto the next page
    return [t for t in found if max((len(r.cells) for r in t.rows), default=0) >= (2 if len(t.rows) >= 2 else 3)]


_GRAPHIC_KINDS = ("line", "rect", "curve")
_COORDINATES = ("x0", "x1", "top", "bottom", "y0", "y1")


def snap_rulings(page: Any) -> None:
    """Round the page's drawn lines and boxes to 1/1000 point, in place.

    A page drawn through a rotation (a landscape table stored on a portrait page with /Rotate 90,
    as printer drivers and some scanners' software write it) gets its coordinates through sines
    and cosines: a horizontal ruling comes out with `top` and `bottom` 1e-13 apart, which
    pdfplumber takes for a vertical edge, and the table finder sees no table at all.
    """
    for kind in _GRAPHIC_KINDS:
        for obj in page.objects.get(kind, ()):
            for key in _COORDINATES:
                if isinstance(obj.get(key), float):
                    obj[key] = round(obj[key], 3)


_MARKER_RE = re.compile(r"^(?:\d{1,2}|\*{1,3}|[a-z])$")


def table_words(page: Any) -> list[dict[str, Any]]:
    """The page's words for its tables, without footnote markers set as superscripts.

    A footnote marker after a figure in a cell (`3.480` with a raised `1`) is a separate, smaller
    word in the PDF; read as one word it becomes another number (`3.4801`, `2,52`). Words are
    split where the font size changes, and a short marker (1-2 digits, `*`, a letter) set below
    0.8 of the size of the word it touches, raised (its bottom a fifth of that size above the
    word's, within the word's height), is left out: it
    points to a note, it is not part of the value.
    """
    words: list[dict[str, Any]] = page.extract_words(keep_blank_chars=False, use_text_flow=False,
                                                     extra_attrs=["size"])
    sizes = sorted(w["size"] for w in words)
    if not sizes or sizes[0] >= 0.8 * sizes[-1]:
        return words  # one text size on the page: no superscripts
    small = 0.8 * sizes[-1]
    markers = {i for i, w in enumerate(words)
               if w["size"] < small and _MARKER_RE.match(w["text"]) and any(_raised_after(w, v) for v in words)}
    return [w for i, w in enumerate(words) if i not in markers]


def _raised_after(marker: dict[str, Any], word: dict[str, Any]) -> bool:
    """Whether `marker` is set as a superscript right after `word`."""
    return (marker["size"] < 0.8 * word["size"] and 0 <= marker["x0"] - word["x1"] < 1.0
            and marker["bottom"] < word["bottom"] - 0.2 * word["size"] and marker["bottom"] > word["top"])


def table_grid(table: Any, words: list[dict[str, Any]]) -> list[list[Any]]:
    """The table's grid positions, each owned by the cell box that covers it, with its words."""
    return grid_from_cells(list(table.cells), words)


def grid_from_cells(cells: list[tuple[float, float, float, float]], words: list[dict[str, Any]],
                    line_tolerance: float = 2.0, fallback: list[dict[str, Any]] | None = None) -> list[list[Any]]:
    """Cell boxes (`x0, top, x1, bottom`, merged cells as one box) laid on their grid, each with the
    words whose centre it holds; words whose vertical centres differ by at most `line_tolerance` share a line
    (2 points in a text layer; OCR word boxes, whose tops follow the glyphs, need about half a
    text height). `fallback`, when given, is a second OCR reading of the page: a cell takes the
    reading whose words have the higher mean confidence (Tesseract's `conf`, 0-100; a reading
    with no word in the cell has none), the first on a tie."""
    from theodoi_extract.tables import GridCell

    xs = _edges([c[0] for c in cells] + [c[2] for c in cells])
    ys = _edges([c[1] for c in cells] + [c[3] for c in cells])
    first = _cell_texts(cells, words, line_tolerance)
    second = _cell_texts(cells, fallback, line_tolerance) if fallback else first
    texts = [b[0] if b[1] > a[1] else a[0] for a, b in zip(first, second, strict=True)]
    grid = [[GridCell(-1 - r * len(xs) - c, "") for c in range(len(xs) - 1)] for r in range(len(ys) - 1)]
    for owner, (x0, top, x1, bottom) in enumerate(cells):
        for r in range(_index(ys, top), _index(ys, bottom)):
            for c in range(_index(xs, x0), _index(xs, x1)):
                grid[r][c] = GridCell(owner, texts[owner])
    return grid


def _edges(values: list[float], tolerance: float = 2.0) -> list[float]:
    """Cell border positions with near-equal ones (within `tolerance` points) merged."""
    edges: list[float] = []
    for v in sorted(values):
        if not edges or v - edges[-1] > tolerance:
            edges.append(v)
    return edges


def _index(edges: list[float], value: float) -> int:
    return min(range(len(edges)), key=lambda i: abs(edges[i] - value))


def _middle(word: dict[str, Any]) -> float:
    """A word's vertical centre: steadier than its top, which an accent or a glyph box grown into a
    ruling's remnant (an OCR'd `nghiệp` 18 pixels taller than `Sở` beside it) moves."""
    return (float(word["top"]) + float(word["bottom"])) / 2


def _cell_texts(cells: list[tuple[float, float, float, float]], words: list[dict[str, Any]],
                line_tolerance: float) -> list[tuple[str, float]]:
    """Each cell's words by their centre, in reading order, wrapped lines joined with a space, and
    their mean confidence (-1 for a cell with no word)."""
    inside: list[list[dict[str, Any]]] = [[] for _ in cells]
    for w in words:
        cx, cy = (w["x0"] + w["x1"]) / 2, (w["top"] + w["bottom"]) / 2
        for i, (x0, top, x1, bottom) in enumerate(cells):
            if x0 <= cx <= x1 and top <= cy <= bottom:
                inside[i].append(w)
                break
    out = []
    for found in inside:
        lines: list[list[dict[str, Any]]] = []
        for w in sorted(found, key=lambda w: (_middle(w), w["x0"])):
            if lines and abs(_middle(w) - _middle(lines[-1][0])) <= line_tolerance:
                lines[-1].append(w)
            else:
                lines.append([w])
        text = " ".join(w["text"] for line in lines for w in sorted(line, key=lambda w: w["x0"]))
        out.append((text, sum(float(w.get("conf", 0.0)) for w in found) / len(found) if found else -1.0))
    return out
