"""The PDF conversion as a background job: queued by a reader, run by the jobs app's runner."""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from django.utils import timezone

from theodoi.exports.errors import ReportRenderError
from theodoi.exports.models import IssuedReport, PdfStatus
from theodoi.exports.services.rendering import report_pdf

log = logging.getLogger(__name__)


PDF_STALE_AFTER = timedelta(minutes=10)


def pdf_job_start(user: Any, report: IssuedReport) -> IssuedReport:
    """Queue the PDF conversion (anyone who may read the report may ask for its PDF).

    A PDF job already queued or running is left alone unless the sweeper's test says its runner
    is lost (worker killed, server restarted): then a new job replaces it.
    """
    from theodoi.exports import jobs
    from theodoi.exports.selectors import report_get
    from theodoi.jobs.launcher import active_job
    from theodoi.jobs.runner import job_fail
    from theodoi.jobs.sweeper import is_stuck

    report = report_get(user, report.pk)
    running = active_job(jobs.PDF, report.pk)
    in_progress = report.pdf_status in (PdfStatus.QUEUED, PdfStatus.RUNNING)
    if running is None and in_progress and timezone.now() - report.updated_at < PDF_STALE_AFTER:
        return report  # started by the previous release, before jobs had rows: its own rule
    if running is not None:
        if not is_stuck(running):
            return report
        job_fail(running, "Việc tạo PDF bị dừng giữa chừng; đã tạo lại.")
    IssuedReport.objects.filter(pk=report.pk).update(
        pdf_status=PdfStatus.QUEUED, pdf_progress=5, pdf_error="", updated_at=timezone.now()
    )
    jobs.start_pdf(report.pk, user=user)
    report.refresh_from_db()
    return report


def pdf_job_run(report_id: int, *, progress: Any = None) -> None:
    """The job body: convert and store the PDF, reporting progress on the register row.

    Database errors propagate so the job runner retries them with backoff; any other failure is
    recorded on the report for the person waiting.
    """
    from django.db import InterfaceError, OperationalError

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

