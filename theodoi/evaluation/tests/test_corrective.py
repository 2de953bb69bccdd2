"""Corrective tasks: opened only from a target at risk, behind or missed, by a planner or leader;
the task is an ordinary task of the chosen agency (task list, agency page) and the consolidated
report's section III lists it."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.test import Client

from theodoi.core.models import AuditEvent
from theodoi.core.refusals import Conflict, Invalid, NotAllowed
from theodoi.evaluation.services import target_statuses_recompute
from theodoi.evaluation.services.corrective import corrective_task_open
from theodoi.plans.models import CorrectiveAction, Task

TODAY = date(2021, 7, 10)


@pytest.fixture
def behind(plan2021: Any) -> Any:
    """Beds: 20 of 32 in June, judged behind; growth: 10.5 of 10, on track."""
    plan2021.report(plan2021.cast.health, plan2021.beds, "2021-06", 20)
    plan2021.report(plan2021.cast.planning, plan2021.growth, "2021-06", 10.5)
    target_statuses_recompute(today=TODAY)
    return plan2021


def _open(plan: Any, user: Any, target: Any = None, **kw: Any) -> CorrectiveAction:
    values = {"fact": "Mới đạt 20 giường/vạn dân", "cause": "Bệnh viện huyện chậm khởi công",
              "action": "Đẩy nhanh xây dựng khối điều trị nội trú", "lead_unit": plan.cast.health,
              "deadline": date(2021, 10, 31), "today": TODAY, **kw}
    return corrective_task_open(user=user, target=target or plan.beds, **values)


def test_a_planner_opens_a_corrective_task_that_is_an_ordinary_task_of_the_agency(behind: Any) -> None:
    from theodoi.evaluation.models import TargetStatus

    status = TargetStatus.objects.get(target=behind.beds, public=False)
    assert status.status in ("at_risk", "off_track")
    corrective = _open(behind, behind.cast.planner)
    task = Task.objects.get(pk=corrective.task_id)
    assert task.deadline == date(2021, 10, 31) and "Đẩy nhanh xây dựng" in task.text
    assert list(task.assignment.lead_units.all()) == [behind.cast.health]
    assert task.assignment.plan == behind.plan and task.assignment.ref == "KP.1"
    assert corrective.status_at_open == status.status
    event = AuditEvent.objects.get(action="corrective.open")
    assert event.actor == behind.cast.planner and (event.after or {})["task"] == task.pk
    assert _open(behind, behind.cast.leader).task.assignment.ref == "KP.2"

    client = Client()
    client.force_login(behind.cast.planner)
    listed = client.get(f"/ke-hoach/nhiem-vu/?unit={behind.cast.health.pk}").content.decode()
    assert "Đẩy nhanh xây dựng khối điều trị nội trú" in listed
    agency = client.get("/ke-hoach/don-vi/so-yte/").content.decode()
    assert "Đẩy nhanh xây dựng khối điều trị nội trú" in agency


def test_an_on_track_target_gets_no_corrective_task(behind: Any) -> None:
    with pytest.raises(Conflict):
        _open(behind, behind.cast.planner, target=behind.growth)
    assert not CorrectiveAction.objects.exists() and not Task.objects.filter(assignment__ref__startswith="KP.").exists()


def test_a_reporter_may_not_and_texts_and_deadline_are_checked(behind: Any) -> None:
    with pytest.raises(NotAllowed):
        _open(behind, behind.cast.health_reporter)
    with pytest.raises(Invalid) as caught:
        _open(behind, behind.cast.planner, cause="  ")
    assert "nguyên nhân" in caught.value.message
    with pytest.raises(Invalid):
        _open(behind, behind.cast.planner, deadline=date(2021, 7, 1))
    assert not CorrectiveAction.objects.exists()


def test_the_form_opens_it_from_the_target_page_and_the_report_lists_it(behind: Any) -> None:
    from theodoi.exports.drafting import draft_sections
    from theodoi.exports.selectors import report_data_build

    client = Client()
    client.force_login(behind.cast.planner)
    page = client.get(f"/danh-gia/chi-tieu/{behind.beds.pk}/").content.decode()
    assert f"/danh-gia/chi-tieu/{behind.beds.pk}/khac-phuc/" in page
    assert "/khac-phuc/" not in client.get(f"/danh-gia/chi-tieu/{behind.growth.pk}/").content.decode()
    response = client.post(f"/danh-gia/chi-tieu/{behind.beds.pk}/khac-phuc/", {
        "fact": "Mới đạt 20 giường", "cause": "Chậm khởi công", "action": "Đẩy nhanh tiến độ",
        "lead_unit": behind.cast.health.pk, "deadline": "2099-10-31",
    })
    assert response.status_code == 302
    assert "Đẩy nhanh tiến độ" in client.get(f"/danh-gia/chi-tieu/{behind.beds.pk}/").content.decode()
    section = next(s for s in draft_sections(report_data_build("2021-H1")) if s.title.startswith("III."))
    line = next(p for p in section.paragraphs if "Đẩy nhanh tiến độ" in p)
    assert "Chậm khởi công" in line and "Sở Y tế" in line and "31/10/2099" in line
    refused = client.post(f"/danh-gia/chi-tieu/{behind.beds.pk}/khac-phuc/", {
        "fact": "x", "cause": "y", "action": "z", "lead_unit": behind.cast.health.pk, "deadline": "2000-01-01",
    })
    assert refused.status_code == 200 and "Thời hạn khắc phục không được trước ngày hôm nay" in refused.content.decode()
