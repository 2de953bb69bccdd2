from django.urls import path

from theodoi.jobs import views

app_name = "jobs"
urlpatterns = [
    path("", views.job_list, name="list"),
    path("<int:pk>/<slug:action>/", views.job_action, name="action"),
]
