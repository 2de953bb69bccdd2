from django.urls import path

from theodoi.plans import views

app_name = "plans"
urlpatterns = [
    path("chi-tieu/", views.target_list, name="target_list"),
    path("chi-tieu/<int:pk>/", views.target_detail, name="target_detail"),
    path("chi-tieu/<int:pk>/sua/", views.target_correct, name="target_correct"),
    path("don-vi/", views.unit_list, name="unit_list"),
    path("don-vi/<slug:code>/", views.unit_detail, name="unit_detail"),
    path("nhiem-vu/", views.assignment_list, name="assignment_list"),
]
