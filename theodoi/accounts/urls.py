from django.contrib.auth import views as auth_views
from django.urls import path

from theodoi.accounts import views

app_name = "accounts"
urlpatterns = [
    path("dang-nhap/", auth_views.LoginView.as_view(), name="login"),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path("", views.profile, name="profile"),
    path("ma-truy-cap/", views.token_create, name="token_create"),
    path("ma-truy-cap/<int:pk>/thu-hoi/", views.token_delete, name="token_delete"),
]
