"""Reading an uploaded file into canonical text (the extractor's readers), shared by the upload,
which reads at once what is quick, and the extraction job, which reads deferred PDFs with progress."""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError

from theodoi.core.text import fold
from theodoi.documents.models import (
    Document,
)

log = logging.getLogger(__name__)


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



def _set_text(document: Document, read: Any) -> None:
    document.format = read.format
    document.text = read.text
    document.text_folded = fold(read.text)
    document.ocr_pages = list(read.ocr_pages)
    document.ocr_spans = [list(span) for span in getattr(read, "ocr_spans", ())]
    document.warnings = list(read.warnings)

