from django.urls import path

from theodoi.exports import views

app_name = "exports"
urlpatterns = [
    path("", views.report_list, name="list"),
    path("moi/", views.report_create, name="create"),
    path("<int:pk>/", views.report_detail, name="detail"),
    path("<int:pk>/sua/", views.report_edit, name="edit"),
    path("<int:pk>/ban-hanh/", views.report_issue, name="issue"),
    path("<int:pk>/tai/<str:fmt>/", views.report_download, name="download"),
    path("<int:pk>/pdf/", views.report_pdf_start, name="pdf_start"),
    path("<int:pk>/pdf/tien-do/", views.report_pdf_progress, name="pdf_progress"),
]
