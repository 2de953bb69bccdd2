"""Background jobs: Celery when a broker is configured, a thread on the embedded default.

BACKGROUND_JOBS = "celery" | "thread" | "inline"; tests use "inline" so a job runs inside the
request that queued it and its result is visible at once.
"""

from __future__ import annotations

import logging
import threading

from django.conf import settings
from django.db import close_old_connections, transaction

log = logging.getLogger(__name__)


def _mode() -> str:
    configured = getattr(settings, "BACKGROUND_JOBS", "")
    if configured:
        return str(configured)
    return "thread" if settings.CELERY_TASK_ALWAYS_EAGER else "celery"


def _run_in_thread(document_id: int) -> None:
    from theodoi.documents.services import extraction_run

    try:
        extraction_run(document_id)
    finally:
        close_old_connections()


def start_extraction(document_id: int) -> None:
    """Queue the extraction of a document once the upload's transaction has committed."""
    mode = _mode()

    def launch() -> None:
        if mode == "celery":
            from theodoi.documents.tasks import extract_document

            extract_document.delay(document_id)
        elif mode == "thread":
            threading.Thread(target=_run_in_thread, args=(document_id,), daemon=True).start()
        else:
            from theodoi.documents.services import extraction_run

            extraction_run(document_id)

    if mode == "inline":
        # Tests run inside one transaction that never commits, so an on_commit job would never
        # run there; inline jobs run at once, inside the caller's transaction.
        launch()
    else:
        transaction.on_commit(launch)
