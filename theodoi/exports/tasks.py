"""Celery tasks of the exports app.

Jobs now run as `jobs.run` (theodoi/jobs/tasks.py). This name stays so that messages queued by
the previous release still run after an upgrade: each becomes a job row and runs through it.
"""

from celery import shared_task


@shared_task(name="exports.make_pdf", acks_late=True, reject_on_worker_lost=True)
def make_pdf(report_id: int) -> None:
    from theodoi.exports.jobs import PDF
    from theodoi.jobs.launcher import active_job, job_start
    from theodoi.jobs.runner import job_execute

    job = active_job(PDF, report_id)
    if job is None:
        job = job_start(PDF, report_id, send=False)
    job_execute(job.pk)
