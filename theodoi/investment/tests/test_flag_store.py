"""The stored flags (theodoi/investment/flags.py) give the flagged list the rules give, on every
day of the year, after every kind of change; and a page costs the same however many projects."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from theodoi.investment import flags, selectors, services
from theodoi.investment.models import CapitalPlan, Disbursement, DisbursementRuleSetting, FlagRules
from theodoi.investment.tests.conftest import make_project

pytestmark = pytest.mark.django_db

YEAR = 2021
# The checkpoints and the days either side, a day in between, the year's end and a later year.
DAYS = [date(YEAR, 1, 31), date(YEAR, 6, 29), date(YEAR, 6, 30), date(YEAR, 7, 1), date(YEAR, 8, 15),
        date(YEAR, 9, 29), date(YEAR, 9, 30), date(YEAR, 10, 1), date(YEAR, 12, 31), date(YEAR + 1, 3, 1)]


def by_the_rules(user: Any, as_of: date) -> list[str]:
    """The list as it was computed before the flags were stored: every project through the rules."""
    return [r.project.code for r in selectors.flagged(selectors.project_rows(user=user, year=YEAR, as_of=as_of))]


def stored(user: Any, as_of: date) -> list[str]:
    visible = selectors.projects_visible(user=user)
    return list(flags.flagged_projects(visible, YEAR, as_of).values_list("code", flat=True))


def assert_same_every_day(user: Any) -> None:
    for day in DAYS:
        assert stored(user, day) == by_the_rules(user, day), day


@pytest.fixture
def cases(cast: Any) -> dict[str, Any]:
    h, d = cast.health, cast.district
    return {
        "exactly_40_at_june": make_project("E40", h, plan=10000, months={6: 4000}),
        "just_under_40": make_project("U40", h, plan=10000, months={6: 3999.999}),
        "exactly_70_at_sept": make_project("E70", h, plan=10000, months={6: 5000, 9: 7000}),
        "just_under_70": make_project("U70", d, district=d, plan=10000, months={6: 5000, 9: 6999}),
        "june_figure_from_may": make_project("MAY", h, plan=10000, months={5: 3000, 7: 9000}),
        "nothing_disbursed": make_project("ZERO", d, plan=500),
        "no_capital": make_project("NOCAP", d, plan=0, months={6: 0}),
        "float_edge": make_project("FLT", h, plan=3, months={6: 1.2, 9: 2.1}),
        "new_unprepared": make_project("NEWX", d, district=d, stage="new", prepared=False, plan=2000),
        "new_prepared": make_project("NEWOK", d, stage="new", prepared=True, plan=2000),
        "late_start_only_october": make_project("OCT", h, plan=1000, months={10: 900}),
    }


def test_the_stored_list_equals_the_rules_on_every_day(cast: Any, cases: Any) -> None:
    assert_same_every_day(cast.planner)
    # FLT: 1,2 of 3 is 40 % (1.2 / 3 is 0.39999… in floating point) and 2,1 of 3 is 70 %: it meets
    # both rules exactly and is never flagged, by the rules or by the stored list.
    assert stored(cast.planner, date(YEAR, 6, 29)) == []
    assert stored(cast.planner, date(YEAR, 6, 30)) == ["MAY", "NEWX", "OCT", "U40", "ZERO"]
    # E40: 40 % in June meets that rule, but it is still 40 % on 30 September
    assert stored(cast.planner, date(YEAR, 9, 30)) == ["E40", "MAY", "NEWX", "OCT", "U40", "U70", "ZERO"]


def test_two_capital_sources_and_a_project_without_construction(cast: Any, cases: Any) -> None:
    extra = make_project("TWO", cast.health, plan=5000, months={6: 3000})  # 60 % of one source…
    CapitalPlan.objects.create(project=extra, year=YEAR, source="central", amount=Decimal(5000))  # …30 % of both
    idle = cases["just_under_40"]
    idle.under_construction = False  # the seed rules are for projects under construction
    idle.save()
    assert "TWO" in stored(cast.planner, date(YEAR, 6, 30)) and "U40" not in stored(cast.planner, date(YEAR, 6, 30))
    assert_same_every_day(cast.planner)


def test_each_visitor_sees_only_their_projects(cast: Any, cases: Any) -> None:
    for who in (cast.planner, cast.health_reporter, cast.district_reporter):
        assert_same_every_day(who)


def test_the_stored_flags_follow_every_change(cast: Any, cases: Any) -> None:
    assert_same_every_day(cast.planner)
    services.disbursement_record(user=cast.planner, project=cases["just_under_40"], year=YEAR, month=6,
                                 cumulative_amount="4.500")  # now over 40 %
    services.capital_plan_set(user=cast.planner, project=cases["exactly_70_at_sept"], year=YEAR, amount="20.000")
    Disbursement.objects.filter(project=cases["exactly_40_at_june"]).get().delete()  # nothing disbursed now
    prepared = cases["new_unprepared"]
    prepared.preparation_done = True
    prepared.save()
    assert_same_every_day(cast.planner)
    assert "U40" not in stored(cast.planner, date(YEAR, 6, 30)) and "E40" in stored(cast.planner, date(YEAR, 6, 30))
    cases["float_edge"].delete()
    assert_same_every_day(cast.planner)


def test_a_rule_edited_in_the_admin_judges_the_year_again(cast: Any, cases: Any) -> None:
    assert_same_every_day(cast.planner)
    DisbursementRuleSetting.objects.create(name="ongoing_50pct_by_31_07", applies_to="ongoing", by_month=7, by_day=31,
                                           min_share_pct=50, description="Chuyển tiếp dưới 50% đến 31/7")
    assert_same_every_day(cast.planner)
    DisbursementRuleSetting.objects.filter(name="ongoing_50pct_by_31_07").update(active=False)
    assert_same_every_day(cast.planner)


def test_a_year_judged_under_other_rules_or_never_is_judged_again_once(cast: Any, cases: Any) -> None:
    FlagRules.objects.all().delete()
    assert stored(cast.planner, date(YEAR, 9, 30)) == by_the_rules(cast.planner, date(YEAR, 9, 30))
    FlagRules.objects.filter(year=YEAR).update(digest="rules of an older release")
    assert stored(cast.planner, date(YEAR, 9, 30)) == by_the_rules(cast.planner, date(YEAR, 9, 30))
    with CaptureQueriesContext(connection) as queries:  # current now: no judging on a read
        stored(cast.planner, date(YEAR, 9, 30))
    assert not any('"investment_disbursement"' in q["sql"] for q in queries.captured_queries)
    assert len(queries.captured_queries) == 3  # the rules in force, the year's digest, the list


def test_an_import_judges_each_project_once_and_ends_current(cast: Any, cases: Any, monkeypatch: Any) -> None:
    from theodoi.investment.tests.test_import import workbook  # noqa: PLC0415 (the import tests' sheet maker)

    judged: list[set[int]] = []
    real = flags.rejudge

    def counting(ids: Any, year: int) -> None:
        judged.append(set(ids))
        real(ids, year)

    monkeypatch.setattr(flags, "rejudge", counting)
    file = workbook(
        ["DA-1", "Đường nội thị", "Sở Y tế", "", "Chuyển tiếp", "có", "", "12.500", 500, 1200, 2000, 3000, 4000, 4500],
        ["DA-5", "Nhà văn hóa", "Sở Y tế", "", "Khởi công mới", "không", "", 2000],
        ["U40", "Dự án U40", "Sở Y tế", "", "Chuyển tiếp", "có", "", 10000, 0, 0, 0, 0, 0, 4500],  # now 45 %
    )
    report = services.projects_import_xlsx(user=cast.planner, file=file, year=YEAR)
    assert report.saved == 3, report.errors
    assert len(judged) == 1  # one judgement for the whole import
    assert_same_every_day(cast.planner)
    assert {"DA-1", "DA-5"} <= set(stored(cast.planner, date(YEAR, 6, 30))) and "U40" not in stored(cast.planner,
                                                                                                    date(YEAR, 6, 30))


@pytest.fixture
def api_mounted() -> None:
    from django.urls import Resolver404, resolve

    try:
        resolve("/api/investment/flagged")
    except Resolver404:
        pytest.skip("the investment router is not mounted in theodoi/api.py")


def _many(cast: Any, n: int, start: int) -> None:
    for i in range(start, start + n):
        make_project(f"P{i:04d}", cast.health, plan=1000, months={6: 100})  # 10 %: flagged


def _page_cost(client: Any, url: str, spied: list[int], monkeypatch: Any) -> tuple[int, int]:
    real = selectors.project_rows

    def spy(**kw: Any) -> Any:
        rows = real(**kw)
        spied.append(len(rows))
        return rows

    monkeypatch.setattr(selectors, "project_rows", spy)
    client.get(url)  # the year is judged on the first read; the page is measured after it
    spied.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    monkeypatch.setattr(selectors, "project_rows", real)
    return len(queries.captured_queries), max(spied)


@pytest.mark.parametrize("url", ["/api/investment/flagged?year=2021&as_of=2021-09-30&limit=5",
                                 "/dau-tu-cong/de-xuat-dieu-chuyen/?nam=2021&den_ngay=2021-09-30"])
def test_a_page_costs_the_same_with_ten_or_a_hundred_times_more_projects(
    cast: Any, url: str, monkeypatch: Any, api_mounted: None
) -> None:
    from theodoi.investment import views

    monkeypatch.setattr(views, "FLAGGED_PAGE_SIZE", 5)  # a full page in both runs, as the API's limit=5
    client = Client()
    client.force_login(cast.planner)
    _many(cast, 6, 0)
    few, rows_few = _page_cost(client, url, [], monkeypatch)
    _many(cast, 120, 100)
    many, rows_many = _page_cost(client, url, [], monkeypatch)
    assert few == many
    assert rows_few == rows_many == 5  # the rules ran for one page of projects only, not for 126
