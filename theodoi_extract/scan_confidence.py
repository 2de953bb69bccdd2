"""A lower confidence for figures read from a scanned page, with the page's OCR confidence as reason.

A figure typed into a text layer is read exactly; one recognised from an image may carry a digit,
a decimal comma or a comparator sign the scan blurred (`12,5` read `125`, `≥` read `>`), whatever
the context that decided its attributes says. So every item on an OCR'd page is scaled by a
weight from Tesseract's mean word confidence on that page, kept below the review screen's "high"
threshold (0.8): an OCR'd figure is never confirmed in one click unseen, and the worse page's
figures come first in the low-confidence-first order.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from theodoi_extract.model import Target

OCR_FLOOR = 0.5  # the weight of an item on a page Tesseract read at confidence 0
OCR_CEILING = 0.75  # ... and at confidence 100: still below the one-click "high" level

OcrSpan = tuple[int, int, int, float]  # (page, start, end, mean word confidence 0-100)


def ocr_weight(page_confidence: float) -> float:
    """The factor for an item on a page OCR'd at `page_confidence` (0-100), OCR_FLOOR..OCR_CEILING."""
    share = min(max(page_confidence, 0.0), 100.0) / 100.0
    return round(OCR_FLOOR + (OCR_CEILING - OCR_FLOOR) * share, 3)


def ocr_note(start: int, end: int, spans: Sequence[OcrSpan]) -> tuple[float, str] | None:
    """(weight, "OCR page N, confidence X") for an item whose figure (its span's end) lies on an
    OCR'd page; None for one read from a text layer."""
    at = max(end - 1, start)
    for page, first, last, conf in spans:
        if first <= at < last:
            return ocr_weight(conf), f"OCR page {page}, confidence {conf:.0f}"
    return None


_NOTE_RE = re.compile(r"^OCR page (\d+), confidence (\d+)")


def note_of(reason: str) -> tuple[int, int] | None:
    """(page, confidence) from a reason that `ocr_note` opened; None for an item of a text layer.
    The review screen words it in the reader's language."""
    m = _NOTE_RE.match(reason or "")
    return (int(m.group(1)), int(m.group(2))) if m else None


def discount_ocr(targets: Iterable[Target], spans: Sequence[OcrSpan]) -> list[Target]:
    """Each target whose figure lies on an OCR'd page, its confidence scaled and its reason led by
    "OCR page N, confidence X"; other targets unchanged."""
    out = []
    for t in targets:
        found = ocr_note(t.start, t.end, spans)
        if found is None:
            out.append(t)
            continue
        weight, note = found
        out.append(replace(t, confidence=round(t.confidence * weight, 3),
                           reason=f"{note}; {t.reason}" if t.reason else note))
    return out


def discount_ocr_dicts(targets: Iterable[dict[str, Any]], spans: Sequence[OcrSpan]) -> list[dict[str, Any]]:
    """The same on `to_dict()` targets (the web app's job, which extracts from stored text)."""
    out = []
    for t in targets:
        found = ocr_note(int(t.get("start", 0)), int(t.get("end", 0)), spans)
        if found is None or not isinstance(t.get("confidence"), int | float):
            out.append(t)
            continue
        weight, note = found
        reason = str(t.get("reason") or "")
        out.append({**t, "confidence": round(float(t["confidence"]) * weight, 2),
                    "reason": f"{note}; {reason}" if reason else note})
    return out
