"""Review at scale in Chromium: the Health Department's head ticks five submitted reports and
approves them in one go; a returned report shows the reviewer's note beside the value it is about,
to the reporter who has to fix it."""

from __future__ import annotations

from typing import Any

import pytest
from test_accessibility import serious_violations  # tests/browser is on sys.path (rootdir conftest)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _submitted_months(n: int) -> tuple[Any, list[Any]]:
    from theodoi.reporting.services import form_open_or_create, form_save_values, form_submit
    from theodoi.reporting.tests.conftest import make_world
    from theodoi.test import make_cast

    world = make_world(make_cast())
    c = world.cast
    forms, period = [], world.period
    for _ in range(n):
        form = form_open_or_create(user=c.health_reporter, regime=world.regime, unit=c.health, period_key=period.key)
        form_save_values(user=c.health_reporter, form=form, expected_version=form.version, values=[
            {"target": world.beds.pk, "value": "30,5"}, {"target": world.insured.pk, "value": "93,2"},
        ])
        form_submit(user=c.health_reporter, form=form)
        forms.append(form)
        period = period.previous()
    return world, forms


def test_the_head_approves_five_reports_at_once(live_server: Any, page_as: Any, shot: Any) -> None:
    from theodoi.reporting.models import AuditEntry, FormStatus, ReportForm

    world, forms = _submitted_months(5)
    page = page_as(world.cast.health_head)
    page.goto(live_server.url + "/bao-cao-dinh-ky/duyet/")
    rows = page.locator("#review-queue tbody tr[data-form]")
    assert rows.count() == 5
    for form in forms:
        page.check(f"#pick-{form.pk}")
    page.select_option("#bulk-action", "approve")
    shot(page, "review-bulk-selected")
    page.click("#btn-bulk")
    page.wait_for_selector("#outcomes")
    shot(page, "review-bulk-done")
    assert page.locator("#outcomes tr.outcome.ok").count() == 5
    assert page.locator("#outcomes tr.outcome.failed").count() == 0
    assert "Đã xử lý 5/5 báo cáo." in page.inner_text(".messages")
    assert page.locator("#review-queue tbody tr[data-form]").count() == 0  # nothing left to decide
    assert set(ReportForm.objects.filter(pk__in=[f.pk for f in forms]).values_list("status", flat=True)) == {
        FormStatus.APPROVED}
    assert AuditEntry.objects.filter(form__in=forms, action="approve", user=world.cast.health_head).count() == 5
    assert serious_violations(page) == []


def test_a_note_on_one_value_reaches_the_reporter_beside_that_value(live_server: Any, page_as: Any,
                                                                    shot: Any) -> None:
    world, (form,) = _submitted_months(1)
    head = page_as(world.cast.health_head)
    head.goto(live_server.url + f"/bao-cao-dinh-ky/bieu/{form.pk}/")
    head.fill(f"input[name='note-{world.beds.pk}']", "Số giường tăng so với kỳ trước, đề nghị kiểm tra lại")
    head.fill("#return-form input[name=reason]", "Cần xem lại số giường bệnh")
    shot(head, "review-return-with-note")
    head.click("#btn-return")
    head.wait_for_selector("#form-status:has-text('Bị trả lại')")

    reporter = page_as(world.cast.health_reporter)
    reporter.goto(live_server.url + f"/bao-cao-dinh-ky/bieu/{form.pk}/")
    note = reporter.locator(f"tr[data-target='{world.beds.pk}'] .review-note")
    assert "Số giường tăng so với kỳ trước" in note.inner_text()
    assert reporter.locator(f"tr[data-target='{world.insured.pk}'] .review-note").count() == 0
    value_input = reporter.locator(f"input[name='value-{world.beds.pk}']")
    assert value_input.get_attribute("aria-describedby") == f"note-{world.beds.pk}"
    assert value_input.is_enabled()
    shot(reporter, "review-reporter-sees-note")
    assert serious_violations(reporter) == []


def test_the_planner_sees_what_changed_since_the_approval(live_server: Any, page_as: Any, shot: Any) -> None:
    from theodoi.reporting.services import form_approve, form_return, form_save_values, form_submit

    world, (form,) = _submitted_months(1)
    c = world.cast
    form_approve(user=c.health_head, form=form)
    form_return(user=c.planner, form=form, reason="Số giường chưa khớp thống kê")
    form.refresh_from_db()
    form_save_values(user=c.health_reporter, form=form, expected_version=form.version,
                     values=[{"target": world.beds.pk, "value": "31", "comment": "Theo Cục Thống kê"}])
    form_submit(user=c.health_reporter, form=form)
    page = page_as(c.health_head)
    page.goto(live_server.url + "/bao-cao-dinh-ky/duyet/")
    page.click(f"#review-queue tr[data-form='{form.pk}'] a[href$='/so-sanh/']")
    row = page.locator(f"#diff tr[data-target='{world.beds.pk}']")
    assert "30,5" in row.locator("del").first.inner_text() and row.locator("ins").first.inner_text() == "31"
    assert page.locator("#diff tr.changed").count() == 1
    shot(page, "review-diff")
    assert serious_violations(page) == []
