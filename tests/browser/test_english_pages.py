"""The pages in English, in Chromium: the demo's main pages (maps, review queue, trail, corrective
form, public dashboard, report grid) show English words, the scripts' words included (the
JavaScript catalogue), no script error and no serious axe violation. Screenshots go to
/tmp/shots/en-*.png to be looked at."""

from __future__ import annotations

from io import StringIO
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _english(page: Any, live_server: Any) -> Any:
    page.context.add_cookies([{"name": "django_language", "value": "en", "url": live_server.url}])
    return page


def test_the_demo_pages_in_english(live_server: Any, page_as: Any, shot: Any, tmp_path: Path) -> None:
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from tests.browser.test_accessibility import serious_violations
    from theodoi.evaluation.models import TargetStatus
    from theodoi.plans.models import Target
    from theodoi.reporting.models import ReportForm, ReportValue

    call_command("loaddemo", "--sample-dir", str(tmp_path), stdout=StringIO())
    users = get_user_model().objects
    behind = TargetStatus.objects.filter(public=False, status__in=("off_track", "at_risk"), target__is_main=True).first()
    value = ReportValue.objects.filter(value__isnull=False).order_by("pk").first()
    form = ReportForm.objects.filter(unit__code="so-yte").order_by("-pk").first()
    assert behind is not None and value is not None and form is not None
    target = Target.objects.get(pk=behind.target_id)
    pages: list[tuple[str | None, str, str, str]] = [  # (who, name, path, a selector the page must show)
        ("planner", "dashboard", "/danh-gia/?nam=2021", "#map-status[data-rendered='1']"),
        ("planner", "district", "/danh-gia/don-vi/huyen-dak-ha/?nam=2021", "#map-communes[data-rendered='1']"),
        ("planner", "target", f"/danh-gia/chi-tieu/{target.pk}/", "[data-testid='explanation']"),
        ("planner", "corrective", f"/danh-gia/chi-tieu/{target.pk}/khac-phuc/", "form"),
        ("planner", "trail", f"/nhat-ky/chi-tieu/{value.target_id}/", "h1"),
        ("planner", "trail-value", f"/nhat-ky/gia-tri/{value.pk}/", "h1"),
        ("planner", "investment", "/dau-tu-cong/?nam=2021", "h1"),
        ("planner", "tasks", "/ke-hoach/nhiem-vu/", "h1"),
        ("planner", "due", "/thong-bao/den-han/", "h1"),
        ("yte_head", "review-queue", "/bao-cao-dinh-ky/duyet/", "h1"),
        ("yte_head", "form", f"/bao-cao-dinh-ky/bieu/{form.pk}/", "h1"),
        (None, "public", "/danh-gia/cong-khai/?nam=2021", "#map-status[data-rendered='1']"),
    ]
    errors: list[str] = []
    for who, name, path, ready in pages:
        page = _english(page_as(users.get(username=who) if who else None), live_server)
        page.on("pageerror", lambda exc, name=name: errors.append(f"{name}: {exc}"))
        response = page.goto(live_server.url + path)
        assert response.status == 200, (name, response.status)
        page.wait_for_selector(ready)
        assert page.evaluate("() => document.documentElement.lang") == "en", name
        if page.evaluate("() => typeof window.gettext === 'function'"):  # pages with translated scripts
            assert page.evaluate("() => gettext('Chỉ tiêu')") == "Target", name
        assert serious_violations(page) == [], name
        shot(page, f"en-{name}")
        page.close()
    assert errors == []


def test_the_report_grid_saves_in_english(live_server: Any, page_as: Any, shot: Any) -> None:
    from theodoi.reporting.services import form_open_or_create
    from theodoi.reporting.tests.conftest import make_world
    from theodoi.test import make_cast

    world = make_world(make_cast())
    c = world.cast
    form = form_open_or_create(user=c.health_reporter, regime=world.regime, unit=c.health, period_key=world.period.key)
    page = _english(page_as(c.health_reporter), live_server)
    page.goto(f"{live_server.url}/bao-cao-dinh-ky/bieu/{form.pk}/")
    cell = page.locator(f'tr[data-target="{world.beds.pk}"] input[data-field="value"]')
    cell.fill("33")
    cell.press("Enter")
    page.locator("#save-state.ok").wait_for()
    assert page.locator("#save-state").inner_text().startswith("Saved at ")
    assert "(version " in page.locator("#save-state").inner_text()
    shot(page, "en-report-grid")
