"""Consolidated reports (báo cáo tổng hợp): build the data, keep the register, render from the snapshot.

The one place where the pure renderer (data.py, docx_report.py, xlsx_annex.py, pdf.py) meets the
database. The web pages, the API and `theodoi report` all call these functions.

Why a snapshot: a report is drafted from the figures of the day it was made, edited by the
planner, then signed. The register keeps the data it was drafted from (`IssuedReport.snapshot`,
`ReportData.to_dict()`), so the signed report renders the same later, whatever happens to the
figures behind it. Every rendering goes through `report_render`, which reads only the snapshot.

Where each part lives:

- ``theodoi/exports/scope.py``: the period and the scope a report covers;
- ``theodoi/exports/selectors.py``: the report's data read from the live tables (`report_data_build`);
- ``register``: the register's writes (draft, edit, issue);
- ``rendering``: DOCX, XLSX and PDF bytes from the snapshot, stable zips, file names;
- ``pdf_jobs``: queueing the PDF conversion (the job and its body are in exports/jobs.py).

The names below are re-exported so callers keep writing ``services.report_issue(...)``.
"""

from theodoi.exports.scope import (
    FIELD_ORDER,
    PERIOD_HELP_VI,
    Scope,
    period_parse,
    period_phrase,
    scope_resolve,
)
from theodoi.exports.selectors import (
    AT_RISK,
    COUNTED_FORMS,
    MAX_OVERDUE_TASKS,
    STATUS_LABELS,
    report_data_build,
)
from theodoi.exports.services.pdf_jobs import (
    PDF_STALE_AFTER,
    pdf_job_start,
)
from theodoi.exports.services.register import (
    HEADER_FIELDS,
    NUMBER_RE,
    paragraphs_from_text,
    paragraphs_to_text,
    report_draft_create,
    report_issue,
    report_sections_update,
    sections_from_text,
)
from theodoi.exports.services.rendering import (
    CONTENT_TYPES,
    FORMATS,
    data_render,
    report_data,
    report_docx_matches_issue,
    report_docx_sha256,
    report_filename,
    report_pdf,
    report_pdf_is_fresh,
    report_render,
    stable_zip,
)

__all__ = [
    "AT_RISK",
    "CONTENT_TYPES",
    "COUNTED_FORMS",
    "FIELD_ORDER",
    "FORMATS",
    "HEADER_FIELDS",
    "MAX_OVERDUE_TASKS",
    "NUMBER_RE",
    "PDF_STALE_AFTER",
    "PERIOD_HELP_VI",
    "STATUS_LABELS",
    "Scope",
    "data_render",
    "paragraphs_from_text",
    "paragraphs_to_text",
    "pdf_job_start",
    "period_parse",
    "period_phrase",
    "report_data",
    "report_data_build",
    "report_docx_matches_issue",
    "report_docx_sha256",
    "report_draft_create",
    "report_filename",
    "report_issue",
    "report_pdf",
    "report_pdf_is_fresh",
    "report_render",
    "report_sections_update",
    "scope_resolve",
    "sections_from_text",
    "stable_zip",
]
