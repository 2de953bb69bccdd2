from django.apps import AppConfig


class AccountsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "theodoi.accounts"
    label = "accounts"

    def ready(self) -> None:
        from theodoi.accounts import signals  # noqa: F401  (connects the token revocation)
