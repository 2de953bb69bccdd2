"""Reminders before and after deadlines, in the app and by e-mail, once each."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command

from theodoi.reporting.models import Reminder
from theodoi.reporting.services import form_open_or_create, form_save_values, form_submit, reminders_send

pytestmark = pytest.mark.django_db


def test_three_days_before_the_deadline_both_reporters_are_reminded_once(world):
    due = world.regime.rule.unit_due(world.period)
    assert reminders_send(today=due - timedelta(days=3)) == 2
    assert sorted(m.to[0] for m in mail.outbox) == ["dakha_reporter@example.vn", "yte_reporter@example.vn"]
    assert "còn 3 ngày" in mail.outbox[0].body
    assert reminders_send(today=due - timedelta(days=3)) == 0  # the job ran twice: nothing new
    assert len(mail.outbox) == 2
    assert reminders_send(today=due - timedelta(days=2)) == 0  # no reminder on that day


def test_after_the_deadline_only_the_unit_that_has_not_submitted_is_reminded(world):
    c = world.cast
    form = form_open_or_create(user=c.health_reporter, regime=world.regime, unit=c.health, period_key=world.period.key)
    form_save_values(user=c.health_reporter, form=form, expected_version=form.version,
                     values=[{"target": world.beds.pk, "value": "30"}, {"target": world.insured.pk, "value": "90"}])
    form_submit(user=c.health_reporter, form=form)
    due = world.regime.rule.unit_due(world.period)
    reminders_send(today=due + timedelta(days=1))
    reminder = Reminder.objects.get(user=c.district_reporter)
    assert reminder.kind == "overdue" and reminder.emailed
    assert f"{world.period.label}" in reminder.message and "quá hạn 1 ngày" in reminder.message
    # Sở Y tế sent this month's report; at most a quarterly report due the same day is still asked for.
    for other in Reminder.objects.filter(user=c.health_reporter):
        assert f"{world.period.label}," not in other.message and f"{world.period.label} của" not in other.message


def test_the_remind_command(world, capsys):
    due = world.regime.rule.unit_due(world.period)
    call_command("remind", "--date", due.isoformat(), "--no-lock")
    assert "Đã gửi 2 nhắc nhở" in capsys.readouterr().out
    assert Reminder.objects.filter(kind="due_today").count() == 2


def test_the_head_is_reminded_of_a_report_waiting_for_approval(world):
    c = world.cast
    form = form_open_or_create(user=c.health_reporter, regime=world.regime, unit=c.health, period_key=world.period.key)
    form_save_values(user=c.health_reporter, form=form, expected_version=form.version,
                     values=[{"target": world.beds.pk, "value": "30"}, {"target": world.insured.pk, "value": "90"}])
    form_submit(user=c.health_reporter, form=form)
    from django.utils import timezone

    today = timezone.localdate()
    reminders_send(today=today)
    assert not Reminder.objects.filter(user=c.health_head).exists()  # sent today: not yet
    reminders_send(today=today + timedelta(days=2))
    reminder = Reminder.objects.get(user=c.health_head)
    assert reminder.kind == "awaiting_approval" and "chờ lãnh đạo đơn vị phê duyệt" in reminder.message
