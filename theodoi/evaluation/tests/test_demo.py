"""The year-end demo (2020) gives exceeded, achieved and not achieved, each with its explanation."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from theodoi.evaluation.demo import PLAN_NAME, demo_statuses, load_demo_evaluation
from theodoi.evaluation.models import TargetStatus
from theodoi.plans.models import Indicator, Plan, PlanKind, Target

pytestmark = pytest.mark.django_db


def test_the_year_end_demo_shows_each_year_end_status_and_loads_twice(plan2021: Any) -> None:
    Plan.objects.filter(pk=plan2021.plan.pk).update(kind=PlanKind.YEAR)
    for n in range(6):  # more targets to draw from than the fixture's four
        indicator = Indicator.objects.create(name=f"Chỉ tiêu thêm {n}", unit="ha")
        Target.objects.create(plan=plan2021.plan, indicator=indicator, value=100 + n, period="2021",
                              comparator=">=", responsible_unit=plan2021.cast.health)
    made = load_demo_evaluation()
    assert load_demo_evaluation() == made >= 3
    plan = Plan.objects.get(name=PLAN_NAME)
    assert Target.objects.filter(plan=plan).count() == made
    counts = Counter(demo_statuses(plan))
    assert {"exceeded", "achieved", "not_achieved"} <= set(counts)
    assert all(s.explanation for s in TargetStatus.objects.filter(target__plan=plan))
