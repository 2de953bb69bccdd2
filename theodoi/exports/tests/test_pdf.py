"""PDF through LibreOffice; page 1 carries the header and no page number."""

import shutil
import subprocess

import pytest

from theodoi.exports import pdf
from theodoi.exports.errors import ReportRenderError


def test_missing_libreoffice_is_a_clear_error(monkeypatch):
    monkeypatch.setattr(pdf, "find_soffice", lambda: None)
    with pytest.raises(ReportRenderError, match="Không tìm thấy LibreOffice"):
        pdf.docx_to_pdf(b"x")


def test_a_failing_conversion_is_a_clear_error(monkeypatch, tmp_path):
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\necho hỏng >&2\nexit 3\n")
    fake.chmod(0o755)
    monkeypatch.setattr(pdf, "find_soffice", lambda: str(fake))
    with pytest.raises(ReportRenderError, match="mã lỗi 3"):
        pdf.docx_to_pdf(b"x")


def test_a_hanging_conversion_times_out(monkeypatch, tmp_path):
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\nexec sleep 5\n")
    fake.chmod(0o755)
    monkeypatch.setattr(pdf, "find_soffice", lambda: str(fake))
    with pytest.raises(ReportRenderError, match="1 giây"):
        pdf.docx_to_pdf(b"x", timeout_s=1)


def _pdftotext(path, page: int) -> str:
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    out = subprocess.run(
        ["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout


@pytest.mark.slow
def test_pdf_page_one_has_the_header_and_page_two_is_numbered(docx_bytes, tmp_path):
    if pdf.find_soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    path = tmp_path / "bao_cao.pdf"
    path.write_bytes(pdf.docx_to_pdf(docx_bytes))
    assert path.read_bytes().startswith(b"%PDF")

    if shutil.which("pdftoppm"):
        subprocess.run(
            ["pdftoppm", "-r", "60", "-f", "1", "-l", "1", "-png", str(path), str(tmp_path / "p")], check=True
        )
        pngs = list(tmp_path.glob("p*.png"))
        assert len(pngs) == 1 and pngs[0].read_bytes().startswith(b"\x89PNG")

    first = [line.strip() for line in _pdftotext(path, 1).splitlines() if line.strip()]
    assert "ỦY BAN NHÂN DÂN" in first[0] and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in first[0]
    assert "Độc lập - Tự do - Hạnh phúc" in first[1]
    assert any("Số:" in line and "/BC-UBND" in line for line in first[:4])
    assert any("Kon Tum, ngày 05 tháng 01 năm 2021" in line for line in first[:4])
    assert not first[0].isdigit()

    second = [line.strip() for line in _pdftotext(path, 2).splitlines() if line.strip()]
    assert second[0] == "2"
