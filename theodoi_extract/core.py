"""The extraction pipeline: text -> metadata, structure, assignments, targets, deadlines."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from theodoi_extract import tables, task_tables
from theodoi_extract.assignments import Block, find_blocks, to_assignments
from theodoi_extract.context import apply_column_context
from theodoi_extract.deadlines import extract_deadlines
from theodoi_extract.errors import EmptyDocumentError, ExtractError
from theodoi_extract.meta import extract_meta
from theodoi_extract.model import ColumnContext, DocumentMeta, Extraction, Target
from theodoi_extract.scan_confidence import OcrSpan, discount_ocr
from theodoi_extract.structure import Heading, HeadingIndex, Segmenter, find_headings, fold
from theodoi_extract.tables import extract_table_targets, row_spans
from theodoi_extract.targets import extract_targets, heading_kind_of, heading_year_of


def extract_text(text: str, *, fmt: str = "txt", ocr_pages: tuple[int, ...] = (),
                 ocr_spans: tuple[OcrSpan, ...] = ()) -> Extraction:
    """Extract everything from canonical text (offsets index this very string); `ocr_spans`
    (page, start, end, confidence) mark the text read from scanned pages, whose figures get a
    lower confidence (`scan_confidence`)."""
    if not text.strip():
        raise EmptyDocumentError("document has no text")
    meta = extract_meta(text)
    headings = find_headings(text)
    seg = Segmenter(text, _title_line_ends(text, headings))
    blocks = find_blocks(text, headings)
    rows = row_spans(text)
    folded = fold(text)
    index = HeadingIndex(headings)
    targets = extract_targets(text, meta, seg, index, blocks, rows, folded)
    if rows:
        columns = _column_contexts(text, meta)
        table_targets = [replace(_table_decisions(_with_block_agency(t, blocks), columns, text, index, blocks, meta),
                                 path=_path(text, index, t.start))
                         for t in extract_table_targets(text, meta)]
        targets = sorted([*targets, *table_targets], key=lambda t: (t.start, t.end))
    tasks = task_tables.task_rows(text) if rows else []
    if tasks:  # a table of tasks: its rows are assignments, their figures stand in the task text
        targets = sorted([*targets, *(replace(t, path=_path(text, index, t.start))
                                      for t in task_tables.targets(text, tasks, meta))], key=lambda t: (t.start, t.end))
    if ocr_spans:
        targets = discount_ocr(targets, ocr_spans)
    return Extraction(
        document=meta,
        targets=tuple(targets),
        assignments=tuple(sorted([*to_assignments(text, blocks), *task_tables.assignments(tasks)],
                                 key=lambda a: a.start)),
        deadlines=(*extract_deadlines(text, seg, folded), *task_tables.deadlines(tasks)),
        text=text,
        format=fmt,
        ocr_pages=ocr_pages,
        ocr_spans=ocr_spans,
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


def _path(text: str, index: HeadingIndex, pos: int) -> tuple[str, ...]:
    """The headings an item stands under, outermost first, as printed (one line each, shortened)."""
    return tuple(" ".join(text[h.start:h.line_end].split())[:90] for h in index.containing(pos))


def _column_contexts(text: str, meta: DocumentMeta) -> list[ColumnContext]:
    """The table reader's context of every value cell (`tables.cell_contexts`), [] where that
    reader does not give one (then a table figure's own kind and period stand as its column's)."""
    reader = getattr(tables, "cell_contexts", None)
    return list(reader(text, meta)) if reader is not None else []


def _table_decisions(target: Target, columns: list[ColumnContext], text: str, index: HeadingIndex,
                     blocks: list[Block], meta: DocumentMeta) -> Target:
    """Kind, period and agency of a table figure by the one precedence (`context`): its column,
    then the enclosing headings and agency block, then the metadata."""
    # The value cell is where the figure's span ends (a table target runs from its indicator to its number).
    column = next((c for c in columns if c.start < target.end <= c.end), None) or next(
        (c for c in columns if target.start <= c.start < target.end or c.start <= target.start < c.end), None)
    heading_kind = heading_period = heading_agency = None
    for h in reversed(index.containing(target.start)):
        label = " ".join(text[h.start:h.line_end].split())[:90]
        kind = heading_kind_of(h.title)
        if heading_kind is None and kind is not None:
            heading_kind = ("heading", kind, label)
        year = heading_year_of(h.title)
        if heading_period is None and year is not None:
            heading_period = ("heading", year, label)
    inside = [b for b in blocks if b.body_start <= target.start < b.end]
    if inside:
        lead = max(inside, key=lambda b: b.start)
        heading_agency = ("heading", ", ".join(lead.lead), " ".join(text[lead.start:lead.body_start].split())[:90])
    return apply_column_context(target, column, heading_kind=heading_kind, heading_period=heading_period,
                                heading_agency=heading_agency,
                                metadata_kind=("metadata", target.kind, f"document kind {meta.kind}"),
                                metadata_period=("metadata", target.period, f"plan year {meta.plan_year}"))


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
        return extract_text(doc.text, fmt=doc.format, ocr_pages=tuple(doc.ocr_pages),
                            ocr_spans=tuple(getattr(doc, "ocr_spans", ())))
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
