"""Rendering a report as DOCX, XLSX or PDF bytes, always from its stored snapshot (or, for the CLI's
direct output, from data not in the register); DOCX and XLSX bytes are stable for equal content."""

from __future__ import annotations

import hashlib
import io
import json
import logging
import re
import zipfile
from dataclasses import replace
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile

from theodoi.exports.data import (
    ReportData,
)
from theodoi.exports.docx_report import render_docx, template_path
from theodoi.exports.drafting import draft_sections
from theodoi.exports.models import IssuedReport, PdfStatus
from theodoi.exports.pdf import docx_to_pdf
from theodoi.exports.xlsx_annex import render_xlsx

log = logging.getLogger(__name__)


FORMATS = ("docx", "xlsx", "pdf")
CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}


def report_data(report: IssuedReport) -> ReportData:
    """The report's data, read back from its snapshot (never from the live tables)."""
    return ReportData.from_dict(report.snapshot)



# -- rendering -----------------------------------------------------------------------------------------
def report_render(report: IssuedReport, fmt: str) -> bytes:
    """The report as DOCX, XLSX or PDF bytes, always from the stored snapshot.

    DOCX and XLSX are byte-for-byte the same each time (zip dates and document properties are
    pinned to the report's date); the PDF is the one stored by `report_pdf`.
    """
    if fmt not in FORMATS:
        raise ValidationError(f"Định dạng «{fmt}» không hỗ trợ: dùng docx, xlsx hoặc pdf.", code="bad_format")
    if fmt == "pdf":
        return report_pdf(report)
    data = report_data(report)
    raw = render_docx(data) if fmt == "docx" else render_xlsx(data)
    return stable_zip(raw, data.header.date)


def data_render(data: ReportData, fmt: str) -> bytes:
    """Render data that is not in the register (the CLI's direct output)."""
    if fmt not in FORMATS:
        raise ValidationError(f"Định dạng «{fmt}» không hỗ trợ: dùng docx, xlsx hoặc pdf.", code="bad_format")
    if not data.sections:
        data = replace(data, sections=draft_sections(data))
    docx = stable_zip(render_docx(data), data.header.date)
    if fmt == "docx":
        return docx
    if fmt == "pdf":
        return docx_to_pdf(docx)
    return stable_zip(render_xlsx(data), data.header.date)


_PROP_DATE = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def stable_zip(raw: bytes, day: date) -> bytes:
    """Rewrite an Office zip with fixed entry dates and document dates, so equal content gives equal bytes."""
    stamp = f"{day.isoformat()}T00:00:00Z".encode()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = src.read(info)
            if info.filename == "docProps/core.xml":
                content = _PROP_DATE.sub(rb"\g<1>" + stamp + rb"\g<2>", content)
            fixed = zipfile.ZipInfo(info.filename, date_time=(max(day.year, 1980), day.month, day.day, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            dst.writestr(fixed, content)
    return out.getvalue()


def report_docx_sha256(report: IssuedReport) -> str:
    """SHA-256 of the DOCX the report renders to now (kept on the instance while snapshot and template stay)."""
    template = template_path()
    stat = template.stat()
    snapshot = json.dumps(report.snapshot, sort_keys=True, ensure_ascii=False)
    key = f"{template}:{stat.st_mtime_ns}:{stat.st_size}:{hashlib.sha256(snapshot.encode()).hexdigest()}"
    cached = getattr(report, "_theodoi_docx_sha", None)
    if cached is None or cached[0] != key:
        cached = (key, hashlib.sha256(report_render(report, "docx")).hexdigest())
        report._theodoi_docx_sha = cached  # type: ignore[attr-defined]
    return cached[1]


def report_docx_matches_issue(report: IssuedReport) -> bool | None:
    """Whether the DOCX rendered now is the one issued (None for drafts); False means the template changed."""
    if not report.docx_sha256:
        return None
    return report_docx_sha256(report) == report.docx_sha256


def report_pdf(report: IssuedReport, *, progress: Any = None) -> bytes:
    """The PDF: the stored one when it was made from the current DOCX, else converted now and stored."""
    note = progress or (lambda pct: None)
    docx = report_render(report, "docx")
    sha = hashlib.sha256(docx).hexdigest()
    if report.pdf and report.pdf_source_sha256 == sha:
        try:
            with report.pdf.open("rb") as handle:
                return handle.read()
        except OSError:
            log.warning("stored PDF of report %s is missing; converting again", report.pk)
    note(40)
    pdf = docx_to_pdf(docx)
    note(90)
    name = f"bao-cao-{report.pk}-{sha[:12]}.pdf"
    if report.pdf:
        report.pdf.delete(save=False)
    report.pdf.save(name, ContentFile(pdf), save=False)
    report.pdf_source_sha256 = sha
    report.pdf_status = PdfStatus.DONE
    report.pdf_progress = 100
    report.pdf_error = ""
    IssuedReport.objects.filter(pk=report.pk).update(
        pdf=report.pdf.name, pdf_source_sha256=sha, pdf_status=PdfStatus.DONE, pdf_progress=100, pdf_error=""
    )
    return pdf


def report_pdf_is_fresh(report: IssuedReport) -> bool:
    """Whether a stored PDF was made from the DOCX the report renders to now."""
    if not report.pdf or report.pdf_status != PdfStatus.DONE:
        return False
    return report.pdf_source_sha256 == report_docx_sha256(report)



def report_filename(report: IssuedReport | None, fmt: str, *, period: str = "", scope: str = "", key: str = "") -> str:
    """ "bao-cao-province-2021-H1.docx", with the number once issued ("bao-cao-86-BC-UBND-....")."""
    if report is not None:
        period, scope, key = report.period, report.scope, report.scope_key
    parts = ["bao-cao"]
    if report is not None and report.number:
        parts.append(report.number.replace("/", "-"))
    parts += [scope, key, period]
    stem = "-".join(re.sub(r"[^\w\-]+", "-", p).strip("-") for p in parts if p)
    return f"{stem}.{fmt}"
