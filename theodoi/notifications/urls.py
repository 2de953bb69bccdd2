from django.urls import path

from theodoi.notifications import views

app_name = "notifications"
urlpatterns = [
    path("den-han/", views.due_this_week, name="due_this_week"),
    path("cai-dat/", views.preferences, name="preferences"),
    path("lich/<slug:code>.ics", views.calendar_feed, name="calendar"),
]
