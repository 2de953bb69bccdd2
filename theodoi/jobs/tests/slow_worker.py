"""A Celery worker (or an embedded server) whose extraction takes a few seconds, for the fault tests.

`python -m theodoi.jobs.tests.slow_worker worker NAME` runs a real `celery worker` of the
project with one more job kind, SLOW: it reports progress (with its pid, so a test knows which
process to kill) for about SLOW_SECONDS, then runs the real document extraction. The fault tests
kill the process with SIGKILL while it is in the slow part.
`python -m theodoi.jobs.tests.slow_worker embedded DOCUMENT_ID` starts the job as the embedded
server does (a thread) and is killed by the test the same way.
"""

from __future__ import annotations

import os
import sys
import time

SLOW = "testing.slow_extract"
SLOW_SECONDS = 3.0


def register(*, slow_down_extraction: bool = False) -> None:
    """Register SLOW; in a worker subprocess, also make the real extraction kind slow the same way.

    The second is for the upload test: the document goes through the web upload, which queues
    the real kind, and the worker must still be killable in the middle of it.
    """
    from theodoi.documents import jobs as document_jobs
    from theodoi.jobs import registry

    def body(document_id: int, progress: registry.Progress) -> None:
        from theodoi.documents.models import Document, DocumentStatus

        # What the real body shows first: the document is being extracted.
        Document.objects.filter(pk=document_id).update(status=DocumentStatus.EXTRACTING, progress=5)
        steps = 10
        for step in range(steps):
            progress(step * 5, f"pid {os.getpid()}")
            time.sleep(SLOW_SECONDS / steps)
        document_jobs._body(document_id, progress)

    for name in (SLOW, document_jobs.EXTRACT) if slow_down_extraction else (SLOW,):
        registry.register(registry.JobKind(
            name=name, label="Trích xuất chậm (kiểm thử)", model="documents.Document",
            body=body, on_failed=document_jobs._on_failed, on_queued=document_jobs._on_queued,
        ))


def main(argv: list[str]) -> None:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "theodoi.settings")
    django.setup()
    register(slow_down_extraction=True)
    if argv[0] == "worker":
        from theodoi.celery import app

        app.worker_main(["worker", "--pool=solo", "-n", f"{argv[1]}@%h", "-l", "warning", "--without-gossip",
                         "--without-mingle", "--without-heartbeat"])
    elif argv[0] == "embedded":
        from theodoi.jobs.launcher import job_start

        job_start(SLOW, int(argv[1]))  # autocommit: the thread starts at once
        time.sleep(60)  # the test kills this process while the thread is in the slow part


if __name__ == "__main__":
    main(sys.argv[1:])
