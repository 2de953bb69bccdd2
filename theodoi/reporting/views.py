"""Web pages for periodic reporting. Thin: parse input, call a service or selector, render."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from theodoi.accounts.models import OrgUnit, Role
from theodoi.accounts.permissions import (
    can_approve_for,
    can_read_all,
    can_report_for,
    is_planner,
    unit_ids_with_role,
)
from theodoi.core.files import protected_file_response
from theodoi.core.vnnumber import format_vn_number
from theodoi.plans.models import TaskState
from theodoi.reporting import selectors, services
from theodoi.reporting.models import FormStatus, ReportForm, ReportingDuty, ReportingRegime
from theodoi.reporting.periods import PeriodKind, parse_period_key
from theodoi.reporting.rules import periods_of_year

KIND_LABELS = {
    PeriodKind.MONTHLY: _("Tháng"), PeriodKind.QUARTERLY: _("Quý"), PeriodKind.SEMIANNUAL: _("6 tháng"),
    PeriodKind.NINE_MONTH: _("9 tháng"), PeriodKind.ANNUAL: _("Năm"),
}


def vn(value: Decimal | None) -> str:
    """A stored Decimal as the official types it: 3500.5000 → "3.500,5"."""
    if value is None:
        return ""
    return format_vn_number(value.normalize() if value != value.to_integral() else value.quantize(Decimal(1)))


@login_required
def index(request: HttpRequest) -> HttpResponse:
    user = request.user
    forms = list(selectors.forms_visible_to(user).order_by("-period_key", "unit__name")[:60])
    my_units = OrgUnit.objects.filter(pk__in=unit_ids_with_role(user, Role.REPORTER)).order_by("name")
    regimes = list(ReportingRegime.objects.all())
    today = timezone.localdate()
    openable = []
    for regime in regimes:
        units = [u for u in my_units if ReportingDuty.objects.filter(regime=regime, unit=u).exists()]
        if units:
            periods = selectors.recent_periods(regime, today, count=4)
            upcoming = [p for p in periods if regime.rule.unit_due(p) >= today]
            default = next((p for p in upcoming if p.kind == PeriodKind.MONTHLY), periods[-1] if periods else None)
            openable.append((regime, units, periods, default))
    return render(request, "reporting/index.html", {
        "forms": forms, "openable": openable, "regimes": regimes, "reads_all": can_read_all(user),
        "unread": user.reminders.filter(read_at=None).count(),  # type: ignore[union-attr]
    })


@login_required
def form_open(request: HttpRequest) -> HttpResponse:
    """Open a unit's form for a period: POST creates it when missing. A GET never writes (a link,
    a prefetch or a crawler must not create forms): it goes to the form when it exists, otherwise
    it shows a page whose button sends the POST."""
    source = request.POST if request.method == "POST" else request.GET
    regime = ReportingRegime.objects.filter(pk=_int_or_none(source.get("regime")) or 0).first()
    unit = OrgUnit.objects.filter(pk=_int_or_none(source.get("unit")) or 0).first()
    if regime is None or unit is None:
        messages.error(request, _("Không tìm thấy chế độ báo cáo hoặc đơn vị đã chọn."))
        return redirect("reporting:index")
    key = source.get("period") or ""
    if request.method != "POST":
        try:
            period = parse_period_key(key)
        except ValueError as exc:
            messages.error(request, str(exc))
            return redirect("reporting:index")
        existing = ReportForm.objects.filter(regime=regime, unit=unit, period_key=period.key).first()
        if existing is not None:
            return redirect("reporting:form", pk=existing.pk)
        return render(request, "reporting/open.html", {"regime": regime, "unit": unit, "period": period.key, "label": period.label})
    try:
        form = services.form_open_or_create(user=request.user, regime=regime, unit=unit, period_key=key)
    except (services.ReportingError, ValueError) as exc:
        messages.error(request, getattr(exc, "message", str(exc)))
        return redirect("reporting:index")
    return redirect("reporting:form", pk=form.pk)


def _int_or_none(raw: str | None) -> int | None:
    try:
        return int(raw) if raw else None
    except ValueError:
        return None


def _form_or_403(request: HttpRequest, pk: int) -> ReportForm:
    try:
        return selectors.form_for_user(request.user, pk)
    except ReportForm.DoesNotExist:
        from django.http import Http404

        raise Http404 from None


@login_required
def form_detail(request: HttpRequest, pk: int) -> HttpResponse:
    form = _form_or_403(request, pk)
    user = request.user
    duties = {d.target_id: d for d in ReportingDuty.objects.filter(regime=form.regime, unit=form.unit)}
    rows = []
    for v in form.values.select_related("target__indicator").order_by("target__indicator__field", "target_id"):
        duty = duties.get(v.target_id)
        rows.append({"v": v, "value": vn(v.value), "estimate": vn(v.estimate), "ask_estimate": bool(duty and duty.ask_estimate)})
    tasks = list(form.task_reports.select_related("task__assignment"))
    editable = form.is_editable and can_report_for(user, form.unit)
    return render(request, "reporting/form.html", {
        "form": form, "rows": rows, "tasks": tasks, "editable": editable, "task_states": TaskState.choices,
        "can_submit": editable,
        "can_approve": form.status == FormStatus.SUBMITTED and can_approve_for(user, form.unit),
        "can_return": (form.status == FormStatus.SUBMITTED and can_approve_for(user, form.unit))
        or (is_planner(user) and form.status in (FormStatus.SUBMITTED, FormStatus.APPROVED, FormStatus.ACCEPTED)),
        "can_accept": form.status == FormStatus.APPROVED and is_planner(user),
        "can_lock": form.status != FormStatus.LOCKED and is_planner(user),
        "can_grant": is_planner(user),
        "due": form.due_date(), "lock_date": selectors.form_lock_date(form),
        "badge": selectors.status_badge(form.status),
        "lock_exceptions": list(form.lock_exceptions.select_related("granted_by")),
        "audit": [(a, selectors.ACTION_LABELS.get(a.action, a.action))
                  for a in form.audit.select_related("user").order_by("-at", "-pk")[:30]],
    })


@login_required
@require_POST
def form_autosave(request: HttpRequest, pk: int) -> JsonResponse:
    """The grid's autosave: JSON in, JSON out; 409 with a Vietnamese message on a version conflict."""
    try:
        body = json.loads(request.body or b"{}")
        result = services.form_save_values(
            user=request.user, form=pk, values=body.get("values", []), tasks=body.get("tasks", []),
            expected_version=int(body.get("expected_version", 0)),
        )
    except PermissionDenied as exc:
        return JsonResponse({"error": str(exc) or "Không có quyền."}, status=403)
    except ReportForm.DoesNotExist:
        return JsonResponse({"error": "Không tìm thấy báo cáo này (có thể đã bị xóa)."}, status=404)
    except services.ReportingError as exc:
        return JsonResponse({"error": exc.message, "conflict": isinstance(exc, services.VersionConflict)},
                            status=exc.status_code)
    except (ValueError, KeyError, TypeError):
        return JsonResponse({"error": "Dữ liệu gửi lên không đúng định dạng."}, status=400)
    return JsonResponse({
        "version": result.version, "changed": result.changed,
        "issues": {str(k): v for k, v in result.issues.items()},
        "saved_at": timezone.localtime().strftime("%H:%M:%S"),
    })


@login_required
@require_POST
def form_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    form = _form_or_403(request, pk)
    user = request.user
    done = {
        "submit": _("Đã gửi báo cáo tới lãnh đạo đơn vị."),
        "approve": _("Đã phê duyệt báo cáo."),
        "accept": _("Sở KH&ĐT đã tiếp nhận báo cáo."),
        "return": _("Đã trả lại báo cáo."),
        "lock": _("Đã khóa báo cáo."),
        "grant": _("Đã cho phép đơn vị sửa sau hạn."),
        "contribute": _("Đã ghi nội dung phối hợp."),
    }
    try:
        if action == "submit":
            services.form_submit(user=user, form=form)
        elif action == "approve":
            services.form_approve(user=user, form=form)
        elif action == "accept":
            services.form_accept(user=user, form=form)
        elif action == "return":
            notes = {int(k[5:]): str(v) for k, v in request.POST.items() if k.startswith("note-") and k[5:].isdigit()}
            services.form_return(user=user, form=form, reason=request.POST.get("reason", ""), value_notes=notes)
        elif action == "lock":
            services.form_lock(user=user, form=form)
        elif action == "contribute":
            services.task_contribution_add(user=user, form=form, task_id=int(request.POST.get("task", 0)),
                                           text=request.POST.get("text", ""),
                                           expected_version=int(request.POST.get("version", 0)))
        elif action == "grant":
            until = date.fromisoformat(request.POST.get("until", ""))
            services.lock_exception_grant(user=user, form=form, until=until, reason=request.POST.get("reason", ""))
        else:
            messages.error(request, _("Thao tác không hợp lệ."))
            return redirect("reporting:form", pk=pk)
    except PermissionDenied as exc:
        messages.error(request, str(exc) or "Bạn không có quyền thực hiện thao tác này.")
    except services.ReportingError as exc:
        messages.error(request, exc.message)
    except ValueError:
        messages.error(request, _("Ngày không hợp lệ."))
    else:
        messages.success(request, done[action])
    return redirect("reporting:form", pk=pk)


@login_required
@require_POST
def form_import(request: HttpRequest, pk: int) -> HttpResponse:
    form = _form_or_403(request, pk)
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, _("Chưa chọn tệp."))
        return redirect("reporting:form", pk=pk)
    fn = services.values_import_csv if (upload.name or "").lower().endswith(".csv") else services.values_import_xlsx
    try:
        report = fn(user=request.user, form=form, file=upload, expected_version=int(request.POST.get("version", 0)))
    except PermissionDenied as exc:
        messages.error(request, str(exc))
        return redirect("reporting:form", pk=pk)
    except services.ReportingError as exc:
        messages.error(request, exc.message)
        return redirect("reporting:form", pk=pk)
    form.refresh_from_db()
    return render(request, "reporting/import_report.html", {"form": form, "report": report})


@login_required
def value_history(request: HttpRequest, pk: int) -> HttpResponse:
    from theodoi.reporting.models import ReportValue

    try:
        value = selectors.value_for_user(request.user, pk)
    except ReportValue.DoesNotExist:
        from django.http import Http404

        raise Http404 from None
    if request.method == "POST":
        try:
            if "evidence" in request.FILES:
                services.value_evidence_attach(user=request.user, value=value, file=request.FILES["evidence"])
                messages.success(request, _("Đã đính kèm minh chứng."))
            else:
                services.value_comment_add(user=request.user, value=value, text=request.POST.get("text", ""))
                messages.success(request, _("Đã ghi ý kiến."))
        except (PermissionDenied, services.ReportingError) as exc:
            messages.error(request, getattr(exc, "message", str(exc)))
        return redirect("reporting:history", pk=pk)
    versions = []
    for ver in selectors.value_history(value):
        row = {"ver": ver, "label": selectors.ACTION_LABELS.get(ver.action, ver.action)}
        for side in ("before", "after"):
            snap = getattr(ver, side) or {}
            row[side] = {k: (vn(Decimal(snap[k])) if snap.get(k) not in (None, "") and k in ("value", "estimate") else snap.get(k))
                         for k in ("value", "estimate", "comment", "status")}
        if ver.before and "status" in ver.before:
            row["status_label"] = FormStatus(ver.before["status"]).label
        versions.append(row)
    return render(request, "reporting/history.html", {
        "value": value, "form": value.form, "versions": versions, "current": vn(value.value),
        "comments": value.comments.select_related("user"),
        "can_attach": value.form.is_editable and can_report_for(request.user, value.form.unit),
        "evidence_name": _evidence_name(value.evidence.name) if value.evidence else "",
    })


def _evidence_name(stored: str) -> str:
    """The name a person sees: the stored name's last part (storage folders are no one's business)."""
    return stored.replace("\\", "/").rsplit("/", 1)[-1]


@login_required
def value_evidence(request: HttpRequest, pk: int) -> HttpResponseBase:
    """A value's evidence file, to exactly those who may open the value's history page."""
    from theodoi.reporting.models import ReportValue

    try:
        value = selectors.value_for_user(request.user, pk)
    except ReportValue.DoesNotExist:
        raise Http404 from None
    return protected_file_response(value.evidence, filename=_evidence_name(value.evidence.name),
                                   as_attachment=True)


def _regime_and_period(request: HttpRequest) -> tuple[ReportingRegime | None, str]:
    regime = ReportingRegime.objects.filter(pk=request.GET.get("regime") or 0).first() or selectors.default_regime()
    key = request.GET.get("period", "")
    if regime and not key:
        recent = [p for p in selectors.recent_periods(regime, timezone.localdate()) if regime.rule.unit_due(p) <= timezone.localdate()]
        key = recent[-1].key if recent else ""
    return regime, key


@login_required
def consolidation(request: HttpRequest) -> HttpResponse:
    regime, key = _regime_and_period(request)
    if regime is None:
        return render(request, "reporting/consolidation.html", {"rows": [], "regime": None})
    try:
        period = parse_period_key(key)
        rows = selectors.consolidation_table(user=request.user, regime=regime, period_key=period.key)
    except ValueError:
        messages.error(request, _("Kỳ báo cáo không hợp lệ."))
        return redirect("reporting:index")
    if request.GET.get("format") == "xlsx":
        data = selectors.consolidation_xlsx(user=request.user, regime=regime, period_key=period.key)
        response = HttpResponse(data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        response["Content-Disposition"] = f'attachment; filename="tong-hop-{period.key}.xlsx"'
        return response
    missing = sum(r.missing for r in rows)
    return render(request, "reporting/consolidation.html", {
        "regime": regime, "period": period, "rows": [(r, vn(r.value), vn(r.estimate)) for r in rows],
        "missing": missing, "regimes": ReportingRegime.objects.all(),
        "periods": selectors.periods_for_choice(regime, timezone.localdate(), period),
    })


@login_required
def timeliness(request: HttpRequest) -> HttpResponse:
    regime, _ = _regime_and_period(request)
    today = timezone.localdate()
    if regime is None:
        return render(request, "reporting/timeliness.html", {"table": [], "regime": None})
    years = selectors.years_with_forms(regime) | {today.year}
    try:
        year = int(request.GET.get("year") or max(years))
        kind = PeriodKind(request.GET.get("kind") or PeriodKind.MONTHLY)
    except ValueError:
        year, kind = today.year, PeriodKind.MONTHLY
    periods = [p for p in periods_of_year(regime.rule, year) if p.kind is kind]
    table = selectors.timeliness_table(user=request.user, regime=regime, periods=periods, today=today)
    overdue = selectors.overdue_list(user=request.user, today=today)
    return render(request, "reporting/timeliness.html", {
        "regime": regime, "periods": [(p, regime.rule.unit_due(p)) for p in periods], "table": table,
        "overdue": overdue, "today": today, "years": sorted(years, reverse=True), "year": year,
        "kinds": [(k.value, KIND_LABELS[k]) for k in regime.rule.period_kinds], "kind": kind.value,
    })


@login_required
def reminders(request: HttpRequest) -> HttpResponse:
    items = list(request.user.reminders.select_related("form")[:100])  # type: ignore[union-attr]
    if request.method == "POST":
        for r in items:
            services.reminder_mark_read(user=request.user, reminder=r)
        return redirect("reporting:reminders")
    return render(request, "reporting/reminders.html", {"items": items})
