"""The embedded runner (BACKGROUND_JOBS=thread): sweep once when the server process starts.

Thread jobs die with the process; when the embedded server comes back, the first request
starts a sweep in the background, so documents left "extracting" by the previous process are
run again (or failed) without anyone waiting for a beat that the embedded setup does not run.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from django.core.signals import request_started
from django.db import close_old_connections

from theodoi.jobs import conf

log = logging.getLogger(__name__)
_swept = threading.Event()


def _sweep() -> None:
    from theodoi.jobs.sweeper import jobs_sweep

    try:
        jobs_sweep()
    except Exception:  # noqa: BLE001 - a failed start-up sweep must not break the server
        log.exception("start-up sweep of background jobs failed")
    finally:
        close_old_connections()


def on_first_request(sender: Any = None, **kwargs: Any) -> None:
    if _swept.is_set() or conf.mode() != "thread":
        return
    _swept.set()
    threading.Thread(target=_sweep, daemon=True, name="jobs-startup-sweep").start()


def connect() -> None:
    request_started.connect(on_first_request, dispatch_uid="theodoi.jobs.startup_sweep")
