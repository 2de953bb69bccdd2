"""The extraction pipeline: text -> metadata, structure, assignments, targets, deadlines."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from theodoi_extract.assignments import Block, find_blocks, to_assignments
from theodoi_extract.deadlines import extract_deadlines
from theodoi_extract.errors import EmptyDocumentError, ExtractError
from theodoi_extract.meta import extract_meta
from theodoi_extract.model import Extraction, Target
from theodoi_extract.structure import Heading, HeadingIndex, Segmenter, find_headings, fold
from theodoi_extract.tables import extract_table_targets, row_spans
from theodoi_extract.targets import extract_targets


def extract_text(text: str, *, fmt: str = "txt", ocr_pages: tuple[int, ...] = ()) -> Extraction:
    """Extract everything from canonical text (offsets index this very string)."""
    if not text.strip():
        raise EmptyDocumentError("document has no text")
    meta = extract_meta(text)
    headings = find_headings(text)
    seg = Segmenter(text, _title_line_ends(text, headings))
    blocks = find_blocks(text, headings)
    rows = row_spans(text)
    folded = fold(text)
    targets = extract_targets(text, meta, seg, HeadingIndex(headings), blocks, rows, folded)
    if rows:
        table_targets = [_with_block_agency(t, blocks) for t in extract_table_targets(text, meta)]
        targets = sorted([*targets, *table_targets], key=lambda t: (t.start, t.end))
    return Extraction(
        document=meta,
        targets=tuple(targets),
        assignments=tuple(to_assignments(text, blocks)),
        deadlines=tuple(extract_deadlines(text, seg, folded)),
        text=text,
        format=fmt,
        ocr_pages=ocr_pages,
    )


def _with_block_agency(target: Target, blocks: list[Block]) -> Target:
    """A table inside "Giám đốc Sở X chủ trì ...:" belongs to Sở X unless a column names the agency."""
    if target.agency is not None:
        return target
    inside = [b for b in blocks if b.body_start <= target.start < b.end]
    if not inside:
        return target
    lead = max(inside, key=lambda b: b.start).lead
    return replace(target, agency=lead[0] if len(lead) == 1 else ", ".join(lead))


def _title_line_ends(text: str, headings: list[Heading]) -> list[int]:
    """Ends of heading lines that are titles on their own ("1. Về kinh tế" then a new sentence).

    A heading line that holds a colon, or whose next line goes on in lower case or with a
    number, is a wrapped sentence (PDF text) and gets no cut.
    """
    cuts = []
    for h in headings:
        line = text[h.text_start:h.line_end]
        nxt = text[h.line_end:h.line_end + 40].lstrip()
        if ":" in line or line.rstrip().endswith(","):
            continue
        if nxt and (nxt[0].isupper() or nxt[0] in "-+•"):
            cuts.append(h.line_end)
    return cuts


def extract_file(path: str | Path) -> Extraction:
    """Read a .txt/.docx/.pdf file through the readers and extract from its canonical text."""
    p = Path(path)
    if not p.exists() or not p.is_file():
        raise ExtractError(f"file not found: {p}", f"Không tìm thấy tệp: {p}")
    reader = _reader()
    if reader is not None:
        doc = reader(p)
        return extract_text(doc.text, fmt=doc.format, ocr_pages=tuple(doc.ocr_pages))
    return extract_text(_read_txt(p))


def _reader() -> Callable[[Path], Any] | None:
    """The readers' `read_path`, or None while that package is not there (then .txt only)."""
    try:
        from theodoi_extract import readers
    except ImportError:
        return None
    found: Callable[[Path], Any] | None = getattr(readers, "read_path", None)
    return found


def _read_txt(p: Path) -> str:
    """Fallback while the readers are not available: UTF-8 text files only."""
    from theodoi_extract.errors import EncodingError, UnsupportedFormatError

    if p.suffix.lower() != ".txt":
        raise UnsupportedFormatError(f"unsupported file type: {p.suffix}")
    try:
        raw = p.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise EncodingError(f"not UTF-8: {exc}") from exc
    return unicodedata.normalize("NFC", raw)
