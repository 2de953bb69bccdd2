"""Dashboard summaries by field, agency and district, from stored statuses."""

from __future__ import annotations

from typing import Any

import pytest

from theodoi.evaluation import selectors
from theodoi.evaluation.services import target_statuses_recompute

pytestmark = pytest.mark.django_db


@pytest.fixture
def judged(plan2021: Any) -> Any:
    c = plan2021.cast
    plan2021.report(c.planning, plan2021.growth, "2021", 10.6)  # exceeded
    plan2021.report(c.health, plan2021.beds, "2021", 31)  # not achieved
    plan2021.report(c.district, plan2021.rice, "2021", 40000)  # achieved
    target_statuses_recompute()
    return plan2021


def test_the_province_summary_reads_as_the_documents_write_it(judged: Any) -> None:
    rows = selectors.status_rows(public=False, targets=selectors.year_targets(year=2021, public=False))
    summary = selectors.summary_of(rows)
    assert (summary.achieved_or_exceeded, summary.total) == (2, 3)  # the forecast is left out
    assert summary.sentence_vi.startswith("2/3 chỉ tiêu chủ yếu đạt và vượt")


def test_summaries_by_field(judged: Any) -> None:
    rows = selectors.status_rows(public=False)
    groups = {g.key: g for g in selectors.by_field(rows)}
    assert (groups["economy"].good, groups["economy"].total) == (2, 2)
    assert (groups["society"].good, groups["society"].total) == (0, 1)
    assert groups["society"].label == "Văn hóa - xã hội - môi trường"


def test_summaries_by_agency_leave_districts_apart(judged: Any) -> None:
    rows = selectors.status_rows(public=False)
    agencies = {g.label: (g.good, g.total) for g in selectors.by_agency(rows)}
    assert agencies == {"Sở Kế hoạch và Đầu tư": (1, 1), "Sở Y tế": (0, 1)}


def test_summaries_by_district_include_the_district_communes(judged: Any) -> None:
    from theodoi.accounts.models import OrgUnit, UnitKind
    from theodoi.plans.models import Target

    commune = OrgUnit.objects.create(name="UBND xã Hà Mòn", code="xa-ha-mon", kind=UnitKind.COMMUNE,
                                     parent=judged.cast.district)
    Target.objects.filter(pk=judged.rice.pk).update(responsible_unit=commune)
    rows = selectors.status_rows(public=False)
    districts = {g.label: (g.good, g.total) for g in selectors.by_district(rows)}
    assert districts == {"UBND huyện Đắk Hà": (1, 1)}


def test_the_public_summary_only_counts_accepted_figures(judged: Any) -> None:
    from theodoi.reporting.models import ReportForm

    ReportForm.objects.filter(unit=judged.cast.health).update(status="submitted")
    target_statuses_recompute()
    public = selectors.summary_of(selectors.status_rows(public=True))
    internal = selectors.summary_of(selectors.status_rows(public=False))
    assert public.counts["no_data"] == 1 and internal.counts["not_achieved"] == 1


def test_tasks_are_counted_by_the_four_states(plan2021: Any) -> None:
    from datetime import date

    from theodoi.plans.models import Assignment, PublishStatus, Task

    a = Assignment.objects.create(plan=plan2021.plan, ref="1", status=PublishStatus.PUBLISHED)
    a.lead_units.add(plan2021.cast.health)
    Task.objects.create(assignment=a, text="Đúng hạn", deadline=date(2021, 6, 30), done_at=date(2021, 6, 1))
    Task.objects.create(assignment=a, text="Quá hạn", deadline=date(2021, 6, 30))
    Task.objects.create(assignment=a, text="Trong hạn", deadline=date(2021, 12, 31))
    overall, groups = selectors.task_summary(user=plan2021.cast.leader, public=False, today=date(2021, 9, 30))
    assert overall.counts == {"done_on_time": 1, "done_late": 0, "not_done_in_time": 1, "not_done_overdue": 1}
    assert groups[0].unit == plan2021.cast.health
