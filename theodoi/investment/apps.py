from django.apps import AppConfig


class InvestmentConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "theodoi.investment"
    label = "investment"

    def ready(self) -> None:
        from theodoi.investment import flags

        flags.connect()  # stored flags follow every save of a project, capital plan or disbursement
