"""A Health Department reporter enters "3.500,5", sees an outlier warning and submits; the head
approves, the planner accepts; after the automatic lock the reporter cannot edit; the value's
history shows every step with names and times."""

from __future__ import annotations

import os
import re
from decimal import Decimal
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; the ORM calls of the test are still sync.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

SHOTS = Path("/tmp/shots")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]


@pytest.fixture(scope="module")
def chromium():  # type: ignore[no-untyped-def]
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _session_for(browser, live_server, user):  # type: ignore[no-untyped-def]
    from django.test import Client

    client = Client()
    client.force_login(user)
    context = browser.new_context(locale="vi-VN", viewport={"width": 1360, "height": 900})
    context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}])
    return context.new_page()


def _history(world):  # type: ignore[no-untyped-def]
    """Three accepted earlier months with 30-32 beds: the unit's own history for the outlier check."""
    from theodoi.reporting.models import FormStatus, ReportForm, ReportValue

    p = world.period
    for i, beds in enumerate((Decimal(30), Decimal(31), Decimal(32))):
        back = p
        for _ in range(3 - i):
            back = back.previous()
        form = ReportForm.objects.create(regime=world.regime, unit=world.cast.health, period_key=back.key,
                                         status=FormStatus.ACCEPTED)
        ReportValue.objects.create(form=form, target=world.beds, value=beds)
        ReportValue.objects.create(form=form, target=world.insured, value=Decimal(90 + i))


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_report_from_entry_to_lock_with_history(chromium, live_server, settings):  # type: ignore[no-untyped-def]
    from theodoi.reporting.deadlines import lock_date
    from theodoi.reporting.models import FormStatus, ReportForm
    from theodoi.reporting.services import forms_lock_overdue
    from theodoi.reporting.tests.conftest import make_world
    from theodoi.test import make_cast

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    SHOTS.mkdir(exist_ok=True)
    world = make_world(make_cast())
    c = world.cast
    _history(world)

    # 1. The reporter opens the form (prefilled from last month) and types the Vietnamese number.
    page = _session_for(chromium, live_server, c.health_reporter)
    page.goto(f"{live_server.url}/bao-cao-dinh-ky/mo/?regime={world.regime.pk}&unit={c.health.pk}&period={world.period.key}")
    page.click("#btn-open")  # the GET only offers to create the form; the POST creates it
    assert "Báo cáo" in page.locator("h1").inner_text()
    cell = page.locator(f'tr[data-target="{world.beds.pk}"] input[data-field="value"]')
    assert cell.input_value() == "32"  # prefilled from the previous period
    cell.fill("3.500,5")
    cell.press("Enter")  # moves to the next row, which saves
    issues = page.locator(f"#issues-{world.beds.pk}")
    issues.locator(".issue.warning").first.wait_for()
    assert "bất thường" in issues.inner_text() or "cao hơn" in issues.inner_text()
    page.locator("#save-state.ok").wait_for()
    form = ReportForm.objects.get(unit=c.health, period_key=world.period.key)
    assert form.values.get(target=world.beds).value == Decimal("3500.5")
    page.screenshot(path=str(SHOTS / "reporting-form.png"), full_page=True)

    page.click("#btn-submit")
    page.locator(".msg.success").wait_for()
    assert "Đã gửi" in page.locator("#form-status").inner_text()

    # 2. The head approves, 3. the planner accepts.
    head = _session_for(chromium, live_server, c.health_head)
    head.goto(f"{live_server.url}/bao-cao-dinh-ky/bieu/{form.pk}/")
    head.click("#btn-approve")
    head.locator(".msg.success").wait_for()
    planner = _session_for(chromium, live_server, c.planner)
    planner.goto(f"{live_server.url}/bao-cao-dinh-ky/bieu/{form.pk}/")
    planner.click("#btn-accept")
    planner.locator(".msg.success").wait_for()
    form.refresh_from_db()
    assert form.status == FormStatus.ACCEPTED

    # 4. The scheduled job locks it after the deadline; the reporter can no longer edit.
    assert forms_lock_overdue(today=lock_date(world.period, world.regime.rule))
    page.goto(f"{live_server.url}/bao-cao-dinh-ky/bieu/{form.pk}/")
    assert "khóa" in page.locator("#readonly-note").inner_text()
    assert page.locator(f'tr[data-target="{world.beds.pk}"] input[data-field="value"]').is_disabled()
    assert page.locator("#btn-submit").count() == 0
    refused = page.request.post(
        f"{live_server.url}/bao-cao-dinh-ky/bieu/{form.pk}/luu/",
        data={"expected_version": form.version + 1, "values": [{"target": world.beds.pk, "value": "1"}]},
        headers={"X-CSRFToken": _csrf(page)},
    )
    assert refused.status == 409 and "khóa" in refused.json()["error"].lower()

    # 5. The value's history: each step with the person's name and the time.
    page.click(f'tr[data-target="{world.beds.pk}"] a:has-text("Lịch sử")')
    table = page.locator("#history").inner_text()
    for step, who in [("Lưu số liệu", "Trần Thị Y"), ("Gửi báo cáo", "Trần Thị Y"),
                      ("Lãnh đạo đơn vị phê duyệt", "Lê Văn Giám"), ("Sở KH&ĐT tiếp nhận", "Nguyễn Văn Kế"),
                      ("Khóa báo cáo", "Hệ thống")]:
        row = next((line for line in table.splitlines() if step in line), "")
        assert who in row, (step, table)
        assert re.search(r"\d\d:\d\d:\d\d \d\d/\d\d/\d{4}", row), row
    assert "3.500,5" in table and "32" in table
    page.screenshot(path=str(SHOTS / "reporting-history.png"), full_page=True)


def _csrf(page) -> str:  # type: ignore[no-untyped-def]
    cookie = next((c for c in page.context.cookies() if c["name"] == "csrftoken"), None)
    if cookie:
        return cookie["value"]
    m = re.search(r'"X-CSRFToken": "([^"]+)"', page.content())
    return m.group(1) if m else ""


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_planner_sees_timeliness_and_the_consolidated_table(chromium, live_server, settings):  # type: ignore[no-untyped-def]
    from theodoi.reporting.demo import load_demo_reports
    from theodoi.reporting.tests.conftest import make_world
    from theodoi.test import make_cast

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    SHOTS.mkdir(exist_ok=True)
    world = make_world(make_cast())
    load_demo_reports()
    page = _session_for(chromium, live_server, world.cast.planner)
    page.goto(f"{live_server.url}/bao-cao-dinh-ky/tong-hop/?regime={world.regime.pk}&period=2021-06")
    assert "Tổng hợp báo cáo 6" in page.locator("h1").inner_text() or "Tháng 6/2021" in page.locator("h1").inner_text()
    assert page.locator("tr.missing").count() >= 1
    page.screenshot(path=str(SHOTS / "reporting-consolidation.png"), full_page=True)
    with page.expect_download() as download:
        page.click("text=Tải XLSX")
    assert download.value.suggested_filename == "tong-hop-2021-06.xlsx"
    page.goto(f"{live_server.url}/bao-cao-dinh-ky/dung-han/?year=2021&kind=monthly")
    assert page.locator("text=Trễ hạn").count() >= 1
    assert page.locator("table.data").first.is_visible()
    page.screenshot(path=str(SHOTS / "reporting-timeliness.png"), full_page=True)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_draft_survives_a_dropped_connection_and_a_reload(chromium, live_server, settings):  # type: ignore[no-untyped-def]
    from theodoi.reporting.models import ReportForm
    from theodoi.reporting.services import form_open_or_create
    from theodoi.reporting.tests.conftest import make_world
    from theodoi.test import make_cast

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    world = make_world(make_cast())
    c = world.cast
    form = form_open_or_create(user=c.health_reporter, regime=world.regime, unit=c.health, period_key=world.period.key)
    page = _session_for(chromium, live_server, c.health_reporter)
    url = f"{live_server.url}/bao-cao-dinh-ky/bieu/{form.pk}/"
    page.goto(url)
    page.route("**/luu/", lambda route: route.abort())  # the connection drops for the autosave
    cell = page.locator(f'tr[data-target="{world.beds.pk}"] input[data-field="value"]')
    cell.fill("1.234,5")
    cell.press("Enter")
    page.locator("#save-state.warn").wait_for()
    assert "Mất kết nối" in page.locator("#save-state").inner_text()
    assert ReportForm.objects.get(pk=form.pk).values.get(target=world.beds).value is None

    page.unroute("**/luu/")
    page.reload()  # the official reloads: the draft comes back from this browser and is saved
    assert page.locator(f'tr[data-target="{world.beds.pk}"] input[data-field="value"]').input_value() == "1.234,5"
    page.locator("#save-state.ok").wait_for()
    assert str(ReportForm.objects.get(pk=form.pk).values.get(target=world.beds).value) == "1234.5000"
    assert page.evaluate(f"localStorage.getItem('theodoi-report-{form.pk}')") is None


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_second_tab_cannot_overwrite_the_first_silently(chromium, live_server, settings):  # type: ignore[no-untyped-def]
    from decimal import Decimal

    from theodoi.reporting.models import ReportValue
    from theodoi.reporting.services import form_open_or_create
    from theodoi.reporting.tests.conftest import make_world
    from theodoi.test import make_cast

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    world = make_world(make_cast())
    c = world.cast
    form = form_open_or_create(user=c.health_reporter, regime=world.regime, unit=c.health, period_key=world.period.key)
    url = f"{live_server.url}/bao-cao-dinh-ky/bieu/{form.pk}/"
    first = _session_for(chromium, live_server, c.health_reporter)
    second = _session_for(chromium, live_server, c.planner)
    first.goto(url)
    second.goto(url)
    selector = f'tr[data-target="{world.beds.pk}"] input[data-field="value"]'
    first.fill(selector, "30")
    first.press(selector, "Enter")
    first.locator("#save-state.ok").wait_for()
    second.fill(selector, "99")
    second.press(selector, "Enter")
    second.locator("#save-state.err").wait_for()
    assert "tải lại trang" in second.locator("#save-state").inner_text()
    assert ReportValue.objects.get(form=form, target=world.beds).value == Decimal(30)
