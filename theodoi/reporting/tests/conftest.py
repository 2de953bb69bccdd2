"""A small plan with targets for Sở Y tế and Đắk Hà, under the seed regime."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest

from theodoi.reporting.periods import Period, PeriodKind


@dataclass
class World:
    cast: Any
    regime: Any
    plan: Any
    beds: Any  # Sở Y tế: hospital beds per 10,000 people (number)
    insured: Any  # Sở Y tế: share insured (%)
    rice: Any  # Đắk Hà: rice output (tấn)
    task: Any  # led by Sở Y tế, Đắk Hà coordinates
    period: Period  # next month: its deadline is ahead whatever day the tests run


def next_month(today: date | None = None) -> Period:
    today = today or date.today()
    return Period(PeriodKind.MONTHLY, today.year, today.month).next()


def make_world(cast: Any) -> World:
    from theodoi.plans.models import Assignment, Indicator, Plan, Target, Task
    from theodoi.reporting.services import duties_from_plan, regime_ensure_seed

    plan = Plan.objects.create(name="Kế hoạch năm", year_start=2021, year_end=2021, unit=cast.province)

    def target(name: str, unit: str, value: float, owner: Any, **kw: Any) -> Any:
        ind = Indicator.objects.create(name=name, unit=unit, **kw)
        return Target.objects.create(plan=plan, indicator=ind, value=value, unit=unit, period="2021",
                                     responsible_unit=owner)

    beds = target("Số giường bệnh/vạn dân", "giường", 32, cast.health)
    insured = target("Tỷ lệ dân số tham gia bảo hiểm y tế", "%", 95, cast.health)
    rice = target("Sản lượng lúa", "tấn", 40000, cast.district)
    assignment = Assignment.objects.create(plan=plan, ref="1", lead_text="Sở Y tế")
    assignment.lead_units.add(cast.health)
    assignment.partner_units.add(cast.district)
    task = Task.objects.create(assignment=assignment, text="Nâng cao chất lượng khám chữa bệnh tuyến huyện")
    regime = regime_ensure_seed()
    duties_from_plan(user=cast.planner, regime=regime, plan=plan)
    return World(cast, regime, plan, beds, insured, rice, task, next_month())


@pytest.fixture
def world(cast: Any) -> World:
    return make_world(cast)
