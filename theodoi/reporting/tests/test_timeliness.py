"""On time / late / missing per unit × period, and the overdue list."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from theodoi.reporting.models import FormStatus, ReportForm
from theodoi.reporting.periods import parse_period_key
from theodoi.reporting.selectors import overdue_list, timeliness_table

pytestmark = pytest.mark.django_db


def _submitted(world, unit, key, on):
    at = timezone.make_aware(datetime(on.year, on.month, on.day, 23, 30))  # late evening still counts that day
    return ReportForm.objects.create(regime=world.regime, unit=unit, period_key=key,
                                     status=FormStatus.SUBMITTED, submitted_at=at)


def test_on_time_late_missing_and_not_yet_due(world):
    c = world.cast
    may, june = parse_period_key("2021-05"), parse_period_key("2021-06")
    rule = world.regime.rule
    _submitted(world, c.health, may.key, rule.unit_due(may))
    _submitted(world, c.district, may.key, rule.unit_due(may) + timedelta(days=1))
    table = timeliness_table(user=c.planner, regime=world.regime, periods=[may, june],
                             today=rule.unit_due(june))
    states = {(u.code, cell.period.key): cell.state for u, cells in table for cell in cells}
    assert states == {
        ("so-yte", "2021-05"): "on_time", ("huyen-dak-ha", "2021-05"): "late",
        ("so-yte", "2021-06"): "not_due", ("huyen-dak-ha", "2021-06"): "not_due",
    }
    later = timeliness_table(user=c.planner, regime=world.regime, periods=[june],
                             today=rule.unit_due(june) + timedelta(days=1))
    assert {cell.state for _, cells in later for cell in cells} == {"missing"}


def test_the_overdue_list_names_units_that_have_not_submitted(world):
    c = world.cast
    june = parse_period_key("2021-06")
    today = world.regime.rule.unit_due(june) + timedelta(days=2)
    _submitted(world, c.health, june.key, today - timedelta(days=10))
    overdue = {(x.unit.code, x.period.key) for x in overdue_list(user=c.planner, today=today, days_back=20)}
    # June is also the deadline of the seed regime's Q2 and 6-month reports, which nobody sent.
    assert overdue == {("huyen-dak-ha", "2021-06"), ("so-yte", "2021-Q2"), ("huyen-dak-ha", "2021-Q2"),
                       ("so-yte", "2021-H1"), ("huyen-dak-ha", "2021-H1")}


def test_only_readers_of_every_unit_see_the_table(world):
    with pytest.raises(PermissionDenied):
        timeliness_table(user=world.cast.health_reporter, regime=world.regime, periods=[world.period])


def test_a_collective_lead_owes_no_report_and_is_never_overdue(world):
    """A task led by "Các sở, ban, ngành" is reported by the departments, not by the group itself."""
    from theodoi.accounts.models import OrgUnit, UnitKind
    from theodoi.plans.models import Assignment, Task
    from theodoi.reporting.models import ReportingDuty
    from theodoi.reporting.services import duties_from_plan

    c = world.cast
    group = OrgUnit.objects.create(name="Các sở, ban, ngành tỉnh", code="cac-so-nganh", kind=UnitKind.COLLECTIVE)
    assignment = Assignment.objects.create(plan=world.plan, ref="2", lead_text="Các sở, ban, ngành")
    assignment.lead_units.add(group)
    assignment.partner_units.add(c.health)
    Task.objects.create(assignment=assignment, text="Rà soát thủ tục hành chính")
    duties_from_plan(user=c.planner, regime=world.regime, plan=world.plan)
    assert not ReportingDuty.objects.filter(unit=group).exists()
    assert ReportingDuty.objects.filter(unit=c.health, task__assignment=assignment, is_partner=True).exists()
    june = parse_period_key("2021-06")
    table = timeliness_table(user=c.planner, regime=world.regime, periods=[june],
                             today=world.regime.rule.unit_due(june) + timedelta(days=1))
    assert group not in [unit for unit, _cells in table]


def test_the_migration_removes_collectives_duties_but_keeps_one_with_a_form(world):
    import importlib

    from django.apps import apps

    from theodoi.accounts.models import OrgUnit, UnitKind
    from theodoi.reporting.models import ReportingDuty

    migration = importlib.import_module("theodoi.reporting.migrations.0005_no_duties_for_collectives")
    idle = OrgUnit.objects.create(name="UBND các huyện", code="ubnd-cac-huyen", kind=UnitKind.COLLECTIVE)
    odd = OrgUnit.objects.create(name="Các đơn vị liên quan", code="cac-don-vi", kind=UnitKind.COLLECTIVE)
    for unit in (idle, odd):
        ReportingDuty.objects.create(regime=world.regime, unit=unit, task=world.task)
    ReportForm.objects.create(regime=world.regime, unit=odd, period_key="2021-06")
    before = ReportingDuty.objects.exclude(unit__in=[idle, odd]).count()
    migration.forward(apps, None)
    assert not ReportingDuty.objects.filter(unit=idle).exists()
    assert ReportingDuty.objects.filter(unit=odd).count() == 1
    assert ReportingDuty.objects.exclude(unit__in=[idle, odd]).count() == before
