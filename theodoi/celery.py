"""Celery app: production runs `celery -A theodoi worker -B` against Redis.

With no broker configured (the embedded default) settings make tasks run eagerly, in process.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "theodoi.settings")

app = Celery("theodoi")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

# Daily reporting job: reminders before and after deadlines at 07:30, automatic lock at 00:15
# (Asia/Ho_Chi_Minh). The embedded default runs `theodoi remind` from cron instead.
from celery.schedules import crontab  # noqa: E402

app.conf.beat_schedule = {
    **(app.conf.beat_schedule or {}),
    "reporting-remind": {"task": "reporting.remind", "schedule": crontab(hour=7, minute=30)},
    "reporting-lock-overdue": {"task": "reporting.lock_overdue", "schedule": crontab(hour=0, minute=15)},
    "notifications-digests": {"task": "notifications.send_digests", "schedule": crontab(hour=7, minute=45)},
    # Jobs whose worker died or that never reached the broker: queue again or fail (theodoi/jobs/sweeper.py).
    # Every JOBS_SWEEP_SECONDS (a minute; seconds in the fault tests). A sweep waiting behind long
    # jobs expires at the next one, so sweeps never pile up in the queue.
    "jobs-sweep": {"task": "jobs.sweep", "schedule": float(os.environ.get("JOBS_SWEEP_SECONDS", "60")),
                   "options": {"expires": float(os.environ.get("JOBS_SWEEP_SECONDS", "60"))}},
}
