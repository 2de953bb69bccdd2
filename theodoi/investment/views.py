"""Public-investment pages: disbursement overview, flagged projects, a project, entry and import."""

from __future__ import annotations

import contextlib
from datetime import date
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from theodoi.accounts.permissions import is_planner
from theodoi.investment import flags, selectors, services


def _guard(request: HttpRequest) -> HttpResponse | None:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not selectors.can_read_investment(request.user):
        raise PermissionDenied("Bạn không có quyền xem số liệu đầu tư công.")
    return None


def _year_as_of(request: HttpRequest) -> tuple[int, date]:
    raw = request.GET.get("nam", "")
    year = int(raw) if raw.isdigit() else (selectors.latest_year() or date.today().year)
    as_of = selectors.default_as_of(year)
    raw_date = request.GET.get("den_ngay", "")
    if raw_date:
        with contextlib.suppress(ValueError):
            as_of = date.fromisoformat(raw_date)
    return year, as_of


def _context(request: HttpRequest) -> dict[str, Any]:
    year, as_of = _year_as_of(request)
    rows = selectors.project_rows(user=request.user, year=year, as_of=as_of)
    plan = sum(float(r.plan) for r in rows)
    disbursed = sum(float(r.disbursed) for r in rows)
    return {
        "year": str(year), "as_of": as_of, "rows": rows, "flagged": selectors.flagged(rows),
        "plan": plan, "disbursed": disbursed, "rate": disbursed * 100 / plan if plan else None,
        "by_investor": selectors.totals(rows, "investor", as_of=as_of),
        "by_district": selectors.totals(rows, "district", as_of=as_of),
        "chart": selectors.monthly_chart(rows, year),
        "rules": [(r, selectors.rule_label(r)) for r in selectors.rules_in_force()],
        "is_planner": is_planner(request.user),
    }


def dashboard(request: HttpRequest) -> HttpResponse:
    denied = _guard(request)
    if denied:
        return denied
    return render(request, "investment/dashboard.html", _context(request))


FLAGGED_PAGE_SIZE = 50


def flagged(request: HttpRequest) -> HttpResponse:
    """One page of the flagged projects, cut in the database from the stored flags."""
    denied = _guard(request)
    if denied:
        return denied
    year, as_of = _year_as_of(request)
    found = flags.flagged_projects(selectors.projects_visible(user=request.user), year, as_of)
    page = Paginator(found, FLAGGED_PAGE_SIZE).get_page(request.GET.get("trang"))
    query = urlencode({k: v for k, v in request.GET.items() if k in ("nam", "den_ngay")})
    return render(request, "investment/flagged.html", {
        "year": str(year), "as_of": as_of, "page": page, "query": query, "total": page.paginator.count,
        "flagged": selectors.flagged_page(user=request.user, year=year, as_of=as_of, page=list(page.object_list)),
        "rules": [(r, selectors.rule_label(r)) for r in selectors.rules_in_force()],
    })


def project_detail(request: HttpRequest, code: str) -> HttpResponse:
    denied = _guard(request)
    if denied:
        return denied
    year, as_of = _year_as_of(request)
    qs = selectors.projects_visible(user=request.user).filter(code=code)
    project = qs.first()
    if project is None:
        raise Http404("project not found")
    rows = selectors.project_rows(user=request.user, year=year, as_of=as_of, projects=qs)
    return render(request, "investment/project_detail.html", {
        "project": project, "row": rows[0] if rows else None, "year": str(year), "as_of": as_of,
        "plans": project.capital_plans.order_by("-year", "source"), "months": range(1, 13),
        "is_planner": is_planner(request.user),
    })


@require_POST
def disbursement_entry(request: HttpRequest, code: str) -> HttpResponse:
    if not is_planner(request.user):
        raise PermissionDenied("Chỉ chuyên viên kế hoạch được nhập số giải ngân.")
    project = selectors.projects_visible(user=request.user).filter(code=code).first()
    if project is None:
        raise Http404("project not found")
    try:
        year, month = int(request.POST.get("year", "")), int(request.POST.get("month", ""))
        services.disbursement_record(user=request.user, project=project, year=year, month=month,
                                     cumulative_amount=request.POST.get("amount", ""))
    except ValueError:
        messages.error(request, "Năm và tháng phải là số.")
    except services.InvestmentError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"Đã ghi số giải ngân lũy kế tháng {month}/{year}.")
    return redirect(f"{request.path.rsplit('giai-ngan/', 1)[0]}?nam={request.POST.get('year', '')}")


def import_xlsx(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not is_planner(request.user):
        raise PermissionDenied("Chỉ chuyên viên kế hoạch được nhập tệp dự án.")
    report = None
    year = int(request.POST.get("year") or request.GET.get("nam") or selectors.latest_year() or date.today().year)
    if request.method == "POST":
        upload = request.FILES.get("file")
        if upload is None:
            messages.error(request, "Chưa chọn tệp.")
        else:
            try:
                report = services.projects_import_xlsx(user=request.user, file=upload, year=year)
            except services.InvestmentError as exc:
                messages.error(request, exc.message)
    return render(request, "investment/import.html", {"report": report, "year": str(year)})


def import_template(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(
        services.import_template_xlsx(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = 'attachment; filename="mau-nhap-du-an.xlsx"'
    return response
