"""Word (.docx) reader: body paragraphs and tables in reading order, then footnotes and endnotes.

A plan's targets often live in tables, and which heading a table sits under matters, so the body
is walked as one sequence of block items (w:p and w:tbl, also inside content controls) instead of
python-docx's separate `paragraphs` and `tables` lists. Each table row becomes one line, its cells
joined by " | ", laid out on the table's grid (w:gridSpan, w:vMerge, w:gridBefore) and printed by
`tables.grid_lines`: a multi-row merged header becomes one line of full header paths ("Năm 2024 /
Ước thực hiện"), and body positions covered by a merged cell print empty, so every value cell
stays under its column.

A .docx is a zip, so before anything is inflated we check the central directory: declared
uncompressed sizes and compression ratios bound memory against zip bombs (zipfile never inflates
a member beyond its declared size, so the declared sizes are a real cap), and the parts we read
(document, footnotes, endnotes) are inflated in chunks under a byte cap. The XML is parsed with
python-docx's oxml parser (no entity resolution) and walked directly.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from theodoi_extract.errors import CorruptFileError
from theodoi_extract.readers.result import ReadResult

if TYPE_CHECKING:
    from theodoi_extract.readers.docx_numbering import Numbering

MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024  # all members together, as declared
MAX_MEMBERS = 10_000
MAX_RATIO = 100  # uncompressed / compressed, checked for members above RATIO_MIN_BYTES
RATIO_MIN_BYTES = 10 * 1024 * 1024
MAX_DOCUMENT_PART_BYTES = 150 * 1024 * 1024
MAX_NOTES_PART_BYTES = 20 * 1024 * 1024

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
W_BODY, W_P, W_TBL, W_TR, W_TC = (_W + t for t in ("body", "p", "tbl", "tr", "tc"))
W_SDT, W_SDT_CONTENT, W_CUSTOM_XML = (_W + t for t in ("sdt", "sdtContent", "customXml"))
W_T, W_TAB, W_BR, W_CR, W_NB_HYPHEN = (_W + t for t in ("t", "tab", "br", "cr", "noBreakHyphen"))
W_TXBX_CONTENT, W_TCPR, W_VMERGE, W_VAL, W_TYPE = (
    _W + t for t in ("txbxContent", "tcPr", "vMerge", "val", "type")
)
W_GRIDSPAN, W_TRPR, W_GRIDBEFORE = (_W + t for t in ("gridSpan", "trPr", "gridBefore"))
MAX_SPAN = 64  # a hostile gridSpan must not blow the grid up
# Subtrees whose text is not part of what the reader sees: deleted revisions, field codes,
# properties, and the VML fallback copy of drawings (the mc:Choice copy is read instead).
_SKIPPED = frozenset(
    {_W + "del", _W + "moveFrom", _W + "instrText", _W + "rPr", _W + "pPr", _W + "delText", _MC + "Fallback"}
)
_NOTE_PARTS = (("word/footnotes.xml", "footnote"), ("word/endnotes.xml", "endnote"))
_SEPARATOR_NOTES = frozenset({"separator", "continuationSeparator", "continuationNotice"})

_NOT_WORD_VI = "Tệp .docx không phải là tệp Word hợp lệ (không phải định dạng zip)."
_BROKEN_VI = "Tệp .docx bị hỏng hoặc không phải tài liệu Word hợp lệ; hãy mở bằng Word và lưu lại."


def read(data: bytes) -> ReadResult:
    """Return the document's text: body blocks in order, then notes as "[n] text" lines."""
    from theodoi_extract.readers import docx_numbering

    with open_checked_zip(data) as archive:
        numbering = docx_numbering.load(archive)
        lines = list(_block_lines(_load_body(archive), numbering))
        lines.extend(_note_lines(archive))
    return ReadResult(text="\n".join(lines), format="docx")


# --- the zip container ----------------------------------------------------------------------


def open_checked_zip(data: bytes) -> zipfile.ZipFile:
    """Open the zip and refuse it before inflating anything if it could exhaust memory."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise CorruptFileError(f"not a readable zip: {exc}", _NOT_WORD_VI) from exc
    _check_sizes(infos)
    if "word/document.xml" not in archive.namelist():
        raise CorruptFileError(
            "zip has no word/document.xml",
            "Tệp là một tệp nén zip nhưng không phải tài liệu Word (.docx): thiếu phần word/document.xml.",
        )
    return archive


def _check_sizes(infos: list[zipfile.ZipInfo]) -> None:
    bomb_vi = (
        "Tệp .docx có cấu trúc nén bất thường (dung lượng khi giải nén quá lớn, dấu hiệu "
        "\"bom nén\"); hệ thống từ chối đọc để bảo vệ máy chủ."
    )
    if len(infos) > MAX_MEMBERS:
        raise CorruptFileError(f"zip has {len(infos)} members (limit {MAX_MEMBERS})", bomb_vi)
    total = sum(info.file_size for info in infos)
    if total > MAX_UNCOMPRESSED_BYTES:
        raise CorruptFileError(f"zip declares {total} uncompressed bytes (limit {MAX_UNCOMPRESSED_BYTES})", bomb_vi)
    for info in infos:
        if info.file_size > RATIO_MIN_BYTES and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise CorruptFileError(
                f"zip member {info.filename} inflates {info.file_size} bytes from {info.compress_size}", bomb_vi
            )


def read_member(archive: zipfile.ZipFile, name: str, limit: int) -> bytes | None:
    """Read one member in chunks, refusing it past `limit` bytes; None when it is absent."""
    try:
        handle = archive.open(name)
    except KeyError:
        return None
    except (zipfile.BadZipFile, NotImplementedError, RuntimeError) as exc:  # bad header, unknown method, encrypted
        raise CorruptFileError(f"zip member {name} cannot be opened: {exc!r}", _BROKEN_VI) from exc
    chunks: list[bytes] = []
    size = 0
    try:
        with handle:
            while chunk := handle.read(64 * 1024):
                size += len(chunk)
                if size > limit:
                    raise CorruptFileError(
                        f"zip member {name} exceeds {limit} bytes",
                        f"Phần {name} trong tệp .docx quá lớn; hệ thống từ chối đọc để bảo vệ máy chủ.",
                    )
                chunks.append(chunk)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError) as exc:  # bad CRC, bad deflate
        raise CorruptFileError(f"zip member {name} cannot be inflated: {exc!r}", _BROKEN_VI) from exc
    return b"".join(chunks)


# --- the body -------------------------------------------------------------------------------


def _load_body(archive: zipfile.ZipFile) -> Any:
    """The w:body element of word/document.xml, parsed with python-docx's oxml parser.

    Only the parts we read are inflated (never the images, unlike `docx.Document()`), the main
    part under a streaming cap, and macro-enabled (.docm) or template (.dotx) packages read too.
    The parser does not resolve entities.
    """
    from docx.oxml.parser import parse_xml  # deferred: only .docx inputs pay for python-docx

    xml = read_member(archive, "word/document.xml", MAX_DOCUMENT_PART_BYTES) or b""
    try:
        root = parse_xml(xml)
    except Exception as exc:  # lxml.etree.XMLSyntaxError and friends
        raise CorruptFileError(f"word/document.xml is not well-formed XML: {exc!r}", _BROKEN_VI) from exc
    body = root.find(W_BODY)
    if body is None:
        raise CorruptFileError("word/document.xml has no w:body", _BROKEN_VI)
    return body


def _unwrapped(parent: Any) -> Iterator[Any]:
    """Children of `parent`, looking through content controls and custom XML wrappers.

    Word wraps paragraphs, whole tables, rows or cells in w:sdt (content controls, e.g. from
    templates) and w:customXml; their content belongs where the wrapper stands.
    """
    for child in parent.iterchildren():
        if child.tag == W_SDT:
            content = child.find(W_SDT_CONTENT)
            if content is not None:
                yield from _unwrapped(content)
        elif child.tag == W_CUSTOM_XML:
            yield from _unwrapped(child)
        else:
            yield child


def _block_lines(container: Any, numbering: Numbering | None = None) -> Iterator[str]:
    """Lines of a block container (body, cell, note) in document order; a paragraph with automatic
    numbering is printed after the label Word shows for it ("1. ", "a) ", "- ")."""
    for child in _unwrapped(container):
        if child.tag == W_P:
            label = numbering.label(child) if numbering is not None else ""
            text = _inline_text(child)
            yield f"{label} {text}" if label and text.strip() else text
        elif child.tag == W_TBL:
            yield from _table_lines(child, numbering)


def _table_lines(tbl: Any, numbering: Numbering | None = None) -> Iterator[str]:
    from theodoi_extract.readers.table_shape import indicators_down
    from theodoi_extract.tables import GridCell, grid_lines

    grid: list[list[GridCell]] = []
    owners = 0
    for tr in _unwrapped(tbl):
        if tr.tag != W_TR:
            continue
        row: list[GridCell] = []
        for _ in range(_int_val(tr.find(W_TRPR), W_GRIDBEFORE)):
            owners += 1
            row.append(GridCell(owners, ""))
        for tc in _unwrapped(tr):
            if tc.tag != W_TC:
                continue
            props = tc.find(W_TCPR)
            span = max(1, min(MAX_SPAN, _int_val(props, W_GRIDSPAN) or 1))
            merge = props.find(W_VMERGE) if props is not None else None
            col = len(row)
            above = grid[-1][col] if grid and col < len(grid[-1]) else None
            if merge is not None and merge.get(W_VAL, "continue") == "continue" and above is not None:
                cell = above  # the lower part of a vertically merged cell
            else:
                owners += 1
                cell = GridCell(owners, _cell_text(tc, numbering))
            row.extend([cell] * span)
        grid.append(row)
    yield from grid_lines(indicators_down(grid))


def _int_val(props: Any, tag: str) -> int:
    """The integer w:val of a child property (gridSpan, gridBefore), 0 when absent or bad."""
    element = props.find(tag) if props is not None else None
    try:
        return int(element.get(W_VAL)) if element is not None else 0
    except (TypeError, ValueError):
        return 0


def _cell_text(tc: Any, numbering: Numbering | None = None) -> str:
    """One-line text of a cell."""
    return " ".join(" ".join(line.split()) for line in _block_lines(tc, numbering) if line.strip())


def _inline_text(element: Any) -> str:
    """Visible text inside a paragraph: runs, hyperlinks, fields, insertions, text boxes."""
    parts: list[str] = []
    for child in element.iterchildren():
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIPPED:
            continue
        if tag == W_T:
            parts.append(child.text or "")
        elif tag == W_TAB:
            parts.append("\t")
        elif tag in (W_BR, W_CR):
            parts.append("\n")
        elif tag == W_NB_HYPHEN:
            parts.append("-")
        elif tag == W_TXBX_CONTENT:
            parts.append("\n" + "\n".join(_block_lines(child)) + "\n")
        else:
            parts.append(_inline_text(child))
    return "".join(parts)


# --- footnotes and endnotes -----------------------------------------------------------------


def _note_lines(archive: zipfile.ZipFile) -> Iterator[str]:
    """Footnotes then endnotes, numbered in order of appearance as "[1] ...".

    Their reference marks in the body carry no text, so the numbering is ours, not Word's.
    """
    from docx.oxml.parser import parse_xml  # python-docx's parser: entities are not resolved

    number = 0
    for part, tag in _NOTE_PARTS:
        xml = read_member(archive, part, MAX_NOTES_PART_BYTES)
        if not xml:
            continue
        try:
            root = parse_xml(xml)
        except Exception:  # a broken notes part should not lose the body text
            continue
        for note in root.iterchildren(_W + tag):
            if note.get(W_TYPE) in _SEPARATOR_NOTES:
                continue
            text = " ".join(line.strip() for line in _block_lines(note) if line.strip())
            if text:
                number += 1
                yield f"[{number}] {text}"
