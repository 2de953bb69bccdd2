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
_FIGURE_RE = re.compile(r"^[<>≥≤=~]?\(?[-+]?\d[\d.,]*(?:\s*[-–]\s*\d[\d.,]*)?%?\)?$")
_MIN_PERIODS = 2
_MIN_INDICATORS = 2


@cache
def _cues() -> tuple[tuple[str, ...], tuple[str, ...]]:
    from theodoi_extract import vocabulary

    kinds = tuple(w.lower() for key in ("table_target", "table_actual") for w in vocabulary.words("cues", key))
    return kinds, tuple(w.lower() for w in vocabulary.words("cues", "table_indicator"))


def _names_a_period(text: str) -> bool:
    t = f" {text.lower()} "
    return bool(_YEAR_RE.search(t)) and any(w in t for w in _cues()[0])


def indicators_down(grid: list[list[Any]]) -> list[list[Any]]:
    """The grid with its indicators as rows, when they stand across its top (see the module
    docstring); the corner cell becomes the indicator column's header ("Chỉ tiêu" when it names
    no indicator, e.g. "Năm")."""
    from theodoi_extract.tables import GridCell

    if len(grid) < 1 + _MIN_PERIODS or any(len(row) != len(grid[0]) for row in grid):
        return grid
    header, body = grid[0], grid[1:]
    if len(header) < 1 + _MIN_INDICATORS or len({c.owner for c in header}) != len(header):
        return grid  # a merged header cell: a header of several levels, not this shape
    if any(_YEAR_RE.search(c.text) or _FIGURE_RE.match(c.text.strip()) or not c.text.strip() for c in header[1:]):
        return grid
    for row in body:
        if not _names_a_period(row[0].text):
            return grid
        if any(c.text.strip() and not _FIGURE_RE.match(c.text.strip()) for c in row[1:]):
            return grid
    corner = header[0].text.strip()
    if not any(w in f" {corner.lower()} " for w in _cues()[1]):
        corner = "Chỉ tiêu"
    fresh = max((c.owner for row in grid for c in row), default=0) + 1
    turned = [[GridCell(fresh, corner), *(row[0] for row in body)]]
    for c in range(1, len(header)):
        turned.append([header[c], *(row[c] for row in body)])
    return turned
