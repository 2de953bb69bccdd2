"""The REST API: one NinjaAPI, a router per domain app, OpenAPI docs served offline at /api/docs.

Session auth (the browser) and token auth (`Authorization: Bearer <token>`) give the same user,
and every endpoint calls the same services and permission checks as the web views.
"""

from __future__ import annotations

from ninja import NinjaAPI
from ninja.security import SessionAuth

from theodoi.accounts.api import TokenAuth, router as accounts_router
from theodoi.plans.api import router as plans_router
from theodoi.documents.api import router as documents_router

api = NinjaAPI(
    title="theodoi API",
    version="1",
    description="Chỉ tiêu, nhiệm vụ, báo cáo định kỳ và đánh giá kế hoạch phát triển kinh tế - xã hội.",
    auth=[SessionAuth(csrf=True), TokenAuth()],
    urls_namespace="api",
)
api.add_router("/accounts", accounts_router)
api.add_router("/plans", plans_router)
api.add_router("/documents", documents_router)
