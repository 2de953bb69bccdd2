"""The root pages. The namespace stays "core", the name these routes had before the top app
existed: every template's `{% url 'core:home' %}` and the route label of /metrics
(`route="core:health"`, which dashboards select on) keep working unchanged."""

from django.urls import path

from theodoi.core import views as core_views
from theodoi.home import views

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("tim-kiem/", views.search, name="search"),
    path("healthz", core_views.health, name="health"),
    path("readyz", views.ready, name="ready"),
    path("metrics", views.metrics, name="metrics"),
]
