"""Reads for periodic reporting: forms a user may see, timeliness, overdue list, consolidation."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.db.models import Count, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from theodoi.accounts.models import OrgUnit, Role
from theodoi.accounts.permissions import can_read_all, can_see_unit_drafts, require, unit_ids_with_role
from theodoi.reporting.deadlines import Timeliness, lock_date, timeliness
from theodoi.reporting.models import (
    FormStatus,
    ReportForm,
    ReportingDuty,
    ReportingRegime,
    ReportValue,
    ValueVersion,
)
from theodoi.reporting.periods import Period, parse_period_key
from theodoi.reporting.rules import periods_due_between

TIMELINESS_LABELS: dict[str, Any] = {
    "on_time": _("Đúng hạn"),
    "late": _("Trễ hạn"),
    "missing": _("Chưa gửi (quá hạn)"),
    "not_due": _("Chưa đến hạn"),
}
ACTION_LABELS: dict[str, Any] = {
    "create": _("Tạo báo cáo"),
    "save": _("Lưu số liệu"),
    "import": _("Nhập từ tệp"),
    "submit": _("Gửi báo cáo"),
    "return": _("Trả lại"),
    "approve": _("Lãnh đạo đơn vị phê duyệt"),
    "accept": _("Sở KH&ĐT tiếp nhận"),
    "lock": _("Khóa báo cáo"),
    "unlock": _("Mở khóa để bổ sung"),
    "lock_exception": _("Cho phép sửa sau hạn"),
    "comment": _("Góp ý"),
    "contribution": _("Đơn vị phối hợp bổ sung"),
    "evidence": _("Đính kèm minh chứng"),
}


def forms_visible_to(user: Any) -> QuerySet[ReportForm]:
    qs = ReportForm.objects.select_related("unit", "regime")
    if can_read_all(user):
        return qs
    return qs.filter(unit_id__in=unit_ids_with_role(user, Role.REPORTER, Role.APPROVER))


def form_for_user(user: Any, pk: int, *, related: bool = True) -> ReportForm:
    """The form, if the user may read it (PermissionDenied otherwise; DoesNotExist when absent).

    ``related=False``: without its unit and regime joined in (the autosave needs neither)."""
    qs = ReportForm.objects.select_related("unit", "regime") if related else ReportForm.objects.all()
    form = qs.get(pk=pk)
    require(can_see_unit_drafts(user, form.unit_id), "Bạn không có quyền xem báo cáo của đơn vị này.")
    return form


def value_for_user(user: Any, pk: int) -> ReportValue:
    value = ReportValue.objects.select_related("form__unit", "form__regime", "target__indicator").get(pk=pk)
    form_for_user(user, value.form_id)
    return value


def value_history(value: ReportValue) -> list[ValueVersion]:
    return list(value.versions.select_related("user").order_by("at", "pk"))


def _local_date(dt: Any) -> date | None:
    return None if dt is None else timezone.localtime(dt).date()


@dataclass
class TimelinessCell:
    unit: OrgUnit
    period: Period
    due: date
    state: Timeliness
    form: ReportForm | None

    @property
    def label(self) -> str:
        return TIMELINESS_LABELS[self.state]

    @property
    def short(self) -> str:
        return str({"on_time": _("Đúng hạn"), "late": _("Trễ hạn"), "missing": _("Quá hạn"),
                    "not_due": _("Chưa đến hạn")}[self.state])


def default_regime() -> ReportingRegime | None:
    """The regime a page shows when none is chosen: the one most units report under.

    A province runs one main regime (every agency and district) beside smaller ones (a sector's,
    a pilot's); the first by name would often be a small one, and the consolidation page would
    open on an empty table.
    """
    return ReportingRegime.objects.annotate(units=Count("duties__unit", distinct=True)).order_by("-units", "pk").first()


def recent_periods(regime: ReportingRegime, today: date, count: int = 6) -> list[Period]:
    """The latest ``count`` periods due by today and those due in the coming month, oldest first."""
    rule = regime.rule
    due = periods_due_between(rule, today - timedelta(days=400), today + timedelta(days=40))
    past = [p for p in due if rule.unit_due(p) <= today]
    upcoming = [p for p in due if today < rule.unit_due(p) <= today + timedelta(days=31)]
    return past[-count:] + upcoming


def years_with_forms(regime: ReportingRegime) -> set[int]:
    return {parse_period_key(k).year for k in ReportForm.objects.filter(regime=regime).values_list("period_key", flat=True).distinct()}


def periods_for_choice(regime: ReportingRegime, today: date, current: Period) -> list[Period]:
    """Periods to pick from: those with forms, the recent ones and the one shown, latest first."""
    keys = set(ReportForm.objects.filter(regime=regime).values_list("period_key", flat=True).distinct())
    found = {parse_period_key(k) for k in keys} | set(recent_periods(regime, today, count=8)) | {current}
    rule = regime.rule
    return sorted(found, key=lambda p: (rule.unit_due(p), p.key), reverse=True)


def timeliness_table(
    *, user: Any, regime: ReportingRegime, periods: list[Period], today: date | None = None
) -> list[tuple[OrgUnit, list[TimelinessCell]]]:
    """Per unit × period: on time / late / missing / not yet due (by the first submission's local date)."""
    require(can_read_all(user), "Chỉ Sở KH&ĐT và lãnh đạo xem được tình hình báo cáo của các đơn vị.")
    today = today or timezone.localdate()
    rule = regime.rule
    units = list(OrgUnit.objects.filter(reporting_duties__regime=regime).distinct().order_by("name"))
    forms = {
        (f.unit_id, f.period_key): f
        for f in ReportForm.objects.filter(regime=regime, period_key__in=[p.key for p in periods])
    }
    table = []
    for unit in units:
        cells = []
        for p in periods:
            form = forms.get((unit.pk, p.key))
            due = rule.unit_due(p)
            state = timeliness(_local_date(form.submitted_at) if form else None, due, today)
            cells.append(TimelinessCell(unit=unit, period=p, due=due, state=state, form=form))
        table.append((unit, cells))
    return table


def overdue_list(*, user: Any, today: date | None = None, days_back: int = 120) -> list[TimelinessCell]:
    """Reports past their deadline and not yet submitted, for the periods due in the last ``days_back`` days."""
    today = today or timezone.localdate()
    out: list[TimelinessCell] = []
    for regime in ReportingRegime.objects.all():
        rule = regime.rule
        periods = [p for p in periods_due_between(rule, today - timedelta(days=days_back), today)
                   if rule.unit_due(p) < today]
        if not periods:
            continue
        for _unit, cells in timeliness_table(user=user, regime=regime, periods=periods, today=today):
            out.extend(c for c in cells if c.state == "missing")
    return sorted(out, key=lambda c: (c.due, c.unit.name))


@dataclass
class ConsolidationRow:
    unit: OrgUnit
    target_id: int
    indicator: str
    measure_unit: str
    plan_value: str
    form: ReportForm | None
    value: Decimal | None
    estimate: Decimal | None
    comment: str
    warnings: list[str] = field(default_factory=list)

    @property
    def missing(self) -> bool:
        return self.value is None or self.form is None or self.form.submitted_at is None


def consolidation_table(*, user: Any, regime: ReportingRegime, period_key: str) -> list[ConsolidationRow]:
    """Every unit × target the regime asks for, with the period's reported value; missing ones marked."""
    require(can_read_all(user), "Chỉ Sở KH&ĐT và lãnh đạo xem được bảng tổng hợp.")
    period = parse_period_key(period_key)
    duties = (
        ReportingDuty.objects.filter(regime=regime, target__isnull=False)
        .select_related("unit", "target__indicator")
        .order_by("unit__name", "target__indicator__field", "target_id")
    )
    forms = {f.unit_id: f for f in ReportForm.objects.filter(regime=regime, period_key=period.key)}
    values = {
        (v.form.unit_id, v.target_id): v
        for v in ReportValue.objects.filter(form__in=forms.values()).select_related("form")
    }
    rows = []
    for d in duties:
        assert d.target is not None
        v = values.get((d.unit_id, d.target.pk))
        rows.append(
            ConsolidationRow(
                unit=d.unit, target_id=d.target.pk, indicator=d.target.indicator.name,
                measure_unit=d.target.unit or d.target.indicator.unit, plan_value=d.target.value_label,
                form=forms.get(d.unit_id), value=v.value if v else None, estimate=v.estimate if v else None,
                comment=v.comment if v else "",
                warnings=[i["message"] for i in (v.issues if v else []) if i.get("severity") == "warning"],
            )
        )
    return rows


def consolidation_xlsx(*, user: Any, regime: ReportingRegime, period_key: str) -> bytes:
    """The consolidation table as an XLSX workbook (missing values highlighted)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    from theodoi.core.spreadsheet import append_row

    rows = consolidation_table(user=user, regime=regime, period_key=period_key)
    period = parse_period_key(period_key)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Tong hop"
    append_row(ws, [f"TỔNG HỢP BÁO CÁO {period.label.upper()} — {regime.name}"])
    ws["A1"].font = Font(bold=True, size=13)
    ws.append([])
    headers = ["Đơn vị", "Mã", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch", "Thực hiện", "Ước cả năm",
               "Trạng thái", "Giải trình", "Cảnh báo"]
    append_row(ws, headers)
    for cell in ws[3]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="EEF1F4")
    missing_fill = PatternFill("solid", fgColor="FDECEB")
    for r in rows:
        status = r.form.get_status_display() if r.form else "Chưa lập"
        # Comments, names and warnings are typed by people: never let them become formulas.
        append_row(ws, [
            r.unit.name, r.target_id, r.indicator, r.measure_unit, r.plan_value,
            float(r.value) if r.value is not None else "THIẾU",
            float(r.estimate) if r.estimate is not None else None,
            status if not r.missing else f"{status} — thiếu số liệu", r.comment, " ".join(r.warnings),
        ])
        if r.missing:
            for cell in ws[ws.max_row]:
                cell.fill = missing_fill
        ws.cell(ws.max_row, 6).number_format = "#,##0.##"
    for col, width in zip("ABCDEFGHIJ", (30, 7, 55, 14, 16, 14, 14, 26, 40, 50), strict=True):
        ws.column_dimensions[col].width = width
    for row in ws.iter_rows(min_row=4):
        row[2].alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A4"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def form_lock_date(form: ReportForm) -> date:
    return lock_date(form.period, form.regime.rule)


def status_badge(status: str) -> str:
    return {
        FormStatus.DRAFT: "b-muted", FormStatus.RETURNED: "b-bad", FormStatus.SUBMITTED: "b-info",
        FormStatus.APPROVED: "b-warn", FormStatus.ACCEPTED: "b-ok", FormStatus.LOCKED: "b-ok",
    }.get(status, "b-muted")  # type: ignore[call-overload]
