"""GET /api/reporting/overdue reads one page at a time: the same rows in the same order as the
whole list (`overdue_list`), and a page's work (queries, the deadlines whose cells are built)
does not grow with how many pages there are or which one is read."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from theodoi.reporting import selectors
from theodoi.reporting.overdue import OverdueCells, _order

pytestmark = pytest.mark.django_db

TODAY = date(2021, 12, 20)


def _keys(cells: Any) -> list[tuple[Any, ...]]:
    return [(c.due, c.unit.pk, c.period.key, c.state) for c in cells]


def test_the_pages_are_the_whole_list_in_order(world: Any) -> None:
    planner = world.cast.planner
    whole = sorted(selectors.overdue_list(user=planner, today=TODAY, days_back=400), key=_order)
    cells = OverdueCells(user=planner, today=TODAY, days_back=400)
    assert len(cells) == len(whole) > 4
    paged = [c for start in range(0, len(cells), 3) for c in cells[start : start + 3]]
    assert _keys(paged) == _keys(whole)
    assert _keys(cells[-2:]) == _keys(whole[-2:]) and _keys([cells[1]]) == _keys([whole[1]])


def _first_page_cost(user: Any, days_back: int) -> tuple[int, int, int]:
    """Queries of counting and building the first page, deadlines built, and how many rows there are."""
    with CaptureQueriesContext(connection) as queries:
        cells = OverdueCells(user=user, today=TODAY, days_back=days_back)
        page = cells[0:2]
    assert len(page) == 2
    return len(queries), len(cells.built_deadlines), len(cells)


def test_a_page_costs_the_same_however_many_pages_there_are(world: Any) -> None:
    planner = world.cast.planner
    short, built_short, rows_short = _first_page_cost(planner, 70)
    long, built_long, rows_long = _first_page_cost(planner, 400)
    assert rows_long > 3 * rows_short  # many more pages ...
    assert long == short and built_long == built_short == 1  # ... the same work for one page


def test_a_late_page_builds_only_its_deadlines(world: Any) -> None:
    cells = OverdueCells(user=world.cast.planner, today=TODAY, days_back=400)
    last = cells[len(cells) - 1 : len(cells)]
    assert cells.built_deadlines == [last[0].due]  # not every deadline before it
