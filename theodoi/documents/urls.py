from django.urls import path

from theodoi.core import views

app_name = "documents"
urlpatterns = [
    path("", views.home, name="list"),
]
