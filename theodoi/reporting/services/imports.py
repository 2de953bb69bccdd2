"""Importing a form's values from the agency's own XLSX or CSV file."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from theodoi.accounts.permissions import (
    can_report_for,
    require,
)
from theodoi.core.text import fold
from theodoi.core.vnnumber import VnNumberError, format_vn_number
from theodoi.reporting.models import (
    ReportForm,
)
from theodoi.reporting.services.common import (
    _parse_number,
)
from theodoi.reporting.services.errors import FormNotEditable, ReportingError
from theodoi.reporting.services.values import form_save_values


# -- import -----------------------------------------------------------------------------------------
@dataclass
class ImportRow:
    row: int
    target: str
    ok: bool
    message: str
    target_id: int | None = None


@dataclass
class ImportReport:
    rows: list[ImportRow]
    saved: int
    version: int

    @property
    def errors(self) -> list[ImportRow]:
        return [r for r in self.rows if not r.ok]


_HEADERS = {
    "target": ("ma", "ma chi tieu", "id"),
    "name": ("chi tieu", "ten chi tieu"),
    "value": ("gia tri", "thuc hien", "so lieu", "gia tri thuc hien"),
    "estimate": ("uoc ca nam", "uoc thuc hien ca nam", "uoc nam"),
    "comment": ("giai trinh", "ghi chu"),
}


def _header_map(cells: Sequence[Any]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, cell in enumerate(cells):
        text = fold(str(cell or "")).strip().rstrip(":")
        for key, names in _HEADERS.items():
            if text in names and key not in found:
                found[key] = index
    return found


def _values_import(*, user: Any, form: ReportForm, rows: list[Sequence[Any]], expected_version: int) -> ImportReport:
    require(can_report_for(user, form.unit_id), "Bạn không có quyền nhập số liệu cho đơn vị này.")
    if not form.is_editable:
        raise FormNotEditable(f"Báo cáo đang ở trạng thái “{form.get_status_display()}”, không thể nhập tệp.")
    header_index = next((i for i, r in enumerate(rows[:10]) if "value" in _header_map(r)), None)
    if header_index is None:
        raise ReportingError("Không tìm thấy dòng tiêu đề: tệp cần có cột “Mã” hoặc “Chỉ tiêu” và cột “Giá trị”.")
    cols = _header_map(rows[header_index])
    if "target" not in cols and "name" not in cols:
        raise ReportingError("Tệp cần có cột “Mã” (mã chỉ tiêu) hoặc “Chỉ tiêu” (tên chỉ tiêu).")
    values = {v.target_id: v for v in form.values.select_related("target__indicator")}
    by_name = {fold(v.target.indicator.name): tid for tid, v in values.items()}
    report: list[ImportRow] = []
    good: list[dict[str, Any]] = []

    def cell(r: Sequence[Any], key: str) -> Any:
        i = cols.get(key)
        return r[i] if i is not None and i < len(r) else None

    for offset, r in enumerate(rows[header_index + 1 :], start=header_index + 2):
        if not any(c not in (None, "") for c in r):
            continue
        ident, name = cell(r, "target"), cell(r, "name")
        label = str(ident or name or "")
        tid: int | None = None
        if ident not in (None, ""):
            try:
                tid = int(Decimal(str(ident)))
            except (InvalidOperation, ValueError):
                tid = None
        if tid is None and name:
            tid = by_name.get(fold(str(name)))
        if tid is None or tid not in values:
            report.append(ImportRow(offset, label, False, "Không tìm thấy chỉ tiêu này trong báo cáo của đơn vị."))
            continue
        item: dict[str, Any] = {"target": tid}
        problem = ""
        for key in ("value", "estimate"):
            if key in cols:
                number = _parse_number(cell(r, key))
                if isinstance(number, VnNumberError):
                    problem = f"Cột {'giá trị' if key == 'value' else 'ước cả năm'}: {number.message_vi}"
                    break
                item[key] = number
        if problem:
            report.append(ImportRow(offset, label, False, problem))
            continue
        if "comment" in cols and cell(r, "comment") not in (None, ""):
            item["comment"] = str(cell(r, "comment"))
        good.append(item)
        shown = "—" if item.get("value") is None else format_vn_number(item["value"])
        report.append(ImportRow(offset, values[tid].target.indicator.name, True, f"Đã nhận: {shown}", tid))
    result = form_save_values(
        user=user, form=form, values=good, expected_version=expected_version, action="import"
    ) if good else None
    if result is not None:  # a value taken but worth a second look (outlier, missing) says so on its row
        for row in report:
            notes = [i["message"] for i in result.issues.get(row.target_id or 0, [])]
            if row.ok and notes:
                row.message += " — " + " ".join(notes)
    return ImportReport(rows=report, saved=result.changed if result else 0,
                        version=result.version if result else form.version)


def values_import_xlsx(*, user: Any, form: ReportForm, file: Any, expected_version: int) -> ImportReport:
    """Values from the agency's own XLSX: a header row with Mã/Chỉ tiêu and Giá trị, one row per target."""
    from openpyxl import load_workbook

    try:
        wb = load_workbook(file, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on a non-XLSX file
        raise ReportingError("Không đọc được tệp XLSX (tệp hỏng hoặc không phải Excel .xlsx).") from exc
    rows: list[Sequence[Any]] = [list(r) for r in wb.worksheets[0].iter_rows(values_only=True)]
    wb.close()
    return _values_import(user=user, form=form, rows=rows, expected_version=expected_version)


def values_import_csv(*, user: Any, form: ReportForm, file: Any, expected_version: int) -> ImportReport:
    """Values from a CSV (UTF-8, comma or semicolon separated), same columns as the XLSX."""
    raw = file.read()
    text = raw.decode("utf-8-sig") if isinstance(raw, bytes) else raw
    try:
        dialect: Any = csv.Sniffer().sniff(text[:2048], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows: list[Sequence[Any]] = list(csv.reader(io.StringIO(text), dialect))
    return _values_import(user=user, form=form, rows=rows, expected_version=expected_version)
