"""Celery tasks of the documents app."""

from celery import shared_task


@shared_task(name="documents.extract_document")
def extract_document(document_id: int) -> None:
    from theodoi.documents.services import extraction_run

    extraction_run(document_id)
