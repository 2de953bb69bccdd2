"""Queueing the PDF conversion of a report (anyone who may read it); the job and its body are in
exports/jobs.py, run by the jobs app's runner."""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from theodoi.core import audit
from theodoi.core.refusals import NotFound
from theodoi.exports.models import IssuedReport, PdfStatus

log = logging.getLogger(__name__)


PDF_STALE_AFTER = timedelta(minutes=10)


def pdf_job_start(*, user: Any, report: IssuedReport) -> IssuedReport:
    """Queue the PDF conversion (anyone who may read the report may ask for its PDF).

    A PDF job already queued or running is left alone unless the sweeper's test says its runner
    is lost (worker killed, server restarted): then a new job replaces it.
    """
    from theodoi.exports import jobs
    from theodoi.exports.selectors import reports_visible_to
    from theodoi.jobs.launcher import active_job
    from theodoi.jobs.runner import job_fail
    from theodoi.jobs.sweeper import is_stuck

    found = reports_visible_to(user).filter(pk=report.pk).first()
    if found is None:
        raise NotFound("Không tìm thấy báo cáo này, hoặc bạn không có quyền xem báo cáo này.")
    report = found
    running = active_job(jobs.PDF, report.pk)
    in_progress = report.pdf_status in (PdfStatus.QUEUED, PdfStatus.RUNNING)
    if running is None and in_progress and timezone.now() - report.updated_at < PDF_STALE_AFTER:
        return report  # started by the previous release, before jobs had rows: its own rule
    if running is not None:
        if not is_stuck(running):
            return report
        job_fail(running, "Việc tạo PDF bị dừng giữa chừng; đã tạo lại.")
    with transaction.atomic():
        before = {"pdf_status": report.pdf_status}
        IssuedReport.objects.filter(pk=report.pk).update(
            pdf_status=PdfStatus.QUEUED, pdf_progress=5, pdf_error="", updated_at=timezone.now()
        )
        audit.record(actor=user, action="report.pdf_start", subject=report, before=before,
                     after={"pdf_status": PdfStatus.QUEUED})
        jobs.start_pdf(report.pk, user=user)
    report.refresh_from_db()
    return report
