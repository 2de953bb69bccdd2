"""Celery tasks of the exports app."""

from celery import shared_task


@shared_task(name="exports.make_pdf")
def make_pdf(report_id: int) -> None:
    from theodoi.exports.services import pdf_job_run

    pdf_job_run(report_id)
