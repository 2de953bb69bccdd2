"""The year-to-date recompute reads only the latest value of each target in each form group (by
PostgreSQL's DISTINCT ON, or in Python elsewhere) and lets `_pick` choose the engine's input from
those; these tests hold it to the statuses of the recompute from every value (`target_evaluate`),
on data where the choices matter: several units, unaccepted and draft figures, annual reports,
a term target, a change target, a target nobody reported on, a snapshot."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.db import connection, transaction

from theodoi.evaluation import engine, services
from theodoi.evaluation.models import TargetStatus
from theodoi.plans.models import Actual, Indicator, PublishStatus, Target

pytestmark = pytest.mark.django_db

TODAY = date(2022, 3, 1)
FIELDS = (
    "target_id", "period", "public", "status", "value", "progress_pct", "forecast", "forecast_method", "explanation",
    "as_of", "target_level", "expected_pct", "period_end",
)


@pytest.fixture
def varied(plan2021: Any) -> Any:
    """plan2021 with figures where every rule of the choice of a value is used (a form is one unit's
    report for one period, so a unit's figures of a period share its status)."""
    cast, plan = plan2021.cast, plan2021.plan
    # growth: its own unit's latest (unaccepted) figure internally, the accepted one publicly; another
    # unit's later figure does not count while the responsible unit reported
    plan2021.report(cast.planning, plan2021.growth, "2021-03", 10.2, status="accepted")
    plan2021.report(cast.planning, plan2021.growth, "2021-06", 8.0, status="submitted")
    plan2021.report(cast.health, plan2021.growth, "2021-09", 12.0, status="accepted")
    # beds: only other units reported (they count); an annual figure not accepted yet; a draft
    plan2021.report(cast.district, plan2021.beds, "2021-06", 30, status="accepted")
    plan2021.report(cast.planning, plan2021.beds, "2021", 33, status="submitted")
    plan2021.report(cast.district, plan2021.beds, "2021-08", 99, status="draft")
    # rice: a flow, year to date, from monthly and quarterly forms
    plan2021.report(cast.district, plan2021.rice, "2021-03", 9000, status="accepted")
    plan2021.report(cast.district, plan2021.rice, "2021-Q2", 21000, status="accepted")
    plan2021.report(cast.district, plan2021.rice, "2021-09", 30000, status="submitted")
    plan2021.report(cast.planning, plan2021.population, "2021-05", 560, status="accepted")

    def target(name: str, value: float, period: str, **kw: Any) -> Target:
        ind = Indicator.objects.create(name=name, unit="%", field="society", measure=kw.pop("measure", "stock"),
                                       direction=kw.pop("direction", "higher"))
        return Target.objects.create(plan=plan, indicator=ind, value=value, unit="%", period=period,
                                     responsible_unit=cast.planning, status=PublishStatus.PUBLISHED, **kw)

    term = target("Tỷ lệ đô thị hóa", 40, "2021-2025")
    plan2021.report(cast.planning, term, "2021-05", 35, status="accepted")
    plan2021.report(cast.planning, term, "2021-06", 36, status="submitted")
    poverty = target("Tỷ lệ hộ nghèo", 2, "2021", comparator=">=", is_change=True, direction="lower")
    Actual.objects.create(indicator=poverty.indicator, period="2020", value=18.5)
    plan2021.report(cast.planning, poverty, "2021-05", 17.0, status="accepted")
    target("Tỷ lệ che phủ rừng", 60, "2021", comparator="between", value_max=62)  # nobody reports it
    return plan2021


def _stored() -> list[tuple[Any, ...]]:
    return list(TargetStatus.objects.order_by("target_id", "period", "public").values_list(*FIELDS))


def _statuses_by(recompute: Callable[..., int], period: str | None) -> list[tuple[Any, ...]]:
    """The rows one recompute path writes from nothing, for every target (or the snapshot `period`)."""
    TargetStatus.objects.all().delete()
    ids = list(Target.objects.order_by("pk").values_list("pk", flat=True))
    snapshot = services._snapshot_period(period)
    with transaction.atomic():
        written = recompute(ids, snapshot=snapshot, as_of_by_year=services.rounds_as_of(today=TODAY), today=TODAY)
    rows = _stored()
    assert written == len(rows) == 2 * len(ids)
    return rows


@pytest.mark.parametrize("period", [None, "2021-H1"])
def test_the_latest_values_give_the_statuses_of_every_value(varied: Any, period: str | None) -> None:
    every = _statuses_by(services._recompute_every_value, period)
    latest = _statuses_by(
        lambda ids, **kw: services._recompute(ids, everything=period is None, **kw), period
    )
    assert latest == every
    # the choices are really made: statuses differ between scopes and from "no data"
    statuses = {(row[0], row[2]): row[3] for row in latest}
    assert statuses[(varied.growth.pk, False)] != statuses[(varied.growth.pk, True)]
    assert len(set(statuses.values())) >= 4


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the SQL reduction is PostgreSQL's")
@pytest.mark.parametrize("period", [None, "2021-H1"])
def test_postgresql_reduces_the_values_as_python_does(varied: Any, period: str | None) -> None:
    by_sql = _statuses_by(lambda ids, **kw: services._recompute(ids, everything=period is None, sql=True, **kw), period)
    by_python = _statuses_by(
        lambda ids, **kw: services._recompute(ids, everything=period is None, sql=False, **kw), period
    )
    assert by_sql == by_python


def test_a_second_recompute_over_stored_rows_keeps_them(varied: Any) -> None:
    services.target_statuses_recompute(today=TODAY)
    services.target_statuses_recompute(period="2021-H1", today=TODAY)
    first = _stored()
    assert services.target_statuses_recompute(today=TODAY) == len(first) // 2
    assert _stored() == first


def test_targets_nobody_reported_on_share_one_verdict(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[Any] = []
    evaluate = engine.evaluate

    def counted(*args: Any, **kwargs: Any) -> engine.Evaluation:
        calls.append(args)
        return evaluate(*args, **kwargs)

    monkeypatch.setattr(services.engine, "evaluate", counted)
    judge = services._Judge()
    spec = engine.TargetSpec(comparator=">=", value=10.0, unit="%")
    nothing = (2021, date(2021, 6, 30), ())
    first, second = judge(spec, nothing), judge(spec, nothing)
    assert first is second and first.status == "no_data" and len(calls) == 1
    reported = (2021, date(2021, 6, 30), (engine.Observation(period_end=date(2021, 6, 30), value=9.5),))
    assert judge(spec, reported).status == "at_risk" and judge(spec, reported).status == "at_risk"
    assert len(calls) == 3  # figures are judged each time: only "nothing reported" is shared


def test_a_failure_midway_leaves_the_stored_rows_as_they_were(varied: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    services.target_statuses_recompute(today=TODAY)
    before = _stored()
    # the digests forgotten, so that the recompute judges every target again instead of skipping them
    TargetStatus.objects.update(inputs=None)
    evaluate = engine.evaluate
    calls: list[int] = []

    def failing(*args: Any, **kwargs: Any) -> engine.Evaluation:
        calls.append(1)
        if len(calls) == 3:  # while the rows of the first targets are already on their way (COPY)
            raise RuntimeError("engine bug")
        return evaluate(*args, **kwargs)

    monkeypatch.setattr(services.engine, "evaluate", failing)
    with pytest.raises(RuntimeError, match="engine bug"):
        services.target_statuses_recompute(today=TODAY)
    assert _stored() == before  # rolled back whole, and the connection still answers
    monkeypatch.setattr(services.engine, "evaluate", evaluate)
    TargetStatus.objects.all().delete()
    services.target_statuses_recompute(today=TODAY)
    assert _stored() == before
