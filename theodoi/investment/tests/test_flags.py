"""Flagged projects at 30 June and 30 September, and totals by investor and district."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from theodoi.investment import selectors

pytestmark = pytest.mark.django_db


def flags_by_code(user: Any, as_of: date) -> dict[str, list[str]]:
    rows = selectors.project_rows(user=user, year=2021, as_of=as_of)
    return {r.project.code: [f.rule.name for f in r.flags] for r in rows}


def test_nothing_is_flagged_before_30_june(cast: Any, projects: Any) -> None:
    assert all(not f for f in flags_by_code(cast.planner, date(2021, 6, 29)).values())


def test_at_30_june_ongoing_projects_under_40_percent_and_unprepared_new_ones_are_flagged(cast: Any, projects: Any) -> None:
    flags = flags_by_code(cast.planner, date(2021, 6, 30))
    assert flags == {"A": ["ongoing_40pct_by_30_06"], "B": [], "C": [], "D": ["new_preparation_by_30_06"]}


def test_at_30_september_projects_under_70_percent_are_flagged_and_june_flags_stay(cast: Any, projects: Any) -> None:
    flags = flags_by_code(cast.planner, date(2021, 9, 30))
    assert flags["A"] == ["ongoing_40pct_by_30_06"]  # judged on its 30/6 figure, 35%
    assert flags["B"] == ["ongoing_70pct_by_30_09"]
    assert flags["C"] == []


def test_the_reason_quotes_the_figure_and_the_threshold(cast: Any, projects: Any) -> None:
    row = next(r for r in selectors.project_rows(user=cast.planner, year=2021, as_of=date(2021, 9, 30))
               if r.project.code == "B")
    assert row.flags[0].reason_vi == "Giải ngân 60% kế hoạch vốn đến 30/9/2021, dưới ngưỡng 70%."
    assert row.flags[0].action_vi == "Đề xuất cắt giảm, điều chuyển vốn"


def test_stored_rules_replace_the_seed_rules(cast: Any, projects: Any) -> None:
    from theodoi.investment.models import DisbursementRuleSetting

    DisbursementRuleSetting.objects.create(name="ongoing_50pct_by_30_06", applies_to="ongoing", by_month=6, by_day=30,
                                           min_share_pct=50, description="Chuyển tiếp dưới 50% đến 30/6")
    flags = flags_by_code(cast.planner, date(2021, 6, 30))
    assert flags == {"A": ["ongoing_50pct_by_30_06"], "B": ["ongoing_50pct_by_30_06"], "C": [], "D": []}


def test_totals_by_investor_and_district(cast: Any, projects: Any) -> None:
    rows = selectors.project_rows(user=cast.planner, year=2021, as_of=date(2021, 9, 30))
    investors = {g.key: (g.projects, g.capital_plan, g.disbursed, g.flagged)
                 for g in selectors.totals(rows, "investor", as_of=date(2021, 9, 30))}
    assert investors == {"Sở Y tế": (2, 15000.0, 12000.0, 1), "UBND huyện Đắk Hà": (2, 23000.0, 12000.0, 2)}
    districts = {g.key: g.projects for g in selectors.totals(rows, "district", as_of=date(2021, 9, 30))}
    assert districts == {"UBND huyện Đắk Hà": 3, "Không xác định": 1}


def test_unit_staff_see_only_their_projects(cast: Any, projects: Any) -> None:
    codes = {r.project.code for r in selectors.project_rows(user=cast.health_reporter, year=2021)}
    assert codes == {"A", "C"}
    assert {r.project.code for r in selectors.project_rows(user=cast.district_reporter, year=2021)} == {"A", "B", "D"}
