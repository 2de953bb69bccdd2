"""Files on an S3-compatible bucket (moto's server over HTTP): upload, read back, protected download.

A plan document uploaded through the page lands in the bucket, the reader reads the stored copy
through local_copy and gets the text the upload read; the document's file, a value's evidence and
a report's PDF made from its DOCX all come back from the bucket through the permission-checked
views, and not to those the page refuses.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from theodoi.core import testing_s3
from theodoi.core.files import local_copy
from theodoi.core.testing_s3 import S3Bucket
from theodoi.documents.models import Document
from theodoi.documents.testing import RESOLUTION

pytestmark = pytest.mark.django_db
s3_server = testing_s3.s3_server
s3_storage = testing_s3.s3_storage


def _body(response: Any) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def _docx(text: str) -> bytes:
    from docx import Document as Docx

    doc = Docx()
    for line in text.splitlines():
        doc.add_paragraph(line)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def test_an_uploaded_document_is_stored_read_back_and_downloaded_from_the_bucket(
    s3_storage: S3Bucket, cast: Any, client_for: Any, fake_extractor: None
) -> None:
    from theodoi_extract.readers import read_path

    data = _docx(RESOLUTION)
    planner = client_for("planner")
    response = planner.post(reverse("documents:upload"),
                            {"file": SimpleUploadedFile("nghi-quyet.docx", data), "title": "Nghị quyết"})
    assert response.status_code == 302, response.content[:300]
    document = Document.objects.get()
    assert s3_storage.keys() == [document.file.name]
    assert s3_storage.get(document.file.name) == data
    assert document.status == "review"
    # What a background reader (OCR, pdfplumber) does: a local copy of the stored bytes, then its path.
    with local_copy(document.file) as path:
        assert read_path(path).text == document.text
    served = planner.get(reverse("documents:file", args=[document.pk]))
    assert served.status_code == 200 and _body(served) == data
    refused = client_for("district_reporter").get(reverse("documents:file", args=[document.pk]))
    assert refused.status_code == 404 and data not in _body(refused)


def test_evidence_is_uploaded_to_and_served_from_the_bucket(s3_storage: S3Bucket, cast: Any) -> None:
    from theodoi.reporting.services import form_open_or_create
    from theodoi.reporting.tests.conftest import make_world

    world = make_world(cast)
    form = form_open_or_create(user=cast.health_reporter, regime=world.regime, unit=cast.health,
                               period_key=world.period.key)
    value = form.values.get(target=world.beds)
    reporter = Client()
    reporter.force_login(cast.health_reporter)
    evidence = b"%PDF-1.4 minh chung tren S3"
    posted = reporter.post(reverse("reporting:history", args=[value.pk]),
                           {"evidence": SimpleUploadedFile("minh-chung.pdf", evidence)})
    assert posted.status_code == 302
    value.refresh_from_db()
    assert s3_storage.keys() == [value.evidence.name]
    assert s3_storage.get(value.evidence.name) == evidence
    served = reporter.get(reverse("reporting:evidence", args=[value.pk]))
    assert served.status_code == 200 and _body(served) == evidence
    other = Client()
    other.force_login(cast.district_reporter)
    refused = other.get(reverse("reporting:evidence", args=[value.pk]))
    assert refused.status_code == 403 and evidence not in _body(refused)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_a_reports_pdf_made_from_its_docx_is_stored_in_the_bucket(s3_storage: S3Bucket, cast: Any) -> None:
    from theodoi.exports import services
    from theodoi.exports.models import IssuedReport
    from theodoi.exports.testing import make_report_world

    make_report_world(cast)
    report = services.report_draft_create(user=cast.planner, period="2021-06", scope="agency", scope_key="so-yte")
    pdf = services.report_pdf(report)  # the PDF job's body: DOCX rendered, LibreOffice, stored
    report = IssuedReport.objects.get(pk=report.pk)
    assert pdf.startswith(b"%PDF")
    assert s3_storage.keys() == [report.pdf.name]
    assert s3_storage.get(report.pdf.name) == pdf
    leader = Client()
    leader.force_login(cast.leader)
    served = leader.get(reverse("exports:download", args=[report.pk, "pdf"]))
    assert served.status_code == 200 and _body(served) == pdf
    district = Client()
    district.force_login(cast.district_reporter)
    assert district.get(reverse("exports:download", args=[report.pk, "pdf"])).status_code == 404


def test_the_environment_switches_the_storage_to_the_bucket() -> None:
    """THEODOI_STORAGE=s3 and its variables, read by settings.py in a fresh process."""
    env = {**os.environ, "THEODOI_STORAGE": "s3", "THEODOI_S3_BUCKET": "so-lieu", "DJANGO_SETTINGS_MODULE":
           "theodoi.settings", "THEODOI_S3_ENDPOINT_URL": "http://127.0.0.1:9", "THEODOI_S3_REGION": "ap-southeast-1"}
    code = ("import django; django.setup(); from django.core.files.storage import storages; s = storages['default']; "
            "print(type(s).__name__, s.bucket_name, s.endpoint_url, s.region_name, s.file_overwrite)")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["S3Storage", "so-lieu", "http://127.0.0.1:9", "ap-southeast-1", "False"]
    bad = subprocess.run([sys.executable, "-c", "import django; django.setup()"], capture_output=True, text=True,
                         env={**env, "THEODOI_S3_BUCKET": ""}, timeout=120)
    assert bad.returncode != 0 and "THEODOI_S3_BUCKET must be set" in bad.stderr
