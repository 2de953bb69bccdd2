from django.urls import path

from theodoi.investment import views

app_name = "investment"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("de-xuat-dieu-chuyen/", views.flagged, name="flagged"),
    path("du-an/<str:code>/", views.project_detail, name="project"),
    path("du-an/<str:code>/giai-ngan/", views.disbursement_entry, name="disbursement_entry"),
    path("nhap-tep/", views.import_xlsx, name="import"),
    path("mau-nhap.xlsx", views.import_template, name="import_template"),
]
