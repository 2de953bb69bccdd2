"""Is this instance ready to take work? The checks behind /readyz and the gauges of /metrics.

/healthz says the process and its database answer (the load balancer's liveness probe); /readyz
says the whole chain works: database, the broker the jobs go to, at least one worker answering,
and file storage writable. A check that does not apply (no broker on the embedded default, where
jobs run in a thread) is reported as "not used", not as a failure.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import DatabaseError, connection

log = logging.getLogger(__name__)
TIMEOUT_S = 2.0


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str


def uses_celery() -> bool:
    from theodoi.jobs import conf

    return conf.mode() == "celery"


def check_database() -> Check:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as exc:
        log.warning("readiness: database unavailable: %s", exc)
        return Check("database", False, "unavailable")
    return Check("database", True, "ok")


def check_broker() -> Check:
    if not uses_celery():
        return Check("broker", True, "not used (jobs run in this process)")
    from theodoi.celery import app

    try:
        with app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=TIMEOUT_S)
    except Exception as exc:  # kombu raises its own and the transport's errors
        log.warning("readiness: broker unavailable: %s", exc)
        return Check("broker", False, "unavailable")
    return Check("broker", True, "ok")


def worker_ping(timeout: float = TIMEOUT_S) -> list[dict[str, object]]:
    """Ping every worker on a connection of its own that publishes the ping and reads the replies.

    Not `app.control.ping`: it publishes through the app's pooled producers, and a pool whose
    connections were closed (a broker restart, a test dropping pools) sends the ping on a dead
    channel, so no reply is ever read and live workers look dead. A Mailbox without a producer
    pool publishes on the same fresh channel it collects the replies from.
    """
    from kombu.pidbox import Mailbox

    from theodoi.celery import app

    mailbox = Mailbox(app.conf.control_exchange, type="fanout", accept=list(app.conf.accept_content or ["json"]),
                      serializer=app.conf.task_serializer or "json")
    with app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, timeout=timeout)
        return list(mailbox(conn)._broadcast("ping", reply=True, timeout=timeout) or [])


def check_workers() -> Check:
    if not uses_celery():
        return Check("workers", True, "not used (jobs run in this process)")
    try:
        replies = worker_ping()
    except Exception as exc:
        log.warning("readiness: worker ping failed: %s", exc)
        replies = []
    if not replies:
        return Check("workers", False, "no worker answered")
    return Check("workers", True, f"{len(replies)} answering")


def check_storage() -> Check:
    name = f"readyz/{uuid.uuid4().hex}.txt"
    try:
        saved = default_storage.save(name, ContentFile(b"ok"))
        default_storage.delete(saved)
    except Exception as exc:  # local disk (OSError) or an S3 client error
        log.warning("readiness: storage not writable: %s", exc)
        return Check("storage", False, "not writable")
    return Check("storage", True, "ok")


def readiness() -> list[Check]:
    database = check_database()
    broker = check_broker()
    workers = check_workers() if broker.ok else Check("workers", False, "broker unavailable")
    return [database, broker, workers, check_storage()]


def queue_depth() -> int | None:
    """Jobs waiting in the Redis queue of Celery's default queue; None where that cannot be read."""
    if not uses_celery() or not str(settings.CELERY_BROKER_URL).startswith(("redis://", "rediss://")):
        return None
    from theodoi.celery import app

    try:
        with app.connection_for_read() as conn:
            client = conn.default_channel.client  # type: ignore[attr-defined]
            return int(client.llen(app.conf.task_default_queue or "celery"))
    except Exception as exc:
        log.warning("metrics: queue depth unavailable: %s", exc)
        return None
