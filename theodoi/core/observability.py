"""What an operator sees of a running theodoi: one log line per request with its id, user and
duration (JSON in production), and Prometheus metrics.

The request id comes from the proxy's `X-Request-ID` when it sends one (nginx `$request_id`), so
one id follows a request through nginx, gunicorn and the logs; it is returned in the response.
Metrics use the official `prometheus_client`; with several gunicorn workers set
PROMETHEUS_MULTIPROC_DIR (see docs/deployment.md) so /metrics adds up every worker.
"""

from __future__ import annotations

import contextvars
import logging
import re
import time
import uuid
from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.functional import empty
from prometheus_client import Counter, Histogram
from pythonjsonlogger.json import JsonFormatter

log = logging.getLogger("theodoi.request")

request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")
_request: contextvars.ContextVar[HttpRequest | None] = contextvars.ContextVar("request", default=None)
_VALID_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")

REQUEST_SECONDS = Histogram(
    "theodoi_request_duration_seconds", "Time to answer a request, by route and method.",
    ["route", "method"], buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
)
RESPONSES = Counter("theodoi_responses_total", "Responses by route, method and status class.",
                    ["route", "method", "status"])


class RequestContextFilter(logging.Filter):
    """Adds the current request's id and user to every log record (a dash outside requests)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id.get()
        record.user = _user_name(_request.get())
        return True


def _user_name(request: HttpRequest | None) -> str:
    """The signed-in user's name if the request already knows it; never a query from a log call."""
    if request is None:
        return "-"
    user = request.__dict__.get("user")
    if user is None:
        return "-"
    wrapped = getattr(user, "_wrapped", user)  # the session's lazy user, once something read it
    if wrapped is empty or not getattr(wrapped, "is_authenticated", False):
        return "-"
    return str(wrapped.get_username())


class JsonLogFormatter(JsonFormatter):
    """One JSON object per line: time, level, logger, message, request id, user, extras."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("rename_fields", {"asctime": "time", "levelname": "level", "name": "logger"})
        super().__init__("%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s %(user)s", *args, **kwargs)


def _route(request: HttpRequest) -> str:
    """The URL pattern's name (low cardinality), not the path with its ids."""
    match = getattr(request, "resolver_match", None)
    if match is None:
        return "unmatched"
    return match.view_name or match.route or "unnamed"


class RequestLogMiddleware:
    """Outermost middleware: sets the request id, times the request, logs and counts its answer."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        given = request.headers.get("X-Request-ID", "")
        rid = given if _VALID_ID.fullmatch(given) else uuid.uuid4().hex
        id_token = request_id.set(rid)
        request_token = _request.set(request)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
        finally:
            elapsed = time.perf_counter() - started
        try:
            route = _route(request)
            REQUEST_SECONDS.labels(route, request.method).observe(elapsed)
            RESPONSES.labels(route, request.method, f"{response.status_code // 100}xx").inc()
            response["X-Request-ID"] = rid
            log.info("%s %s %s %.1f ms", request.method, request.path, response.status_code, elapsed * 1000,
                     extra={"method": request.method, "path": request.path, "status": response.status_code,
                            "duration_ms": round(elapsed * 1000, 1), "route": route})
        finally:
            request_id.reset(id_token)
            _request.reset(request_token)
        return response
