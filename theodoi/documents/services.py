"""Ingest: upload a document, read its text, run the extractor, keep its items for review.

Upload is atomic and checks everything a person can fix (size, format, encoding, duplicate)
before anything is saved; extraction then runs as a background job whose progress the
document page shows.

The reading lives in reading.py and the job's body in extraction.py (started through jobs.py),
so this module starts the job without the job importing it back.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction

from theodoi.accounts.permissions import require_planner
from theodoi.core import audit
from theodoi.core.refusals import Conflict, Invalid
from theodoi.documents.models import (
    Document,
    DocumentStatus,
)
from theodoi.documents.reading import _read, _reading_can_wait, _set_text

log = logging.getLogger(__name__)

ALLOWED_EXTENSIONS = (".txt", ".docx", ".pdf")


class DuplicateDocumentError(ValidationError):
    """The same file (same checksum) was ingested before: re-ingesting is a no-op."""

    def __init__(self, existing: Document) -> None:
        super().__init__(
            f"Văn bản này đã được tải lên ngày {existing.uploaded_at:%d/%m/%Y} "
            f"với tên “{existing.title}”; không tải lại.",
            code="duplicate",
        )
        self.existing = existing


@dataclass(frozen=True)
class UploadResult:
    document: Document
    created: bool


def _check_upload(name: str, data: bytes) -> None:
    if not name.lower().endswith(ALLOWED_EXTENSIONS):
        raise ValidationError("Chỉ nhận tệp .txt, .docx hoặc .pdf.", code="extension")
    if len(data) > settings.UPLOAD_MAX_BYTES:
        limit_mb = settings.UPLOAD_MAX_BYTES / 1024 / 1024
        raise ValidationError(f"Tệp quá lớn: tối đa {limit_mb:.0f} MB.", code="too_large")



def document_upload(*, user: Any, name: str, data: bytes, title: str = "") -> UploadResult:
    """Save an uploaded file and its canonical text, then queue its extraction.

    Raises ValidationError (Vietnamese message) for anything the uploader must fix; a duplicate
    returns the existing document with created=False so callers can treat re-ingest as a no-op.
    """
    require_planner(user)
    _check_upload(name, data)
    checksum = hashlib.sha256(data).hexdigest()
    existing = Document.objects.filter(checksum=checksum).first()
    if existing:
        return UploadResult(existing, created=False)
    read = None if _reading_can_wait(data, name) else _read(data, name)
    with transaction.atomic():
        document = Document(
            title=title.strip() or name.rsplit("/", 1)[-1],
            original_name=name.rsplit("/", 1)[-1],
            checksum=checksum,
            size=len(data),
            format=read.format if read else "pdf",
            uploaded_by=user if getattr(user, "is_authenticated", False) else None,
        )
        if read is not None:
            _set_text(document, read)
        document.file.save(document.original_name, ContentFile(data), save=False)
        document.save()
        audit.record(
            actor=user, action="document.upload", subject=document, before=None,
            after={"title": document.title, "original_name": document.original_name,
                   "checksum": checksum, "size": document.size, "format": document.format},
        )
        from theodoi.documents.jobs import start_extraction

        start_extraction(document.pk, user=user)
    return UploadResult(document, created=True)


def extraction_waits_for_broker(document_id: int) -> bool:
    """Whether the document's extraction job is saved but could not reach the broker (it is down).

    The sweeper sends it when the broker is back; the uploader is told so instead of a 500.
    """
    from theodoi.documents.jobs import EXTRACT
    from theodoi.jobs.launcher import waits_for_broker

    return waits_for_broker(EXTRACT, document_id)


def document_extraction_retry(*, user: Any, document: Document) -> Document:
    """Run the extraction again (after a failure, a better extractor, or a job whose runner died).

    Refused (``Conflict``) while a healthy job is still running or the document is published; a
    stuck job is closed and replaced. Reviewed items are kept by the job body.
    """
    require_planner(user)
    from theodoi.documents.jobs import EXTRACT, start_extraction
    from theodoi.jobs.launcher import active_job
    from theodoi.jobs.runner import job_fail
    from theodoi.jobs.sweeper import is_stuck

    with transaction.atomic():
        locked = Document.objects.select_for_update().get(pk=document.pk)
        if locked.status == DocumentStatus.PUBLISHED:
            raise Conflict("Chỉ trích xuất lại được văn bản bị lỗi hoặc đang chờ rà soát; văn bản này đã công bố.",
                           code="published")
        running = active_job(EXTRACT, locked.pk)
        if running is not None:
            if not is_stuck(running):
                raise Conflict("Văn bản đang được trích xuất; chờ xong rồi hãy trích xuất lại.", code="running")
            job_fail(running, "Việc trích xuất bị dừng giữa chừng; đã chạy lại.")
        before = audit.snapshot(locked, ["status", "progress", "error_message"])
        locked.status, locked.progress, locked.error_message = DocumentStatus.UPLOADED, 0, ""
        locked.save(update_fields=["status", "progress", "error_message"])
        audit.record(actor=user, action="document.extraction_retry", subject=locked, before=before,
                     after=audit.snapshot(locked, ["status", "progress", "error_message"]))
        log.info("extraction restarted for document %s by %s", locked.pk, user)
        start_extraction(locked.pk, user=user)
    document.refresh_from_db()
    return document


def document_set_plan_year(*, user: Any, document: Document, plan_year: int | None) -> Document:
    """Set the year a document's targets are for, when the extractor read it wrong or not at all.

    The year decides which plan a publish goes to, so it is fixed before publishing; after that
    the plan is chosen and the year is history (refused with ``Conflict``)."""
    require_planner(user)
    if plan_year is not None and not 1990 <= plan_year <= 2100:
        raise Invalid("Năm kế hoạch phải từ 1990 đến 2100.")
    with transaction.atomic():
        locked = Document.objects.select_for_update().get(pk=document.pk)
        if locked.status == DocumentStatus.PUBLISHED:
            raise Conflict("Văn bản đã công bố; năm kế hoạch không sửa được nữa.", code="published")
        before = {"plan_year": locked.plan_year}
        locked.plan_year = plan_year
        locked.save(update_fields=["plan_year"])
        audit.record(actor=user, action="document.set_plan_year", subject=locked, before=before,
                     after={"plan_year": plan_year})
    document.plan_year = plan_year
    return document
