from __future__ import annotations

import io
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pytest
from docx import Document

from theodoi.exports import testing
from theodoi.exports.data import ReportData
from theodoi.exports.docx_report import render_docx
from theodoi.exports.samples import sample_report

if TYPE_CHECKING:
    from theodoi.exports.models import IssuedReport


@pytest.fixture(scope="session")
def report() -> ReportData:
    return sample_report(16)


@pytest.fixture(scope="session")
def docx_bytes(report: ReportData) -> bytes:
    return render_docx(report)


@pytest.fixture(scope="session")
def document(docx_bytes: bytes):
    return Document(io.BytesIO(docx_bytes))


# The report register's tests share one small world (a plan with June figures) and three reports.
rworld = testing.rworld


@dataclass
class Reports:
    province: IssuedReport  # draft, toàn tỉnh
    health: IssuedReport  # draft, Sở Y tế
    district: IssuedReport  # issued, huyện Đắk Hà


@pytest.fixture
def reports(rworld, monkeypatch) -> Reports:  # type: ignore[no-untyped-def]
    from theodoi.exports.services import report_draft_create, report_issue

    monkeypatch.setattr("theodoi.exports.services.rendering.docx_to_pdf", lambda docx: b"%PDF-1.4 fake")
    planner = rworld.cast.planner
    district = report_draft_create(user=planner, period="2021-06", scope="district", scope_key="huyen-dak-ha")
    return Reports(
        province=report_draft_create(user=planner, period="2021-06", scope="province", scope_key=""),
        health=report_draft_create(user=planner, period="2021-06", scope="agency", scope_key="so-yte"),
        district=report_issue(user=planner, report=district, number="12"),
    )
