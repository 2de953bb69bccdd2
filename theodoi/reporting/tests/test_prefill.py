"""A new form is prefilled from the same unit's previous period."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied

from theodoi.plans.models import TaskState
from theodoi.reporting.services import ReportingError, form_open_or_create, form_save_values

pytestmark = pytest.mark.django_db


def test_values_estimates_and_task_notes_come_from_the_previous_month(world):
    c = world.cast
    before = world.period.previous()
    old = form_open_or_create(user=c.health_reporter, regime=world.regime, unit=c.health, period_key=before.key)
    form_save_values(user=c.health_reporter, form=old, expected_version=old.version,
                     values=[{"target": world.beds.pk, "value": "30,5", "estimate": "32"}],
                     tasks=[{"task": world.task.pk, "state": TaskState.DONE_ON_TIME, "note": "Đã xong đợt 1"}])
    new = form_open_or_create(user=c.health_reporter, regime=world.regime, unit=c.health, period_key=world.period.key)
    beds = new.values.get(target=world.beds)
    assert (beds.value, beds.estimate) == (Decimal("30.5"), Decimal(32))
    task = new.task_reports.get(task=world.task)
    assert (task.state, task.note) == (TaskState.DONE_ON_TIME, "Đã xong đợt 1")
    assert "Điền sẵn" in new.audit.get(action="create").note


def test_opening_twice_gives_the_same_form(world):
    c = world.cast
    a = form_open_or_create(user=c.health_reporter, regime=world.regime, unit=c.health, period_key=world.period.key)
    b = form_open_or_create(user=c.health_reporter, regime=world.regime, unit=c.health, period_key=world.period.key)
    assert a.pk == b.pk


def test_a_partner_unit_gets_the_task_it_coordinates_and_adds_its_contribution(world):
    from theodoi.reporting.services import task_contribution_add

    c = world.cast
    form = form_open_or_create(user=c.district_reporter, regime=world.regime, unit=c.district,
                               period_key=world.period.key)
    tr = form.task_reports.get(task=world.task)
    assert tr.is_partner
    task_contribution_add(user=c.district_reporter, form=form, task_id=world.task.pk,
                          text="Cử 2 bác sĩ hỗ trợ trạm y tế xã", expected_version=form.version)
    tr.refresh_from_db()
    assert tr.contributions[0]["unit"] == "UBND huyện Đắk Hà"


def test_a_reporter_cannot_open_another_units_form_nor_an_unknown_period_kind(world):
    c = world.cast
    with pytest.raises(PermissionDenied):
        form_open_or_create(user=c.district_reporter, regime=world.regime, unit=c.health, period_key=world.period.key)
    with pytest.raises(ReportingError, match="không có kỳ"):
        form_open_or_create(user=c.health_reporter, regime=world.regime, unit=c.health, period_key="2021-9M")
