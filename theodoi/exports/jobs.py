"""The PDF job: Celery when a broker is configured, a thread on the embedded default, inline in tests.

Same modes as documents/jobs.py (settings.BACKGROUND_JOBS); LibreOffice takes seconds, so the
web request only queues the job and the page polls its progress.
"""

from __future__ import annotations

import threading

from django.db import close_old_connections, transaction

from theodoi.documents.jobs import _mode


def _run_in_thread(report_id: int) -> None:
    from theodoi.exports.services import pdf_job_run

    try:
        pdf_job_run(report_id)
    finally:
        close_old_connections()


def start_pdf(report_id: int) -> None:
    """Queue the PDF of a report once the current transaction has committed."""
    mode = _mode()

    def launch() -> None:
        if mode == "celery":
            from theodoi.exports.tasks import make_pdf

            make_pdf.delay(report_id)
        elif mode == "thread":
            threading.Thread(target=_run_in_thread, args=(report_id,), daemon=True).start()
        else:
            from theodoi.exports.services import pdf_job_run

            pdf_job_run(report_id)

    transaction.on_commit(launch)
