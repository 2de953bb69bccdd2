"""The embedded runner (BACKGROUND_JOBS=thread): the server process sweeps for lost jobs itself.

Thread jobs die with their process, and the embedded setup runs no beat. So the first request
starts a background loop that sweeps at once and then every JOBS_SWEEP_SECONDS: documents left
"extracting" by a previous process are run again (or failed). Sweeping once at start-up is not
enough: a job whose process died a few seconds before this one started still has a fresh
heartbeat then, and would have stayed "running" until the next restart.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
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
    except Exception:  # noqa: BLE001 - a failed sweep must not stop the loop or break the server
        log.exception("sweep of background jobs failed")
    finally:
        close_old_connections()


def sweep_forever(sleep: Callable[[float], None] = time.sleep) -> None:
    """Sweep now, then every JOBS_SWEEP_SECONDS (read each time, so tests and settings can change it)."""
    while True:
        _sweep()
        sleep(conf.sweep_seconds())


def on_first_request(sender: Any = None, **kwargs: Any) -> None:
    if _swept.is_set() or conf.mode() != "thread":
        return
    _swept.set()
    threading.Thread(target=sweep_forever, daemon=True, name="jobs-embedded-sweeper").start()


def connect() -> None:
    request_started.connect(on_first_request, dispatch_uid="theodoi.jobs.startup_sweep")
