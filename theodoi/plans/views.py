"""Plan pages: targets (with filters and sources), units and their targets, tasks by lead agency."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from theodoi.accounts.models import OrgUnit
from theodoi.accounts.permissions import can_read_all, can_see_unit_drafts, is_planner, require_planner
from theodoi.core.refusals import Refused
from theodoi.core.vnformat import number
from theodoi.plans import selectors, services
from theodoi.plans.forms import TargetCorrectForm, TargetFilterForm
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
        "can_correct": is_planner(request.user),
    })


def _number_text(value: float | None) -> str:
    return "" if value is None else number(value)


def target_correct(request: HttpRequest, pk: int) -> HttpResponse:
    """The planner's correction of a target (value, unit, period, agency) with a reason."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    require_planner(request.user)
    target = selectors.target_get(user=request.user, pk=pk)
    initial = {
        "value": _number_text(target.value), "value_max": _number_text(target.value_max), "unit": target.unit,
        "period": target.period, "responsible_unit": target.responsible_unit_id,
    }
    form = TargetCorrectForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.target_correct(
                user=request.user, target=target, value=data["value"], value_max=data["value_max"],
                unit=data["unit"], period=data["period"], responsible_unit=data["responsible_unit"],
                reason=data["reason"],
            )
        except Refused as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Đã sửa chỉ tiêu; lý do được ghi vào nhật ký."))
            return redirect("plans:target_detail", pk=target.pk)
    return render(request, "plans/target_correct.html", {"target": target, "form": form})


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
