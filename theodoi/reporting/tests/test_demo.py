"""The demo loader leaves forms in every state, one late and one missing, reports every kind of period
the regime asks for (months, quarters, the half-year), and runs twice safely."""

from __future__ import annotations

from datetime import date

import pytest

from theodoi.reporting.demo import load_demo_reports
from theodoi.reporting.models import FormStatus, ReportForm
from theodoi.reporting.periods import parse_period_key
from theodoi.reporting.selectors import timeliness_table

pytestmark = pytest.mark.django_db


def test_demo_reports_cover_every_state_and_are_idempotent(world):
    made = load_demo_reports()
    # two reporting units: January-June, two quarters and the first half; June's round (June, the
    # second quarter, the half-year) missing for one
    assert made == (6 + 3) * 2 - 3
    assert load_demo_reports() == 0
    statuses = set(ReportForm.objects.values_list("status", flat=True))
    assert {FormStatus.ACCEPTED, FormStatus.SUBMITTED} <= statuses
    table = timeliness_table(user=world.cast.planner, regime=world.regime, periods=[parse_period_key("2021-06")],
                             today=date(2021, 7, 1))
    states = sorted(c.state for _, cells in table for c in cells)
    assert states == ["late", "missing"]
    earlier = timeliness_table(user=world.cast.planner, regime=world.regime,
                               periods=[parse_period_key(k) for k in ("2021-03", "2021-Q1", "2021-05")],
                               today=date(2021, 7, 1))
    assert {c.state for _, cells in earlier for c in cells} == {"on_time"}, "earlier rounds came in on time"


def test_demo_tasks_finish_over_the_half_year_and_stay_finished():
    from types import SimpleNamespace

    from theodoi.plans.models import TaskState
    from theodoi.reporting.demo import _demo_task_state

    due_june = [SimpleNamespace(pk=pk, position=pk % 2, deadline=date(2021, 6, 30)) for pk in (10, 11)]
    assert [_demo_task_state(t, 6, partner=False)[0] for t in due_june] == [TaskState.DONE_ON_TIME,
                                                                               TaskState.IN_PROGRESS]
    assert _demo_task_state(due_june[0], 6, partner=True)[0] == TaskState.IN_PROGRESS
    year = [SimpleNamespace(pk=pk, position=0, deadline=date(2021, 12, 31)) for pk in range(1, 201)]
    by_month = [[_demo_task_state(t, m, partner=False)[0] for t in year] for m in range(1, 7)]
    done = [row.count(TaskState.DONE_ON_TIME) for row in by_month]
    assert done[0] == 0 and 20 <= done[-1] <= 80, done
    assert done == sorted(done), "a finished task stays finished"
