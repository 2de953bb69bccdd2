"""Home (plan overview by field), search over targets, tasks and documents, /readyz and /metrics.

They read across apps, so they live in the top app; the liveness probe /healthz needs only the
database and stays in ``theodoi.core.views``.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from theodoi import version
from theodoi.accounts.permissions import is_planner
from theodoi.home import selectors


def home(request: HttpRequest) -> HttpResponse:
    context = selectors.home_overview(user=request.user)
    context["is_planner"] = is_planner(request.user)
    return render(request, "home/home.html", context)


def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "")[:200]
    results = selectors.search(user=request.user, query=query)
    template = "home/_search_results.html" if request.headers.get("HX-Request") == "true" else "home/search.html"
    return render(request, template, {"results": results, "q": query})


@never_cache
def ready(request: HttpRequest) -> JsonResponse:
    """For the orchestrator and monitoring: 200 only when database, broker, a worker and the file
    storage all work, else 503 naming what does not (see home/readiness.py)."""
    from theodoi.home.readiness import readiness

    checks = readiness()
    ok = all(c.ok for c in checks)
    body = {"status": "ok" if ok else "error", "version": version(), **{c.name: c.detail for c in checks}}
    return JsonResponse(body, status=200 if ok else 503)


@never_cache
def metrics(request: HttpRequest) -> HttpResponse:
    """Prometheus metrics, for the monitoring server only (home/metrics.py says who may read)."""
    from theodoi.home import metrics as exposition

    if not exposition.allowed(request):
        return HttpResponse(status=403)
    return exposition.exposition()
