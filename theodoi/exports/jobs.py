"""The exports app's background job: convert a report to PDF (LibreOffice takes seconds).

Registered with theodoi.jobs; the web request only queues it (services/pdf_jobs.py) and the page
polls its progress. The job's body is here, beside the job, so the service that starts the job and
the job that runs it do not import each other.
"""

from __future__ import annotations

import logging
from typing import Any

from theodoi.jobs import launcher, registry

log = logging.getLogger(__name__)

PDF = "exports.pdf"


def _body(report_id: int, progress: registry.Progress) -> None:
    from theodoi.exports.models import IssuedReport, PdfStatus

    pdf_job_run(report_id, progress=progress)
    failed = IssuedReport.objects.filter(pk=report_id, pdf_status=PdfStatus.FAILED).values_list("pdf_error", flat=True)
    for message in failed:
        raise registry.JobFailed(message or "Lỗi khi tạo PDF.")


def _on_failed(report_id: int, message: str) -> None:
    from theodoi.exports.models import IssuedReport, PdfStatus

    IssuedReport.objects.filter(pk=report_id).update(pdf_status=PdfStatus.FAILED, pdf_error=message)


def _on_queued(report_id: int) -> None:
    from django.utils import timezone

    from theodoi.exports.models import IssuedReport, PdfStatus

    IssuedReport.objects.filter(pk=report_id).update(
        pdf_status=PdfStatus.QUEUED, pdf_progress=5, pdf_error="", updated_at=timezone.now()
    )


registry.register(registry.JobKind(
    name=PDF, label="Tạo PDF báo cáo", model="exports.IssuedReport",
    body=_body, on_failed=_on_failed, on_queued=_on_queued,
))


def start_pdf(report_id: int, *, user: Any = None) -> None:
    """Queue the PDF of a report once the current transaction has committed."""
    launcher.job_start(PDF, report_id, user=user)


def pdf_job_run(report_id: int, *, progress: Any = None) -> None:
    """The job body: convert and store the PDF, reporting progress on the register row.

    Database errors propagate so the job runner retries them with backoff; any other failure is
    recorded on the report for the person waiting.
    """
    from django.db import InterfaceError, OperationalError
    from django.utils import timezone

    from theodoi.exports.errors import ReportRenderError
    from theodoi.exports.models import IssuedReport, PdfStatus
    from theodoi.exports.services.rendering import report_pdf

    report = IssuedReport.objects.get(pk=report_id)

    def note(pct: int) -> None:
        IssuedReport.objects.filter(pk=report_id).update(
            pdf_status=PdfStatus.RUNNING, pdf_progress=pct, updated_at=timezone.now()
        )
        if progress is not None:
            progress(pct, "Đang chuyển báo cáo sang PDF")

    note(15)
    try:
        report_pdf(report, progress=note)
    except ReportRenderError as exc:
        IssuedReport.objects.filter(pk=report_id).update(pdf_status=PdfStatus.FAILED, pdf_error=str(exc))
    except (OperationalError, InterfaceError):
        raise
    except Exception as exc:  # noqa: BLE001 - the job must leave a message, not a spinner
        log.exception("PDF job for report %s failed", report_id)
        IssuedReport.objects.filter(pk=report_id).update(
            pdf_status=PdfStatus.FAILED, pdf_error=f"Lỗi khi tạo PDF: {exc}"
        )

