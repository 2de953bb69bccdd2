"""Accessibility in Chromium: axe-core (WCAG 2.1 AA rules) on the main pages, and report entry
done with the keyboard alone.

axe.min.js is vendored under tests/browser/vendor (see its README: version, MPL-2.0); it is
evaluated in the page through the DevTools protocol, so the app's Content-Security-Policy is left
as it is for the test. Only serious and critical violations fail: those are the ones that stop a
screen-reader or keyboard user (missing names, labels, contrast below AA, no lang).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def serious_violations(page: Any) -> list[str]:
    """One line per serious/critical axe violation on the page as it is now."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_21_AA
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(json.dumps(node["target"]) for node in v["nodes"][:3])
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def _world() -> Any:
    from theodoi.reporting.services import form_open_or_create
    from theodoi.reporting.tests.conftest import make_world
    from theodoi.test import make_cast

    world = make_world(make_cast())
    form = form_open_or_create(user=world.cast.health_reporter, regime=world.regime, unit=world.cast.health,
                               period_key=world.period.key)
    return world, form


def test_axe_finds_the_violations_it_should(live_server: Any, page_as: Any) -> None:
    page = page_as()
    page.goto(live_server.url + "/tai-khoan/dang-nhap/")
    page.evaluate("() => { const b = document.createElement('button'); document.body.appendChild(b); }")
    assert any(line.startswith("button-name") for line in serious_violations(page))


def test_main_pages_have_no_serious_axe_violations(live_server: Any, page_as: Any, shot: Any) -> None:
    world, form = _world()
    c = world.cast
    pages = {
        "planner": (c.planner, [
            "/", "/bao-cao-dinh-ky/", f"/bao-cao-dinh-ky/bieu/{form.pk}/", "/bao-cao-dinh-ky/dung-han/",
            "/bao-cao-dinh-ky/tong-hop/", "/danh-gia/", "/danh-gia/chi-tieu/", f"/danh-gia/chi-tieu/{world.beds.pk}/",
            "/dau-tu-cong/", "/ke-hoach/chi-tieu/", "/ke-hoach/nhiem-vu/", "/van-ban/", "/bao-cao/",
            "/bao-cao-dinh-ky/duyet/", "/nhat-ky/", f"/nhat-ky/chi-tieu/{world.beds.pk}/", "/thong-bao/den-han/",
            "/thong-bao/cai-dat/",
        ]),
        "reporter": (c.health_reporter, ["/bao-cao-dinh-ky/", f"/bao-cao-dinh-ky/bieu/{form.pk}/"]),
        "anonymous": (None, ["/tai-khoan/dang-nhap/", "/danh-gia/cong-khai/", "/danh-gia/cong-khai/chi-tieu/"]),
    }
    found: dict[str, list[str]] = {}
    for who, (user, paths) in pages.items():
        page = page_as(user)
        for path in paths:
            response = page.goto(live_server.url + path)
            assert response.status == 200, (who, path, response.status)
            page.wait_for_load_state("networkidle")
            lines = serious_violations(page)
            if lines:
                found[f"{who} {path}"] = lines
    assert found == {}


def test_a_reporter_enters_and_submits_a_report_with_the_keyboard_only(
    live_server: Any, page_as: Any, shot: Any
) -> None:
    from decimal import Decimal

    from theodoi.reporting.models import FormStatus, ReportForm

    world, _form = _world()
    c = world.cast
    form = ReportForm.objects.get(unit=c.health, period_key=world.period.key)
    page = page_as(c.health_reporter)
    page.goto(f"{live_server.url}/bao-cao-dinh-ky/bieu/{form.pk}/")

    def tab_to(selector: str, limit: int = 80) -> None:
        """Press Tab until the element matching selector has focus (as a keyboard user does)."""
        target = page.locator(selector)
        for _ in range(limit):
            page.keyboard.press("Tab")
            if target.evaluate("el => el === document.activeElement"):
                return
        raise AssertionError(f"Tab never reached {selector}")

    tab_to(f'tr[data-target="{world.beds.pk}"] input[data-field="value"]')
    page.keyboard.press("Control+A")
    page.keyboard.type("33,5")
    page.keyboard.press("Enter")  # the form's own keyboard rule: Enter saves and moves down
    page.locator("#save-state.ok").wait_for()
    assert page.evaluate("() => document.activeElement.dataset.field") == "value"
    page.keyboard.press("Control+A")
    page.keyboard.type("96")
    page.keyboard.press("Enter")
    page.locator("#save-state.ok").wait_for()
    tab_to("#btn-submit")
    shot(page, "a11y-keyboard-before-submit")
    page.keyboard.press("Enter")
    page.locator(".msg.success").wait_for()
    form.refresh_from_db()
    assert form.status == FormStatus.SUBMITTED
    assert form.values.get(target=world.beds).value == Decimal("33.5")
    assert form.values.get(target=world.insured).value == Decimal("96")
    shot(page, "a11y-keyboard-submitted")
