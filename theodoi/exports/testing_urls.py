"""URLs for the API tests: the project's URLs, plus /api/exports when theodoi/api.py does not mount it yet.

The project's API mounts each app's router once; until the exports router is added there, the
tests serve it from a second NinjaAPI with the same authentication and error handlers.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import path
from ninja import NinjaAPI
from ninja.security import SessionAuth

from theodoi.accounts.api import TokenAuth
from theodoi.api import api, permission_denied, validation_error
from theodoi.exports.api import router
from theodoi.urls import urlpatterns as project_urlpatterns

urlpatterns = list(project_urlpatterns)
if not any(item[-1] is router for item in api._routers):
    exports_api = NinjaAPI(
        title="theodoi API (exports, tests)", version="1-test", auth=[SessionAuth(csrf=True), TokenAuth()],
        urls_namespace="api-exports-test", docs_url=None, openapi_url=None,
    )
    exports_api.exception_handler(PermissionDenied)(permission_denied)
    exports_api.exception_handler(ValidationError)(validation_error)
    exports_api.add_router("/exports", router)
    urlpatterns.insert(0, path("api/", exports_api.urls))
