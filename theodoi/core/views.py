"""Home (plan overview by field), search over targets, tasks and documents, and the health check."""

from __future__ import annotations

import logging

from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from theodoi import version
from theodoi.accounts.permissions import is_planner
from theodoi.core import selectors

log = logging.getLogger(__name__)


def home(request: HttpRequest) -> HttpResponse:
    context = selectors.home_overview(user=request.user)
    context["is_planner"] = is_planner(request.user)
    return render(request, "core/home.html", context)


def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "")[:200]
    results = selectors.search(user=request.user, query=query)
    template = "core/_search_results.html" if request.headers.get("HX-Request") == "true" else "core/search.html"
    return render(request, template, {"results": results, "q": query})


@never_cache
def health(request: HttpRequest) -> JsonResponse:
    """For the load balancer and monitoring: 200 when the app answers and its database does, else 503.

    Public and cheap on purpose (one ``SELECT 1``, no session, no template): it is polled every few
    seconds, and the load benchmark uses it as the floor cost of one request through the server."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        log.exception("health check: database unavailable")
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@never_cache
def ready(request: HttpRequest) -> JsonResponse:
    """For the orchestrator and monitoring: 200 only when database, broker, a worker and the file
    storage all work, else 503 naming what does not (see core/readiness.py)."""
    from theodoi.core.readiness import readiness

    checks = readiness()
    ok = all(c.ok for c in checks)
    body = {"status": "ok" if ok else "error", "version": version(), **{c.name: c.detail for c in checks}}
    return JsonResponse(body, status=200 if ok else 503)


@never_cache
def metrics(request: HttpRequest) -> HttpResponse:
    """Prometheus metrics, for the monitoring server only (core/metrics.py says who may read)."""
    from theodoi.core import metrics as exposition

    if not exposition.allowed(request):
        return HttpResponse(status=403)
    return exposition.exposition()

