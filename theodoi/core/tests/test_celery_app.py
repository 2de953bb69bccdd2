"""The web process must enqueue jobs on the configured broker, not Celery's AMQP default."""

from __future__ import annotations

import subprocess
import sys

from django.conf import settings


def test_package_loads_the_project_celery_app() -> None:
    import celery

    import theodoi

    assert theodoi.celery_app.main == "theodoi"
    # `task.delay()` in a view uses the current app: it must be ours, with our settings.
    assert celery.current_app.main == "theodoi"


def test_a_fresh_process_sends_jobs_to_the_configured_broker() -> None:
    """What a gunicorn worker sees: only Django is set up, nobody imports theodoi.celery."""
    code = (
        "import django, os;"
        "os.environ['DJANGO_SETTINGS_MODULE']='theodoi.settings';"
        "os.environ['CELERY_BROKER_URL']='redis://127.0.0.1:6379/9';"
        "django.setup();"
        "from theodoi.documents.tasks import extract_document;"
        "print(extract_document.app.conf.broker_url, extract_document.app.conf.task_acks_late)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["redis://127.0.0.1:6379/9", "True"]


def test_reliability_settings_reach_celery() -> None:
    from theodoi import celery_app

    conf = celery_app.conf
    assert conf.task_reject_on_worker_lost is True
    assert conf.worker_prefetch_multiplier == 1
    assert conf.broker_transport_options["visibility_timeout"] > conf.task_time_limit
    assert settings.CELERY_TASK_TIME_LIMIT > settings.CELERY_TASK_SOFT_TIME_LIMIT
