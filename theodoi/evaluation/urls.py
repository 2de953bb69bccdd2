from django.urls import path

from theodoi.evaluation import views

app_name = "evaluation"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("linh-vuc/<slug:field>/", views.field_page, name="field"),
    path("don-vi/<slug:code>/", views.unit_page, name="unit"),
    path("chi-tieu/", views.target_list, name="target_list"),
    path("chi-tieu/<int:pk>/", views.target_page, name="target"),
    path("chi-tieu/<int:pk>/khac-phuc/", views.corrective_open, name="corrective_open"),
    path("cong-khai/", views.public_dashboard, name="public"),
    path("cong-khai/chi-tieu/", views.public_target_list, name="public_target_list"),
    path("cong-khai/chi-tieu/<int:pk>/", views.public_target_page, name="public_target"),
]
