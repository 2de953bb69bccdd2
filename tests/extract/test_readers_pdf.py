"""PDF reader: text layer, page joining, encryption, corruption, scanned pages and OCR."""

from __future__ import annotations

import contextlib
import io
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from theodoi_extract.errors import CorruptFileError, EncryptedFileError, ExtractError, OcrUnavailableError
from theodoi_extract.readers import ocr, pdf, read_bytes, read_path
from theodoi_extract.readers.testing import minimal_pdf

FONT = Path("/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf")
OCR_LINES = ("Kế hoạch phát triển kinh tế xã hội", "Tỉnh Quảng Trị năm 2026", "Tăng trưởng kinh tế đạt tám phần trăm")

needs_ocr = pytest.mark.skipif(not ocr.available(), reason="tesseract with the vie model is not installed")


@pytest.fixture
def no_ocr(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("THEODOI_OCR", "off")


def _scanned_page_pdf(lines: tuple[str, ...] = OCR_LINES) -> bytes:
    """An image-only PDF page (what a scanner produces) with the lines drawn in a TTF font."""
    from PIL import Image, ImageDraw, ImageFont

    if not FONT.exists():
        pytest.skip(f"font {FONT} is not installed")
    font = ImageFont.truetype(str(FONT), 56)
    image = Image.new("L", (2480, 1200), 255)
    draw = ImageDraw.Draw(image)
    for i, line in enumerate(lines):
        draw.text((150, 150 + i * 120), line, font=font, fill=0)
    buffer = io.BytesIO()
    image.save(buffer, "PDF", resolution=300)
    return buffer.getvalue()


def _encrypted(data: bytes, user: str, owner: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=user, owner_password=owner, algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _concat(*documents: bytes) -> bytes:
    writer = PdfWriter()
    for data in documents:
        writer.append(PdfReader(io.BytesIO(data)))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_text_layer_pages_joined_with_newline() -> None:
    result = read_bytes(minimal_pdf(["Line one\nLine two", "Page two"]), filename="a.pdf")
    assert result.format == "pdf"
    assert result.text == "Line one\nLine two\nPage two"
    assert (result.ocr_pages, result.warnings, result.encoding) == ((), (), None)


def test_read_path_on_pdf(tmp_path: Path) -> None:
    path = tmp_path / "bao-cao.pdf"
    path.write_bytes(minimal_pdf(["Bao cao"]))
    assert read_path(path).text == "Bao cao"


def test_pypdf_is_the_fallback_when_pdfplumber_cannot_open(monkeypatch: pytest.MonkeyPatch) -> None:
    import pdfplumber

    def broken_open(*args: object, **kwargs: object) -> None:
        raise ValueError("simulated pdfminer failure")

    monkeypatch.setattr(pdfplumber, "open", broken_open)
    assert read_bytes(minimal_pdf(["Fallback text", "Second"]), filename="a.pdf").text == "Fallback text\nSecond"


def test_pypdf_text_is_tried_before_ocr_when_pdfplumber_finds_none(monkeypatch: pytest.MonkeyPatch) -> None:
    from pdfplumber.page import Page

    monkeypatch.setattr(Page, "extract_text", lambda self, **kwargs: "")
    result = read_bytes(minimal_pdf(["Only pypdf sees this"]), filename="a.pdf")
    assert (result.text, result.ocr_pages, result.warnings) == ("Only pypdf sees this", (), ())


def test_user_password_pdf_is_encrypted_error() -> None:
    data = _encrypted(minimal_pdf(["Secret"]), user="matkhau", owner="chu")
    with pytest.raises(EncryptedFileError) as info:
        read_bytes(data, filename="khoa.pdf")
    assert "mật khẩu" in info.value.message_vi


def test_owner_password_only_pdf_opens_with_the_empty_password() -> None:
    data = _encrypted(minimal_pdf(["Open to read"]), user="", owner="chu")
    assert read_bytes(data, filename="a.pdf").text == "Open to read"


def test_garbage_after_header_is_corrupt() -> None:
    with pytest.raises(CorruptFileError) as info:
        read_bytes(b"%PDF-1.7\n" + b"\x13garbage that is no pdf" * 50, filename="hong.pdf")
    assert "PDF" in info.value.message_vi


def test_truncated_pdf_never_crashes_outside_extract_error() -> None:
    data = minimal_pdf(["Some text here", "More"])
    for cut in (20, len(data) // 3, len(data) - 40):
        with contextlib.suppress(ExtractError):  # recovered text or a clean refusal, nothing else
            read_bytes(data[:cut], filename="cut.pdf")


def test_scanned_pdf_without_ocr_is_refused_in_vietnamese(no_ocr: None) -> None:
    with pytest.raises(OcrUnavailableError) as info:
        read_bytes(minimal_pdf([None, None]), filename="scan.pdf")
    assert "bản quét" in info.value.message_vi
    assert "OCR" in info.value.message_vi


def test_page_without_text_and_without_ocr_gives_a_warning(no_ocr: None) -> None:
    result = read_bytes(minimal_pdf(["Page one", None, "Page three", None]), filename="a.pdf")
    assert result.text == "Page one\n\nPage three\n"
    assert result.ocr_pages == ()
    assert result.warnings == (
        "Các trang 2, 4 không có lớp chữ (có thể là ảnh quét) và máy chủ chưa cài OCR "
        "(Tesseract tiếng Việt), nên bị bỏ qua.",
    )


def test_undecodable_glyph_codes_count_as_no_text() -> None:
    page = pdf._classify(1, "(cid:12)(cid:40)(cid:7) (cid:99)")
    assert page.needs_ocr and page.undecodable_font and page.text.strip() == ""
    assert not pdf._classify(2, "Văn bản (cid:3) bình thường").needs_ocr


@pytest.mark.parametrize(
    "numbers,phrase", [([3], "Trang 3"), ([1, 2, 3, 5], "Các trang 1–3, 5"), ([2, 4], "Các trang 2, 4")]
)
def test_page_lists_in_vietnamese(numbers: list[int], phrase: str) -> None:
    assert pdf._pages_vi(numbers) == phrase


def test_oversized_pages_render_below_300_dpi() -> None:
    assert pdf._dpi(595, 842) == 300  # A4
    huge = pdf._dpi(14400, 14400)  # 200 x 200 inches
    assert huge < 300 and (200 * huge) ** 2 <= pdf.MAX_OCR_PIXELS


def test_ocr_unavailable_when_disabled(no_ocr: None) -> None:
    assert ocr.available() is False


@pytest.mark.slow
@needs_ocr
def test_scanned_page_is_read_by_ocr() -> None:
    result = read_bytes(_scanned_page_pdf(), filename="scan.pdf")
    assert result.ocr_pages == (1,)
    words = result.text.split()
    for expected in ("hoạch", "triển", "Quảng", "2026", "trưởng"):
        assert expected in words
    assert result.warnings == ("Trang 1 được đọc bằng OCR (nhận dạng chữ từ ảnh); hãy kiểm tra lại nội dung.",)


def test_pages_read_with_a_low_ocr_confidence_are_named_in_a_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    """The per-page confidence (Tesseract's mean word confidence) is kept, and a page below
    LOW_OCR_CONFIDENCE gets its own warning naming the worst one."""
    monkeypatch.setattr(ocr, "available", lambda: True)
    monkeypatch.setattr(ocr, "ocr_pages", lambda images: [ocr.OcrPage(f"trang {i}", conf)
                                                          for i, conf in zip(range(3), (91.0, 62.4, 70.0), strict=False)])
    result = read_bytes(minimal_pdf([None, None, None]), filename="scan.pdf")
    assert result.ocr_pages == (1, 2, 3) and result.ocr_confidence == (91.0, 62.4, 70.0)
    assert result.warnings[1] == ("Các trang 2–3 đọc bằng OCR với độ tin cậy thấp (thấp nhất 62/100): "
                                  "hãy đối chiếu các số liệu với bản gốc.")


@pytest.mark.slow
@needs_ocr
def test_only_pages_without_text_are_ocrd() -> None:
    data = _concat(minimal_pdf(["Text layer page"]), _scanned_page_pdf())
    result = read_bytes(data, filename="mixed.pdf")
    assert result.ocr_pages == (2,)
    assert result.text.startswith("Text layer page\n")
    assert "Quảng" in result.text


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_vietnamese_text_layer_from_libreoffice(tmp_path: Path) -> None:
    source = tmp_path / "ke-hoach.txt"
    source.write_text("Kế hoạch phát triển kinh tế - xã hội\nTỉnh Quảng Trị: tăng trưởng 8%\n", encoding="utf-8")
    command = ["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
               "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)]
    try:
        subprocess.run(command, capture_output=True, timeout=120, check=True)
    except (OSError, subprocess.SubprocessError) as exc:
        pytest.skip(f"LibreOffice conversion failed: {exc}")
    result = read_path(tmp_path / "ke-hoach.pdf")
    assert result.ocr_pages == ()
    assert unicodedata.is_normalized("NFC", result.text)
    assert "Kế hoạch phát triển kinh tế - xã hội" in result.text
    assert "Tỉnh Quảng Trị: tăng trưởng 8%" in result.text
