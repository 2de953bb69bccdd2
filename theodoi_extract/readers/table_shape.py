"""Tables laid out the other way round: the indicators across the top, the periods down the side.

Most plan tables give one indicator per row and one period per column ("Chỉ tiêu | Thực hiện
2024 | Kế hoạch 2025"). Annexes that compare a few indicators over several years often turn it
round: a corner cell ("Năm"), one column per indicator with its unit in brackets
("Thu ngân sách (tỷ đồng)"), one row per period ("Thực hiện năm 2023", "Kế hoạch năm 2025").
The table reader (`tables.py`) reads kind and year from column headers, so such a grid is
turned back before it is printed: what the layout says is kept, only its direction changes.

The shape is recognised from the cells alone: a single header row whose cells past the first
name no year and hold no figure, and body rows that each open with a cell naming a year and a
kind (the `table_target` / `table_actual` cue words) and hold figures (or nothing) in every other
cell. Anything else is returned as it is.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

_YEAR_RE = re.compile(r"\b(?:19|20)\d{2}\b")
_FIGURE_RE = re.compile(r"^[<>≥≤=~]?\s*\(?[-+]?\d[\d.,]*(?:\s*[-–]\s*\d[\d.,]*)?%?\)?$")
_MIN_PERIODS = 2
_MIN_INDICATORS = 2
_MAX_HEADER_ROWS = 3  # a group row, the indicator names, a units row


@cache
def _cues() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    from theodoi_extract import vocabulary

    kinds = tuple(w.lower() for key in ("table_target", "table_actual") for w in vocabulary.words("cues", key))
    return (kinds, tuple(w.lower() for w in vocabulary.words("cues", "table_indicator")),
            tuple(w.lower() for w in vocabulary.words("cues", "table_unit")))


def _names_a_period(text: str) -> bool:
    t = f" {text.lower()} "
    return bool(_YEAR_RE.search(t)) and any(w in t for w in _cues()[0])


def _is_units_row(row: list[Any]) -> bool:
    """"Đơn vị tính | ha | tấn | %": a header row under the indicator names giving their units."""
    first = row[0].text.strip().lower()
    return any(first == w or first.startswith(w + " ") for w in _cues()[2]) and all(
        c.text.strip() and not _YEAR_RE.search(c.text) and not _FIGURE_RE.match(c.text.strip()) for c in row[1:])


def _is_names_row(row: list[Any]) -> bool:
    """Indicator names past the corner: each its own cell, none a year, a figure or empty."""
    if len({c.owner for c in row[1:]}) != len(row) - 1:
        return False
    return not any(_YEAR_RE.search(c.text) or _FIGURE_RE.match(c.text.strip()) or not c.text.strip() for c in row[1:])


def indicators_down(grid: list[list[Any]]) -> list[list[Any]]:
    """The grid with its indicators as rows, when they stand across its top (see the module
    docstring); the corner cell becomes the indicator column's header ("Chỉ tiêu" when it names
    no indicator, e.g. "Năm").

    The header may hold, above the names, one row of group cells merged over the indicators
    they hold ("Y tế" over two columns: printed as a group row before its indicators) and, below
    them, a units row ("Đơn vị tính | ha | tấn": printed as a unit column)."""
    from theodoi_extract.tables import GridCell

    if len(grid) < 1 + _MIN_PERIODS or any(len(row) != len(grid[0]) for row in grid):
        return grid
    if len(grid[0]) < 1 + _MIN_INDICATORS:
        return grid
    k = next((i for i, row in enumerate(grid) if _names_a_period(row[0].text)), 0)
    if not 1 <= k <= _MAX_HEADER_ROWS or len(grid) - k < _MIN_PERIODS:
        return grid
    header, body = grid[:k], grid[k:]
    units = header[-1] if len(header) > 1 and _is_units_row(header[-1]) else None
    names_at = len(header) - (2 if units is not None else 1)
    if names_at not in (0, 1) or not _is_names_row(header[names_at]):
        return grid
    groups = header[0] if names_at == 1 else None
    if groups is not None and (groups[0].owner != header[1][0].owner and groups[0].text.strip()):
        return grid  # the corner of a two-row header is one cell merged down, or empty above
    for row in body:
        if not _names_a_period(row[0].text):
            return grid
        if any(c.text.strip() and not _FIGURE_RE.match(c.text.strip()) for c in row[1:]):
            return grid
    names = header[names_at]
    corner = names[0].text.strip()
    if not any(w in f" {corner.lower()} " for w in _cues()[1]):
        corner = "Chỉ tiêu"
    fresh = iter(range(max((c.owner for row in grid for c in row), default=0) + 1, 1 << 30))
    unit_head = [GridCell(next(fresh), units[0].text.strip())] if units is not None else []
    turned = [[GridCell(next(fresh), corner), *unit_head, *(row[0] for row in body)]]
    width = len(turned[0])
    group_above = None
    for c in range(1, len(names)):
        if groups is not None and groups[c].owner != group_above:
            group_above = groups[c].owner
            if groups[c].text.strip():
                turned.append([GridCell(next(fresh), groups[c].text.strip()),
                               *(GridCell(next(fresh), "") for _ in range(width - 1))])
        unit = [GridCell(next(fresh), units[c].text.strip())] if units is not None else []
        turned.append([names[c], *unit, *(row[c] for row in body)])
    return turned
