"""The extraction job's body: read a deferred PDF, run the extractor, replace the pending review
items (keeping the planner's reviewed ones) and suggest catalogue indicators.

Called by the job registered in documents/jobs.py; the upload service only starts that job, so
services → jobs → extraction never leads back to the services.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from theodoi.documents.models import (
    Document,
    DocumentKind,
    DocumentStatus,
    ExtractedItem,
    ItemKind,
    ItemStatus,
)
from theodoi.documents.reading import _read, _set_text

log = logging.getLogger(__name__)


def _extract(text: str) -> dict[str, Any]:
    """Run the extractor over canonical text and return its FORMAT.md dictionary."""
    from theodoi_extract import extract_text  # type: ignore[attr-defined]

    result: dict[str, Any] = extract_text(text).to_dict()
    return result



def _find_previous_version(meta_number: str, original_name: str) -> Document | None:
    """A new file with the same symbol (or, lacking one, the same file name) is a new version."""
    candidates = Document.objects.order_by("-uploaded_at")
    if meta_number:
        return candidates.filter(number=meta_number).first()
    return candidates.filter(original_name=original_name).first()



def _parse_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None



def _set_progress(document: Document, status: str, progress: int, note: Any = None, message: str = "") -> None:
    document.status = status
    document.progress = progress
    document.save(update_fields=["status", "progress"])
    if note is not None:
        note(progress, message)


def _read_stored(document: Document, note: Any) -> Any:
    """Read the stored file in the job (PDFs deferred at upload); ValidationError if unreadable.
    Returns the reader's result (its OCR spans go to the extractor)."""
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
    document.save(update_fields=["format", "text", "text_folded", "ocr_pages", "ocr_spans", "warnings"])
    return read


def stored_ocr_spans(document: Document) -> tuple[tuple[int, int, int, float], ...]:
    """The OCR'd pages' spans kept on the document: a job re-run extracts from the stored text,
    where nothing else says which figures came from a scan."""
    spans = []
    for span in document.ocr_spans or []:
        try:
            page, start, end, confidence = span
            spans.append((int(page), int(start), int(end), float(confidence)))
        except (TypeError, ValueError):
            log.warning("document %s: ignored a malformed OCR span %r", document.pk, span)
    return tuple(spans)


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
    ocr_spans = stored_ocr_spans(document)
    try:
        result = _extract(document.text)
        if ocr_spans:  # figures read from a scanned page: lower confidence, "OCR page N, confidence X"
            from theodoi_extract.scan_confidence import discount_ocr_dicts

            result["targets"] = discount_ocr_dicts(result.get("targets", []), ocr_spans)
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
