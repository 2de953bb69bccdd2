from django.urls import path

from theodoi.trail import views

app_name = "trail"
urlpatterns = [
    path("", views.trail_list, name="list"),
    path("chi-tieu/<int:pk>/", views.target_trail, name="target"),
    path("gia-tri/<int:pk>/", views.value_trail, name="value"),
]
