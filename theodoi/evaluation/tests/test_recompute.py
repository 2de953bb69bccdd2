"""Statuses are recomputed from reported values, stored twice (internal and public)."""

from __future__ import annotations

from typing import Any

import pytest

from theodoi.evaluation.models import TargetStatus
from theodoi.evaluation.services import on_values_changed, target_statuses_recompute, target_years

pytestmark = pytest.mark.django_db


def status(target: Any, public: bool = False) -> TargetStatus:
    return TargetStatus.objects.get(target=target, period=target.period, public=public)


def test_a_target_without_reports_has_no_data(plan2021: Any) -> None:
    target_statuses_recompute()
    row = status(plan2021.growth)
    assert row.status == "no_data"
    assert "Chưa có số liệu" in row.explanation


def test_a_stock_below_its_target_at_mid_year_is_at_risk_with_an_explanation(plan2021: Any) -> None:
    plan2021.report(plan2021.cast.planning, plan2021.growth, "2021-06", 9.5)
    target_statuses_recompute()
    row = status(plan2021.growth)
    assert row.status == "at_risk"
    assert row.value == pytest.approx(9.5)
    assert "9,5%" in row.explanation and "30/06/2021" in row.explanation


def test_a_flow_is_judged_on_its_year_to_date_total_against_the_share_of_the_year(plan2021: Any) -> None:
    district = plan2021.cast.district
    plan2021.report(district, plan2021.rice, "2021-03", 9000)
    plan2021.report(district, plan2021.rice, "2021-06", 21000)
    target_statuses_recompute()
    row = status(plan2021.rice)
    assert row.status == "on_track"  # 21.000 of 40.000 after 6 months: above the 50% due
    assert row.value == pytest.approx(21000)
    assert row.expected_pct == pytest.approx(50)
    assert "21.000/40.000 tấn" in row.explanation


def test_the_annual_report_gives_a_year_end_status(plan2021: Any) -> None:
    plan2021.report(plan2021.cast.planning, plan2021.growth, "2021", 10.6)
    plan2021.report(plan2021.cast.health, plan2021.beds, "2021", 31)
    target_statuses_recompute()
    assert status(plan2021.growth).status == "exceeded"
    assert status(plan2021.beds).status == "not_achieved"


def test_forecast_only_targets_are_never_judged(plan2021: Any) -> None:
    plan2021.report(plan2021.cast.planning, plan2021.population, "2021-06", 560)
    target_statuses_recompute()
    assert status(plan2021.population).status == "forecast"


def test_public_statuses_count_accepted_values_only(plan2021: Any) -> None:
    planning = plan2021.cast.planning
    plan2021.report(planning, plan2021.growth, "2021-03", 10.2, status="accepted")
    plan2021.report(planning, plan2021.growth, "2021-06", 8.0, status="submitted")
    target_statuses_recompute()
    internal, public = status(plan2021.growth), status(plan2021.growth, public=True)
    assert (internal.status, internal.value) == ("off_track", 8.0)
    assert (public.status, public.value) == ("on_track", 10.2)


def test_drafts_and_returned_forms_do_not_count(plan2021: Any) -> None:
    plan2021.report(plan2021.cast.planning, plan2021.growth, "2021-06", 12, status="draft")
    target_statuses_recompute()
    assert status(plan2021.growth).status == "no_data"


def test_a_saved_value_recomputes_its_target_after_commit(plan2021: Any, django_capture_on_commit_callbacks: Any) -> None:
    target_statuses_recompute()
    with django_capture_on_commit_callbacks(execute=True):
        rv = plan2021.report(plan2021.cast.health, plan2021.beds, "2021-06", 33, status="submitted")
    assert status(plan2021.beds).status == "on_track"
    assert status(plan2021.beds, public=True).status == "no_data"
    with django_capture_on_commit_callbacks(execute=True):
        rv.form.status = "accepted"
        rv.form.save(update_fields=["status"])
    assert status(plan2021.beds, public=True).status == "on_track"


def test_a_corrected_target_value_recomputes_its_status_after_commit(
    plan2021: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        plan2021.report(plan2021.cast.planning, plan2021.growth, "2021-06", 9.5)
    assert status(plan2021.growth).status == "at_risk"
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        plan2021.growth.value = 9
        plan2021.growth.save()
    assert callbacks  # queued after commit, not run inside the planner's transaction
    row = status(plan2021.growth)
    assert row.status == "on_track" and "9%" in row.explanation


def test_a_snapshot_period_is_kept_and_refreshed_with_the_values(plan2021: Any) -> None:
    planning = plan2021.cast.planning
    plan2021.report(planning, plan2021.growth, "2021-06", 8.5)
    target_statuses_recompute(period="2021-H1")
    plan2021.report(planning, plan2021.growth, "2021-09", 11.0)
    target_statuses_recompute()
    snap = TargetStatus.objects.get(target=plan2021.growth, period="2021-H1", public=False)
    assert snap.status == "off_track" and str(snap.as_of) == "2021-06-30"
    assert status(plan2021.growth).status == "on_track"
    plan2021.report(planning, plan2021.growth, "2021-06", 10.5)
    on_values_changed([plan2021.growth.pk])
    assert TargetStatus.objects.get(target=plan2021.growth, period="2021-H1", public=False).status == "on_track"


def test_recompute_writes_one_internal_and_one_public_row_per_target(plan2021: Any) -> None:
    written = target_statuses_recompute()
    assert written == 8
    assert TargetStatus.objects.count() == 8
    target_statuses_recompute()
    assert TargetStatus.objects.count() == 8


@pytest.mark.parametrize(("period", "years"), [("2021", (2021, 2021)), ("2021-2025", (2021, 2025)), ("x", None)])
def test_target_periods_read_as_years(period: str, years: Any) -> None:
    assert target_years(period) == years


def test_deleting_a_target_deletes_its_statuses_without_a_database_constraint(plan2021: Any) -> None:
    """The status table has no foreign key constraint (a recompute writes too many rows to check
    each one at commit): Django's collector still deletes a target's statuses with it (a target
    nobody reported on: reported values protect theirs)."""
    target_statuses_recompute()
    pk = plan2021.growth.pk
    assert TargetStatus.objects.filter(target_id=pk).count() == 2
    assert getattr(TargetStatus._meta.get_field("target"), "db_constraint", None) is False
    plan2021.growth.delete()
    assert not TargetStatus.objects.filter(target_id=pk).exists()
