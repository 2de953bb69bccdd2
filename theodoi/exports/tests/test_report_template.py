"""A province can replace the template file without touching code."""

import io
from pathlib import Path

import pytest
from docx import Document

from theodoi.exports.docx_report import PACKAGED_TEMPLATES, render_docx, template_path
from theodoi.exports.errors import ReportRenderError
from theodoi.exports.samples import sample_report


def _custom_template(folder: Path, *, keep_body: bool = True) -> Path:
    doc = Document(str(PACKAGED_TEMPLATES / "bao_cao.docx"))
    doc.add_paragraph("Mẫu riêng của tỉnh - {{ period_label }}")
    if not keep_body:
        for p in doc.paragraphs:
            if "{{ body }}" in p.text:
                p._p.getparent().remove(p._p)
    path = folder / "bao_cao.docx"
    doc.save(str(path))
    return path


def test_packaged_template_is_used_without_a_setting(settings):
    settings.REPORT_TEMPLATE_DIR = None
    assert template_path() == PACKAGED_TEMPLATES / "bao_cao.docx"


def test_template_in_report_template_dir_wins(settings, tmp_path):
    _custom_template(tmp_path)
    settings.REPORT_TEMPLATE_DIR = str(tmp_path)
    assert template_path() == tmp_path / "bao_cao.docx"
    texts = [p.text for p in Document(io.BytesIO(render_docx(sample_report(2)))).paragraphs]
    assert "Mẫu riêng của tỉnh - 6 tháng đầu năm 2021" in texts


def test_a_dir_without_the_file_falls_back_to_the_packaged_one(settings, tmp_path):
    settings.REPORT_TEMPLATE_DIR = str(tmp_path)
    assert template_path() == PACKAGED_TEMPLATES / "bao_cao.docx"


def test_a_template_without_the_body_placeholder_is_refused(tmp_path):
    path = _custom_template(tmp_path, keep_body=False)
    with pytest.raises(ReportRenderError, match="body"):
        render_docx(sample_report(1), template=path)


def test_a_broken_jinja_tag_gives_a_vietnamese_error(tmp_path):
    doc = Document(str(PACKAGED_TEMPLATES / "bao_cao.docx"))
    doc.add_paragraph("{{ chưa đóng")
    path = tmp_path / "hong.docx"
    doc.save(str(path))
    with pytest.raises(ReportRenderError, match="Không dựng được báo cáo"):
        render_docx(sample_report(1), template=path)


def test_packaged_template_is_what_build_templates_writes(tmp_path):
    from theodoi.exports.templates_docx.build_templates import build_bao_cao

    build_bao_cao(tmp_path / "bao_cao.docx")
    fresh = [p.text for p in Document(str(tmp_path / "bao_cao.docx")).paragraphs]
    packaged = [p.text for p in Document(str(PACKAGED_TEMPLATES / "bao_cao.docx")).paragraphs]
    assert fresh == packaged
