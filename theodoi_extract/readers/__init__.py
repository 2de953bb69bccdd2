"""Document readers: turn an uploaded .txt, .docx or .pdf into canonical (NFC) text.

The extractor downstream works on one string, so every shape ends here as `ReadResult.text`,
normalised to NFC because Vietnamese diacritics arrive both precomposed and as combining marks
(PDF text layers, VNI) and must compare equal. One module per shape, each with
`read(data: bytes) -> ReadResult`: `txt` (with `legacy` for TCVN3/VNI/Windows-1258), `docx`,
`pdf` (with `ocr` for scanned pages).

The format is decided by content first (magic bytes), then by extension, so a PDF saved as
".txt" is still read as a PDF, and a ".docx" that is not a zip is refused as corrupt instead of
being read as text. Every refusal is an `ExtractError` with a Vietnamese `message_vi`.
Size limits are checked before any reading (os.stat for paths) so memory stays bounded.

Importing this package imports neither Django nor the PDF/Word libraries; those load on use.
"""

from __future__ import annotations

import os
import stat
import unicodedata
from collections.abc import Callable
from dataclasses import replace
from pathlib import PurePath

from theodoi_extract.errors import (
    CorruptFileError,
    EmptyDocumentError,
    EncryptedFileError,
    ExtractError,
    FileTooLargeError,
    UnsupportedFormatError,
)
from theodoi_extract.readers.result import ReadResult

__all__ = ["DEFAULT_MAX_BYTES", "ReadResult", "read_bytes", "read_path"]

DEFAULT_MAX_BYTES = 20 * 1024 * 1024

TEXT_EXTENSIONS = frozenset({"", ".txt", ".text"})
WORD_EXTENSIONS = frozenset({".docx", ".docm", ".dotx"})
_PDF_MAGIC = b"%PDF-"
_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003 (.doc), or a password-protected .docx
_IMAGE_MAGICS = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"II*\x00", b"MM\x00*")

_EMPTY_VI = {
    "txt": "Tệp văn bản trống: không có nội dung để đọc.",
    "docx": "Tệp Word không có chữ nào (có thể chỉ chứa hình ảnh).",
    "pdf": "Tệp PDF không có chữ nào đọc được (kể cả khi đã thử OCR).",
}


def read_path(path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> ReadResult:
    """Read a file from disk; its size is checked with os.stat before a single byte is read."""
    name = os.fspath(path)
    try:
        info = os.stat(name)
    except FileNotFoundError as exc:
        raise ExtractError(f"file not found: {name}", f"Không tìm thấy tệp: {name}") from exc
    except OSError as exc:
        raise ExtractError(f"cannot stat {name}: {exc}", f"Không truy cập được tệp: {name}") from exc
    if not stat.S_ISREG(info.st_mode):
        raise ExtractError(f"not a regular file: {name}", f"Đường dẫn không phải là một tệp: {name}")
    _check_size(info.st_size, max_bytes)
    try:
        with open(name, "rb") as handle:
            data = handle.read(max_bytes + 1)  # +1: a file that grew after stat is still caught
    except OSError as exc:
        raise ExtractError(f"cannot read {name}: {exc}", f"Không đọc được tệp: {name}") from exc
    return read_bytes(data, filename=os.path.basename(name), max_bytes=max_bytes)


def read_bytes(data: bytes, *, filename: str = "", max_bytes: int = DEFAULT_MAX_BYTES) -> ReadResult:
    """Read an in-memory document; `filename` only supplies the extension as a hint."""
    _check_size(len(data), max_bytes)
    if not data:
        raise EmptyDocumentError("empty file", "Tệp trống (0 byte): không có nội dung để đọc.")
    shape = detect_format(data, filename)
    result = _reader(shape)(data)
    if not result.text.strip():
        raise EmptyDocumentError(f"no text in {shape} document", _EMPTY_VI[shape])
    return replace(result, text=unicodedata.normalize("NFC", result.text))


def detect_format(data: bytes, filename: str = "") -> str:
    """Return "txt", "docx" or "pdf" for these bytes, or raise the matching ExtractError."""
    extension = PurePath(filename).suffix.lower()
    if _PDF_MAGIC in data[:1024]:
        return "pdf"
    if data.startswith(_ZIP_MAGICS):
        if extension in WORD_EXTENSIONS or extension in TEXT_EXTENSIONS or b"word/document.xml" in data:
            return "docx"
        raise _unsupported(extension)
    if data.startswith(_OLE_MAGIC):
        raise _ole_error(data)
    if extension in WORD_EXTENSIONS:
        raise CorruptFileError(
            f"{extension} file is not a zip", "Tệp .docx không phải là tệp Word hợp lệ (không phải định dạng zip)."
        )
    if extension == ".pdf":
        raise CorruptFileError(
            ".pdf file lacks the %PDF- header", "Tệp .pdf không phải là tệp PDF hợp lệ (thiếu phần đầu %PDF)."
        )
    if data.startswith(_IMAGE_MAGICS):
        raise UnsupportedFormatError(
            "image file", "Tệp là ảnh, không phải văn bản; hãy gửi bản .pdf, .docx hoặc .txt."
        )
    if extension in TEXT_EXTENSIONS:
        return "txt"
    raise _unsupported(extension)


def _reader(shape: str) -> Callable[[bytes], ReadResult]:
    """The reader module for a shape, imported on first use (keeps package import cheap)."""
    if shape == "pdf":
        from theodoi_extract.readers import pdf

        return pdf.read
    if shape == "docx":
        from theodoi_extract.readers import docx

        return docx.read
    from theodoi_extract.readers import txt

    return txt.read


def _check_size(size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise FileTooLargeError(
            f"file has {size} bytes, limit is {max_bytes}",
            f"Tệp quá lớn ({_megabytes(size)}); giới hạn cho phép là {_megabytes(max_bytes)}.",
        )


def _megabytes(size: int) -> str:
    """Size in MB the Vietnamese way (decimal comma): "20 MB", "20,5 MB"."""
    value = f"{size / (1024 * 1024):.1f}".rstrip("0").rstrip(".")
    return value.replace(".", ",") + " MB"


def _unsupported(extension: str) -> UnsupportedFormatError:
    shown = extension or "(không có phần mở rộng)"
    return UnsupportedFormatError(
        f"unsupported format {extension!r}",
        f"Định dạng tệp {shown} không được hỗ trợ (chỉ nhận .txt, .docx, .pdf).",
    )


def _ole_error(data: bytes) -> ExtractError:
    """An OLE compound file: a password-protected .docx, or an old binary .doc/.xls."""
    if "EncryptedPackage".encode("utf-16-le") in data:
        return EncryptedFileError(
            "password-protected Office document",
            "Tệp Word được đặt mật khẩu nên không đọc được; hãy bỏ mật khẩu rồi lưu lại dưới dạng .docx.",
        )
    return UnsupportedFormatError(
        "legacy binary Office document (.doc/.xls)",
        "Tệp Word/Excel đời cũ (.doc, .xls) chưa được hỗ trợ; hãy mở bằng Word và lưu lại dưới dạng .docx.",
    )
