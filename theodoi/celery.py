"""Celery app: production runs `celery -A theodoi worker -B` against Redis.

With no broker configured (the embedded default) settings make tasks run eagerly, in process.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "theodoi.settings")

app = Celery("theodoi")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
