"""The documents app's background job: read and extract an uploaded document.

Registered with theodoi.jobs (loaded by JobsConfig.ready); started through the one launcher,
which runs it on Celery, a thread or inline per settings.BACKGROUND_JOBS.
"""

from __future__ import annotations

from typing import Any

from theodoi.jobs import launcher, registry

EXTRACT = "documents.extract"


def _body(document_id: int, progress: registry.Progress) -> None:
    from theodoi.documents.extraction import extraction_run
    from theodoi.documents.models import DocumentStatus

    document = extraction_run(document_id, progress=progress)
    if document.status == DocumentStatus.FAILED:
        # The file or the extractor refused it: another attempt would refuse it again.
        raise registry.JobFailed(document.error_message)


def _on_failed(document_id: int, message: str) -> None:
    from theodoi.documents.models import Document, DocumentStatus

    Document.objects.filter(pk=document_id).exclude(status=DocumentStatus.PUBLISHED).update(
        status=DocumentStatus.FAILED, error_message=message
    )


def _on_queued(document_id: int) -> None:
    from theodoi.documents.models import Document, DocumentStatus

    Document.objects.filter(pk=document_id).exclude(status=DocumentStatus.PUBLISHED).update(
        status=DocumentStatus.UPLOADED, progress=0, error_message=""
    )


registry.register(registry.JobKind(
    name=EXTRACT, label="Trích xuất văn bản", model="documents.Document",
    body=_body, on_failed=_on_failed, on_queued=_on_queued,
))


def start_extraction(document_id: int, *, user: Any = None) -> None:
    """Queue the extraction of a document (after the caller's transaction commits)."""
    launcher.job_start(EXTRACT, document_id, user=user)
