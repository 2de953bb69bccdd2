"""DOCX -> PDF through LibreOffice headless.

Each conversion gets its own LibreOffice profile directory: two conversions
sharing a profile block each other, and a worker's profile may be read-only.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path

from theodoi.exports.errors import ReportRenderError

TIMEOUT_S = 120
SOFFICE_NAMES = ("soffice", "libreoffice")


def find_soffice() -> str | None:
    """Path of the LibreOffice binary, or None when it is not installed."""
    for name in SOFFICE_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def docx_to_pdf(docx_bytes: bytes, *, timeout_s: int = TIMEOUT_S) -> bytes:
    """Convert a .docx (bytes) to PDF (bytes); ReportRenderError when that is impossible."""
    soffice = find_soffice()
    if soffice is None:
        raise ReportRenderError(
            "Không tìm thấy LibreOffice (soffice) trên máy chủ nên không xuất được PDF; "
            "hãy cài gói libreoffice hoặc tải báo cáo dạng DOCX."
        )
    with tempfile.TemporaryDirectory(prefix="theodoi-pdf-") as tmp:
        work = Path(tmp)
        source = work / "bao_cao.docx"
        source.write_bytes(docx_bytes)
        profile = Path(tempfile.gettempdir()) / f"theodoi-lo-{uuid.uuid4().hex}"
        command = [
            soffice,
            "--headless",
            "--norestore",
            f"-env:UserInstallation={profile.as_uri()}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work),
            str(source),
        ]
        try:
            result = subprocess.run(command, capture_output=True, timeout=timeout_s, check=False)
        except subprocess.TimeoutExpired as exc:
            raise ReportRenderError(
                f"LibreOffice không chuyển xong báo cáo sang PDF trong {timeout_s} giây."
            ) from exc
        finally:
            shutil.rmtree(profile, ignore_errors=True)
        target = work / "bao_cao.pdf"
        if result.returncode != 0 or not target.is_file():
            detail = (result.stderr or result.stdout).decode("utf-8", "replace").strip()[-500:]
            raise ReportRenderError(
                f"LibreOffice không chuyển được báo cáo sang PDF (mã lỗi {result.returncode}). {detail}".strip()
            )
        return target.read_bytes()
