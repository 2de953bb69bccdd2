"""/metrics in Prometheus' text format: request latency (from every worker when
PROMETHEUS_MULTIPROC_DIR is set), documents by extraction state, and the queue depth.

The gauges are read from the database at scrape time, so they are right whichever worker
answers. The page is for the monitoring server only: it needs `Authorization: Bearer
<THEODOI_METRICS_TOKEN>`, or, with no token configured, a request from the machine itself.
"""

from __future__ import annotations

import hmac
import os
from collections.abc import Iterator

from django.conf import settings
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import REGISTRY, Collector

from theodoi.home.readiness import queue_depth


class StateCollector(Collector):
    def collect(self) -> Iterator[GaugeMetricFamily]:
        from theodoi.documents.models import Document, DocumentStatus

        documents = GaugeMetricFamily("theodoi_documents", "Plan documents by extraction state.", labels=["state"])
        counts = dict(Document.objects.values_list("status").annotate(n=Count("pk")).values_list("status", "n"))
        for state in DocumentStatus.values:
            documents.add_metric([state], counts.get(state, 0))
        yield documents
        from theodoi.jobs.models import Job, JobState

        jobs = GaugeMetricFamily("theodoi_jobs", "Background jobs by kind and state.", labels=["kind", "state"])
        rows = Job.objects.values_list("kind", "state").annotate(n=Count("pk")).values_list("kind", "state", "n")
        seen = {(kind, state): n for kind, state, n in rows}
        for kind in sorted({k for k, _ in seen}):
            for state in JobState.values:
                jobs.add_metric([kind, state], seen.get((kind, state), 0))
        yield jobs
        depth = queue_depth()
        if depth is not None:
            yield GaugeMetricFamily("theodoi_queue_depth", "Jobs waiting in the Celery queue.", value=depth)


_STATE = StateCollector()
REGISTRY.register(_STATE)


def _registry() -> CollectorRegistry:
    """This process's registry, or with several gunicorn workers one adding up all of them."""
    if not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        return REGISTRY
    from prometheus_client import multiprocess

    registry = CollectorRegistry()
    multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
    registry.register(_STATE)
    return registry


def allowed(request: HttpRequest) -> bool:
    token = getattr(settings, "THEODOI_METRICS_TOKEN", "")
    if token:
        given = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
        return hmac.compare_digest(given.encode(), token.encode())
    return request.META.get("REMOTE_ADDR") in {"127.0.0.1", "::1"}


def exposition() -> HttpResponse:
    return HttpResponse(generate_latest(_registry()), content_type=CONTENT_TYPE_LATEST)
