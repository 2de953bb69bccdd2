from django.apps import AppConfig


class JobsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "theodoi.jobs"
    label = "jobs"
    verbose_name = "Việc nền"

    def ready(self) -> None:
        """Load every app's `jobs` module so each job kind is registered before a runner needs it.

        A Celery worker receives only a job id and a kind name: the kind's body must be known in
        that process without any view having been imported.
        """
        from django.utils.module_loading import autodiscover_modules

        autodiscover_modules("jobs")
        from theodoi.jobs import embedded, launcher, runner

        embedded.connect()
        runner.use_sender(launcher.enqueue)
