from django.apps import AppConfig


class HomeConfig(AppConfig):
    """The top floor: the pages and commands that look across every app.

    The home page (plan overview by field), search over targets, tasks and documents, the demo
    loader (`theodoi loaddemo`), the site-wide template filters (`{% load vn %}`) and context, and
    the operators' endpoints (/healthz, /readyz, /metrics). Any app may be imported from here;
    nothing imports this app, so ``core`` stays the ground floor that imports no app.
    """

    default_auto_field = "django.db.models.BigAutoField"
    name = "theodoi.home"
    label = "home"
