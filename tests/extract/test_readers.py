"""Format detection, size limits and the package contract of theodoi_extract.readers."""

from __future__ import annotations

import dataclasses
import random
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import theodoi_extract.readers as readers
from theodoi_extract.errors import (
    CorruptFileError,
    EmptyDocumentError,
    EncryptedFileError,
    ExtractError,
    FileTooLargeError,
    UnsupportedFormatError,
)
from theodoi_extract.readers import DEFAULT_MAX_BYTES, ReadResult, read_bytes, read_path
from theodoi_extract.readers.testing import minimal_pdf


def test_default_limit_is_20_mb() -> None:
    assert DEFAULT_MAX_BYTES == 20 * 1024 * 1024


def test_read_result_is_frozen_with_defaults() -> None:
    result = ReadResult(text="a", format="txt")
    assert (result.ocr_pages, result.encoding, result.warnings) == ((), None, ())
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.text = "b"  # type: ignore[misc]


def test_importing_readers_imports_no_django_and_no_document_libraries() -> None:
    code = (
        "import sys, theodoi_extract.readers\n"
        "heavy = ('django', 'pdfplumber', 'pypdf', 'docx', 'pdfminer')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_empty_bytes_raise_empty_document() -> None:
    with pytest.raises(EmptyDocumentError) as info:
        read_bytes(b"", filename="plan.txt")
    assert "trống" in info.value.message_vi


def test_whitespace_only_text_is_empty_document() -> None:
    with pytest.raises(EmptyDocumentError):
        read_bytes(b" \n\t\n", filename="plan.txt")


def test_bytes_over_limit_raise_file_too_large() -> None:
    with pytest.raises(FileTooLargeError) as info:
        read_bytes(b"x" * 101, filename="a.txt", max_bytes=100)
    assert "quá lớn" in info.value.message_vi


def test_read_path_checks_size_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(DEFAULT_MAX_BYTES + 1)  # sparse: no disk, and reading it would be a bug

    def no_open(*args: object, **kwargs: object) -> None:
        raise AssertionError("the file must not be opened")

    monkeypatch.setattr(readers, "open", no_open, raising=False)
    with pytest.raises(FileTooLargeError) as info:
        read_path(big)
    assert "20 MB" in info.value.message_vi


def test_read_path_reads_text_file(tmp_path: Path) -> None:
    path = tmp_path / "ke-hoach.txt"
    path.write_text("Kế hoạch năm 2026\n", encoding="utf-8")
    result = read_path(path)
    assert result == ReadResult(text="Kế hoạch năm 2026\n", format="txt", encoding="utf-8")


def test_read_path_accepts_str_path(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"abc")
    assert read_path(str(path)).text == "abc"


def test_read_path_missing_file_has_vietnamese_message(tmp_path: Path) -> None:
    with pytest.raises(ExtractError) as info:
        read_path(tmp_path / "khong-co.txt")
    assert "Không tìm thấy tệp" in info.value.message_vi


def test_read_path_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ExtractError) as info:
        read_path(tmp_path)
    assert "không phải là một tệp" in info.value.message_vi


def test_pdf_detected_by_content_whatever_the_extension() -> None:
    assert read_bytes(minimal_pdf(["Hello"]), filename="ghi-chu.txt").format == "pdf"


def test_docx_extension_without_zip_is_corrupt() -> None:
    with pytest.raises(CorruptFileError) as info:
        read_bytes("Kế hoạch".encode(), filename="ke-hoach.docx")
    assert info.value.message_vi == "Tệp .docx không phải là tệp Word hợp lệ (không phải định dạng zip)."


def test_pdf_extension_without_header_is_corrupt() -> None:
    with pytest.raises(CorruptFileError) as info:
        read_bytes(b"<html>not a pdf</html>", filename="bao-cao.pdf")
    assert "%PDF" in info.value.message_vi


def test_unknown_extension_is_unsupported() -> None:
    with pytest.raises(UnsupportedFormatError) as info:
        read_bytes(b"a,b\n1,2\n", filename="so-lieu.csv")
    assert ".csv" in info.value.message_vi


def test_zip_that_is_not_word_with_other_extension_is_unsupported() -> None:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(UnsupportedFormatError) as info:
        read_bytes(buffer.getvalue(), filename="bang.xlsx")
    assert ".xlsx" in info.value.message_vi


def test_image_is_unsupported_even_as_txt() -> None:
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 50
    with pytest.raises(UnsupportedFormatError) as info:
        read_bytes(png, filename="anh.txt")
    assert "ảnh" in info.value.message_vi


def test_old_binary_doc_is_unsupported_with_advice() -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "WordDocument".encode("utf-16-le")
    with pytest.raises(UnsupportedFormatError) as info:
        read_bytes(ole, filename="cu.doc")
    assert ".docx" in info.value.message_vi


def test_password_protected_docx_is_encrypted() -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "EncryptedPackage".encode("utf-16-le")
    with pytest.raises(EncryptedFileError) as info:
        read_bytes(ole, filename="mat-khau.docx")
    assert "mật khẩu" in info.value.message_vi


def test_text_is_nfc_for_every_format() -> None:
    decomposed = unicodedata.normalize("NFD", "Tiếng Việt có dấu")
    result = read_bytes(decomposed.encode("utf-8"), filename="a.txt")
    assert result.text == "Tiếng Việt có dấu"
    assert unicodedata.is_normalized("NFC", result.text)


@pytest.mark.parametrize("size,expected", [(20 * 1024 * 1024, "20 MB"), (int(20.5 * 1024 * 1024), "20,5 MB")])
def test_megabytes_are_written_the_vietnamese_way(size: int, expected: str) -> None:
    assert readers._megabytes(size) == expected


def _docx_bytes() -> bytes:
    import io

    import docx

    document = docx.Document()
    document.add_paragraph("Kế hoạch năm 2026")
    document.add_table(rows=2, cols=2).cell(0, 0).text = "Chỉ tiêu"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("name", ["a.pdf", "a.docx"])
def test_damaged_documents_fail_only_with_extract_errors(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("THEODOI_OCR", "off")
    original = minimal_pdf(["Hello world", None, "Third"]) if name.endswith(".pdf") else _docx_bytes()
    rng = random.Random(2026)
    for _ in range(80):
        data = bytearray(original)
        for _ in range(rng.randint(1, 20)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        if rng.random() < 0.3:
            data = data[: rng.randrange(1, len(data))]
        try:
            result = read_bytes(bytes(data), filename=name)
        except ExtractError as exc:
            assert exc.message_vi
        else:
            assert unicodedata.is_normalized("NFC", result.text)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=2000), st.sampled_from(["", "a.txt", "a.docx", "a.pdf", "a.xyz"]))
def test_arbitrary_bytes_give_a_result_or_an_extract_error(data: bytes, name: str) -> None:
    try:
        result = read_bytes(data, filename=name)
    except ExtractError as exc:
        assert exc.message_vi
    else:
        assert result.format in {"txt", "docx", "pdf"} and result.text.strip()
