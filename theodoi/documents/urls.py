from django.urls import path

from theodoi.documents import views

app_name = "documents"
urlpatterns = [
    path("", views.document_list, name="list"),
    path("tai-len/", views.document_upload_view, name="upload"),
    path("<int:pk>/", views.document_detail, name="detail"),
    path("<int:pk>/tep/", views.document_file, name="file"),
    path("<int:pk>/tien-do/", views.document_progress, name="progress"),
    path("<int:pk>/noi-dung/", views.document_viewer, name="viewer"),
    path("<int:pk>/ra-soat/", views.document_review, name="review"),
    path("<int:pk>/xac-nhan-tat-ca/", views.confirm_all, name="confirm_all"),
    path("<int:pk>/xac-nhan-tin-cay-cao/", views.confirm_confident, name="confirm_confident"),
    path("<int:pk>/cong-bo/", views.publish, name="publish"),
    path("<int:pk>/thay-doi/", views.document_changes, name="changes"),
    path("<int:pk>/trich-xuat-lai/", views.retry_extraction, name="retry"),
    path("<int:pk>/nam-ke-hoach/", views.set_plan_year, name="plan_year"),
    path("muc/<int:pk>/<slug:action>/", views.item_action, name="item_action"),
]
