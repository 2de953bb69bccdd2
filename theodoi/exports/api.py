"""Reports API (/api/exports): the register, new drafts, edits, issue, downloads.

Same services and permissions as the web pages: planners create, edit and issue; leaders read
and download; an agency's or district's staff read the reports of their own scope; anonymous
callers get 401. The PDF is converted on the request when no stored one matches (seconds).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from ninja import Field, Router, Schema
from ninja.responses import Status

from theodoi.core.api_inputs import MAX_ITEMS, Code, Id, JsonObject, Long, Short
from theodoi.core.files import protected_file_response
from theodoi.core.pagination import Rows, paged
from theodoi.exports import selectors, services
from theodoi.exports.data import Section
from theodoi.exports.models import IssuedReport

router = Router(tags=["exports"])


class ReportOut(Schema):
    id: int
    period: str
    scope: str
    scope_key: str
    title: str
    number: str
    status: str
    created_at: dt.datetime
    issued_at: dt.datetime | None
    docx_sha256: str
    pdf_status: str


class ReportDetailOut(ReportOut):
    data: dict[str, Any]


class ReportIn(Schema):
    period: Code
    scope: Code = "province"
    scope_key: Code = ""


class SectionIn(Schema):
    title: Short = ""
    paragraphs: list[Long] = Field([], max_length=MAX_ITEMS)
    subsections: list[SectionIn] = Field([], max_length=MAX_ITEMS)


SectionIn.model_rebuild()


class SectionsIn(Schema):
    sections: list[SectionIn] = Field(..., max_length=MAX_ITEMS)
    header: JsonObject | None = None


class IssueIn(Schema):
    number: Short


def _out(report: IssuedReport) -> dict[str, Any]:
    return {
        "id": report.pk, "period": report.period, "scope": report.scope, "scope_key": report.scope_key,
        "title": report.title, "number": report.number, "status": report.status,
        "created_at": report.created_at, "issued_at": report.issued_at, "docx_sha256": report.docx_sha256,
        "pdf_status": report.pdf_status, "data": report.snapshot,
    }


def _section(raw: SectionIn) -> Section:
    return Section(title=raw.title, paragraphs=list(raw.paragraphs), subsections=[_section(s) for s in raw.subsections])


@router.get("/reports", response=list[ReportOut], url_name="export_reports")
@paged
def report_list(request: HttpRequest, status: Code = "", period: Code = "") -> Rows[IssuedReport]:
    """The register the caller may read, paged (it grows by a report per scope and period): newest first, then id."""
    reports = selectors.report_list(request.auth, status=status, period=period)  # type: ignore[attr-defined]
    return Rows.each(reports.order_by("-created_at", "-pk"), _out)


@router.post("/reports", response={201: ReportDetailOut}, url_name="export_report_create")
def report_create(request: HttpRequest, payload: ReportIn) -> Status:
    user: Any = request.auth  # type: ignore[attr-defined]
    report = services.report_draft_create(user=user, period=payload.period, scope=payload.scope, scope_key=payload.scope_key)
    return Status(201, _out(report))


@router.get("/reports/{report_id}", response=ReportDetailOut, url_name="export_report")
def report_detail(request: HttpRequest, report_id: Id) -> dict[str, Any]:
    return _out(selectors.report_get(request.auth, report_id))  # type: ignore[attr-defined]


@router.put("/reports/{report_id}/sections", response=ReportDetailOut, url_name="export_report_sections")
def report_sections(request: HttpRequest, report_id: Id, payload: SectionsIn) -> dict[str, Any]:
    user: Any = request.auth  # type: ignore[attr-defined]
    report = selectors.report_get(user, report_id)
    sections = [_section(s) for s in payload.sections]
    return _out(services.report_sections_update(user=user, report=report, sections=sections, header=payload.header))


@router.post("/reports/{report_id}/issue", response=ReportDetailOut, url_name="export_report_issue")
def report_issue(request: HttpRequest, report_id: Id, payload: IssueIn) -> dict[str, Any]:
    user: Any = request.auth  # type: ignore[attr-defined]
    report = selectors.report_get(user, report_id)
    return _out(services.report_issue(user=user, report=report, number=payload.number))


@router.get("/reports/{report_id}/download/{fmt}", url_name="export_report_download")
def report_download(request: HttpRequest, report_id: Id, fmt: Code) -> HttpResponseBase:
    """The file itself: docx, xlsx or pdf, rendered from the report's snapshot."""
    if fmt not in services.FORMATS:
        raise Http404("unknown format")
    report = selectors.report_get(request.auth, report_id)  # type: ignore[attr-defined]
    if fmt == "pdf" and services.report_pdf_is_fresh(report):
        return protected_file_response(report.pdf, filename=services.report_filename(report, fmt))
    # A ReportRenderError (a Refused, 503) is answered by the API's one refusal handler.
    content = services.report_render(report, fmt)
    response = HttpResponse(content, content_type=services.CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{services.report_filename(report, fmt)}"'
    return response
