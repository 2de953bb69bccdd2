"""Home (plan overview by field) and search over targets, tasks and documents."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from theodoi.accounts.permissions import is_planner
from theodoi.core import selectors


def home(request: HttpRequest) -> HttpResponse:
    context = selectors.home_overview(user=request.user)
    context["is_planner"] = is_planner(request.user)
    return render(request, "core/home.html", context)


def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "")[:200]
    results = selectors.search(user=request.user, query=query)
    template = "core/_search_results.html" if request.headers.get("HX-Request") == "true" else "core/search.html"
    return render(request, template, {"results": results, "q": query})
