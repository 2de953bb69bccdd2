"""Test helpers for the report tests: a 2021 plan of 15 targets with June figures, tasks, forms.

Sở Y tế sends its June report on time (accepted), Sở KH&ĐT sends it late, huyện Đắk Hà sends
nothing; one target has no figure; one is a draft and must stay out of every report.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from theodoi.test import Cast

CAST_MEMBERS = ("planner", "health_reporter", "district_reporter", "leader", "anonymous")

# (name, unit, field, measure, plan value, owner, June figure or None)
TARGETS: list[tuple[str, str, str, str, float, str, float | None]] = [
    ("Tốc độ tăng trưởng GRDP", "%", "economy", "stock", 8.0, "planning", 7.9),
    ("Thu ngân sách nhà nước trên địa bàn", "tỷ đồng", "economy", "flow", 3500, "planning", 1900),
    ("Tổng vốn đầu tư toàn xã hội", "tỷ đồng", "economy", "flow", 20000, "planning", 6000),
    ("Số doanh nghiệp thành lập mới", "doanh nghiệp", "economy", "flow", 380, "planning", 200),
    ("Giá trị xuất khẩu", "triệu USD", "economy", "flow", 162, "planning", 70),
    ("Diện tích lúa", "ha", "economy", "stock", 12000, "district", None),
    ("Sản lượng lương thực", "tấn", "economy", "flow", 40000, "district", None),
    ("Số giường bệnh trên một vạn dân", "giường", "society", "stock", 39.6, "health", 39.8),
    ("Tỷ lệ dân số tham gia bảo hiểm y tế", "%", "society", "stock", 95, "health", 86.5),
    ("Số bác sĩ trên một vạn dân", "bác sĩ", "society", "stock", 10, "health", 10.2),
    ("Tỷ lệ trạm y tế xã có bác sĩ", "%", "society", "stock", 95, "health", 80),
    ("Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ", "%", "society", "stock", 95, "health", 96),
    ("Tỷ lệ hộ nghèo", "%", "society", "stock", 12, "district", None),
    ("Tỷ lệ giao quân", "%", "defence", "stock", 100, "planning", 100),
    ("Số đảng viên kết nạp mới", "đảng viên", "party", "flow", 900, "planning", None),
]
HEALTH_COMMENT = "Thiếu bác sĩ về công tác tại tuyến xã"


@dataclass
class ReportWorld:
    cast: Cast
    plan: Any
    targets: list[Any]
    draft_target: Any
    regime: Any
    health_targets: list[Any]
    district_targets: list[Any]


def _at(day: date, hour: int = 9) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


def make_report_world(cast: Cast) -> ReportWorld:
    from theodoi.plans.models import Assignment, Indicator, Plan, PublishStatus, Target, Task
    from theodoi.reporting.models import FormStatus, ReportForm, ReportValue
    from theodoi.reporting.periods import parse_period_key
    from theodoi.reporting.services import duties_from_plan, regime_ensure_seed

    published = PublishStatus.PUBLISHED
    plan = Plan.objects.create(
        name="Kế hoạch phát triển kinh tế - xã hội năm 2021", year_start=2021, year_end=2021,
        unit=cast.province, status=published,
    )
    owners = {"planning": cast.planning, "health": cast.health, "district": cast.district}
    targets, figures = [], {}
    for name, unit, field, measure, value, owner, figure in TARGETS:
        indicator = Indicator.objects.create(name=name, unit=unit, field=field, measure=measure)
        target = Target.objects.create(
            plan=plan, indicator=indicator, value=value, unit=unit, period="2021",
            responsible_unit=owners[owner], status=published, comparator=">=",
        )
        targets.append(target)
        figures[target.pk] = (owner, figure)
    draft_indicator = Indicator.objects.create(name="Chỉ tiêu dự thảo chưa công bố", unit="%")
    draft_target = Target.objects.create(
        plan=plan, indicator=draft_indicator, value=50, unit="%", period="2021", responsible_unit=cast.health
    )
    assignment = Assignment.objects.create(plan=plan, ref="1", lead_text="Sở Y tế", status=published)
    assignment.lead_units.add(cast.health)
    Task.objects.create(assignment=assignment, position=1, text="Xây dựng đề án y tế cơ sở",
                        deadline=date(2021, 3, 31), done_at=date(2021, 3, 20))
    Task.objects.create(assignment=assignment, position=2, text="Hoàn thành bệnh viện đa khoa tuyến huyện",
                        deadline=date(2021, 5, 31))
    Task.objects.create(assignment=assignment, position=3, text="Nâng cao chất lượng khám chữa bệnh",
                        deadline=date(2021, 12, 31))
    regime = regime_ensure_seed()
    duties_from_plan(user=cast.planner, regime=regime, plan=plan)
    june = "2021-06"
    due = regime.rule.unit_due(parse_period_key(june))
    forms = {
        "health": ReportForm.objects.create(regime=regime, unit=cast.health, period_key=june,
                                            status=FormStatus.ACCEPTED, submitted_at=_at(due)),
        "planning": ReportForm.objects.create(regime=regime, unit=cast.planning, period_key=june,
                                              status=FormStatus.SUBMITTED,
                                              submitted_at=_at(due + timedelta(days=3))),
    }
    for target in targets:
        owner, reported = figures[target.pk]
        if reported is None or owner not in forms:
            continue
        comment = HEALTH_COMMENT if target.indicator.name.startswith("Tỷ lệ trạm y tế") else ""
        ReportValue.objects.create(form=forms[owner], target=target, value=Decimal(str(reported)), comment=comment)
    return ReportWorld(
        cast=cast, plan=plan, targets=targets, draft_target=draft_target, regime=regime,
        health_targets=[t for t in targets if t.responsible_unit_id == cast.health.pk],
        district_targets=[t for t in targets if t.responsible_unit_id == cast.district.pk],
    )


@pytest.fixture
def rworld(cast: Cast) -> ReportWorld:
    return make_report_world(cast)


