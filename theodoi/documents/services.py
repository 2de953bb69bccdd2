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


def _reading_can_wait(data: bytes, name: str) -> bool:
    """Whether the file's text may be read in the job rather than in the upload request.

    Reading a PDF (and OCR of its scanned pages) takes seconds a page, far past a web worker's
    timeout for a long scan, so a PDF that pypdf can open is only checked here (header, pages,
    encryption) and read by the job with page progress. A PDF pypdf cannot open is read now, so a
    broken file is still refused at upload with the reader's message. Text and DOCX are read at
    once: they take milliseconds and an encoding error is the uploader's to fix.
    """
    if not name.lower().endswith(".pdf"):
        return False
    from theodoi_extract.errors import ExtractError
    from theodoi_extract.readers import detect_format
    from theodoi_extract.readers.pdf import _open_pypdf

    try:
        detect_format(data, name)
        reader = _open_pypdf(data)
    except ExtractError as exc:
        log.warning("upload refused: %s (%s)", name, exc)
        raise ValidationError(exc.message_vi, code="unreadable") from exc
    try:
        return reader is not None and len(reader.pages) > 0
    except Exception:  # noqa: BLE001 - pypdf's errors for broken files vary; the full read decides
        return False


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


def extraction_restart(*, user: Any, document_id: int) -> Document:
    """Run the extraction again (after a failure, a better extractor, or a job whose runner died).

    Refused while a healthy job is still running or the document is published; a stuck job is
    closed and replaced. Reviewed items are kept by the job body.
    """
    require_planner(user)
    from theodoi.documents.jobs import EXTRACT, start_extraction
    from theodoi.jobs.launcher import active_job
    from theodoi.jobs.runner import job_fail
    from theodoi.jobs.sweeper import is_stuck

    with transaction.atomic():
        document = Document.objects.select_for_update().get(pk=document_id)
        if document.status == DocumentStatus.PUBLISHED:
            raise ValidationError("Chỉ trích xuất lại được văn bản bị lỗi hoặc đang chờ rà soát; văn bản này đã công bố.",
                                  code="published")
        running = active_job(EXTRACT, document.pk)
        if running is not None:
            if not is_stuck(running):
                raise ValidationError("Văn bản đang được trích xuất; chờ xong rồi hãy trích xuất lại.", code="running")
            job_fail(running, "Việc trích xuất bị dừng giữa chừng; đã chạy lại.")
        Document.objects.filter(pk=document.pk).update(status=DocumentStatus.UPLOADED, progress=0, error_message="")
        log.info("extraction restarted for document %s by %s", document.pk, user)
        start_extraction(document.pk, user=user)
    document.refresh_from_db()
    return document


def _parse_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _set_text(document: Document, read: Any) -> None:
    document.format = read.format
    document.text = read.text
    document.text_folded = fold(read.text)
    document.ocr_pages = list(read.ocr_pages)
    document.warnings = list(read.warnings)


def _set_progress(document: Document, status: str, progress: int, note: Any = None, message: str = "") -> None:
    document.status = status
    document.progress = progress
    document.save(update_fields=["status", "progress"])
    if note is not None:
        note(progress, message)


def _read_stored(document: Document, note: Any) -> None:
    """Read the stored file in the job (PDFs deferred at upload); ValidationError if unreadable."""
    _set_progress(document, DocumentStatus.EXTRACTING, 5, note, "Đang đọc tệp PDF (có thể cần OCR)")
    from theodoi_extract.readers.progress import page_progress

    def ocr_page(done: int, total: int) -> None:
        # OCR is the slow part of a scan (seconds a page): 5% → 30% across its pages.
        _set_progress(document, DocumentStatus.EXTRACTING, 5 + 25 * done // max(total, 1), note,
                      f"Đã đọc bằng OCR {done}/{total} trang")

    with document.file.open("rb") as handle:
        data = handle.read()
    with page_progress(ocr_page):
        read = _read(data, document.original_name)
    _set_text(document, read)
    document.save(update_fields=["format", "text", "text_folded", "ocr_pages", "warnings"])


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


def extraction_run(document_id: int, *, progress: Any = None) -> Document:
    """Read (if the upload deferred it), run the extractor and replace the pending review items.

    Idempotent, as a job body must be: a run killed half-way and started again reads and
    extracts from the start. Items the planner already confirmed, rejected or published are
    kept: re-running must never throw away review work. `progress(percent, message)` is the
    job's progress writer (None when called directly).
    """
    document = Document.objects.get(pk=document_id)
    if not document.text and document.format == "pdf":
        try:
            _read_stored(document, progress)
        except (ValidationError, OSError) as exc:
            message = " ".join(exc.messages) if isinstance(exc, ValidationError) else "Không đọc được tệp đã lưu."
            log.warning("document %s could not be read: %s", document_id, exc)
            document.status = DocumentStatus.FAILED
            document.error_message = message
            document.save(update_fields=["status", "error_message"])
            return document
    _set_progress(document, DocumentStatus.EXTRACTING, 30 if document.format == "pdf" else 10, progress,
                  "Đang trích xuất chỉ tiêu, nhiệm vụ")
    try:
        result = _extract(document.text)
    except Exception as exc:  # the job must record any failure for the person waiting on it
        log.exception("extraction failed for document %s", document_id)
        document.status = DocumentStatus.FAILED
        document.error_message = getattr(exc, "message_vi", "") or "Lỗi khi trích xuất chỉ tiêu từ văn bản."
        document.save(update_fields=["status", "error_message"])
        return document
    _set_progress(document, DocumentStatus.EXTRACTING, 60, progress, "Đang lưu các mục để rà soát")
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
