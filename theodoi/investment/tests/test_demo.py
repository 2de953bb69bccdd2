"""The demo projects load twice without duplicates and make every seed rule fire."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from theodoi.investment import selectors
from theodoi.investment.demo import PROJECTS, load_demo_investment
from theodoi.investment.models import Disbursement, Project

pytestmark = pytest.mark.django_db


@pytest.fixture
def kontum_units(cast: Any) -> None:
    from theodoi.accounts.models import OrgUnit, UnitKind

    codes = {p[2] for p in PROJECTS} | {p[3] for p in PROJECTS}
    for code in codes - set(OrgUnit.objects.values_list("code", flat=True)):
        kind = UnitKind.DEPARTMENT if code.startswith(("so-", "bql")) else UnitKind.DISTRICT
        OrgUnit.objects.create(name=f"Đơn vị {code}", code=code, kind=kind, parent=cast.province)


def test_the_demo_is_idempotent_and_every_rule_fires(cast: Any, kontum_units: None) -> None:
    assert load_demo_investment() == 12
    assert load_demo_investment() == 12
    assert Project.objects.count() == 12
    assert Disbursement.objects.filter(year=2021).values("month").distinct().count() == 9
    rows = selectors.project_rows(user=cast.planner, year=2021)
    assert selectors.default_as_of(2021) == date(2021, 9, 30)
    fired = {f.rule.name for r in rows for f in r.flags}
    assert fired == {"ongoing_40pct_by_30_06", "ongoing_70pct_by_30_09", "new_preparation_by_30_06"}
    assert 4 <= len(selectors.flagged(rows)) <= 8
