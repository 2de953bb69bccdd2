"""URL map: one include per domain app, the API under /api/, Django admin under /admin/."""

from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path
from django.views.i18n import JavaScriptCatalog

from theodoi.api import api

urlpatterns: list[URLPattern | URLResolver] = [
    path("", include("theodoi.home.urls")),
    path("tai-khoan/", include("theodoi.accounts.urls")),
    path("van-ban/", include("theodoi.documents.urls")),
    path("ke-hoach/", include("theodoi.plans.urls")),
    path("bao-cao-dinh-ky/", include("theodoi.reporting.urls")),
    path("danh-gia/", include("theodoi.evaluation.urls")),
    path("dau-tu-cong/", include("theodoi.investment.urls")),
    path("bao-cao/", include("theodoi.exports.urls")),
    path("thong-bao/", include("theodoi.notifications.urls")),
    path("viec-nen/", include("theodoi.jobs.urls")),
    path("nhat-ky/", include("theodoi.trail.urls")),
    path("api/", api.urls),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    # The words of the pages' scripts (charts, the report grid) in the page's language: a script
    # file, so it passes the Content-Security-Policy that refuses inline scripts.
    path("jsi18n/", JavaScriptCatalog.as_view(domain="djangojs"), name="javascript-catalog"),
]
# No /media/ route, not even with DEBUG on: uploaded and generated files go out only through views
# that check the permission of the page they belong to (theodoi/core/files.py).
