"""The value every reader returns.

Kept in its own module so that the format modules (txt, docx, pdf) can import it without
importing the package `__init__`, which imports them (no import cycle).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ReadResult:
    """Canonical text of one document plus what the user should know about how it was read."""

    text: str  # canonical text: NFC-normalised
    format: str  # "txt" | "docx" | "pdf"
    ocr_pages: tuple[int, ...] = ()  # 1-based pages read by OCR
    ocr_confidence: tuple[float, ...] = ()  # Tesseract's mean word confidence (0-100), one per ocr_pages entry
    # (page, start, end, confidence) of each OCR'd page in `text`: figures read there get a lower confidence
    ocr_spans: tuple[tuple[int, int, int, float], ...] = ()
    encoding: str | None = None  # detected source encoding for txt ("utf-8", "utf-16", "tcvn3", "vni", ...)
    warnings: tuple[str, ...] = ()  # Vietnamese notes for the user
