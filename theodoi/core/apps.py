from django.apps import AppConfig


class CoreConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "theodoi.core"
    label = "core"

    def ready(self) -> None:
        """Make the project's Celery app current in every Django process (web, CLI, worker).

        `shared_task` binds to the current app when a task is first used; loading ours here means a
        view's `task.delay()` goes to CELERY_BROKER_URL with our reliability settings.
        """
        from theodoi.celery import app

        app.set_current()
