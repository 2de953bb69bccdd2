from django.urls import path

from theodoi.core import views

app_name = "plans"
urlpatterns = [
    path("chi-tieu/", views.home, name="target_list"),
    path("nhiem-vu/", views.home, name="assignment_list"),
]
