"""Forms lock automatically N days after the deadline, except where a planner granted more time."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.utils import timezone

from theodoi.reporting.deadlines import lock_date
from theodoi.reporting.models import FormStatus
from theodoi.reporting.services import (
    FormNotEditable,
    form_open_or_create,
    form_save_values,
    forms_lock_overdue,
    lock_exception_grant,
)

pytestmark = pytest.mark.django_db


def _form(world):
    c = world.cast
    return form_open_or_create(user=c.health_reporter, regime=world.regime, unit=c.health, period_key=world.period.key)


def test_nothing_locks_the_day_before_the_lock_date_and_everything_on_it(world):
    form = _form(world)
    first_day = lock_date(world.period, world.regime.rule)
    assert forms_lock_overdue(today=first_day - timedelta(days=1)) == []
    assert [f.pk for f in forms_lock_overdue(today=first_day)] == [form.pk]
    form.refresh_from_db()
    assert form.status == FormStatus.LOCKED and form.locked_by is None
    assert form.audit.filter(action="lock", user=None).exists()
    with pytest.raises(FormNotEditable):
        form_save_values(user=world.cast.health_reporter, form=form, expected_version=form.version,
                         values=[{"target": world.beds.pk, "value": "1"}])


def test_a_planners_exception_reopens_the_form_and_keeps_it_open_until_its_date(world):
    c = world.cast
    form = _form(world)
    first_day = lock_date(world.period, world.regime.rule)
    forms_lock_overdue(today=first_day)
    form.refresh_from_db()
    with pytest.raises(PermissionDenied):
        lock_exception_grant(user=c.health_head, form=form, until=timezone.localdate())
    until = first_day + timedelta(days=5)
    lock_exception_grant(user=c.planner, form=form, until=until, reason="Bổ sung số liệu quý")
    assert form.status == FormStatus.DRAFT
    form_save_values(user=c.health_reporter, form=form, expected_version=form.version,
                     values=[{"target": world.beds.pk, "value": "31"}])
    assert forms_lock_overdue(today=until) == []
    assert [f.pk for f in forms_lock_overdue(today=until + timedelta(days=1))] == [form.pk]


def test_the_command_locks_too(world, capsys):
    _form(world)
    call_command("lock_overdue", "--date", lock_date(world.period, world.regime.rule).isoformat())
    assert "Đã khóa 1" in capsys.readouterr().out
