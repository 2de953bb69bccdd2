"""theodoi: monitoring of a province's socio-economic plan.

The Celery app is loaded here, as Celery's Django guide requires: without it a web process that
enqueues a job (`task.delay()`) uses Celery's default app, whose broker is AMQP on localhost, not
the configured CELERY_BROKER_URL, and the job never reaches the workers.
"""

from .celery import app as celery_app

__all__ = ("celery_app",)
