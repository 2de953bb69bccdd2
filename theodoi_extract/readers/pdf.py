"""PDF reader: the text layer (pdfplumber, pypdf as fallback), OCR for pages without one.

Official documents arrive both as exported PDFs (with a text layer) and as scans. Pages are read
one at a time and their caches dropped, so memory depends on the largest page, not the page
count. A page whose text layer is empty, or only undecodable "(cid:N)" glyph codes, is rendered
to an image and read by Tesseract when it is installed; the result says which pages were OCR'd
because OCR text deserves a second look.
"""

from __future__ import annotations

import io
import math
import re
import shutil
import subprocess
import tempfile
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from theodoi_extract.errors import (
    CorruptFileError,
    EncryptedFileError,
    ExtractError,
    OcrUnavailableError,
)
from theodoi_extract.readers import ocr, ocr_repair
from theodoi_extract.readers.pdf_tables import ruled_tables, table_grid, table_words
from theodoi_extract.readers.result import ReadResult
from theodoi_extract.readers.table_shape import indicators_down

OCR_DPI = 300
MAX_OCR_PIXELS = 50_000_000  # a huge page is rendered below OCR_DPI rather than exhausting memory
LOW_OCR_CONFIDENCE = 75.0  # Tesseract's mean word confidence below which a page's figures need a check
MAX_OCR_PAGES = 100  # beyond this a scanned document takes too long; the rest is skipped with a warning

_CID = re.compile(r"\(cid:\d+\)")
_CORRUPT_VI = "Tệp PDF bị hỏng hoặc không đúng định dạng PDF; hãy xuất lại tệp PDF rồi gửi lại."
_ENCRYPTED_VI = "Tệp PDF được đặt mật khẩu nên không đọc được; hãy gửi bản không khóa."


@dataclass
class _Page:
    """One page as read so far; `image` is set when the page waits for OCR."""

    number: int
    text: str
    image: Path | None = None
    needs_ocr: bool = False
    undecodable_font: bool = False


def read(data: bytes) -> ReadResult:
    """Return the text of all pages joined with "\\n", OCR-ing pages that have no text layer."""
    if b"%PDF-" not in data[:1024]:
        raise CorruptFileError("no %PDF- header in the first 1024 bytes", _CORRUPT_VI)
    reader = _open_pypdf(data)
    use_ocr = ocr.available()
    with tempfile.TemporaryDirectory(prefix="theodoi-pdf-") as tmp:
        image_dir = Path(tmp) if use_ocr else None
        try:
            pages = _read_pages(data, reader, image_dir)
        except ExtractError:
            raise
        except Exception as exc:  # last line of defence: parser errors on hostile files vary endlessly
            raise CorruptFileError(f"PDF cannot be parsed: {exc!r}", _CORRUPT_VI) from exc
        if not pages:
            raise CorruptFileError("PDF has no pages", "Tệp PDF không có trang nào hoặc bị hỏng.")
        return _assemble(pages, use_ocr)


# --- opening --------------------------------------------------------------------------------


def _open_pypdf(data: bytes) -> Any:
    """A pypdf reader (decrypted with the empty password if needed), or None if pypdf can't parse.

    pypdf is the one that tells us about encryption; many "protected" official PDFs only carry an
    owner password (no printing/copying) and open with the empty user password.
    """
    from pypdf import PasswordType, PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        encrypted = reader.is_encrypted
    except Exception:  # pypdf's errors for broken files vary; pdfplumber gets its own try
        return None
    if encrypted:
        try:
            opened = reader.decrypt("")
        except Exception as exc:  # unsupported algorithm or missing crypto backend
            raise EncryptedFileError(f"cannot decrypt PDF: {exc!r}", _ENCRYPTED_VI) from exc
        if opened == PasswordType.NOT_DECRYPTED:
            raise EncryptedFileError("PDF needs a user password", _ENCRYPTED_VI)
    return reader


def _read_pages(data: bytes, reader: Any, image_dir: Path | None) -> list[_Page]:
    import pdfplumber

    try:
        document = pdfplumber.open(io.BytesIO(data))
        pages = document.pages  # parses the page tree: broken files fail here, not at open
    except Exception as exc:
        if "password" in repr(exc).lower():
            raise EncryptedFileError(f"pdfplumber: {exc!r}", _ENCRYPTED_VI) from exc
        if reader is None:
            raise CorruptFileError(f"neither pdfplumber nor pypdf can parse it: {exc!r}", _CORRUPT_VI) from exc
        return _read_pages_pypdf(data, reader, image_dir)
    with document:
        return [_plumber_page(page, number, reader, image_dir) for number, page in _numbered(pages)]


def _numbered(pages: Iterable[Any]) -> Iterable[tuple[int, Any]]:
    return enumerate(pages, start=1)


# --- text layer -----------------------------------------------------------------------------


def _plumber_page(page: Any, number: int, reader: Any, image_dir: Path | None) -> _Page:
    try:
        text = _page_text(page)
    except Exception:  # a broken content stream on one page: try pypdf for that page
        text = _pypdf_page_text(reader, number)
    result = _classify(number, text)
    if result.needs_ocr and reader is not None:  # pypdf decodes some fonts pdfminer cannot: cheaper than OCR
        second = _classify(number, _pypdf_page_text(reader, number))
        if not second.needs_ocr:
            result = second
    if result.needs_ocr and image_dir is not None and _ocr_slot_left(number):
        result.image = _render_plumber(page, image_dir / f"page-{number}.png")
    page.close()  # drop pdfplumber's per-page caches: memory stays per page
    return result


def _page_text(page: Any) -> str:
    """The page's text with its ruled tables printed as "a | b | c" rows.

    LibreOffice and Word draw a table's cell borders as lines; pdfplumber's table finder turns
    them into cell boxes. A cell's words are joined in reading order whatever line they wrap
    onto, so an indicator written over three lines stays in the row of its figures. Text above,
    between and below the tables is read band by band, so the page keeps its reading order.
    Pages without a ruled table are read exactly as before.
    """
    from theodoi_extract.tables import grid_lines

    tables = ruled_tables(page)
    if not tables:
        aligned_text = _aligned_text(page)  # before columns: a borderless table's gutters are no text columns
        if aligned_text is not None:
            return aligned_text
        columns = _two_column_text(page)
        return columns if columns is not None else str(page.extract_text() or "")
    words = table_words(page)
    bands: list[tuple[float, float, list[Any]]] = []  # vertical ranges holding tables, top to bottom
    for table in sorted(tables, key=lambda t: t.bbox[1]):
        top, bottom = table.bbox[1], table.bbox[3]
        if bands and top < bands[-1][1]:
            bands[-1] = (bands[-1][0], max(bands[-1][1], bottom), [*bands[-1][2], table])
        else:
            bands.append((top, bottom, [table]))
    parts: list[str] = []
    y = 0.0
    for top, bottom, in_band in bands:
        parts.append(_text_between(page, y, top))
        for table in sorted(in_band, key=lambda t: t.bbox[0]):
            parts.extend(grid_lines(indicators_down(table_grid(table, words))))
        y = bottom
    parts.append(_text_between(page, y, float(page.height) + 1))
    return "\n".join(p for p in parts if p.strip())


def _aligned_text(page: Any) -> str | None:
    """A page without ruling lines: its borderless tables (`aligned.find_tables`, by word
    alignment) printed as rows, the text around them as pdfplumber reads it; None when it has none."""
    from theodoi_extract.readers import aligned
    from theodoi_extract.tables import grid_lines

    tables = aligned.find_tables(table_words(page)) if page.chars else []
    if not tables:
        return None
    parts: list[str] = []
    y = 0.0
    for table in tables:
        parts.append(_text_between(page, y, table.top))
        parts.extend(grid_lines(indicators_down(table.grid)))
        y = table.bottom + 0.5
    parts.append(_text_between(page, y, float(page.height) + 1))
    return "\n".join(p for p in parts if p.strip())


MIN_COLUMN_LINES = 8


def _two_column_text(page: Any) -> str | None:
    """A page set in two text columns, read column by column; None for any other page.

    pdfplumber reads a line across the whole page, so two columns come out interleaved line by
    line. A gutter is a vertical strip (6 pt) in the middle of the page that no word crosses
    below some height (a full-width title may sit above); the left side then needs at least
    MIN_COLUMN_LINES lines, which running single-column text never leaves uncrossed, and the
    right side as many or a shorter column of its own (`_columns_found`).
    """
    words = page.extract_words()
    if len(words) < 4 * MIN_COLUMN_LINES:
        return None
    width = float(page.width)
    # cheap pre-filter: a gutter must be free of every word in the page's lower half
    half = float(page.height) / 2
    covered = bytearray(int(width) + 8)
    for w in words:
        if w["top"] >= half:
            covered[max(0, int(w["x0"]) - 3):int(w["x1"]) + 4] = b"\x01" * (int(w["x1"]) + 4 - max(0, int(w["x0"]) - 3))
    for x in range(int(width * 0.35), int(width * 0.65), 2):
        if covered[x]:
            continue
        crossing = [w for w in words if w["x0"] < x + 3 and w["x1"] > x - 3]
        split = max((w["bottom"] for w in crossing), default=0.0)
        below = [w for w in words if w["top"] >= split]
        left = {round(w["top"]) for w in below if w["x1"] <= x - 3}
        right_words = [w for w in below if w["x0"] >= x + 3]
        right = {round(w["top"]) for w in right_words}
        if _columns_found(len(left), right_words, len(right)):
            return "\n".join(t for t in (_text_in(page, 0, width, 0, split), _text_in(page, 0, x, split, None),
                                          _text_in(page, x, width, split, None)) if t.strip())
    return None


def _columns_found(left_lines: int, right_words: list[dict[str, Any]], right_lines: int) -> bool:
    """Both sides hold MIN_COLUMN_LINES lines, or the left does and the right is a column that
    ends early (the last page of a two-column text): at least 2 lines starting at one left edge."""
    if left_lines < MIN_COLUMN_LINES or right_lines < 2:
        return False
    if right_lines >= MIN_COLUMN_LINES:
        return True
    edge = min(w["x0"] for w in right_words)
    starts = {round(w["top"]) for w in right_words if w["x0"] - edge <= 2}
    return len(starts) >= 2


def _text_in(page: Any, x0: float, x1: float, top: float, bottom: float | None) -> str:
    """Text of the characters whose centre lies in the box (bottom None: to the page's end)."""
    low = float(page.height) + 1 if bottom is None else bottom

    def inside(obj: dict[str, Any]) -> bool:
        if obj.get("object_type") != "char":
            return True
        cx, cy = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return x0 <= cx < x1 and top <= cy < low

    if low - top < 1:
        return ""
    return str(page.filter(inside).extract_text() or "")


def _text_between(page: Any, top: float, bottom: float) -> str:
    """Text of the characters whose vertical centre lies in [top, bottom): a line just under a
    table whose glyph boxes touch the table's bottom border is still read."""
    if bottom - top < 1:
        return ""

    def inside(obj: dict[str, Any]) -> bool:
        return obj.get("object_type") != "char" or top <= (obj["top"] + obj["bottom"]) / 2 < bottom

    return str(page.filter(inside).extract_text() or "")


def _read_pages_pypdf(data: bytes, reader: Any, image_dir: Path | None) -> list[_Page]:
    pages: list[_Page] = []
    source: Path | None = None
    for number, page in _numbered(reader.pages):
        result = _classify(number, _pypdf_page_text(reader, number))
        if result.needs_ocr and image_dir is not None and _ocr_slot_left(number):
            if source is None:
                source = image_dir / "source.pdf"
                source.write_bytes(data)
            width, height = float(page.mediabox.width), float(page.mediabox.height)
            result.image = _render_pdftoppm(source, number, _dpi(width, height), image_dir)
        pages.append(result)
    return pages


def _pypdf_page_text(reader: Any, number: int) -> str:
    if reader is None:
        return ""
    try:
        return str(reader.pages[number - 1].extract_text() or "")
    except Exception:
        return ""


def _classify(number: int, text: str) -> _Page:
    """Decide whether the text layer is usable; strip undecodable glyph codes either way.

    Trailing whitespace goes too: pypdf ends pages with a newline where pdfplumber does not, and
    the pages are joined with exactly one "\n".
    """
    cids = len(_CID.findall(text))
    clean = (_CID.sub("", text) if cids else text).rstrip()
    undecodable = cids > 0 and len(clean.strip()) < cids
    return _Page(number, clean, needs_ocr=undecodable or not clean.strip(), undecodable_font=undecodable)


def _ocr_slot_left(number: int) -> bool:
    # Pages are numbered from 1, so this bounds the work by position; a long scan still gets
    # its first MAX_OCR_PAGES pages read.
    return number <= MAX_OCR_PAGES


# --- rendering for OCR ----------------------------------------------------------------------


def _dpi(width_pt: float, height_pt: float) -> int:
    """OCR_DPI, lowered for oversized pages so the bitmap stays under MAX_OCR_PIXELS."""
    area_in2 = max(width_pt, 1.0) * max(height_pt, 1.0) / (72.0 * 72.0)
    return max(10, min(OCR_DPI, int(math.sqrt(MAX_OCR_PIXELS / area_in2))))


def _render_plumber(page: Any, target: Path) -> Path | None:
    try:
        image = page.to_image(resolution=_dpi(float(page.width), float(page.height)))
        image.original.save(target, format="PNG")
        return target
    except Exception:
        return None


def _render_pdftoppm(source: Path, number: int, dpi: int, out_dir: Path) -> Path | None:
    binary = shutil.which("pdftoppm")
    if binary is None:
        return None
    stem = out_dir / f"page-{number}"
    command = [binary, "-r", str(dpi), "-f", str(number), "-l", str(number), "-png", "-singlefile"]
    try:
        subprocess.run([*command, str(source), str(stem)], capture_output=True, timeout=120, check=True)
    except (OSError, subprocess.SubprocessError):
        return None
    target = stem.with_suffix(".png")
    return target if target.exists() else None


# --- putting it together --------------------------------------------------------------------


def _assemble(pages: list[_Page], use_ocr: bool) -> ReadResult:
    blank = [page for page in pages if page.needs_ocr]
    if blank and not use_ocr and len(blank) == len(pages):
        raise OcrUnavailableError(f"all {len(pages)} pages lack a text layer and OCR is not installed")
    warnings: list[str] = []
    read_by_ocr: list[tuple[int, float]] = []
    if use_ocr:
        read_by_ocr = _run_ocr(blank)
    ocr_done = [number for number, _ in read_by_ocr]
    if ocr_done:
        warnings.append(
            f"{_pages_vi(ocr_done)} được đọc bằng OCR (nhận dạng chữ từ ảnh); hãy kiểm tra lại nội dung."
        )
    doubtful = [(number, conf) for number, conf in read_by_ocr if conf < LOW_OCR_CONFIDENCE]
    if doubtful:
        worst = min(conf for _, conf in doubtful)
        warnings.append(f"{_pages_vi([n for n, _ in doubtful])} đọc bằng OCR với độ tin cậy thấp (thấp nhất "
                        f"{worst:.0f}/100): hãy đối chiếu các số liệu với bản gốc.")
    missing = [page.number for page in blank if page.number not in ocr_done]
    if missing:
        reason = "OCR không nhận ra chữ nào" if use_ocr else "máy chủ chưa cài OCR (Tesseract tiếng Việt)"
        warnings.append(f"{_pages_vi(missing)} không có lớp chữ (có thể là ảnh quét) và {reason}, nên bị bỏ qua.")
    odd_fonts = [page.number for page in pages if page.undecodable_font]
    if odd_fonts:
        warnings.append(f"{_pages_vi(odd_fonts)} dùng phông chữ không giải mã được thành chữ.")
    # NFC per page, so that the OCR spans computed here still index the whole text after
    # `read_bytes` normalises it (a line break composes with nothing).
    texts = [unicodedata.normalize("NFC", page.text) for page in pages]
    confidence_of = dict(read_by_ocr)
    # agency names misread on a doubtful OCR page, mended against the vocabulary and the other pages
    texts = ocr_repair.repair_scanned_agencies(texts, [confidence_of.get(page.number) for page in pages])
    read = [not page.needs_ocr or page.number in ocr_done for page in pages]
    # A table over three pages or more: the page before may have lost its repeated header to the
    # join before it, so the header is also looked for as that page's first table line was.
    first_rows = [next((ln for ln in t.split("\n") if "|" in ln), None) for t in texts]
    for i in range(1, len(pages)):  # OCR'd pages print their tables as the text layer does: mended alike
        if read[i - 1] and read[i]:
            texts[i - 1], texts[i] = join_split_row(texts[i - 1], texts[i], first_rows[i - 1])
    spans: list[tuple[int, int, int, float]] = []
    offset = 0
    for page, text in zip(pages, texts, strict=True):
        if page.number in confidence_of:
            spans.append((page.number, offset, offset + len(text), confidence_of[page.number]))
        offset += len(text) + 1
    return ReadResult(
        text="\n".join(texts),
        format="pdf",
        ocr_pages=tuple(ocr_done),
        ocr_confidence=tuple(conf for _, conf in read_by_ocr),
        ocr_spans=tuple(spans),
        warnings=tuple(warnings),
    )


_FIGURE = re.compile(r"\d")


def join_split_row(before: str, after: str, repeated: str | None = None) -> tuple[str, str]:
    """Mend a table row that a page break cut in two, and drop a header repeated on the new page.

    When a page ends with a table row and the next page's table (first line, or second after a
    lone page number) repeats the header row of that table, the repeat goes. When its first row
    then has an empty first cell, no figure and as many cells as the row before the break, it is
    the rest of that row's wrapped cells: each cell's words are appended to the cell above.
    `repeated`: the header as the page before printed it before its own repeat was dropped.
    """
    head, sep, last = before.rpartition("\n")
    if "|" not in last or "|" not in after:
        return before, after
    lines = after.split("\n")
    k = 1 if lines and lines[0].strip().isdigit() and len(lines) > 1 else 0
    width = last.count("|")
    table_lines = [ln for ln in before.split("\n") if ln.count("|") == width]
    if k < len(lines) and table_lines and lines[k] in (table_lines[0], repeated):
        del lines[k]  # the header row, repeated at the top of the page
    if k >= len(lines):
        return before, "\n".join(lines)
    first = lines[k]
    cells = first.split("|")  # not " | ": a page's text ends without the space after an empty last cell
    above = last.split("|")
    if first.count("|") != width or len(cells) != len(above) or cells[0].strip() or _FIGURE.search(first):
        return before, "\n".join(lines)
    merged = " | ".join(" ".join(p for p in (a.strip(), b.strip()) if p) for a, b in zip(above, cells, strict=True))
    del lines[k]
    return head + sep + merged, "\n".join(lines)


def _run_ocr(blank: list[_Page]) -> list[tuple[int, float]]:
    """OCR the rendered pages in place; return (number, confidence) of the pages that gave text."""
    queued = [page for page in blank if page.image is not None]
    results = ocr.ocr_pages([page.image for page in queued if page.image is not None])
    done: list[tuple[int, float]] = []
    for page, result in zip(queued, results, strict=True):
        if result is not None and result.text.strip():
            page.text = result.text
            done.append((page.number, result.confidence))
    return done


def _pages_vi(numbers: list[int]) -> str:
    """"Trang 3" or "Các trang 1–3, 5": page numbers as a Vietnamese phrase with ranges."""
    if len(numbers) == 1:
        return f"Trang {numbers[0]}"
    ranges: list[str] = []
    start = prev = numbers[0]
    for number in [*numbers[1:], None]:
        if number is not None and number == prev + 1:
            prev = number
            continue
        ranges.append(str(start) if start == prev else f"{start}–{prev}")
        if number is not None:
            start = prev = number
    return "Các trang " + ", ".join(ranges)
