"""The liveness probe /healthz: the process and its database answer.

The only view on the ground floor (it reads no app); the URL map of the top app
(theodoi/home/urls.py) routes it with the other root pages.
"""

from __future__ import annotations

import logging

from django.db import DatabaseError, connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache

log = logging.getLogger(__name__)


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
