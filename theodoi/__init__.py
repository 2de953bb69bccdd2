"""theodoi: monitoring of a province's socio-economic plan.

The package itself imports nothing, so its Django-free parts (the renderers under
`theodoi.exports`, the samples) load without Django. The Celery app is made current when Django
starts (`theodoi.core.apps.CoreConfig.ready`): without that a web process that enqueues a job
(`task.delay()`) uses Celery's default app, whose broker is AMQP on localhost, not the configured
CELERY_BROKER_URL, and the job never reaches the workers. Workers load it by `celery -A theodoi`.
"""


from typing import Any


def version() -> str:
    """The installed project version (pyproject.toml), for `--version`, /readyz and backups."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed("theodoi")
    except PackageNotFoundError:
        return "unknown"


def __getattr__(name: str) -> Any:
    """`theodoi.celery_app`, loaded on first use (Celery's `-A theodoi` looks for this name)."""
    if name == "celery_app":
        from .celery import app

        return app
    raise AttributeError(name)


__all__ = ("celery_app",)
