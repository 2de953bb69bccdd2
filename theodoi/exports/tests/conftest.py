from __future__ import annotations

import io

import pytest
from docx import Document

from theodoi.exports.data import ReportData
from theodoi.exports.docx_report import render_docx
from theodoi.exports.samples import sample_report


@pytest.fixture(scope="session")
def report() -> ReportData:
    return sample_report(16)


@pytest.fixture(scope="session")
def docx_bytes(report: ReportData) -> bytes:
    return render_docx(report)


@pytest.fixture(scope="session")
def document(docx_bytes: bytes):
    return Document(io.BytesIO(docx_bytes))
