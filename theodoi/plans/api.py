"""Plans API: plans, the indicator catalogue, targets, assignments (tasks) and units.

Reads are public for published data (auth=None, the caller from optional_user) and go
through the same selectors as the pages, so drafts stay hidden from those who may not see them.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Schema

from theodoi.accounts.api import optional_user
from theodoi.accounts.models import OrgUnit
from theodoi.core.api_inputs import Code, Id, Short
from theodoi.core.pagination import paged
from theodoi.plans import selectors
from theodoi.plans.models import Assignment, Target

router = Router(tags=["plans"])


class PlanOut(Schema):
    id: int
    name: str
    kind: str
    year_start: int
    year_end: int
    unit: str
    status: str
    parent_id: int | None = None

    @staticmethod
    def resolve_unit(obj: Any) -> str:
        return str(obj.unit.name)


class IndicatorOut(Schema):
    id: int
    name: str
    unit: str
    field: str
    direction: str
    measure: str
    aliases: list[str]


class UnitRef(Schema):
    id: int
    code: str
    name: str


class UnitOut(UnitRef):
    short_name: str
    kind: str
    parent_id: int | None = None
    successor_id: int | None = None
    active: bool

    @staticmethod
    def resolve_active(obj: OrgUnit) -> bool:
        return obj.is_active


class SourceOut(Schema):
    document_id: int
    start: int
    end: int
    excerpt: str
    agency_text: str


class TargetOut(Schema):
    id: int
    plan_id: int
    indicator_id: int
    indicator: str
    field: str
    comparator: str
    value: float
    value_max: float | None
    unit: str
    period: str
    value_label: str
    responsible_unit: UnitRef | None
    status: str

    @staticmethod
    def resolve_indicator(obj: Target) -> str:
        return obj.indicator.name

    @staticmethod
    def resolve_field(obj: Target) -> str:
        return obj.indicator.field


class TargetDetailOut(TargetOut):
    sources: list[SourceOut]

    @staticmethod
    def resolve_sources(obj: Target) -> list[Any]:
        return list(obj.sources.all())


class TaskOut(Schema):
    id: int
    position: int
    text: str
    deadline: str | None = None
    start: int
    end: int

    @staticmethod
    def resolve_deadline(obj: Any) -> str | None:
        return obj.deadline.isoformat() if obj.deadline else None


class AssignmentOut(Schema):
    id: int
    plan_id: int
    ref: str
    lead: list[UnitRef]
    partners: list[UnitRef]
    lead_text: str
    partner_text: str
    document_id: int | None
    start: int
    end: int
    status: str
    tasks: list[TaskOut]

    @staticmethod
    def resolve_lead(obj: Assignment) -> list[OrgUnit]:
        return list(obj.lead_units.all())

    @staticmethod
    def resolve_partners(obj: Assignment) -> list[OrgUnit]:
        return list(obj.partner_units.all())

    @staticmethod
    def resolve_tasks(obj: Assignment) -> list[Any]:
        return list(obj.tasks.all())


class UnitTargetsOut(Schema):
    unit: UnitOut
    targets: list[TargetOut]
    assignments: list[AssignmentOut]


class TargetQuery(Schema):
    plan: Id | None = None
    field: Code = ""
    unit: Id | None = None
    q: Short = ""
    status: Code = ""


@router.get("/plans", response=list[PlanOut], auth=None, summary="Kế hoạch (mới nhất trước)")
@paged
def plans(request: HttpRequest) -> Any:
    """Paged; latest start year first, then kind, then id."""
    return selectors.plan_list(user=optional_user(request)).order_by("-year_start", "kind", "pk")


@router.get("/indicators", response=list[IndicatorOut], auth=None, summary="Danh mục chỉ tiêu")
@paged
def indicators(request: HttpRequest, q: Short = "") -> Any:
    """Paged; by field, then name, then id."""
    return selectors.indicator_list(q=q).order_by("field", "name", "pk")


@router.get("/targets", response=list[TargetOut], auth=None, summary="Chỉ tiêu (lọc theo kế hoạch, lĩnh vực, đơn vị)")
@paged
def targets(request: HttpRequest, filters: Query[TargetQuery]) -> Any:
    """Paged; by field, plan start year, indicator name, then id (the selector's order, as on the page)."""
    return selectors.target_list(user=optional_user(request), filters=selectors.TargetFilters(**filters.dict()))


@router.get("/targets/{target_id}", response=TargetDetailOut, auth=None, summary="Một chỉ tiêu và câu văn nguồn")
def target(request: HttpRequest, target_id: Id) -> Any:
    return selectors.target_get(user=optional_user(request), pk=target_id)


@router.get("/assignments", response=list[AssignmentOut], auth=None, summary="Giao nhiệm vụ: chủ trì, phối hợp")
@paged
def assignments(request: HttpRequest, unit: Id | None = None, plan: Id | None = None, q: Short = "") -> Any:
    """Paged; by plan start year, then id (the selector's order)."""
    return selectors.assignment_list(user=optional_user(request), unit=unit, plan=plan, q=q)


@router.get("/units", response=list[UnitOut], auth=None, summary="Đơn vị")
@paged
def units(request: HttpRequest) -> Any:
    """Paged: every commune and agency of a country is a unit. By kind, name, then id."""
    return OrgUnit.objects.order_by("kind", "name", "pk")


@router.get("/units/{code}", response=UnitTargetsOut, auth=None, summary="Chỉ tiêu và nhiệm vụ của một đơn vị")
def unit(request: HttpRequest, code: Code) -> Any:
    user = optional_user(request)
    found = selectors.unit_get(code=code)
    return {
        "unit": found,
        "targets": list(selectors.unit_targets(user=user, unit=found)),
        "assignments": list(selectors.assignment_list(user=user, unit=found.pk)),
    }
