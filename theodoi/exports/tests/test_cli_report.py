"""`theodoi report`: one file per call, its path printed; Vietnamese errors and exit 2 on bad input."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from docx import Document
from openpyxl import load_workbook

from theodoi.exports.docx_report import ANNEX_HEADINGS
from theodoi.exports.models import IssuedReport
from theodoi.exports.pdf import find_soffice
from theodoi.exports.testing import TARGETS

# Fixtures shared by the report tests (exports/tests/conftest.py belongs to the renderer's tests).

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("report", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue().strip()


def test_docx_for_the_province(rworld, tmp_path):
    path = run("--period", "2021-06", "--scope", "province", "--format", "docx", "--output", str(tmp_path) + "/")
    assert path == str(tmp_path / "bao-cao-province-2021-06.docx")
    doc = Document(path)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in "\n".join(c.text for t in doc.tables for r in t.rows for c in r.cells)
    annex = next(t for t in doc.tables if [c.text for c in t.rows[0].cells] == ANNEX_HEADINGS)
    assert len(annex.rows) - 1 == len(TARGETS)
    assert not IssuedReport.objects.exists()


def test_xlsx_for_an_agency_to_a_named_file(rworld, tmp_path):
    target = tmp_path / "phu-luc.xlsx"
    path = run("--period", "2021-H1", "--scope", "agency", "--key", "so-yte", "--format", "xlsx", "--output", str(target))
    assert path == str(target)
    sheet = load_workbook(target).worksheets[0]
    assert sheet.max_row - 1 == len(rworld.health_targets)


@pytest.mark.slow
@pytest.mark.skipif(find_soffice() is None, reason="LibreOffice (soffice) is not installed")
def test_pdf_for_a_district(rworld, tmp_path):
    path = run("--period", "2021-06", "--scope", "district", "--key", "huyen-dak-ha", "--format", "pdf",
               "--output", str(tmp_path))
    assert path.endswith("bao-cao-district-huyen-dak-ha-2021-06.pdf")
    with open(path, "rb") as handle:
        assert handle.read(5) == b"%PDF-"


def test_save_stores_a_draft_in_the_register(rworld, tmp_path):
    run("--period", "2021-06", "--format", "docx", "--output", str(tmp_path), "--save", "planner")
    assert IssuedReport.objects.get().created_by == rworld.cast.planner


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--period", "2021-13"), "Kỳ báo cáo «2021-13» không hợp lệ"),
        (("--period", "2021-06", "--scope", "tinh"), "Phạm vi «tinh» không hợp lệ"),
        (("--period", "2021-06", "--scope", "agency", "--key", "khong-co"), "Không tìm thấy sở, ngành"),
        (("--period", "2021-06", "--format", "odt"), "Định dạng «odt» không hỗ trợ"),
        (("--period", "2021-06", "--save", "leader"), "Chỉ chuyên viên kế hoạch"),
    ],
)
def test_bad_input_is_a_vietnamese_error_with_exit_code_2(rworld, tmp_path, args, message):
    with pytest.raises(CommandError, match=message) as caught:
        run(*args, "--output", str(tmp_path))
    assert caught.value.returncode == 2
    assert not list(tmp_path.iterdir())


def test_the_theodoi_command_exits_with_2_on_a_bad_period(tmp_path):
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "theodoi.cli", "report", "--period", "2021-H2", "--format", "docx"],
        capture_output=True, text=True, env={"THEODOI_VAR_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"},
        check=False, timeout=120,
    )
    assert result.returncode == 2
    assert "Kỳ báo cáo «2021-H2» không hợp lệ" in result.stderr
