"""Projects for the investment tests: the cast's units plus two districts, seed rules."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest


def make_project(code: str, investor: Any, *, district: Any = None, stage: str = "ongoing", prepared: bool = True,
                 plan: float = 10000, months: dict[int, float] | None = None) -> Any:
    from theodoi.investment.models import CapitalPlan, Disbursement, Project

    project = Project.objects.create(code=code, name=f"Dự án {code}", investor=investor, district=district,
                                     stage=stage, preparation_done=prepared, under_construction=stage == "ongoing")
    CapitalPlan.objects.create(project=project, year=2021, amount=Decimal(str(plan)))
    for month, amount in (months or {}).items():
        Disbursement.objects.create(project=project, year=2021, month=month, cumulative_amount=Decimal(str(amount)))
    return project


@pytest.fixture
def projects(cast: Any) -> dict[str, Any]:
    return {
        # 35% at 30/6, 80% at 30/9: flagged by the June rule only
        "slow_start": make_project("A", cast.health, district=cast.district, plan=10000, months={6: 3500, 9: 8000}),
        # 45% at 30/6, 60% at 30/9: flagged by the September rule only
        "slow_end": make_project("B", cast.district, district=cast.district, plan=20000, months={6: 9000, 9: 12000}),
        # on pace throughout
        "fine": make_project("C", cast.health, plan=5000, months={6: 2500, 9: 4000}),
        # new, preparation not finished
        "unprepared": make_project("D", cast.district, district=cast.district, stage="new", prepared=False, plan=3000),
    }
