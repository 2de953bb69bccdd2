from django.urls import path

from theodoi.reporting import views, views_review

app_name = "reporting"
urlpatterns = [
    path("", views.index, name="index"),
    path("mo/", views.form_open, name="open"),
    path("bieu/<int:pk>/", views.form_detail, name="form"),
    path("bieu/<int:pk>/luu/", views.form_autosave, name="autosave"),
    path("bieu/<int:pk>/nhap-tep/", views.form_import, name="import"),
    path("bieu/<int:pk>/so-sanh/", views_review.form_diff, name="diff"),
    path("duyet/", views_review.review_queue, name="review"),
    path("bieu/<int:pk>/<slug:action>/", views.form_action, name="action"),
    path("gia-tri/<int:pk>/lich-su/", views.value_history, name="history"),
    path("gia-tri/<int:pk>/minh-chung/", views.value_evidence, name="evidence"),
    path("tong-hop/", views.consolidation, name="consolidation"),
    path("dung-han/", views.timeliness, name="timeliness"),
    path("thong-bao/", views.reminders, name="reminders"),
]
