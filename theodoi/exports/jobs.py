"""The exports app's background job: convert a report to PDF (LibreOffice takes seconds).

Registered with theodoi.jobs; the web request only queues it and the page polls its progress.
"""

from __future__ import annotations

from typing import Any

from theodoi.jobs import launcher, registry

PDF = "exports.pdf"


def _body(report_id: int, progress: registry.Progress) -> None:
    from theodoi.exports.models import IssuedReport, PdfStatus
    from theodoi.exports.services import pdf_job_run

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
