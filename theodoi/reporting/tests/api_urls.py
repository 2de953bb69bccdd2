"""URLconf for the API tests while theodoi/api.py does not mount the reporting router.

When the project API mounts it (``api.add_router("/reporting", ...)``) these are the project's URLs
unchanged; otherwise a second NinjaAPI with the same authentication serves /api/reporting/ first.
"""

from __future__ import annotations

from django.urls import include, path
from ninja import NinjaAPI
from ninja.security import SessionAuth

from theodoi.accounts.api import TokenAuth
from theodoi.api import api
from theodoi.reporting.api import router

MOUNTED = any(prefix.strip("/") == "reporting" for prefix, _ in api._routers)

urlpatterns: list = [path("", include("theodoi.urls"))]
if not MOUNTED:
    test_api = NinjaAPI(auth=[SessionAuth(csrf=True), TokenAuth()], urls_namespace="reporting-test-api")
    test_api.add_router("/reporting", router)
    urlpatterns.insert(0, path("api/", test_api.urls))
