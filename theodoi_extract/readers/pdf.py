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
from theodoi_extract.readers import ocr
from theodoi_extract.readers.result import ReadResult

OCR_DPI = 300
MAX_OCR_PIXELS = 50_000_000  # a huge page is rendered below OCR_DPI rather than exhausting memory
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
        text = page.extract_text() or ""
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
    ocr_done: list[int] = []
    if use_ocr:
        ocr_done = _run_ocr(blank)
    if ocr_done:
        warnings.append(
            f"{_pages_vi(ocr_done)} được đọc bằng OCR (nhận dạng chữ từ ảnh); hãy kiểm tra lại nội dung."
        )
    missing = [page.number for page in blank if page.number not in ocr_done]
    if missing:
        reason = "OCR không nhận ra chữ nào" if use_ocr else "máy chủ chưa cài OCR (Tesseract tiếng Việt)"
        warnings.append(f"{_pages_vi(missing)} không có lớp chữ (có thể là ảnh quét) và {reason}, nên bị bỏ qua.")
    odd_fonts = [page.number for page in pages if page.undecodable_font]
    if odd_fonts:
        warnings.append(f"{_pages_vi(odd_fonts)} dùng phông chữ không giải mã được thành chữ.")
    return ReadResult(
        text="\n".join(page.text for page in pages),
        format="pdf",
        ocr_pages=tuple(ocr_done),
        warnings=tuple(warnings),
    )


def _run_ocr(blank: list[_Page]) -> list[int]:
    """OCR the rendered pages in place; return the numbers of pages that gave text."""
    queued = [page for page in blank if page.image is not None]
    texts = ocr.ocr_images([page.image for page in queued if page.image is not None])
    done: list[int] = []
    for page, text in zip(queued, texts, strict=True):
        if text and text.strip():
            page.text = text
            done.append(page.number)
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
