"""The dashboard counts a task done when its lead agency reported it done, like the DOCX report.

Before, the dashboard read only `Task.done_at`, which nothing but the admin sets, so every task an
agency had reported finished still showed as under way or overdue, and a past year's dataset was
judged as of the real today (every 2021 task overdue in 2026)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from theodoi.evaluation import selectors
from theodoi.plans.models import Assignment, PublishStatus, Task, TaskState
from theodoi.reporting.models import ReportForm, TaskReport

pytestmark = pytest.mark.django_db


def _task(plan2021: Any, text: str, deadline: date) -> Task:
    block = Assignment.objects.create(plan=plan2021.plan, ref=text[:12], status=PublishStatus.PUBLISHED)
    block.lead_units.add(plan2021.cast.health)
    return Task.objects.create(assignment=block, text=text, deadline=deadline)


def _reported(plan2021: Any, task: Task, key: str, state: str, *, status: str = "accepted",
              partner: bool = False) -> None:
    unit = plan2021.cast.planning if partner else plan2021.cast.health
    form, _ = ReportForm.objects.get_or_create(regime=plan2021.regime, unit=unit, period_key=key,
                                               defaults={"status": status})
    TaskReport.objects.create(form=form, task=task, state=state, is_partner=partner)


def test_a_task_reported_done_by_its_lead_counts_as_done(plan2021: Any) -> None:
    task = _task(plan2021, "Ban hành đề án", date(2021, 6, 30))
    _reported(plan2021, task, "2021-04", TaskState.IN_PROGRESS)
    _reported(plan2021, task, "2021-05", TaskState.DONE_ON_TIME)
    overall, groups = selectors.task_summary(user=plan2021.cast.leader, public=False, today=date(2021, 9, 30))
    assert overall.counts["done_on_time"] == 1 and overall.counts["not_done_overdue"] == 0
    assert overall.done_of_due == 1
    assert groups[0].summary.counts["done_on_time"] == 1


def test_only_the_leads_counted_reports_by_the_day_decide(plan2021: Any) -> None:
    drafted = _task(plan2021, "Chỉ trong bản nháp", date(2021, 6, 30))
    _reported(plan2021, drafted, "2021-05", TaskState.DONE_ON_TIME, status="draft")
    by_partner = _task(plan2021, "Đơn vị phối hợp báo cáo", date(2021, 6, 30))
    _reported(plan2021, by_partner, "2021-05", TaskState.DONE_ON_TIME, partner=True)
    later = _task(plan2021, "Báo cáo tháng sau", date(2021, 12, 31))
    _reported(plan2021, later, "2021-10", TaskState.DONE_ON_TIME)
    overall, _groups = selectors.task_summary(user=plan2021.cast.leader, public=False, today=date(2021, 9, 30))
    assert overall.counts == {"done_on_time": 0, "done_late": 0, "not_done_in_time": 1, "not_done_overdue": 2}


def test_a_later_report_of_work_still_under_way_is_not_undone_by_an_earlier_done(plan2021: Any) -> None:
    task = _task(plan2021, "Sửa đổi quy chế", date(2021, 12, 31))
    _reported(plan2021, task, "2021-03", TaskState.DONE_ON_TIME)
    _reported(plan2021, task, "2021-06", TaskState.IN_PROGRESS)
    overall, _groups = selectors.task_summary(user=plan2021.cast.leader, public=False, today=date(2021, 9, 30))
    assert overall.counts["not_done_in_time"] == 1


def test_a_past_years_dataset_is_judged_as_of_its_latest_round(plan2021: Any) -> None:
    task = _task(plan2021, "Cuối năm", date(2021, 12, 31))
    plan2021.report(plan2021.cast.health, plan2021.beds, "2021-06", 30)
    overall, _groups = selectors.task_summary(user=plan2021.cast.leader, public=False)
    assert overall.counts["not_done_in_time"] == 1, task
