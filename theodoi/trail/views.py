"""The trail pages: the filtered list, a target's numbers back to their source, one value's history."""

from __future__ import annotations

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from theodoi.accounts.permissions import can_read_all
from theodoi.plans.models import Target
from theodoi.reporting.models import ReportValue
from theodoi.trail import selectors
from theodoi.trail.forms import TrailFilterForm


def trail_list(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    form = TrailFilterForm(request.GET or None)
    rows = selectors.events(user=request.user, filters=form.filters())
    return render(request, "trail/list.html", {
        "form": form, "rows": rows, "limit": selectors.LIMIT, "reads_all": can_read_all(request.user),
    })


def target_trail(request: HttpRequest, pk: int) -> HttpResponse:
    """Planners and leaders: any target; a unit's staff: the targets their unit is responsible for."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    target = get_object_or_404(Target.objects.select_related("indicator", "plan", "responsible_unit"), pk=pk)
    if not selectors.may_see_unit(request.user, target.responsible_unit_id):
        raise Http404("target trail not visible")
    return render(request, "trail/target.html", {"trail": selectors.target_trail(user=request.user, target=target)})


def value_trail(request: HttpRequest, pk: int) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    value = get_object_or_404(ReportValue.objects.select_related("form__unit", "target__indicator"), pk=pk)
    if not selectors.may_see_unit(request.user, value.form.unit_id):
        raise Http404("value trail not visible")
    return render(request, "trail/value.html", {"step": selectors.value_step(value), "value": value})
