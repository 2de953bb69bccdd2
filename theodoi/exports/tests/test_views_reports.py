"""The report pages at work: new report from the dashboard's link, edit, issue, PDF with progress."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from docx import Document

from theodoi.exports.models import IssuedReport, IssuedReportStatus, PdfStatus
from theodoi.exports.services import report_data, report_draft_create

# Fixtures shared by the report tests (exports/tests/conftest.py belongs to the renderer's tests).

pytestmark = pytest.mark.django_db


@pytest.fixture
def fake_pdf(monkeypatch):
    monkeypatch.setattr("theodoi.exports.services.rendering.docx_to_pdf", lambda docx: b"%PDF-1.4 fake")


def test_the_dashboard_link_prefills_the_new_report_form(rworld, client_for):
    response = client_for("planner").get(reverse("exports:create") + "?period=2021-H1&scope=agency&key=so-yte")
    form = response.context["form"]
    assert form.initial == {"period": "2021-H1", "scope": "agency:so-yte"}
    page = response.content.decode()
    assert '<option value="2021-H1" selected>6 tháng đầu năm 2021</option>' in page
    assert '<option value="agency:so-yte" selected>Sở Y tế</option>' in page


def test_the_form_offers_periods_and_scopes_by_name_not_codes(rworld, client_for):
    page = client_for("planner").get(reverse("exports:create")).content.decode()
    for option in ("Năm 2021", "9 tháng năm 2021", "Quý II/2021", "Tháng 6/2021", "Kinh tế", "Sở Y tế"):
        assert f">{option}</option>" in page, option
    assert 'name="scope_key"' not in page  # no code to type


def test_a_scope_picked_from_the_list_makes_a_district_report(rworld, client_for):
    client_for("planner").post(reverse("exports:create"), {"period": "2021-06", "scope": "district:huyen-dak-ha"})
    report = IssuedReport.objects.get()
    assert (report.scope, report.scope_key) == ("district", "huyen-dak-ha")


def test_a_planner_creates_a_draft_and_lands_on_it(rworld, client_for):
    response = client_for("planner").post(reverse("exports:create"), {"period": "2021-06", "scope": "province"})
    report = IssuedReport.objects.get()
    assert response["Location"] == reverse("exports:detail", args=[report.pk])
    assert report.period == "2021-06" and report.status == IssuedReportStatus.DRAFT


def test_a_bad_period_is_shown_in_vietnamese(rworld, client_for):
    response = client_for("planner").post(reverse("exports:create"), {"period": "2021-13", "scope": "province"})
    assert response.status_code == 200
    assert "Kỳ báo cáo «2021-13» không hợp lệ" in response.content.decode()
    assert not IssuedReport.objects.exists()


def test_the_edit_page_has_a_textarea_per_section_and_saves_paragraphs(rworld, client_for):
    report = report_draft_create(user=rworld.cast.planner, period="2021-06", scope="province", scope_key="")
    client = client_for("planner")
    page = client.get(reverse("exports:edit", args=[report.pk])).content.decode()
    assert page.count("<textarea") >= len(report_data(report).sections)
    body = {"title_summary": "Báo cáo tháng 6", "s0-title": "I. ĐÁNH GIÁ CHUNG", "s0-text": "Một.\n\nHai."}
    client.post(reverse("exports:edit", args=[report.pk]), body)
    report.refresh_from_db()
    data = report_data(report)
    assert data.sections[0].paragraphs == ["Một.", "Hai."]
    assert data.header.title_summary == "Báo cáo tháng 6" and report.title == "Báo cáo tháng 6"


def test_issuing_freezes_the_report(rworld, client_for):
    report = report_draft_create(user=rworld.cast.planner, period="2021-06", scope="province", scope_key="")
    client = client_for("planner")
    client.post(reverse("exports:issue", args=[report.pk]), {"number": "86"})
    report.refresh_from_db()
    assert report.status == IssuedReportStatus.ISSUED and report.number == "86/BC-UBND"
    response = client.get(reverse("exports:edit", args=[report.pk]))
    assert response.status_code == 302
    detail = client.get(reverse("exports:detail", args=[report.pk])).content.decode()
    assert "trùng khớp" in detail


def test_the_docx_download_is_the_report(rworld, client_for):
    report = report_draft_create(user=rworld.cast.planner, period="2021-06", scope="province", scope_key="")
    response = client_for("leader").get(reverse("exports:download", args=[report.pk, "docx"]))
    assert response["Content-Disposition"].endswith('.docx"')
    doc = Document(io.BytesIO(response.content))
    assert any(p.text == "BÁO CÁO" for p in doc.paragraphs)


def test_the_pdf_is_made_in_the_background_with_progress(rworld, client_for, fake_pdf, django_capture_on_commit_callbacks):
    report = report_draft_create(user=rworld.cast.planner, period="2021-06", scope="province", scope_key="")
    client = client_for("leader")
    before = client.get(reverse("exports:pdf_progress", args=[report.pk])).content.decode()
    assert "Tạo PDF" in before
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("exports:pdf_start", args=[report.pk]), HTTP_HX_REQUEST="true")
    report.refresh_from_db()
    assert report.pdf_status == PdfStatus.DONE and report.pdf_progress == 100
    after = client.get(reverse("exports:pdf_progress", args=[report.pk])).content.decode()
    assert "Tải PDF" in after and "every 1s" not in after
    response = client.get(reverse("exports:download", args=[report.pk, "pdf"]))
    assert b"".join(response.streaming_content) == b"%PDF-1.4 fake"  # streamed from the storage


def test_a_running_pdf_job_is_polled(rworld, client_for):
    report = report_draft_create(user=rworld.cast.planner, period="2021-06", scope="province", scope_key="")
    IssuedReport.objects.filter(pk=report.pk).update(pdf_status=PdfStatus.RUNNING, pdf_progress=40)
    page = client_for("planner").get(reverse("exports:pdf_progress", args=[report.pk])).content.decode()
    assert 'hx-trigger="every 1s"' in page and "40%" in page


def test_a_failed_pdf_shows_why(rworld, client_for, monkeypatch, django_capture_on_commit_callbacks):
    from theodoi.exports.errors import ReportRenderError

    def broken(docx: bytes) -> bytes:
        raise ReportRenderError("Không tìm thấy LibreOffice (soffice) trên máy chủ")

    monkeypatch.setattr("theodoi.exports.services.rendering.docx_to_pdf", broken)
    report = report_draft_create(user=rworld.cast.planner, period="2021-06", scope="province", scope_key="")
    with django_capture_on_commit_callbacks(execute=True):
        client_for("planner").post(reverse("exports:pdf_start", args=[report.pk]))
    page = client_for("planner").get(reverse("exports:detail", args=[report.pk])).content.decode()
    assert "Không tìm thấy LibreOffice" in page


def test_an_edited_draft_needs_a_new_pdf(rworld, client_for, fake_pdf, django_capture_on_commit_callbacks):
    report = report_draft_create(user=rworld.cast.planner, period="2021-06", scope="province", scope_key="")
    client = client_for("planner")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("exports:pdf_start", args=[report.pk]))
    client.post(reverse("exports:edit", args=[report.pk]), {"title_summary": "Khác", "s0-title": "I", "s0-text": "x"})
    response = client.get(reverse("exports:download", args=[report.pk, "pdf"]))
    assert response.status_code == 302


def test_the_register_lists_only_what_the_reader_may_see(rworld, client_for):
    report_draft_create(user=rworld.cast.planner, period="2021-06", scope="province", scope_key="")
    report_draft_create(user=rworld.cast.planner, period="2021-06", scope="agency", scope_key="so-yte")
    assert len(client_for("leader").get(reverse("exports:list")).context["reports"]) == 2
    assert [r.scope_key for r in client_for("health_reporter").get(reverse("exports:list")).context["reports"]] == ["so-yte"]
    assert len(client_for("district_reporter").get(reverse("exports:list")).context["reports"]) == 0


def test_a_pdf_job_that_stopped_reporting_can_be_restarted(rworld, client_for, fake_pdf, django_capture_on_commit_callbacks):
    from datetime import timedelta

    from django.utils import timezone

    report = report_draft_create(user=rworld.cast.planner, period="2021-06", scope="province", scope_key="")
    IssuedReport.objects.filter(pk=report.pk).update(
        pdf_status=PdfStatus.RUNNING, pdf_progress=40, updated_at=timezone.now() - timedelta(hours=1)
    )
    with django_capture_on_commit_callbacks(execute=True):
        client_for("planner").post(reverse("exports:pdf_start", args=[report.pk]))
    report.refresh_from_db()
    assert report.pdf_status == PdfStatus.DONE


def test_a_running_pdf_job_is_not_started_twice(rworld, client_for, fake_pdf, django_capture_on_commit_callbacks):
    report = report_draft_create(user=rworld.cast.planner, period="2021-06", scope="province", scope_key="")
    IssuedReport.objects.filter(pk=report.pk).update(pdf_status=PdfStatus.RUNNING, pdf_progress=40)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        client_for("planner").post(reverse("exports:pdf_start", args=[report.pk]))
    assert callbacks == []
    report.refresh_from_db()
    assert report.pdf_status == PdfStatus.RUNNING
