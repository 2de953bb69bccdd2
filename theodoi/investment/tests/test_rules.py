"""Disbursement rules at the dates around their thresholds; no database."""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from theodoi.investment.rules import (
    SEED_RULES,
    DisbursementRule,
    ProjectFacts,
    disbursement_rate,
    flag_project,
    group_totals,
    totals_by_district,
    totals_by_investor,
)

Y = 2021


def project(kind: str = "ongoing", plan: float = 100.0, **changes: Any) -> ProjectFacts:
    base = ProjectFacts(
        code="DA-01",
        name="Đường giao thông",
        kind=kind,
        capital_plan=plan,
        plan_year=Y,
        investor="Ban QLDA tỉnh",
        district="Đắk Hà",
    )
    return replace(base, **changes)


ONGOING_CASES = [
    # id, disbursed (of 100), as_of, rule names fired
    ("29-jun-under-40-not-yet", 32, date(Y, 6, 29), []),
    ("30-jun-under-40", 32, date(Y, 6, 30), ["ongoing_40pct_by_30_06"]),
    ("30-jun-exactly-40", 40, date(Y, 6, 30), []),
    ("30-jun-just-under-40", 39.99, date(Y, 6, 30), ["ongoing_40pct_by_30_06"]),
    ("1-jul-under-40", 35, date(Y, 7, 1), ["ongoing_40pct_by_30_06"]),
    ("29-sep-under-70", 60, date(Y, 9, 29), []),
    ("30-sep-under-70", 60, date(Y, 9, 30), ["ongoing_70pct_by_30_09"]),
    ("30-sep-exactly-70", 70, date(Y, 9, 30), []),
    ("30-sep-under-both", 30, date(Y, 9, 30), ["ongoing_40pct_by_30_06", "ongoing_70pct_by_30_09"]),
    ("next-year-all-passed", 30, date(Y + 1, 1, 5), ["ongoing_40pct_by_30_06", "ongoing_70pct_by_30_09"]),
    ("before-plan-year", 0, date(Y - 1, 12, 31), []),
    ("over-plan", 120, date(Y, 9, 30), []),
]


@pytest.mark.parametrize(
    ("disbursed", "as_of", "fired"), [c[1:] for c in ONGOING_CASES], ids=[c[0] for c in ONGOING_CASES]
)
def test_ongoing_thresholds(disbursed: float, as_of: date, fired: list[str]) -> None:
    flags = flag_project(project(), disbursed, as_of)
    assert [f.rule.name for f in flags] == fired
    for flag in flags:
        assert flag.action_vi == "Đề xuất cắt giảm, điều chuyển vốn"
        assert flag.rate == pytest.approx(disbursed / 100)
        assert flag.project_code == "DA-01"


@pytest.mark.parametrize(("disbursed", "plan", "as_of"), [
    (1.2, 3.0, date(Y, 6, 30)),  # 40 %, though 1.2 / 3 is 0.39999999999999997
    (2.1, 3.0, date(Y, 9, 30)),  # 70 %
    (0.7, 1.0, date(Y, 9, 30)),
])
def test_a_share_exactly_at_the_threshold_is_not_flagged_in_floating_point(
    disbursed: float, plan: float, as_of: date
) -> None:
    assert flag_project(project(plan=plan), disbursed, as_of) == []
    assert [f.rule.name for f in flag_project(project(plan=plan), disbursed * 0.999, as_of)] != []


NEW_CASES = [
    ("29-jun-not-prepared", False, date(Y, 6, 29), []),
    ("30-jun-not-prepared", False, date(Y, 6, 30), ["new_preparation_by_30_06"]),
    ("30-jun-prepared", True, date(Y, 6, 30), []),
    ("oct-not-prepared", False, date(Y, 10, 1), ["new_preparation_by_30_06"]),
]


@pytest.mark.parametrize(
    ("prepared", "as_of", "fired"), [c[1:] for c in NEW_CASES], ids=[c[0] for c in NEW_CASES]
)
def test_new_project_preparation(prepared: bool, as_of: date, fired: list[str]) -> None:
    flags = flag_project(project("new", preparation_done=prepared), 0, as_of)
    assert [f.rule.name for f in flags] == fired
    if flags:
        assert flags[0].reason_vi == "Chưa hoàn thành thủ tục chuẩn bị đầu tư đến 30/6/2021."


def test_reason_on_the_checkpoint_day() -> None:
    (flag,) = flag_project(project(), 32, date(Y, 6, 30))
    assert flag.reason_vi == "Giải ngân 32% kế hoạch vốn đến 30/6/2021, dưới ngưỡng 40%."
    assert flag.checkpoint == date(Y, 6, 30)


def test_reason_after_the_checkpoint_names_both_dates() -> None:
    (flag,) = flag_project(project(), 32, date(Y, 7, 15))
    assert (
        flag.reason_vi
        == "Giải ngân 32% kế hoạch vốn (tính đến 15/7/2021), dưới ngưỡng 40% tại mốc 30/6/2021."
    )


@pytest.mark.parametrize(
    ("facts", "disbursed"),
    [
        (project(plan=0), 0),  # no capital plan: nothing to cut
        (project(plan=-5), 0),
        (project(under_construction=False), 10),  # seed rules: ongoing projects *with construction*
        (project("new", preparation_done=True), 0),  # the share rules are for ongoing projects only
    ],
    ids=["no-plan", "negative-plan", "not-under-construction", "new-prepared"],
)
def test_rules_that_do_not_apply(facts: ProjectFacts, disbursed: float) -> None:
    assert flag_project(facts, disbursed, date(Y, 10, 1)) == []


def test_rules_are_data_and_configurable() -> None:
    strict = (
        DisbursementRule(
            "ongoing_50pct_by_15_06", "ongoing", (6, 15), min_share=0.5, action_vi="Điều chuyển"
        ),
    )
    (flag,) = flag_project(project(), 45, date(Y, 6, 15), strict)
    assert flag.action_vi == "Điều chuyển"
    assert "dưới ngưỡng 50%" in flag.reason_vi
    assert [r.by_month_day for r in SEED_RULES] == [(6, 30), (9, 30), (6, 30)]
    assert [r.min_share for r in SEED_RULES] == [0.4, 0.7, None]


def test_leap_day_rule_in_common_year() -> None:
    rule = DisbursementRule("feb", "ongoing", (2, 29), min_share=0.1)
    assert rule.checkpoint(2021) == date(2021, 2, 28)
    assert rule.checkpoint(2024) == date(2024, 2, 29)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"applies_to": "old", "by_month_day": (6, 30)},
        {"applies_to": "new", "by_month_day": (6, 31)},
        {"applies_to": "new", "by_month_day": (6, 30), "min_share": -0.1},
        {"applies_to": "new", "by_month_day": (6, 30), "min_share": math.nan},
    ],
)
def test_bad_rules_fail_loudly(kwargs: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        DisbursementRule("bad", **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("disbursed", "plan", "rate"),
    [(32, 100, 0.32), (0, 100, 0.0), (150, 100, 1.5), (10, 0, None), (10, -1, None), (math.nan, 100, None)],
)
def test_disbursement_rate(disbursed: float, plan: float, rate: float | None) -> None:
    assert disbursement_rate(disbursed, plan) == (pytest.approx(rate) if rate is not None else None)


def test_decimal_money_is_accepted() -> None:
    from decimal import Decimal

    assert disbursement_rate(Decimal("32.5"), Decimal("100")) == pytest.approx(0.325)  # type: ignore[arg-type]


def test_group_totals_by_investor_and_district() -> None:
    rows = [
        (project(plan=100, investor="Ban A", district="Đắk Hà"), 30.0),
        (project(plan=200, investor="Ban A", district="Kon Rẫy"), 150.0),
        (project(plan=100, investor="Ban B", district="Đắk Hà"), 50.0),
    ]
    by_investor = totals_by_investor(rows, as_of=date(Y, 7, 1))
    assert list(by_investor) == ["Ban A", "Ban B"]
    a = by_investor["Ban A"]
    assert (a.projects, a.capital_plan, a.disbursed, a.flagged) == (2, 300, 180, 1)
    assert a.rate == pytest.approx(0.6)
    assert a.sentence_vi == (
        "Ban A: 2 dự án, kế hoạch vốn 300, đã giải ngân 180 (60% kế hoạch); 1 dự án đề xuất điều chuyển vốn."
    )
    by_district = totals_by_district(rows)
    assert by_district["Đắk Hà"].disbursed == 80 and by_district["Đắk Hà"].flagged == 0
    by_kind = group_totals(rows, key=lambda p: p.kind)
    assert by_kind["ongoing"].projects == 3


@given(
    disbursed=st.floats(allow_nan=False, allow_infinity=False),
    plan=st.floats(allow_nan=False, allow_infinity=False),
    as_of=st.dates(min_value=date(Y - 1, 1, 1), max_value=date(Y + 1, 12, 31)),
    kind=st.sampled_from(["ongoing", "new"]),
    prepared=st.booleans(),
)
def test_flag_project_never_raises(
    disbursed: float, plan: float, as_of: date, kind: str, prepared: bool
) -> None:
    for flag in flag_project(project(kind, plan, preparation_done=prepared), disbursed, as_of):
        assert flag.reason_vi.endswith(".")
