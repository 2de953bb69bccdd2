"""Plan pages: targets (with filters and sources), units and their targets, tasks by lead agency."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from theodoi.accounts.models import OrgUnit
from theodoi.accounts.permissions import can_read_all, can_see_unit_drafts
from theodoi.plans import selectors
from theodoi.plans.forms import TargetFilterForm
from theodoi.plans.models import Field

PAGE_SIZE = 100


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        return None


def target_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    unit_ids = selectors.target_visible(user=user).values("responsible_unit")
    form = TargetFilterForm(
        request.GET or None, plans=selectors.plan_list(user=user),
        units=OrgUnit.objects.filter(pk__in=unit_ids).order_by("name"), show_status=can_read_all(user),
    )
    targets = selectors.target_list(user=user, filters=form.filters())
    page = Paginator(targets, PAGE_SIZE).get_page(request.GET.get("trang"))
    query = request.GET.copy()
    query.pop("trang", None)
    return render(request, "plans/target_list.html", {
        "form": form, "page": page, "targets": page.object_list, "total": page.paginator.count,
        "query": query.urlencode(), "fields": dict(Field.choices),
    })


def target_detail(request: HttpRequest, pk: int) -> HttpResponse:
    target = selectors.target_get(user=request.user, pk=pk)
    others = (
        selectors.target_visible(user=request.user)
        .filter(indicator=target.indicator).exclude(pk=target.pk).order_by("period")
    )
    actuals = target.indicator.actuals.select_related("document").order_by("period")
    return render(request, "plans/target_detail.html", {
        "target": target, "sources": target.sources.all(), "others": others, "actuals": actuals,
    })


def unit_list(request: HttpRequest) -> HttpResponse:
    return render(request, "plans/unit_list.html", {"rows": selectors.unit_list(user=request.user)})


def unit_detail(request: HttpRequest, code: str) -> HttpResponse:
    unit = selectors.unit_get(code=code)
    targets = selectors.unit_targets(user=request.user, unit=unit)
    groups = selectors.assignments_by_lead(user=request.user, unit=unit.pk)
    led = [a for g in groups if g["unit"].pk == unit.pk for a in g["assignments"]]
    partnered = [a for g in groups if g["unit"].pk != unit.pk for a in g["assignments"]]
    return render(request, "plans/unit_detail.html", {
        "unit": unit, "targets": targets, "led": led, "partnered": list(dict.fromkeys(partnered)),
        "sees_drafts": can_see_unit_drafts(request.user, unit),
    })


def assignment_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    unit, plan, q = _int(request.GET.get("unit")), _int(request.GET.get("plan")), request.GET.get("q", "")
    groups = selectors.assignments_by_lead(user=user, unit=unit, plan=plan, q=q)
    leads = OrgUnit.objects.filter(led_assignments__in=selectors.assignment_visible(user=user)).distinct()
    return render(request, "plans/assignment_list.html", {
        "groups": groups, "units": leads.order_by("name"), "plans": selectors.plan_list(user=user),
        "unit": unit, "plan": plan, "q": q,
        "total": sum(len(g["assignments"]) for g in groups),
    })
