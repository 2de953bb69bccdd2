"""Ingest: upload a document, read its text, run the extractor, keep its items for review.

Upload is atomic and checks everything a person can fix (size, format, encoding, duplicate)
before anything is saved; extraction then runs as a background job whose progress the
document page shows.
"""

from __future__ import annotations

import datetime as dt
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
from theodoi.core.text import fold
from theodoi.documents.models import (
    Document,
    DocumentKind,
    DocumentStatus,
    ExtractedItem,
    ItemKind,
    ItemStatus,
)

log = logging.getLogger(__name__)

ALLOWED_EXTENSIONS = (".txt", ".docx", ".pdf")


def _read(data: bytes, name: str) -> Any:
    """Read an upload into canonical text; raises ValidationError with the extractor's Vietnamese message.

    The extractor is imported here, not at module level, so the web app stays importable while
    the extractor package changes (and tests can replace `_extract` without touching it).
    """
    from theodoi_extract.errors import ExtractError
    from theodoi_extract.readers import read_bytes  # type: ignore[attr-defined]

    try:
        return read_bytes(data, filename=name, max_bytes=settings.UPLOAD_MAX_BYTES)
    except ExtractError as exc:
        log.warning("upload refused: %s (%s)", name, exc)
        raise ValidationError(exc.message_vi, code="unreadable") from exc


def _extract(text: str) -> dict[str, Any]:
    """Run the extractor over canonical text and return its FORMAT.md dictionary."""
    from theodoi_extract import extract_text  # type: ignore[attr-defined]

    result: dict[str, Any] = extract_text(text).to_dict()
    return result


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


def _find_previous_version(meta_number: str, original_name: str) -> Document | None:
    """A new file with the same symbol (or, lacking one, the same file name) is a new version."""
    candidates = Document.objects.order_by("-uploaded_at")
    if meta_number:
        return candidates.filter(number=meta_number).first()
    return candidates.filter(original_name=original_name).first()


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
    read = _read(data, name)
    with transaction.atomic():
        document = Document(
            title=title.strip() or name.rsplit("/", 1)[-1],
            original_name=name.rsplit("/", 1)[-1],
            checksum=checksum,
            size=len(data),
            format=read.format,
            text=read.text,
            text_folded=fold(read.text),
            ocr_pages=list(read.ocr_pages),
            warnings=list(read.warnings),
            uploaded_by=user if getattr(user, "is_authenticated", False) else None,
        )
        document.file.save(document.original_name, ContentFile(data), save=False)
        document.save()
        audit.record(
            actor=user, action="document.upload", subject=document, before=None,
            after={"title": document.title, "original_name": document.original_name,
                   "checksum": checksum, "size": document.size, "format": document.format},
        )
        from theodoi.documents.jobs import start_extraction

        start_extraction(document.pk)
    return UploadResult(document, created=True)


def _parse_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _set_progress(document: Document, status: str, progress: int) -> None:
    document.status = status
    document.progress = progress
    document.save(update_fields=["status", "progress"])


def _items_from_extraction(document: Document, result: dict[str, Any]) -> list[ExtractedItem]:
    items: list[ExtractedItem] = []
    for position, target in enumerate(result.get("targets", [])):
        kind = ItemKind.ACTUAL if target.get("kind") == "actual" else ItemKind.TARGET
        items.append(ExtractedItem(document=document, kind=kind, position=position, data=target,
                                   start=target.get("start", 0), end=target.get("end", 0)))
    for position, block in enumerate(result.get("assignments", [])):
        items.append(ExtractedItem(document=document, kind=ItemKind.ASSIGNMENT, position=position, data=block,
                                   start=block.get("start", 0), end=block.get("end", 0)))
    for position, deadline in enumerate(result.get("deadlines", [])):
        items.append(ExtractedItem(document=document, kind=ItemKind.DEADLINE, position=position, data=deadline,
                                   start=deadline.get("start", 0), end=deadline.get("end", 0)))
    return items


def extraction_run(document_id: int) -> Document:
    """Run the extractor over a stored document and replace its pending review items.

    Items the planner already confirmed, rejected or published are kept: re-running must never
    throw away review work.
    """
    document = Document.objects.get(pk=document_id)
    _set_progress(document, DocumentStatus.EXTRACTING, 10)
    try:
        result = _extract(document.text)
    except Exception as exc:  # the job must record any failure for the person waiting on it
        log.exception("extraction failed for document %s", document_id)
        document.status = DocumentStatus.FAILED
        document.error_message = getattr(exc, "message_vi", "") or "Lỗi khi trích xuất chỉ tiêu từ văn bản."
        document.save(update_fields=["status", "error_message"])
        return document
    _set_progress(document, DocumentStatus.EXTRACTING, 60)
    meta = result.get("document", {})
    from theodoi.plans.services import indicator_suggest

    with transaction.atomic():
        document.kind = meta.get("kind") or document.kind
        document.number = meta.get("number") or ""
        document.issuer = meta.get("issuer") or ""
        document.signed_on = _parse_date(meta.get("date"))
        document.plan_year = meta.get("plan_year")
        if document.title == document.original_name and document.number:
            # No title was typed at upload: name it the way officials cite it.
            document.title = f"{DocumentKind(document.kind).label if document.kind in DocumentKind.values else ''} {document.number}".strip()
        if document.previous_version_id is None:
            previous = _find_previous_version(document.number, document.original_name)
            if previous and previous.pk != document.pk:
                document.previous_version = previous
        document.items.filter(status=ItemStatus.PENDING).delete()
        kept = set(document.items.values_list("kind", "start", "end"))
        # An item the planner already reviewed is not offered again for the same span.
        items = [i for i in _items_from_extraction(document, result) if (i.kind, i.start, i.end) not in kept]
        for item in items:
            if item.kind in (ItemKind.TARGET, ItemKind.ACTUAL):
                suggestion = indicator_suggest(item.data.get("indicator", ""), item.data.get("unit", ""))
                if suggestion is not None:
                    item.indicator, item.indicator_suggested = suggestion, True
        ExtractedItem.objects.bulk_create(items)
        document.status = DocumentStatus.REVIEW
        document.progress = 100
        document.error_message = ""
        document.save()
    return document
