"""The chart of one target puts each figure on the month its period runs to. Values are dated at
their period's end (30/6 for June); on a time axis ticked at month starts, June's figure sat beside
"T7/2021" and a leader read it as July's."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_figure_sits_on_the_month_its_period_ends(page_as: Any, shot: Any, live_server: Any) -> None:
    from theodoi.evaluation.services import target_statuses_recompute
    from theodoi.evaluation.tests.conftest import make_plan_2021
    from theodoi.test import make_cast

    plan = make_plan_2021(make_cast())
    plan.report(plan.cast.district, plan.rice, "2021-03", 9000)
    plan.report(plan.cast.district, plan.rice, "2021-06", 21000)
    target_statuses_recompute()
    page = page_as(plan.cast.leader)
    page.goto(f"{live_server.url}/danh-gia/chi-tieu/{plan.rice.pk}/")
    page.wait_for_selector("#chart-series[data-rendered='1'] canvas")
    drawn = page.evaluate(
        """() => {
        const option = echarts.getInstanceByDom(document.getElementById('chart-series')).getOption();
        return { months: option.xAxis[0].data, points: option.series[0].data, pace: option.series[1].data };
    }"""
    )
    assert drawn["months"][0] == "T1/2021" and drawn["months"][-1] == "T12/2021"
    assert drawn["points"] == [["T3/2021", 9000], ["T6/2021", 21000]]
    # the pace line reaches the target at the year's end and a quarter of it at the end of March
    assert drawn["pace"][2] == ["T3/2021", 10000] and drawn["pace"][-1] == ["T12/2021", 40000]
    shot(page, "target-chart-months")
