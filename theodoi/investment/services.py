"""Changes to public-investment data: capital plans, monthly disbursement, the XLSX import.

Every write checks that the caller is a planner (the Planning Department enters and imports the
investors' monthly disbursement reports), validates, then saves; the web form, the API and the
import all call these functions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import transaction

from theodoi.accounts.models import OrgUnit
from theodoi.accounts.permissions import require_planner
from theodoi.accounts.services import unit_find
from theodoi.core import audit
from theodoi.core.refusals import Invalid
from theodoi.core.text import fold
from theodoi.core.vnformat import number as format_vn_number
from theodoi.core.vnnumber import VnNumberError, parse_vn_number
from theodoi.investment import flags
from theodoi.investment.models import CapitalPlan, CapitalSource, Disbursement, Project, ProjectStage


class InvestmentError(Invalid):
    """A refused change; `message` is Vietnamese and shown as is (400, see theodoi.core.refusals)."""


def _amount(raw: Any, what: str) -> Decimal:
    if isinstance(raw, Decimal):
        value = raw
    elif isinstance(raw, int | float) and not isinstance(raw, bool):
        value = Decimal(str(raw))
    else:
        text = str(raw or "").strip()
        if not text:
            raise InvestmentError(f"Thiếu {what}.")
        try:
            value = parse_vn_number(text)
        except VnNumberError as exc:
            raise InvestmentError(f"{what.capitalize()} “{text}” không phải là số: {exc.message_vi}") from exc
    if value < 0:
        raise InvestmentError(f"{what.capitalize()} không được âm.")
    return value


def capital_plan_set(*, user: Any, project: Project, year: int, amount: Any, source: str = CapitalSource.PROVINCE) -> CapitalPlan:
    """Set a project's capital plan (kế hoạch vốn) for a year and source, in million VND."""
    require_planner(user)
    if source not in CapitalSource.values:
        raise InvestmentError(f"Nguồn vốn “{source}” không hợp lệ.")
    value = _amount(amount, "kế hoạch vốn")
    old = CapitalPlan.objects.filter(project=project, year=year, source=source).values_list("amount", flat=True).first()
    plan, _ = CapitalPlan.objects.update_or_create(
        project=project, year=year, source=source, defaults={"amount": value}
    )
    audit.record(
        actor=user, action="capital_plan.set", subject=plan,
        before=None if old is None else {"amount": old}, after={"amount": value},
        note=f"{project.code} {year} {source}",
    )
    return plan


def disbursement_record(*, user: Any, project: Project, year: int, month: int, cumulative_amount: Any) -> Disbursement:
    """Record the disbursement to date at the end of a month (lũy kế, million VND).

    Cumulative figures only grow: a figure below an earlier month's, or above a later month's,
    is a typing error and is refused with both numbers shown.
    """
    require_planner(user)
    if not 1 <= int(month) <= 12:
        raise InvestmentError(f"Tháng {month} không hợp lệ (1-12).")
    value = _amount(cumulative_amount, "số giải ngân lũy kế")
    earlier = (
        Disbursement.objects.filter(project=project, year=year, month__lt=month).order_by("-month").first()
    )
    later = Disbursement.objects.filter(project=project, year=year, month__gt=month).order_by("month").first()
    if earlier is not None and value < earlier.cumulative_amount:
        raise InvestmentError(
            f"Lũy kế tháng {month} ({format_vn_number(float(value))}) nhỏ hơn lũy kế tháng {earlier.month} "
            f"({format_vn_number(float(earlier.cumulative_amount))}): số lũy kế không thể giảm."
        )
    if later is not None and value > later.cumulative_amount:
        raise InvestmentError(
            f"Lũy kế tháng {month} lớn hơn lũy kế tháng {later.month} đã nhập: số lũy kế không thể giảm."
        )
    old = (
        Disbursement.objects.filter(project=project, year=year, month=month)
        .values_list("cumulative_amount", flat=True).first()
    )
    row, _ = Disbursement.objects.update_or_create(
        project=project, year=year, month=month, defaults={"cumulative_amount": value}
    )
    audit.record(
        actor=user, action="disbursement.record", subject=row,
        before=None if old is None else {"cumulative_amount": old}, after={"cumulative_amount": value},
        note=f"{project.code} {month}/{year}",
    )
    return row


# -- XLSX import ----------------------------------------------------------------------------------------
@dataclass
class ImportRow:
    row: int
    code: str
    ok: bool
    message: str


@dataclass
class ImportReport:
    rows: list[ImportRow] = field(default_factory=list)

    @property
    def saved(self) -> int:
        return sum(1 for r in self.rows if r.ok)

    @property
    def errors(self) -> list[ImportRow]:
        return [r for r in self.rows if not r.ok]


_HEADERS: dict[str, tuple[str, ...]] = {
    "code": ("ma du an", "ma"),
    "name": ("ten du an", "du an"),
    "investor": ("chu dau tu",),
    "district": ("dia ban", "huyen", "dia diem"),
    "stage": ("loai du an", "loai", "tinh chat"),
    "preparation": ("da hoan thanh chuan bi dau tu", "chuan bi dau tu", "hoan thanh thu tuc"),
    "construction": ("dang thi cong",),
    "source": ("nguon von",),
    "plan": ("ke hoach von", "ke hoach von nam", "khv"),
}
_MONTH_HEADERS = {f"t{m}": m for m in range(1, 13)} | {f"thang {m}": m for m in range(1, 13)}
_YES = {"co", "x", "yes", "1", "true", "da", "roi", "dung"}
_STAGES = {"chuyen tiep": ProjectStage.ONGOING, "ongoing": ProjectStage.ONGOING,
           "khoi cong moi": ProjectStage.NEW, "moi": ProjectStage.NEW, "new": ProjectStage.NEW}
_SOURCES = {"ngan sach dia phuong": CapitalSource.PROVINCE, "dia phuong": CapitalSource.PROVINCE, "nsdp": CapitalSource.PROVINCE,
            "ngan sach trung uong": CapitalSource.CENTRAL, "trung uong": CapitalSource.CENTRAL, "nstw": CapitalSource.CENTRAL,
            "oda": CapitalSource.ODA, "von oda": CapitalSource.ODA, "khac": CapitalSource.OTHER, "nguon khac": CapitalSource.OTHER}


def _header_map(cells: Sequence[Any]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    months: dict[int, int] = {}
    for index, cell in enumerate(cells):
        text = fold(str(cell or "")).strip().rstrip(":")
        for key, names in _HEADERS.items():
            if key not in found and any(text == n or text.startswith(n + " (") for n in names):
                found[key] = index
        month = _MONTH_HEADERS.get(text.split(" (")[0])
        if month:
            months[month] = index
    found["months"] = months
    return found


def _unit(name: str) -> OrgUnit | None:
    return unit_find(name) if name.strip() else None


def projects_import_xlsx(*, user: Any, file: Any, year: int) -> ImportReport:
    """Projects with their capital plan for `year` and monthly cumulative disbursement (columns T1..T12).

    Each row is saved on its own: a bad row (unknown investor, a number that is not one, a
    decreasing cumulative figure) is reported with its row number and the others are kept.
    """
    from openpyxl import load_workbook

    require_planner(user)
    try:
        wb = load_workbook(file, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on a non-XLSX file
        raise InvestmentError("Không đọc được tệp XLSX (tệp hỏng hoặc không phải Excel .xlsx).") from exc
    rows = [list(r) for r in wb.worksheets[0].iter_rows(values_only=True)]
    wb.close()
    header_index = next((i for i, r in enumerate(rows[:10]) if {"code", "plan"} <= set(_header_map(r))), None)
    if header_index is None:
        raise InvestmentError("Không tìm thấy dòng tiêu đề: tệp cần có cột “Mã dự án” và “Kế hoạch vốn”.")
    cols = _header_map(rows[header_index])
    report = ImportReport()
    with flags.batched():  # each project's stored flags judged once, after its plan and months
        for number, r in enumerate(rows[header_index + 1 :], start=header_index + 2):
            if not any(c not in (None, "") for c in r):
                continue
            code = str(_cell(r, cols, "code") or "").strip()
            try:
                with transaction.atomic():
                    message = _import_row(user=user, row=r, cols=cols, year=year, code=code)
                report.rows.append(ImportRow(number, code, True, message))
            except InvestmentError as exc:
                report.rows.append(ImportRow(number, code, False, exc.message))
    return report


def _cell(row: Sequence[Any], cols: dict[str, Any], key: str) -> Any:
    i = cols.get(key)
    return row[i] if isinstance(i, int) and i < len(row) else None


def _import_row(*, user: Any, row: Sequence[Any], cols: dict[str, Any], year: int, code: str) -> str:
    if not code:
        raise InvestmentError("Thiếu mã dự án.")
    name = str(_cell(row, cols, "name") or "").strip()
    investor_name = str(_cell(row, cols, "investor") or "").strip()
    investor = _unit(investor_name)
    project = Project.objects.filter(code=code).first()
    if investor is None and (project is None or investor_name):
        raise InvestmentError(f"Không tìm thấy chủ đầu tư “{investor_name}” trong danh mục đơn vị.")
    district_name = str(_cell(row, cols, "district") or "").strip()
    district = _unit(district_name)
    if district_name and district is None:
        raise InvestmentError(f"Không tìm thấy địa bàn “{district_name}” trong danh mục đơn vị.")
    stage_text = fold(str(_cell(row, cols, "stage") or "")).strip()
    if stage_text and stage_text not in _STAGES:
        raise InvestmentError(f"Loại dự án “{_cell(row, cols, 'stage')}” không rõ (chuyển tiếp / khởi công mới).")
    source_text = fold(str(_cell(row, cols, "source") or "")).strip()
    if source_text and source_text not in _SOURCES:
        raise InvestmentError(f"Nguồn vốn “{_cell(row, cols, 'source')}” không rõ.")
    fields = ["name", "investor", "district", "stage", "preparation_done", "under_construction"]
    before = audit.snapshot(project, fields) if project is not None else None
    if project is None:
        if not name:
            raise InvestmentError("Dự án mới cần có tên dự án.")
        project = Project(code=code)
    if name:
        project.name = name
    if investor is not None:
        project.investor = investor
    if district is not None:
        project.district = district
    if stage_text:
        project.stage = _STAGES[stage_text]
    if cols.get("preparation") is not None and _cell(row, cols, "preparation") not in (None, ""):
        project.preparation_done = fold(str(_cell(row, cols, "preparation"))).strip() in _YES
    if cols.get("construction") is not None and _cell(row, cols, "construction") not in (None, ""):
        project.under_construction = fold(str(_cell(row, cols, "construction"))).strip() in _YES
    project.save()
    after = audit.snapshot(project, fields)
    if after != before:
        audit.record(actor=user, action="project.import", subject=project, before=before, after=after)
    capital_plan_set(user=user, project=project, year=year, amount=_cell(row, cols, "plan"),
                     source=_SOURCES.get(source_text, CapitalSource.PROVINCE))
    months = 0
    for month, index in sorted(cols["months"].items()):
        raw = row[index] if index < len(row) else None
        if raw in (None, ""):
            continue
        disbursement_record(user=user, project=project, year=year, month=month, cumulative_amount=raw)
        months += 1
    return f"Đã nhận: kế hoạch vốn và {months} tháng giải ngân."


def import_template_xlsx() -> bytes:
    """An empty import workbook with the expected headers (offered for download)."""
    import io

    from openpyxl import Workbook
    from openpyxl.styles import Font

    from theodoi.core.spreadsheet import append_row

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Du an"
    append_row(ws, ["Mã dự án", "Tên dự án", "Chủ đầu tư", "Địa bàn", "Loại dự án", "Đã hoàn thành chuẩn bị đầu tư",
               "Nguồn vốn", "Kế hoạch vốn", *[f"T{m}" for m in range(1, 13)]])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
