"""Draft → submitted → (returned) → approved → accepted → locked, allowed and forbidden per role."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from theodoi.reporting.models import FormStatus
from theodoi.reporting.services import (
    FormNotEditable,
    ReportingError,
    form_accept,
    form_approve,
    form_lock,
    form_open_or_create,
    form_return,
    form_save_values,
    form_submit,
)

pytestmark = pytest.mark.django_db


def _filled(world):
    c = world.cast
    form = form_open_or_create(user=c.health_reporter, regime=world.regime, unit=c.health, period_key=world.period.key)
    form_save_values(user=c.health_reporter, form=form, expected_version=form.version, values=[
        {"target": world.beds.pk, "value": "30,5"}, {"target": world.insured.pk, "value": "93,2"},
    ])
    return form


def test_the_full_path_records_who_did_each_step(world):
    c = world.cast
    form = _filled(world)
    form_submit(user=c.health_reporter, form=form)
    form_approve(user=c.health_head, form=form)
    form_accept(user=c.planner, form=form)
    form_lock(user=c.planner, form=form)
    form.refresh_from_db()
    assert form.status == FormStatus.LOCKED
    assert (form.submitted_by, form.approved_by, form.accepted_by, form.locked_by) == (
        c.health_reporter, c.health_head, c.planner, c.planner)
    assert list(form.audit.values_list("action", flat=True)) == [
        "create", "save", "submit", "approve", "accept", "lock"]


def test_a_submission_with_a_missing_required_value_is_refused_in_vietnamese(world):
    c = world.cast
    form = form_open_or_create(user=c.health_reporter, regime=world.regime, unit=c.health, period_key=world.period.key)
    with pytest.raises(ReportingError, match="Chưa nhập giá trị"):
        form_submit(user=c.health_reporter, form=form)
    assert form.status == FormStatus.DRAFT


def test_a_share_over_100_percent_blocks_submission(world):
    c = world.cast
    form = _filled(world)
    form_save_values(user=c.health_reporter, form=form, expected_version=form.version,
                     values=[{"target": world.insured.pk, "value": "120"}])
    with pytest.raises(ReportingError, match="0-100%"):
        form_submit(user=c.health_reporter, form=form)


@pytest.mark.parametrize("who", ["district_reporter", "leader", "health_head"])
def test_only_the_units_reporter_or_a_planner_enters_values(world, who):
    form = _filled(world)
    with pytest.raises(PermissionDenied):
        form_save_values(user=getattr(world.cast, who), form=form, expected_version=form.version,
                         values=[{"target": world.beds.pk, "value": "1"}])


@pytest.mark.parametrize("who", ["health_reporter", "district_reporter", "leader"])
def test_only_the_units_head_approves(world, who):
    form = _filled(world)
    form_submit(user=world.cast.health_reporter, form=form)
    with pytest.raises(PermissionDenied):
        form_approve(user=getattr(world.cast, who), form=form)


@pytest.mark.parametrize("who", ["health_reporter", "health_head", "leader"])
def test_only_the_planner_accepts(world, who):
    form = _filled(world)
    form_submit(user=world.cast.health_reporter, form=form)
    form_approve(user=world.cast.health_head, form=form)
    with pytest.raises(PermissionDenied):
        form_accept(user=getattr(world.cast, who), form=form)


def test_accepting_a_form_the_head_has_not_approved_is_refused(world):
    form = _filled(world)
    form_submit(user=world.cast.health_reporter, form=form)
    with pytest.raises(FormNotEditable, match="Đã gửi"):
        form_accept(user=world.cast.planner, form=form)


def test_a_returned_form_carries_its_reason_and_can_be_edited_and_resent(world):
    c = world.cast
    form = _filled(world)
    form_submit(user=c.health_reporter, form=form)
    first_submission = form.submitted_at
    with pytest.raises(ReportingError, match="lý do"):
        form_return(user=c.health_head, form=form, reason="  ")
    form_return(user=c.health_head, form=form, reason="Số giường bệnh chưa khớp thống kê")
    assert form.status == FormStatus.RETURNED and "giường" in form.return_reason
    form_save_values(user=c.health_reporter, form=form, expected_version=form.version,
                     values=[{"target": world.beds.pk, "value": "31"}])
    form_submit(user=c.health_reporter, form=form)
    assert form.status == FormStatus.SUBMITTED and form.submitted_at == first_submission
    assert c.health_reporter.reminders.filter(kind="returned").exists()


def test_the_head_cannot_return_an_accepted_form_but_the_planner_can(world):
    c = world.cast
    form = _filled(world)
    form_submit(user=c.health_reporter, form=form)
    form_approve(user=c.health_head, form=form)
    form_accept(user=c.planner, form=form)
    with pytest.raises(FormNotEditable):
        form_return(user=c.health_head, form=form, reason="x")
    form_return(user=c.planner, form=form, reason="Bổ sung giải trình")
    assert form.status == FormStatus.RETURNED


def test_nobody_edits_a_submitted_or_locked_form(world):
    c = world.cast
    form = _filled(world)
    form_submit(user=c.health_reporter, form=form)
    with pytest.raises(FormNotEditable, match="Đã gửi"):
        form_save_values(user=c.health_reporter, form=form, expected_version=form.version,
                         values=[{"target": world.beds.pk, "value": "1"}])
    form_lock(user=c.planner, form=form)
    with pytest.raises(FormNotEditable, match="Đã khóa"):
        form_save_values(user=c.planner, form=form, expected_version=form.version,
                         values=[{"target": world.beds.pk, "value": "1"}])
