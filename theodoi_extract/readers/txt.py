"""Plain-text reader: Unicode with or without BOM, and legacy Vietnamese 8-bit charts.

The canonical text of a .txt is exactly `unicodedata.normalize("NFC", decoded)`: line breaks and
spacing are the author's and the extractor relies on them, so nothing but a BOM is removed.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from theodoi_extract.errors import EncodingError, UnsupportedFormatError
from theodoi_extract.readers import legacy
from theodoi_extract.readers.result import ReadResult

# Longest BOMs first: the UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)
# Control characters that do not belong in text. Tab, line breaks, \v, \f and \x1a (the DOS
# end-of-file marker of old exports) are allowed. C1 controls (U+0080-U+009F) only count once the
# text is decoded: in legacy 8-bit bytes 0x80-0x9F are Windows-1252 punctuation.
_C0_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x19\x1b-\x1f\x7f]")
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x19\x1b-\x1f\x7f-\x9f]")
MAX_CONTROL_SHARE = 0.01  # more control characters than this means binary data, not text

_BINARY_VI = "Tệp không phải là văn bản thuần (có dữ liệu nhị phân); chỉ nhận .txt, .docx, .pdf."


def read(data: bytes) -> ReadResult:
    """Decode a text file and return its NFC text with the detected encoding."""
    raw, encoding, warnings = _decode(data)
    _reject_binary(raw)
    return ReadResult(
        text=unicodedata.normalize("NFC", raw),
        format="txt",
        encoding=encoding,
        warnings=warnings,
    )


def _decode(data: bytes) -> tuple[str, str, tuple[str, ...]]:
    """Return (decoded text without BOM, encoding label, warnings)."""
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom) :], codec, label), label, ()
    utf16 = _bomless_utf16(data)
    if utf16 is not None:
        return utf16, "utf-16", ()
    if b"\x00" in data:
        raise UnsupportedFormatError("text file contains NUL bytes", _BINARY_VI)
    try:
        return data.decode("utf-8"), "utf-8", ()
    except UnicodeDecodeError:
        pass
    _reject_binary(data.decode("latin-1"), _C0_CONTROLS)  # C0 bytes mean the same in every chart
    candidate = legacy.detect(data)
    label = legacy.LABELS_VI[candidate.encoding]
    note = f"Văn bản dùng bảng mã cũ {label}; đã chuyển sang Unicode, hãy kiểm tra lại dấu tiếng Việt."
    return candidate.text, candidate.encoding, (note,)


def _strict(data: bytes, codec: str, label: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise EncodingError(
            f"text marked as {label} by its BOM does not decode: {exc}",
            f"Tệp văn bản có dấu hiệu bảng mã {label.upper()} nhưng nội dung bị lỗi mã hóa; "
            "hãy lưu lại tệp dưới dạng UTF-8.",
        ) from exc


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without BOM (some exports omit it): NUL bytes sit on one side of each code unit.

    Vietnamese text is mostly ASCII letters and spaces, whose UTF-16 code units have a zero high
    byte, so at least a third of the odd (LE) or even (BE) bytes are NUL while the other side has
    almost none.
    """
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    half = len(data) // 2
    for zeros, others, codec in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros.count(0) >= half / 3 and others.count(0) <= half / 100:
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                return None
            return text if _mostly_latin(text) else None
    return None


def _mostly_latin(text: str) -> bool:
    """Guard for BOM-less UTF-16: binary data decodes to scattered CJK and symbols instead.

    Vietnamese (letters, combining marks, punctuation) lies below U+2000, except for a few
    typographic signs.
    """
    latin = sum(1 for ch in text if ord(ch) < 0x2000)
    return latin >= 0.9 * len(text)


def _reject_binary(text: str, controls_pattern: re.Pattern[str] = _CONTROLS) -> None:
    """Refuse decoded text that is really binary data (an image or archive renamed .txt)."""
    controls = sum(1 for _ in controls_pattern.finditer(text))
    if "\x00" in text or controls > len(text) * MAX_CONTROL_SHARE:
        raise UnsupportedFormatError(f"text file has {controls} control characters", _BINARY_VI)
