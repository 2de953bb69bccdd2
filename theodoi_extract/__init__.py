"""theodoi_extract: pure-Python extraction of targets, assignments and deadlines from Vietnamese
plan documents (resolutions, action programmes, conclusions, reports).

No Django here: the web app, the CLI and the tests import this package directly.

    >>> from theodoi_extract import extract_text
    >>> ex = extract_text("- Tốc độ tăng trưởng GRDP đạt từ 10% trở lên.")
    >>> ex.targets[0].comparator, ex.targets[0].value
    ('>=', 10)
"""

from __future__ import annotations

from theodoi_extract.core import extract_file, extract_text
from theodoi_extract.errors import (
    CorruptFileError,
    EmptyDocumentError,
    EncodingError,
    EncryptedFileError,
    ExtractError,
    FileTooLargeError,
    UnsupportedFormatError,
)
from theodoi_extract.model import Assignment, Deadline, DocumentMeta, Extraction, Quantity, Target, TaskItem
from theodoi_extract.numbers import format_vi, parse_number, parse_quantity

__all__ = [
    "Assignment",
    "CorruptFileError",
    "Deadline",
    "DocumentMeta",
    "EmptyDocumentError",
    "EncodingError",
    "EncryptedFileError",
    "ExtractError",
    "Extraction",
    "FileTooLargeError",
    "Quantity",
    "Target",
    "TaskItem",
    "UnsupportedFormatError",
    "extract_file",
    "extract_text",
    "format_vi",
    "parse_number",
    "parse_quantity",
]
