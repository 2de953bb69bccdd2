"""Dashboards: the province overview for the leaders' operations room, pages per field and per
agency or district, the drill-down list and a target's page; the public dashboard (accepted data).

Views are thin: check who may read, call selectors, render. Charts render from JSON embedded in
the page (json_script) with the vendored ECharts.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from theodoi.accounts.models import OrgUnit, UnitKind
from theodoi.accounts.permissions import can_read_all
from theodoi.core.refusals import Refused
from theodoi.evaluation import maps, selectors
from theodoi.evaluation.explain import STATUS_LABELS_VI
from theodoi.evaluation.forms import CorrectiveTaskForm
from theodoi.evaluation.services import corrective
from theodoi.evaluation.toc import table_of_contents
from theodoi.plans.models import Field


def _year(request: HttpRequest, *, public: bool) -> int | None:
    raw = request.GET.get("nam", "")
    if raw.isdigit():
        return int(raw)
    return selectors.latest_plan_year(public=public)


def _shown(year: int | None) -> str:
    """A year for templates and query strings: "2021", never the localized "2.021"."""
    return str(year) if year else ""


def _deny(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise PermissionDenied("Bạn không có quyền xem bảng điều hành này.")


def _overview_context(
    request: HttpRequest, *, public: bool, year: int | None, field_value: str = "", unit: OrgUnit | None = None
) -> dict[str, Any]:
    qs = selectors.year_targets(year=year, public=public)
    if field_value:
        qs = qs.filter(indicator__field=field_value)
    if unit is not None:
        qs = qs.filter(responsible_unit_id__in=unit.descendant_ids())
    every_level = selectors.status_rows(public=public, targets=qs)
    # The province's page counts the province's plans; a district's plan shows on the map and on
    # the district's own page (where `unit` selects it by the responsible units).
    rows = every_level if unit is not None else selectors.province_level(every_level)
    list_url = reverse("evaluation:public_target_list" if public else "evaluation:target_list")
    detail_url = _detail_prefix(public)
    fields = selectors.by_field(rows)
    context: dict[str, Any] = {
        "public": public,
        "year": _shown(year),
        "rows": rows,
        "summary": selectors.summary_of(rows),
        "counts": selectors.status_counts(rows),
        "by_field": fields,
        "by_agency": [] if unit is not None and unit.kind == "department" else selectors.by_agency(rows),
        "by_district": selectors.by_district(rows) if unit is None else [],
        "list_url": list_url,
        "detail_url": detail_url,
        "field_value": field_value,
        "unit": unit,
        "field_chart": selectors.field_chart(fields, list_url),
        "progress_chart": selectors.progress_chart(rows, detail_url),
        # a string: a localized int would read "1.386" and break the CSS
        "progress_height": str(max(240, 24 * sum(1 for r in rows if r.status and r.status.progress_pct is not None) + 60)),
        "latest": max((r.status.as_of for r in rows if r.status and r.status.as_of), default=None),
        "refreshed_at": selectors.last_refreshed(),
        "filter_query": _filter_query(year=year, field_value=field_value, unit=unit),
        "years": [str(y) for y in selectors.plan_years(public=public)],
        "status_map": maps.status_share_map(every_level, public=public, year=_shown(year)) if unit is None else None,
        "commune_map": (maps.commune_map(every_level, district=unit, public=public, year=_shown(year))
                        if unit is not None and unit.kind == UnitKind.DISTRICT else None),
    }
    return context


def _detail_prefix(public: bool) -> str:
    """The target page's URL without the id ("/danh-gia/chi-tieu/"): rows and charts append "<id>/"."""
    return reverse("evaluation:public_target" if public else "evaluation:target", args=[0])[:-2]


def _filter_query(*, year: int | None, field_value: str = "", unit: OrgUnit | None = None) -> str:
    parts = []
    if year:
        parts.append(f"nam={year}")
    if field_value:
        parts.append(f"linh_vuc={field_value}")
    if unit is not None:
        parts.append(f"don_vi={unit.code}")
    return "&".join(parts)


def dashboard(request: HttpRequest) -> HttpResponse:
    """The province overview (leaders, planners); unit staff land on their unit, the public on the
    public dashboard."""
    user = request.user
    if not can_read_all(user):
        own = selectors.own_unit_ids(user)
        if own:
            unit = OrgUnit.objects.filter(pk__in=own).order_by("name").first()
            return redirect("evaluation:unit", code=unit.code)  # type: ignore[union-attr]
        return redirect("evaluation:public")
    year = _year(request, public=False)
    context = _overview_context(request, public=False, year=year)
    overall, groups = selectors.task_summary(user=user, public=False)
    heatmap = selectors.timeliness_heatmap(user=user)
    context.update(
        title=_("Bảng điều hành tỉnh"),
        tasks=overall,
        task_groups=groups[:12],
        heatmap=heatmap[0] if heatmap else None,
        heatmap_rows=heatmap[1] if heatmap else [],
        investment=_investment_kpi(user, year),
        disbursement_map=_disbursement_map(user, year),
    )
    context["toc"] = table_of_contents(context)
    return render(request, "evaluation/overview.html", context)


def _investment_kpi(user: Any, year: int | None) -> Any:
    try:
        from theodoi.investment import selectors as inv
    except ImportError:  # pragma: no cover
        return None
    return inv.overview(user=user, year=year) if year else None


def _disbursement_map(user: Any, year: int | None) -> Any:
    from theodoi.investment import selectors as inv

    if year is None or not inv.can_read_investment(user):
        return None
    return maps.disbursement_map(inv.project_rows(user=user, year=year), year=_shown(year))


def public_dashboard(request: HttpRequest) -> HttpResponse:
    """Read-only, for anyone: published targets judged on accepted figures only."""
    from theodoi.evaluation import public

    year = _year(request, public=True)
    field_value, status = public.clean_filters(request.GET)  # in sections with GET filters (no JS needed)
    context = _overview_context(request, public=True, year=year, field_value=field_value)
    context["title"] = _("Kết quả thực hiện kế hoạch (công khai)")
    overall, _groups = selectors.task_summary(user=request.user, public=True)
    context["tasks"] = overall
    context.update(public.sections(context, year=_shown(year), field=field_value, status=status))
    return render(request, "evaluation/overview.html", context)


def field_page(request: HttpRequest, field: str) -> HttpResponse:
    if field not in Field.values:
        raise Http404("unknown field")
    if not can_read_all(request.user):
        return _deny(request)
    year = _year(request, public=False)
    context = _overview_context(request, public=False, year=year, field_value=field)
    context["title"] = _("Lĩnh vực %(field)s") % {"field": Field(field).label}
    context["toc"] = table_of_contents(context)
    return render(request, "evaluation/overview.html", context)


def unit_page(request: HttpRequest, code: str) -> HttpResponse:
    """One agency or district: its targets (and its communes'), its tasks."""
    unit = OrgUnit.objects.filter(code=code).first()
    if unit is None:
        raise Http404("unknown unit")
    if not selectors.reads_internal(request.user, unit):
        return _deny(request)
    year = _year(request, public=False)
    context = _overview_context(request, public=False, year=year, unit=unit)
    overall, _groups = selectors.task_summary(user=request.user, public=False, unit=unit)
    context.update(title=unit.name, tasks=overall)
    context["toc"] = table_of_contents(context)
    return render(request, "evaluation/overview.html", context)


def _list(request: HttpRequest, *, public: bool) -> HttpResponse:
    user = request.user
    unit = None
    code = request.GET.get("don_vi", "")
    if code:
        unit = OrgUnit.objects.filter(code=code).first()
        if unit is None:
            raise Http404("unknown unit")
    if not public and not (can_read_all(user) or (unit is not None and selectors.reads_internal(user, unit))):
        return _deny(request)
    year = _year(request, public=public)
    status = request.GET.get("trang_thai", "")
    field_value = request.GET.get("linh_vuc", "")
    rows = selectors.targets_for_list(public=public, status=status, field_value=field_value, unit=unit, year=year)
    label = _list_label(status)
    return render(request, "evaluation/target_list.html", {
        "public": public, "rows": rows, "year": _shown(year), "status": status, "status_label": label,
        "field_label": Field(field_value).label if field_value in Field.values else "", "unit": unit,
        "detail_url": _detail_prefix(public),
    })


def _list_label(status: str) -> str:
    """The drill-down list's title for a status filter ("" for none or an unknown one)."""
    if status == "good":
        return _("Đạt và vượt")
    if status == "on_pace":
        return _("Đạt, vượt hoặc đúng tiến độ")
    return _(STATUS_LABELS_VI[status]) if status in STATUS_LABELS_VI else ""


def target_list(request: HttpRequest) -> HttpResponse:
    return _list(request, public=False)


def public_target_list(request: HttpRequest) -> HttpResponse:
    return _list(request, public=True)


def _detail(request: HttpRequest, pk: int, *, public: bool) -> HttpResponse:
    target, internal = selectors.target_for_dashboard(user=request.user, pk=pk, public=public)
    detail = selectors.target_detail(target=target, internal=internal)
    opens = internal and corrective.can_open(request.user) and bool(
        detail.status and detail.status.status in corrective.OPENABLE)
    return render(request, "evaluation/target_detail.html", {
        "d": detail, "target": target, "internal": internal, "public": not internal,
        "can_open_corrective": opens,
        "correctives": target.corrective_actions.select_related("lead_unit", "task") if internal else [],
        "indicator_map": maps.indicator_map(target, public=not internal),
    })


def target_page(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, pk, public=False)


def public_target_page(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, pk, public=True)


def corrective_open(request: HttpRequest, pk: int) -> HttpResponse:
    """"Mở nhiệm vụ khắc phục" from a target's page: the form, then the service."""
    target, internal = selectors.target_for_dashboard(user=request.user, pk=pk, public=False)
    if not internal or not corrective.can_open(request.user):
        return _deny(request)
    status = corrective.current_status(target)
    form = CorrectiveTaskForm(request.POST or None, initial={
        "lead_unit": target.responsible_unit, "fact": status.explanation if status else "",
    })
    if status and status.explanation and not request.LANGUAGE_CODE.startswith("vi"):  # type: ignore[attr-defined]
        # the fact goes into the consolidated report (Vietnamese): it is offered as the report will
        # print it, marked as Vietnamese text, with a word on why
        form.fields["fact"].widget.attrs["lang"] = "vi"
        form.fields["fact"].help_text = _("Điền sẵn bằng câu đánh giá, như báo cáo tổng hợp (tiếng Việt) sẽ in.")
    if request.method == "POST" and form.is_valid():
        try:
            corrective.corrective_task_open(user=request.user, target=target, **form.cleaned_data)
        except Refused as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Đã mở nhiệm vụ khắc phục; nhiệm vụ có trong danh sách nhiệm vụ của cơ quan chủ trì."))
            return redirect("evaluation:target", pk=target.pk)
    return render(request, "evaluation/corrective_form.html", {"form": form, "target": target, "status": status})
