"""The named test cast, shared by every app's tests.

Who may see and change what:
- planner (Phòng/Sở Kế hoạch và Đầu tư): manages plans, ingests and publishes documents,
  accepts reports, sees every unit's drafts;
- health_reporter (Sở Y tế): enters Sở Y tế's figures, sees Sở Y tế's drafts only;
- health_head (Giám đốc Sở Y tế): approves Sở Y tế's reports;
- district_reporter (UBND huyện Đắk Hà): enters the district's figures, nothing of Sở Y tế's drafts;
- leader (UBND tỉnh): reads everything, changes nothing;
- anonymous: reads published data only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model

from theodoi.accounts.models import Membership, OrgUnit, Role, UnitKind

PASSWORD = "theodoi-test-123"


@dataclass
class Cast:
    province: OrgUnit
    planning: OrgUnit
    health: OrgUnit
    district: OrgUnit
    planner: Any
    health_reporter: Any
    health_head: Any
    district_reporter: Any
    leader: Any


def _user(username: str, full_name: str, unit: OrgUnit, role: str) -> Any:
    first, _, last = full_name.rpartition(" ")
    user = get_user_model().objects.create_user(
        username=username, password=PASSWORD, first_name=last, last_name=first, email=f"{username}@example.vn"
    )
    Membership.objects.create(user=user, unit=unit, role=role)
    return user


def make_cast() -> Cast:
    province = OrgUnit.objects.create(name="UBND tỉnh Kon Tum", code="ubnd-tinh", kind=UnitKind.PROVINCE)
    planning = OrgUnit.objects.create(
        name="Sở Kế hoạch và Đầu tư", short_name="Sở KH&ĐT", code="so-khdt", parent=province,
        aliases=["Sở KH&ĐT", "Sở KHĐT"],
    )
    health = OrgUnit.objects.create(name="Sở Y tế", code="so-yte", parent=province)
    district = OrgUnit.objects.create(
        name="UBND huyện Đắk Hà", code="huyen-dak-ha", kind=UnitKind.DISTRICT, parent=province
    )
    return Cast(
        province=province, planning=planning, health=health, district=district,
        planner=_user("planner", "Nguyễn Văn Kế", planning, Role.PLANNER),
        health_reporter=_user("yte_reporter", "Trần Thị Y", health, Role.REPORTER),
        health_head=_user("yte_head", "Lê Văn Giám", health, Role.APPROVER),
        district_reporter=_user("dakha_reporter", "Phạm Văn Huyện", district, Role.REPORTER),
        leader=_user("leader", "Hoàng Văn Lãnh", province, Role.LEADER),
    )
