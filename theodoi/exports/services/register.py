"""The register's writes: a new draft from today's data, the planner's edits, the issue that freezes it."""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import asdict, replace
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from theodoi.accounts.permissions import require_planner
from theodoi.core import audit
from theodoi.exports.data import (
    ReportData,
    Section,
)
from theodoi.exports.drafting import draft_sections
from theodoi.exports.models import IssuedReport, IssuedReportStatus, ReportScope
from theodoi.exports.scope import (
    period_parse,
    scope_resolve,
)
from theodoi.exports.selectors import report_data_build
from theodoi.exports.services.rendering import report_render

log = logging.getLogger(__name__)


# -- the register ---------------------------------------------------------------------------------------
@transaction.atomic
def report_draft_create(
    *, user: Any, period: str, scope: str = ReportScope.PROVINCE, scope_key: str = ""
) -> IssuedReport:
    """Build the data, draft the body and store both as a new draft in the register (planners only)."""
    require_planner(user)
    when = period_parse(period)
    data = report_data_build(when, scope, scope_key)
    data = replace(data, sections=draft_sections(data))
    report = IssuedReport.objects.create(
        period=when.key,
        scope=scope_resolve(scope, scope_key).kind,
        scope_key=scope_key.strip(),
        title=data.header.title_summary[:500],
        snapshot=data.to_dict(),
        created_by=user,
    )
    audit.record(actor=user, action="report.draft_create", subject=report, before=None,
                 after=audit.snapshot(report, ["period", "scope", "scope_key", "title", "status"]))
    return report



def sections_from_text(blocks: list[tuple[str, str, list[tuple[str, str]]]]) -> list[Section]:
    """Sections from the edit form: (title, text, subsections) with paragraphs split by blank lines."""
    return [
        Section(title=title.strip(), paragraphs=paragraphs_from_text(text),
                subsections=[Section(title=t.strip(), paragraphs=paragraphs_from_text(x)) for t, x in subs])
        for title, text, subs in blocks
    ]


def paragraphs_from_text(text: str) -> list[str]:
    """A textarea's text as paragraphs: a blank line separates them; a single line break is a space."""
    chunks = re.split(r"\n\s*\n", (text or "").replace("\r\n", "\n").replace("\r", "\n"))
    return [" ".join(c.split()) for c in chunks if c.strip()]


def paragraphs_to_text(paragraphs: list[str]) -> str:
    return "\n\n".join(paragraphs)


HEADER_FIELDS = ("title_summary", "signer_authority", "signer_title", "signer_name", "recipients", "archive")


@transaction.atomic
def report_sections_update(
    *, user: Any, report: IssuedReport, sections: list[Section], header: dict[str, Any] | None = None
) -> IssuedReport:
    """The planner's edits of the body (and of the header's editable lines) of a draft."""
    require_planner(user)
    report = IssuedReport.objects.select_for_update().get(pk=report.pk)
    _require_draft(report)
    kept = [s for s in sections if s.title or s.paragraphs or s.subsections]
    if not kept:
        raise ValidationError("Báo cáo phải có ít nhất một phần nội dung.", code="empty")
    snapshot = dict(report.snapshot)
    snapshot["sections"] = [asdict(s) for s in kept]
    if header:
        unknown = set(header) - set(HEADER_FIELDS)
        if unknown:
            raise ValidationError(f"Không sửa được các mục: {', '.join(sorted(unknown))}.", code="bad_field")
        new_header = dict(snapshot["header"])
        for name, value in header.items():
            if name == "recipients":
                lines = value.splitlines() if isinstance(value, str) else list(value)
                new_header[name] = [r.strip().lstrip("-").strip().rstrip(";.") for r in lines if r.strip()]
            else:
                new_header[name] = " ".join(str(value).split())
        if not new_header["title_summary"]:
            raise ValidationError("Trích yếu không được để trống.", code="empty")
        snapshot["header"] = new_header
        report.title = new_header["title_summary"][:500]
    ReportData.from_dict(snapshot)  # refuse what the renderer could not read back
    before = {"title": report.title, "header": report.snapshot.get("header"),
              "sections": report.snapshot.get("sections")}
    report.snapshot = snapshot
    report.save()
    audit.record(actor=user, action="report.sections_update", subject=report, before=before,
                 after={"title": report.title, "header": snapshot.get("header"), "sections": snapshot["sections"]})
    return report


NUMBER_RE = re.compile(r"^\d{1,6}(/[\w.&\-]+)?$")


@transaction.atomic
def report_issue(*, user: Any, report: IssuedReport, number: str) -> IssuedReport:
    """Freeze a draft: give it its number and date, record the DOCX's SHA-256; no edits after this."""
    require_planner(user)
    report = IssuedReport.objects.select_for_update().get(pk=report.pk)
    _require_draft(report)
    before = {"status": report.status, "number": report.number}
    number = "".join((number or "").split())
    if not NUMBER_RE.match(number):
        raise ValidationError(
            f"Số văn bản «{number}» không hợp lệ: ghi số (ví dụ 86) hoặc số và ký hiệu (ví dụ 86/BC-UBND).",
            code="bad_number",
        )
    header = dict(report.snapshot["header"])
    symbol = header.get("number_symbol", "")
    if "/" not in number and "/" in symbol:
        number += symbol[symbol.index("/"):]
    today = timezone.localdate()
    clash = IssuedReport.objects.filter(
        status=IssuedReportStatus.ISSUED, number=number, issued_at__year=today.year
    ).exclude(pk=report.pk)
    if clash.exists():
        raise ValidationError(f"Số {number} đã được dùng cho một báo cáo khác năm {today.year}.", code="duplicate")
    header["number_symbol"] = number
    header["date"] = today.isoformat()
    report.snapshot = {**report.snapshot, "header": header}
    report.number = number
    report.status = IssuedReportStatus.ISSUED
    report.issued_at = timezone.now()
    report.issued_by = user
    report.docx_sha256 = hashlib.sha256(report_render(report, "docx")).hexdigest()
    report.save()
    audit.record(
        actor=user, action="report.issue", subject=report, before=before,
        after={"status": report.status, "number": number, "docx_sha256": report.docx_sha256},
    )
    log.info("report %s issued as %s by %s", report.pk, number, user)
    return report


def _require_draft(report: IssuedReport) -> None:
    if report.status == IssuedReportStatus.ISSUED:
        raise ValidationError("Báo cáo đã ban hành, không sửa được.", code="issued")


