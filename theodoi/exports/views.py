"""Report pages: the register, a new report, edit the draft, issue, downloads, the PDF job's progress.

Views parse input, call a service or selector and render; services check permissions. A
ValidationError becomes a Vietnamese message, PermissionDenied a 403, an unreadable report a 404.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import F
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from theodoi.accounts.permissions import is_planner, require_planner
from theodoi.core.files import protected_file_response
from theodoi.exports import selectors, services
from theodoi.exports.data import Section
from theodoi.exports.errors import ReportRenderError
from theodoi.exports.forms import IssueForm, NewReportForm, scope_value
from theodoi.exports.models import IssuedReportStatus, PdfStatus
from theodoi.plans.models import Plan

RUNNING = (PdfStatus.QUEUED, PdfStatus.RUNNING)


def signed_in(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    """Reports are not public: anonymous callers are sent to the login page."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    return wrapper


def _error_text(exc: ValidationError) -> str:
    return " ".join(exc.messages)


@signed_in
def report_list(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    reports = selectors.report_list(request.user, status=status, period=request.GET.get("period", ""))
    page = Paginator(reports, 50).get_page(request.GET.get("trang"))
    return render(request, "exports/report_list.html", {
        "page": page, "reports": page.object_list, "status": status,
        "statuses": IssuedReportStatus.choices, "can_create": is_planner(request.user),
    })


@signed_in
def report_create(request: HttpRequest) -> HttpResponse:
    """GET ?period=2021-H1&scope=agency&key=so-yte prefills the form (the dashboard's "Xuất báo cáo")."""
    require_planner(request.user)
    years = _report_years()
    if request.method == "POST":
        form = NewReportForm(request.POST, years=years)
        if form.is_valid():
            try:
                report = services.report_draft_create(
                    user=request.user, period=form.cleaned_data["period"], scope=form.cleaned_data["scope"],
                    scope_key=form.cleaned_data["scope_key"])
            except ValidationError as exc:
                form.add_error(None, _error_text(exc))
            else:
                messages.success(request, _("Đã tạo dự thảo báo cáo. Rà soát, sửa nội dung rồi ban hành."))
                return redirect("exports:detail", report.pk)
    else:
        form = NewReportForm(initial={
            "period": request.GET.get("period") or str(_default_year(years)),
            "scope": scope_value(request.GET.get("scope", ""), request.GET.get("key", request.GET.get("scope_key", ""))),
        }, years=years)
    return render(request, "exports/report_new.html", {"form": form})


def _default_year(years: list[int]) -> int:
    """The latest year with a yearly plan (this year's once it is loaded; the demo's is 2021)."""
    yearly = Plan.objects.filter(year_start=F("year_end")).order_by("-year_start").values_list("year_start", flat=True)
    return yearly.first() or max(years)


def _report_years() -> list[int]:
    """Every year a plan covers (a term plan 2021-2025 gives five), oldest first; this year if none."""
    spans = Plan.objects.values_list("year_start", "year_end").distinct()
    years = {year for start, end in spans for year in range(start, max(start, end or start) + 1)}
    return sorted(years) or [timezone.localdate().year]


@signed_in
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = selectors.report_get(request.user, pk)
    data = services.report_data(report)
    return render(request, "exports/report_detail.html", {
        "report": report, "data": data, "can_edit": selectors.can_edit(request.user, report),
        "issue_form": IssueForm(), "pdf_fresh": services.report_pdf_is_fresh(report),
        "running": report.pdf_status in RUNNING, "matches": services.report_docx_matches_issue(report),
    })


def _blocks(request: HttpRequest, sections: list[Section]) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """The edit form's fields, in the shape of the stored sections (the planner edits text, not structure)."""
    post = request.POST
    blocks = []
    for i, section in enumerate(sections):
        subs = [
            (post.get(f"s{i}-{j}-title", sub.title), post.get(f"s{i}-{j}-text", ""))
            for j, sub in enumerate(section.subsections)
        ]
        blocks.append((post.get(f"s{i}-title", section.title), post.get(f"s{i}-text", ""), subs))
    return blocks


@signed_in
def report_edit(request: HttpRequest, pk: int) -> HttpResponse:
    report = selectors.report_get(request.user, pk)
    require_planner(request.user)
    if report.is_issued:
        messages.error(request, _("Báo cáo đã ban hành, không sửa được."))
        return redirect("exports:detail", report.pk)
    data = services.report_data(report)
    if request.method == "POST":
        sections = services.sections_from_text(_blocks(request, data.sections))
        header = {name: request.POST.get(name, "") for name in services.HEADER_FIELDS}
        try:
            services.report_sections_update(user=request.user, report=report, sections=sections, header=header)
        except ValidationError as exc:
            messages.error(request, _error_text(exc))
        else:
            messages.success(request, _("Đã lưu nội dung báo cáo."))
            return redirect("exports:detail", report.pk)
    h = data.header
    return render(request, "exports/report_edit.html", {
        "report": report, "data": data,
        "header": {
            "title_summary": h.title_summary, "signer_authority": h.signer_authority,
            "signer_title": h.signer_title, "signer_name": h.signer_name,
            "recipients": "\n".join(h.recipients), "archive": h.archive,
        },
        "sections": [
            {
                "i": i, "title": s.title, "text": services.paragraphs_to_text(s.paragraphs),
                "subs": [{"j": j, "title": x.title, "text": services.paragraphs_to_text(x.paragraphs)}
                         for j, x in enumerate(s.subsections)],
            }
            for i, s in enumerate(data.sections)
        ],
    })


@signed_in
@require_POST
def report_issue(request: HttpRequest, pk: int) -> HttpResponse:
    report = selectors.report_get(request.user, pk)
    require_planner(request.user)
    form = IssueForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Nhập số văn bản để ban hành."))
        return redirect("exports:detail", report.pk)
    try:
        report = services.report_issue(user=request.user, report=report, number=form.cleaned_data["number"])
    except ValidationError as exc:
        messages.error(request, _error_text(exc))
    else:
        messages.success(request, _("Đã ban hành báo cáo số %(number)s.") % {"number": report.number})
    return redirect("exports:detail", report.pk)


@signed_in
def report_download(request: HttpRequest, pk: int, fmt: str) -> HttpResponseBase:
    """DOCX and XLSX are rendered from the snapshot at once; the PDF is served once its job made it."""
    if fmt not in services.FORMATS:
        raise Http404("unknown format")
    report = selectors.report_get(request.user, pk)
    if fmt == "pdf" and not services.report_pdf_is_fresh(report):
        messages.info(request, _("Bản PDF chưa được tạo: bấm \"Tạo PDF\" và chờ trong giây lát."))
        return redirect("exports:detail", report.pk)
    if fmt == "pdf":
        # The stored PDF goes out through the same permission check as the report's page.
        return protected_file_response(report.pdf, filename=services.report_filename(report, fmt))
    try:
        content = services.report_render(report, fmt)
    except ReportRenderError as exc:
        messages.error(request, str(exc))
        return redirect("exports:detail", report.pk)
    response = HttpResponse(content, content_type=services.CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{services.report_filename(report, fmt)}"'
    return response


@signed_in
@require_POST
def report_pdf_start(request: HttpRequest, pk: int) -> HttpResponse:
    report = selectors.report_get(request.user, pk)
    report = services.pdf_job_start(user=request.user, report=report)
    if request.headers.get("HX-Request") == "true":
        return _progress(request, report)
    return redirect("exports:detail", report.pk)


@signed_in
def report_pdf_progress(request: HttpRequest, pk: int) -> HttpResponse:
    """The progress bar, polled by htmx every second while the PDF job runs."""
    return _progress(request, selectors.report_get(request.user, pk))


def _progress(request: HttpRequest, report: Any) -> HttpResponse:
    return render(request, "exports/_pdf_progress.html", {
        "report": report, "running": report.pdf_status in RUNNING,
        "pdf_fresh": services.report_pdf_is_fresh(report),
        "pdf_url": reverse("exports:download", args=[report.pk, "pdf"]),
    })
