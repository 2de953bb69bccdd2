"""Reads of plans, targets and tasks, filtered by what the caller may see.

Published data is public. Drafts (unpublished targets and assignments, or anything in an
unpublished plan) are visible to planners and leaders, and to a unit's own staff for that
unit's drafts (permissions.can_see_unit_drafts). Views and the API both read through here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404

from theodoi.accounts.models import OrgUnit, Role
from theodoi.accounts.permissions import can_read_all, unit_ids_with_role
from theodoi.core.text import fold
from theodoi.plans.models import Assignment, Field, Indicator, Plan, PublishStatus, Target, TargetSource, Task

KIND_ORDER = {"province": 0, "department": 1, "district": 2, "commune": 3, "party": 4, "collective": 5, "other": 6}


def _unit_key(unit: OrgUnit) -> tuple[int, str]:
    """Departments before districts, and named units before collectives ("các Sở, ban ngành")."""
    return KIND_ORDER.get(unit.kind, 9), unit.name_folded


def _own_unit_ids(user: Any) -> set[int]:
    return unit_ids_with_role(user, Role.REPORTER, Role.APPROVER)


def plan_list(*, user: Any) -> QuerySet[Plan]:
    plans = Plan.objects.select_related("unit", "parent")
    if can_read_all(user):
        return plans
    return plans.filter(status=PublishStatus.PUBLISHED)


def target_visible_q(user: Any) -> Q | None:
    """None means no restriction (the caller reads everything)."""
    if can_read_all(user):
        return None
    published = Q(status=PublishStatus.PUBLISHED, plan__status=PublishStatus.PUBLISHED)
    own = _own_unit_ids(user)
    return published | Q(responsible_unit_id__in=own) if own else published


def assignment_visible_q(user: Any) -> Q | None:
    if can_read_all(user):
        return None
    published = Q(status=PublishStatus.PUBLISHED, plan__status=PublishStatus.PUBLISHED)
    own = _own_unit_ids(user)
    return published | Q(lead_units__in=own) | Q(partner_units__in=own) if own else published


def target_visible(*, user: Any) -> QuerySet[Target]:
    targets = Target.objects.select_related("indicator", "plan", "responsible_unit")
    condition = target_visible_q(user)
    return targets if condition is None else targets.filter(condition).distinct()


@dataclass(frozen=True)
class TargetFilters:
    plan: int | None = None
    field: str = ""
    unit: int | None = None
    q: str = ""
    status: str = ""


def target_list(*, user: Any, filters: TargetFilters | None = None) -> QuerySet[Target]:
    """Visible targets matching the filters; `q` matches indicator names with or without diacritics."""
    f = filters or TargetFilters()
    targets = target_visible(user=user)
    if f.plan:
        targets = targets.filter(plan_id=f.plan)
    if f.field in Field.values:
        targets = targets.filter(indicator__field=f.field)
    if f.unit:
        targets = targets.filter(responsible_unit_id=f.unit)
    if f.status in PublishStatus.values:
        targets = targets.filter(status=f.status)
    if f.q.strip():
        for word in fold(f.q).split():
            targets = targets.filter(indicator__name_folded__contains=word)
    return targets.order_by("indicator__field", "plan__year_start", "indicator__name", "pk")


def target_get(*, user: Any, pk: int) -> Target:
    """One visible target with its sources (404 for a draft the caller may not see)."""
    sources = Prefetch("sources", queryset=TargetSource.objects.select_related("document").order_by("pk"))
    target = target_visible(user=user).prefetch_related(sources).filter(pk=pk).first()
    if target is None:
        raise Http404("target not found or not visible")
    return target


def targets_by_field(*, user: Any) -> list[dict[str, Any]]:
    """Count of visible targets per field, in the order of the Field choices (for the overview)."""
    counts = dict(
        target_visible(user=user).order_by().values_list("indicator__field").annotate(n=Count("pk", distinct=True))
    )
    return [{"field": value, "label": label, "count": counts.get(value, 0)} for value, label in Field.choices]


def unit_list(*, user: Any) -> list[dict[str, Any]]:
    """Units that own targets or lead tasks, with visible counts (for "chỉ tiêu của đơn vị")."""
    target_counts = dict(
        target_visible(user=user).filter(responsible_unit__isnull=False).order_by()
        .values_list("responsible_unit").annotate(n=Count("pk", distinct=True))
    )
    lead_counts = dict(
        assignment_visible(user=user).order_by().values_list("lead_units").annotate(n=Count("pk", distinct=True))
    )
    ids = {pk for pk in (*target_counts, *lead_counts) if pk}
    units = sorted(OrgUnit.objects.filter(pk__in=ids), key=_unit_key)
    return [
        {"unit": unit, "targets": target_counts.get(unit.pk, 0), "assignments": lead_counts.get(unit.pk, 0)}
        for unit in units
    ]


def unit_get(*, code: str) -> OrgUnit:
    unit = OrgUnit.objects.filter(code=code).first()
    if unit is None:
        raise Http404("unit not found")
    return unit


def unit_targets(*, user: Any, unit: OrgUnit) -> QuerySet[Target]:
    return target_list(user=user, filters=TargetFilters(unit=unit.pk))


def assignment_visible(*, user: Any) -> QuerySet[Assignment]:
    assignments = Assignment.objects.select_related("plan", "document")
    condition = assignment_visible_q(user)
    return assignments if condition is None else assignments.filter(condition).distinct()


def assignment_list(*, user: Any, unit: int | None = None, plan: int | None = None, q: str = "") -> QuerySet[Assignment]:
    """Visible assignment blocks with their lead and partner agencies and tasks."""
    assignments = assignment_visible(user=user)
    if unit:
        assignments = assignments.filter(Q(lead_units=unit) | Q(partner_units=unit)).distinct()
    if plan:
        assignments = assignments.filter(plan_id=plan)
    if q.strip():
        for word in fold(q).split():
            assignments = assignments.filter(tasks__text_folded__contains=word)
        assignments = assignments.distinct()
    return assignments.prefetch_related(
        "lead_units", "partner_units", Prefetch("tasks", queryset=Task.objects.order_by("position"))
    ).order_by("plan__year_start", "pk")


def assignments_by_lead(*, user: Any, unit: int | None = None, plan: int | None = None, q: str = "") -> list[dict[str, Any]]:
    """Group assignment blocks under each lead agency (a block with two leads shows under both)."""
    groups: dict[int, dict[str, Any]] = {}
    for assignment in assignment_list(user=user, unit=unit, plan=plan, q=q):
        for lead in assignment.lead_units.all():
            if unit and lead.pk != unit and unit not in {p.pk for p in assignment.partner_units.all()}:
                continue
            group = groups.setdefault(lead.pk, {"unit": lead, "assignments": []})
            group["assignments"].append(assignment)
    return sorted(groups.values(), key=lambda g: _unit_key(g["unit"]))


def indicator_list(*, q: str = "") -> QuerySet[Indicator]:
    indicators = Indicator.objects.all()
    for word in fold(q).split():
        indicators = indicators.filter(name_folded__contains=word)
    return indicators.order_by("field", "name")
