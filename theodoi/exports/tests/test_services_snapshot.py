"""The register: drafts store a snapshot, planners edit and issue, renderings come from the snapshot only."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from docx import Document
from openpyxl import load_workbook

from theodoi.exports.data import Section
from theodoi.exports.docx_report import ANNEX_HEADINGS
from theodoi.exports.models import IssuedReportStatus
from theodoi.exports.services import (
    paragraphs_from_text,
    report_data,
    report_draft_create,
    report_issue,
    report_render,
    report_sections_update,
)
from theodoi.exports.testing import TARGETS

# Fixtures shared by the report tests (exports/tests/conftest.py belongs to the renderer's tests).

pytestmark = pytest.mark.django_db


def docx_text(content: bytes) -> str:
    doc = Document(io.BytesIO(content))
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def annex_table(content: bytes):
    doc = Document(io.BytesIO(content))
    return next(t for t in doc.tables if [c.text for c in t.rows[0].cells] == ANNEX_HEADINGS)


@pytest.fixture
def draft(rworld):
    return report_draft_create(user=rworld.cast.planner, period="2021-06", scope="province", scope_key="")


def test_a_draft_stores_the_data_and_the_drafted_body(draft):
    assert draft.status == IssuedReportStatus.DRAFT
    data = report_data(draft)
    assert len(data.targets) == len(TARGETS)
    assert data.sections[0].title == "I. ĐÁNH GIÁ CHUNG"
    assert draft.title == data.header.title_summary


def test_the_docx_shows_the_header_and_one_annex_row_per_target(draft):
    content = report_render(draft, "docx")
    text = docx_text(content)
    assert "ỦY BAN NHÂN DÂN" in text and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "/BC-UBND" in text
    assert "Tình hình thực hiện kế hoạch phát triển kinh tế - xã hội tháng 6 năm 2021" in text
    assert len(annex_table(content).rows) - 1 == len(TARGETS)


def test_the_xlsx_annex_has_one_row_per_target(draft):
    sheet = load_workbook(io.BytesIO(report_render(draft, "xlsx"))).worksheets[0]
    assert sheet.max_row - 1 == len(TARGETS)


def test_rendering_twice_gives_the_same_bytes(draft):
    assert report_render(draft, "docx") == report_render(draft, "docx")
    assert report_render(draft, "xlsx") == report_render(draft, "xlsx")
    assert docx_text(report_render(draft, "docx")) == docx_text(report_render(draft, "docx"))


def test_an_issued_report_does_not_change_when_the_figures_behind_it_change(rworld, draft):
    from theodoi.reporting.models import ReportValue

    issued = report_issue(user=rworld.cast.planner, report=draft, number="86")
    before = report_render(issued, "docx")
    ReportValue.objects.update(value=Decimal("1"), comment="Số liệu đã sửa")
    rworld.targets[0].indicator.name = "Tên chỉ tiêu đã đổi"
    rworld.targets[0].indicator.save()
    issued.refresh_from_db()
    after = report_render(issued, "docx")
    assert docx_text(after) == docx_text(before)
    assert after == before
    fresh = report_render(report_draft_create(user=rworld.cast.planner, period="2021-06", scope="province", scope_key=""), "docx")
    assert "Tên chỉ tiêu đã đổi" in docx_text(fresh) and "Tên chỉ tiêu đã đổi" not in docx_text(after)


def test_issuing_numbers_dates_and_fingerprints_the_report(rworld, draft):
    issued = report_issue(user=rworld.cast.planner, report=draft, number="86")
    assert issued.status == IssuedReportStatus.ISSUED
    assert issued.number == "86/BC-UBND"
    assert len(issued.docx_sha256) == 64
    assert "86/BC-UBND" in docx_text(report_render(issued, "docx"))


def test_an_issued_report_cannot_be_edited_or_issued_again(rworld, draft):
    issued = report_issue(user=rworld.cast.planner, report=draft, number="86")
    with pytest.raises(ValidationError, match="đã ban hành"):
        report_sections_update(user=rworld.cast.planner, report=issued, sections=[Section("X", ["y"])])
    with pytest.raises(ValidationError, match="đã ban hành"):
        report_issue(user=rworld.cast.planner, report=issued, number="87")


def test_a_number_already_used_this_year_is_refused(rworld, draft):
    report_issue(user=rworld.cast.planner, report=draft, number="86")
    other = report_draft_create(user=rworld.cast.planner, period="2021-06", scope="agency", scope_key="so-yte")
    report_issue(user=rworld.cast.planner, report=other, number="86")  # another symbol: 86/BC-SYT
    third = report_draft_create(user=rworld.cast.planner, period="2021-06", scope="province", scope_key="")
    with pytest.raises(ValidationError, match="đã được dùng"):
        report_issue(user=rworld.cast.planner, report=third, number="86/BC-UBND")


@pytest.mark.parametrize("number", ["", "abc", "86 / BC UBND?"])
def test_a_bad_number_is_refused(rworld, draft, number):
    with pytest.raises(ValidationError, match="Số văn bản"):
        report_issue(user=rworld.cast.planner, report=draft, number=number)


def test_the_planners_edits_are_what_the_docx_says(rworld, draft):
    sections = [Section("I. TÌNH HÌNH CHUNG", paragraphs_from_text("Đoạn một\ntiếp tục.\n\n\nĐoạn hai."))]
    report_sections_update(user=rworld.cast.planner, report=draft, sections=sections, header={"signer_name": "Nguyễn Văn An",
                                                                         "recipients": "- Bộ KH&ĐT;\nVăn phòng"})
    draft.refresh_from_db()
    text = docx_text(report_render(draft, "docx"))
    assert "Đoạn một tiếp tục." in text and "Đoạn hai." in text
    assert "ĐÁNH GIÁ CHUNG" not in text
    assert "Nguyễn Văn An" in text
    assert report_data(draft).header.recipients == ["Bộ KH&ĐT", "Văn phòng"]


def test_an_empty_body_is_refused(rworld, draft):
    with pytest.raises(ValidationError, match="ít nhất một phần"):
        report_sections_update(user=rworld.cast.planner, report=draft, sections=[Section("", [])])


@pytest.mark.parametrize("member", ["health_reporter", "district_reporter", "leader"])
def test_only_planners_create_edit_and_issue(rworld, draft, member):
    user = getattr(rworld.cast, member)
    with pytest.raises(PermissionDenied):
        report_draft_create(user=user, period="2021-06", scope="province", scope_key="")
    with pytest.raises(PermissionDenied):
        report_sections_update(user=user, report=draft, sections=[Section("X", ["y"])])
    with pytest.raises(PermissionDenied):
        report_issue(user=user, report=draft, number="86")


def test_paragraphs_are_split_by_blank_lines():
    assert paragraphs_from_text("a\nb\n\n  \nc\r\n\r\nd ") == ["a b", "c", "d"]
    assert paragraphs_from_text("   ") == []


def test_the_register_tells_when_a_new_template_no_longer_reproduces_an_issued_report(rworld, draft, settings, tmp_path):
    from theodoi.exports.docx_report import template_path
    from theodoi.exports.services import report_docx_matches_issue

    issued = report_issue(user=rworld.cast.planner, report=draft, number="86")
    assert report_docx_matches_issue(issued) is True
    changed = Document(str(template_path()))
    changed.add_paragraph("Mẫu mới của tỉnh")
    changed.save(str(tmp_path / "bao_cao.docx"))
    settings.REPORT_TEMPLATE_DIR = str(tmp_path)
    issued.refresh_from_db()
    assert report_docx_matches_issue(issued) is False
    assert report_docx_matches_issue(draft.__class__.objects.get(pk=draft.pk)) is False
