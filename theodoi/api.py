"""The REST API: one NinjaAPI, a router per domain app, OpenAPI docs served offline at /api/docs.

Session auth (the browser) and token auth (`Authorization: Bearer <token>`) give the same user,
and every endpoint calls the same services and permission checks as the web views. Read
endpoints for published data are public (auth=None, caller from accounts.api.optional_user).
A refused permission is 403 and a refused input 400, each with a Vietnamese `detail`; a service's
`Refused` (theodoi.core.refusals) answers its own status with `{"detail", "code"}`.
"""

from __future__ import annotations

import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.security import SessionAuth

from theodoi.accounts.api import TokenAuth
from theodoi.accounts.api import router as accounts_router
from theodoi.core.refusals import Refused
from theodoi.documents.api import router as documents_router
from theodoi.evaluation.api import router as evaluation_router
from theodoi.exports.api import router as exports_router
from theodoi.investment.api import router as investment_router
from theodoi.plans.api import router as plans_router
from theodoi.reporting.api import router as reporting_router

log = logging.getLogger(__name__)

api = NinjaAPI(
    title="theodoi API",
    version="1",
    description="Chỉ tiêu, nhiệm vụ, báo cáo định kỳ và đánh giá kế hoạch phát triển kinh tế - xã hội.",
    # Token first: ninja checks CSRF in SessionAuth before trying the next method, which would
    # refuse every token client's POST.
    auth=[TokenAuth(), SessionAuth(csrf=True)],
    urls_namespace="api",
)


@api.exception_handler(PermissionDenied)
def permission_denied(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    log.info("api 403 %s %s", request.method, request.path)
    return api.create_response(request, {"detail": str(exc) or "Bạn không có quyền thực hiện thao tác này."}, status=403)


@api.exception_handler(ValidationError)
def validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    log.info("api 400 %s %s: %s", request.method, request.path, exc.messages)
    return api.create_response(request, {"detail": " ".join(exc.messages), "code": getattr(exc, "code", None)}, status=400)


@api.exception_handler(Refused)
def refused(request: HttpRequest, exc: Refused) -> HttpResponse:
    """Every service refusal, whatever app raised it, answers the same way."""
    log.info("api %s %s %s: %s", exc.status_code, request.method, request.path, exc.code)
    return api.create_response(request, exc.as_dict(), status=exc.status_code)


api.add_router("/accounts", accounts_router)
api.add_router("/plans", plans_router)
api.add_router("/documents", documents_router)
api.add_router("/reporting", reporting_router)
api.add_router("/evaluation", evaluation_router)
api.add_router("/investment", investment_router)
api.add_router("/exports", exports_router)
