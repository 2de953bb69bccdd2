"""Figures in OCR'd table cells mended against their row and the glyphs around them.

A 150 dpi office scan damages a table's figures in ways the words around cannot show, but the
table can:

- **a footnote marker read as punctuation**: a raised `¹` after `12,5` comes out `12,5)`,
  `4,8°`, `21.350'`, `3,2!`; in a column of figures a figure followed only by such marks keeps the
  figure (an opening bracket before it keeps its closing one: `(-0,99)`);
- **a decimal comma lost**: `7,2` read `72`. One row of a table with a unit column is one
  indicator in one unit over several periods, whose figures are of one size; a whole number of
  two or three digits about ten times every figure of the row written with a decimal comma (and
  that ten times smaller agrees with them within a factor 1.6) is that figure without its comma;
  so is a three-digit one whose tenth lies between two or more other figures of the row, all
  under a fifth of it (`71 | 724 | 75`). A table with one indicator per column (its unit in
  brackets, the periods down the side) is compared once turned back, row by row again
  (`Tốc độ tăng (%) | 8,6 | 91 | 9,5`); rows of other tables without a unit column (districts
  by indicator: a row's figures are of different sizes) and ratio columns are never compared;
- **a header and unit cells** (`mend_header_and_units`): `TT` read `17`, `SN` or `TỶ` over a column
  counting 1, 2, 3 …; unit cells that are a unit but for their tones or specks (`xa`, `%o`, `% l`);
- **specks**: words of punctuation only (`_`, `„`, a `|` left of a ruling) beside real words in a
  cell, and a colon closing a cell (`trẻ em:`), are dirt on the scan.

Only OCR'd pages come here; a text layer is never touched.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

_FIGURE_RE = re.compile(r"^[<>≥≤=~]?\s*\(?[-+]?\d[\d.,]*(?:\s*[-–]\s*\d[\d.,]*)?%?\)?$")
_MARKED_RE = re.compile(r"^(?P<figure>.*\d%?)(?P<marks>[)'’‘`°!?”“\"*¹²³]{1,2})$")
_DECIMAL_RE = re.compile(r"^\d{1,3},\d{1,2}$")
_WHOLE_RE = re.compile(r"^\d{2,3}$")
_LOST_COMMA_RATIO = (1 / 1.6, 1.6)


@cache
def _unit_cues() -> tuple[str, ...]:
    """Unit column headers that can mean nothing else ("Đơn vị" may head a column of agencies)."""
    from theodoi_extract import vocabulary

    subjects = {w.lower() for w in vocabulary.words("cues", "table_subject")}
    return tuple(w.lower() for w in vocabulary.words("cues", "table_unit") if w.lower() not in subjects)


def _figure_columns(grid: list[list[Any]]) -> set[int]:
    """Columns where most filled cells are figures (a trailing marker forgiven)."""
    width = max((len(r) for r in grid), default=0)
    out = set()
    for c in range(width):
        texts = [r[c].text.strip() for r in grid if c < len(r) and r[c].text.strip()]
        figures = sum(bool(_FIGURE_RE.match(_without_marks(t))) for t in texts)
        if texts and 2 * figures > len(texts):
            out.add(c)
    return out


def _without_marks(text: str) -> str:
    m = _MARKED_RE.match(text)
    if m is None:
        return text
    figure = m["figure"]
    if "(" in figure and ")" in m["marks"] and figure.count("(") > figure.count(")"):
        return figure + ")"  # "(-0,99)": the bracket closes the figure
    return figure if _FIGURE_RE.match(figure) else text


def strip_cell_markers(grid: list[list[Any]]) -> list[list[Any]]:
    """The grid with footnote markers read as punctuation after figures dropped (module docstring)."""
    from theodoi_extract.tables import GridCell

    columns = _figure_columns(grid)
    return [[GridCell(cell.owner, _without_marks(cell.text.strip()))
             if c in columns and cell.text.strip() and _without_marks(cell.text.strip()) != cell.text.strip() else cell
             for c, cell in enumerate(row)] for row in grid]


_SPECK_RE = re.compile(r"^[_~\-–—.,:;'\"„“”`^*|!]+$")


def drop_cell_specks(grid: list[list[Any]]) -> list[list[Any]]:
    """Cells without the specks a dirty scan adds: a word of punctuation only (`_`, `__`, `~`,
    `„`, a `|` left of a ruling) beside real words, and a colon or semicolon closing a cell. A cell
    that is only a dash (`-`: no figure) stays."""
    from theodoi_extract.tables import GridCell

    out = []
    for row in grid:
        cells = []
        for cell in row:
            words = cell.text.split()
            kept = [w for w in words if not _SPECK_RE.match(w)] or words  # a lone "-" or "|" (a "1"?) stays
            text = " ".join(kept).rstrip(":;") or " ".join(kept)
            cells.append(cell if text == cell.text.strip() else GridCell(cell.owner, text))
        out.append(cells)
    return out


_ORDINAL_HEADS = ("TT", "STT")
_PER_MILLE = {"%o", "%0", "%c", "%º", "%°"}


@cache
def _units_by_letters() -> dict[str, str]:
    """Units by their tone-less lower-case letters, where only one unit has those letters."""
    from theodoi_extract import vocabulary
    from theodoi_extract.readers.ocr_repair import strip_tones

    found: dict[str, set[str]] = {}
    for unit in vocabulary.words("units", "units"):
        found.setdefault(strip_tones(unit).lower(), set()).add(unit)
    return {key: next(iter(units)) for key, units in found.items() if len(units) == 1}


_ORDINAL_HEAD_MAX = 3  # `TT`, `STT` and their misreadings (`17`, `SN`, `TỶ`); a real header names more


def _counts_rows(head: list[Any], firsts: list[str]) -> bool:
    """Whether the first column is the ordinal one whatever its header was read as: the header cell
    is one short word (or a number, or nothing), the rest of the header holds no figure, and the
    column below counts the rows 1, 2, 3 … (three or more numbers; a number misread as a letter,
    `4` as `A`, may leave one out; a new section may start again at 1). A column of quantities
    never counts its rows, and a row number left as a figure would be read in the row's unit."""
    text = head[0].text.strip()
    if len(text) > _ORDINAL_HEAD_MAX or " " in text or any(_FIGURE_RE.match(c.text.strip()) for c in head[1:]):
        return False
    numbers = [int(t) for t in firsts if t.isdigit()]
    if len(numbers) < 3 or numbers[0] != 1 or 2 * len(numbers) < len([t for t in firsts if t]):
        return False
    return all(b in (a + 1, a + 2, 1) for a, b in zip(numbers, numbers[1:], strict=False)) and max(numbers) <= len(firsts)


def mend_header_and_units(grid: list[list[Any]]) -> list[list[Any]]:
    """Two misreadings only a table's layout shows:

    - the ordinal column's header (`TT`, `STT`) read as another short word (`17`, `SN`, `TỶ`): the
      column below counts 1, 2, 3 … (`_counts_rows`), so its header becomes `TT` and its numbers are
      never figures;
    - a cell of the unit column (headed `Đơn vị tính` / `ĐVT`) that is a unit but for its tones or
      specks: `xa` → `xã` (the one unit with those letters), `%o` → `‰`, `% l` → `%` (the first word a
      unit, the rest one-character specks)."""
    from theodoi_extract.readers.ocr_repair import strip_tones
    from theodoi_extract.tables import GridCell

    if len(grid) < 3 or not grid[0]:
        return grid
    out = [list(row) for row in grid]
    head = out[0]
    if _counts_rows(head, [row[0].text.strip() for row in out[1:] if row]):
        owner = head[0].owner
        for row in out:
            row[:] = [GridCell(c.owner, _ORDINAL_HEADS[0]) if c.owner == owner else c for c in row]
    unit_cols = [c for c, cell in enumerate(head) if any(cell.text.strip().lower().startswith(w) for w in _unit_cues())]
    units = _units_by_letters()
    for row in out[1:]:
        for c in unit_cols:
            if c >= len(row):
                continue
            text = row[c].text.strip()
            words = text.split()
            fixed = text
            if text in _PER_MILLE:
                fixed = "‰"
            elif len(words) > 1 and strip_tones(words[0]).lower() in units and all(len(w) == 1 or _SPECK_RE.match(w)
                                                                                  or not w.isalnum() for w in words[1:]):
                fixed = words[0]
            key = strip_tones(fixed).lower()
            if key in units and fixed.lower() != units[key]:
                fixed = units[key]  # "xa" -> "xã", "tan" -> "tấn": the one unit with these letters
            if fixed != text:
                row[c] = GridCell(row[c].owner, fixed)
    return out


def _number(text: str) -> float:
    return float(text.replace(".", "").replace(",", "."))


@cache
def _skip_cues() -> tuple[str, ...]:
    from theodoi_extract import vocabulary

    return tuple(w.lower() for w in vocabulary.words("cues", "table_skip"))


_RATIO_RE = re.compile(r"\w/\w")  # "TH/KH", "2025/2024": a ratio of two columns


def restore_lost_decimals(grid: list[list[Any]], rows_are_indicators: bool = False) -> list[list[Any]]:
    """The grid with decimal commas the scan lost put back, row by row (module docstring). A
    ratio column ("So với KH (%)", "TH/KH") is in another unit and is never compared.

    `rows_are_indicators`: the grid is a table turned back by `table_shape.indicators_down` (one
    indicator per column, its unit in brackets, the periods down the side), each of whose rows is
    now one indicator over the periods, as a row of a table with a unit column is."""
    from theodoi_extract.tables import GridCell

    # the header: the rows above the first with two figures
    depth = next((r for r, row in enumerate(grid) if sum(bool(_FIGURE_RE.match(c.text.strip())) for c in row) >= 2), 0)
    if depth == 0:
        return grid
    heads = [" ".join(row[c].text for row in grid[:depth] if c < len(row)).lower() for c in range(len(grid[0]))]
    if not rows_are_indicators and not any(any(h.startswith(w) or f" {w}" in h for w in _unit_cues()) for h in heads):
        return grid
    columns = _figure_columns(grid[depth:])  # the body's columns of figures, the header left out
    columns -= {c for c, h in enumerate(heads) if any(w in h for w in _skip_cues()) or _RATIO_RE.search(h)}
    out = list(grid[:depth])
    for row in grid[depth:]:
        values = [(c, cell.text.strip()) for c, cell in enumerate(row) if c in columns and cell.text.strip()]
        decimals = [_number(t) for _, t in values if _DECIMAL_RE.match(t)]
        fixed = {}
        for c, t in values:
            if not _WHOLE_RE.match(t) or t.startswith("0"):
                continue
            tenth = int(t) / 10
            others = [_number(o) for k, o in values if k != c and _FIGURE_RE.match(o) and o[0].isdigit()]
            if decimals and all(d > 0 and _LOST_COMMA_RATIO[0] <= tenth / d <= _LOST_COMMA_RATIO[1] for d in decimals):
                fixed[c] = f"{t[:-1]},{t[-1]}"
            elif len(t) == 3 and len(others) >= 2 and min(others) <= tenth <= max(others) < int(t) / 5:
                fixed[c] = f"{t[:-1]},{t[-1]}"  # "724" between 71 and 75: 72,4
        out.append([GridCell(cell.owner, fixed[c]) if c in fixed else cell for c, cell in enumerate(row)])
    return out


# --- comparator signs -------------------------------------------------------------------------

_SIGN_RE = re.compile(r"^(?P<sign>[<>])(?P<rest>\s*[\d(].*|)$")
_BAR_SHARE = 0.7  # the bar under "≥" / "≤" spans the sign's width; the arm of ">" ends in a point
_INK = 128  # on the picture thresholded half way between its darkest pixel and white


def _sign_has_bar(crop: Any) -> bool:
    """Whether the first glyph of a word image (">" or "<" as OCR read it) has a bar under it."""
    width, height = crop.size
    darkest = crop.getextrema()[0]
    ink = (darkest + 255) // 2  # a blurred scan's strokes are grey: half way from the darkest to white
    pixels = crop.point(lambda v: 0 if v < ink else 255).load()
    inked_cols = [x for x in range(width) if any(pixels[x, y] < _INK for y in range(height))]
    if not inked_cols:
        return False
    first = inked_cols[0]
    last = first
    while last + 1 < width and any(pixels[last + 1, y] < _INK for y in range(height)):
        last += 1  # the sign: the first run of inked columns
    glyph_width = last - first + 1
    rows = [y for y in range(height) if any(pixels[x, y] < _INK for x in range(first, last + 1))]
    if glyph_width < 3 or len(rows) < 4:
        return False
    top, bottom = rows[0], rows[-1]
    tail = range(bottom - max(1, (bottom - top) // 5), bottom + 1)
    widest = max(sum(pixels[x, y] < _INK for x in range(first, last + 1)) for y in tail)
    return widest >= _BAR_SHARE * glyph_width


def mend_comparator_signs(tsv: str, image: Any) -> str:
    """Tesseract's TSV with ">" / "<" read for "≥" / "≤" put right: the word's first glyph is
    looked at in the page image, and a bar under it makes it "≥" / "≤" (the model reads both as
    the plain sign). Words not opening with a sign, and rows that are not words, pass unchanged."""
    if ">" not in tsv and "<" not in tsv:
        return tsv
    out = []
    for line in tsv.split("\n"):
        parts = line.split("\t")
        if len(parts) == 12 and parts[0] == "5" and (m := _SIGN_RE.match(parts[11].strip())):
            try:
                left, top, w, h = (int(v) for v in parts[6:10])
            except ValueError:
                out.append(line)
                continue
            if w > 0 and h > 0 and _sign_has_bar(image.crop((left, top, left + w, top + h))):
                parts[11] = ("≥" if m["sign"] == ">" else "≤") + m["rest"]
                line = "\t".join(parts)
        out.append(line)
    return "\n".join(out)
