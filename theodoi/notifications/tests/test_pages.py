"""The "due this week" page, the settings page and an agency's calendar feed."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from icalendar import Calendar

from theodoi.notifications import calendar
from theodoi.notifications.models import EmailMode, NotificationPreference
from theodoi.notifications.selectors import due_reports

pytestmark = pytest.mark.django_db


def test_due_reports_lists_each_unit_and_period_with_its_form_status(world):
    c = world.cast
    due = world.regime.rule.unit_due(world.period)
    items = due_reports([c.health, c.district], due, due)
    assert {(i.unit.code, i.period.key) for i in items} >= {("so-yte", world.period.key),
                                                            ("huyen-dak-ha", world.period.key)}
    assert all(i.status == "" and not i.is_submitted for i in items)


def test_a_reporter_sees_only_own_units_and_cannot_pick_another(world, client_for):
    client = client_for("health_reporter")
    page = client.get("/thong-bao/den-han/")
    assert page.status_code == 200
    assert [u.code for u in page.context["units"]] == ["so-yte"]
    assert client.get("/thong-bao/den-han/?don-vi=huyen-dak-ha").status_code == 404


def test_the_planner_follows_every_unit_with_a_duty(world, client_for):
    page = client_for("planner").get("/thong-bao/den-han/?don-vi=huyen-dak-ha")
    assert page.status_code == 200
    assert page.context["chosen"].code == "huyen-dak-ha"


def test_the_settings_page_saves_and_explains_a_refusal(world, client_for):
    client = client_for("health_reporter")
    refused = client.post("/thong-bao/cai-dat/", {"email_mode": EmailMode.IMMEDIATE, "message_enabled": "on",
                                                  "message_address": ""})
    assert refused.status_code == 400
    assert "Cần nhập số điện thoại" in refused.content.decode()
    saved = client.post("/thong-bao/cai-dat/", {"email_mode": EmailMode.DIGEST, "message_address": "0912"})
    assert saved.status_code == 302
    pref = NotificationPreference.objects.get(user=world.cast.health_reporter)
    assert (pref.email_mode, pref.message_enabled, pref.message_address) == (EmailMode.DIGEST, False, "0912")


def test_the_calendar_feed_holds_the_units_deadlines_and_needs_its_key(world, client_for):
    c = world.cast
    key = calendar.feed_key(c.health_reporter, c.health)
    anonymous = client_for("anonymous")
    feed = anonymous.get(f"/thong-bao/lich/so-yte.ics?khoa={key}")
    assert feed.status_code == 200 and feed["Content-Type"].startswith("text/calendar")
    events = list(Calendar.from_ical(feed.content).walk("VEVENT"))
    due = world.regime.rule.unit_due(world.period)
    assert any(e.decoded("dtstart") == due and world.period.label in str(e["summary"]) for e in events)
    assert all(timezone.localdate() - timedelta(days=32) <= e.decoded("dtstart") for e in events)
    # The key names one unit and one person: not another unit, not a forged key, not after deactivation.
    assert anonymous.get(f"/thong-bao/lich/huyen-dak-ha.ics?khoa={key}").status_code == 404
    assert anonymous.get("/thong-bao/lich/so-yte.ics?khoa=forged").status_code == 404
    c.health_reporter.is_active = False
    c.health_reporter.save()
    assert anonymous.get(f"/thong-bao/lich/so-yte.ics?khoa={key}").status_code == 404
