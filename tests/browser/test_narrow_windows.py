"""The pages stay usable in a laptop's or a phone's window: the menu wraps as a row instead of
falling to one link per line, and two-column cards fold to one column instead of running off the
right edge (both were seen at 1000 px and 420 px)."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _menu_rows(page: Any) -> int:
    tops = page.eval_on_selector_all(".mainnav a", "links => links.map(a => Math.round(a.getBoundingClientRect().top))")
    return len(set(tops))


def test_the_menu_wraps_as_rows_and_cards_fold_in_narrow_windows(live_server: Any, page_as: Any, shot: Any) -> None:
    from theodoi.test import make_cast

    cast = make_cast()
    page = page_as(cast.planner)
    for width, most_rows in ((1360, 2), (1000, 2), (420, 4)):
        page.set_viewport_size({"width": width, "height": 800})
        page.goto(live_server.url + "/bao-cao/moi/")
        rows = _menu_rows(page)
        assert rows <= most_rows, (width, rows)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, (width, overflow)
        shot(page, f"narrow-{width}")
