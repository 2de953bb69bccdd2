"""Evidence files on a value, and the full-year estimate where the duty asks for it."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from theodoi.reporting.models import ReportingDuty
from theodoi.reporting.services import (
    ReportingError,
    form_open_or_create,
    form_save_values,
    form_submit,
    value_evidence_attach,
)

pytestmark = pytest.mark.django_db


def _form(world):
    c = world.cast
    return form_open_or_create(user=c.health_reporter, regime=world.regime, unit=c.health, period_key=world.period.key)


def test_a_pdf_is_attached_and_versioned_and_an_executable_is_refused(world):
    form = _form(world)
    value = form.values.get(target=world.beds)
    value_evidence_attach(user=world.cast.health_reporter, value=value,
                          file=SimpleUploadedFile("thong-ke.pdf", b"%PDF-1.4 minh chung"))
    assert value.evidence.name.endswith(".pdf")
    assert value.versions.get().action == "evidence"
    with pytest.raises(ReportingError, match="PDF"):
        value_evidence_attach(user=world.cast.health_reporter, value=value, file=SimpleUploadedFile("x.exe", b"MZ"))


def test_a_missing_estimate_blocks_submission_only_where_asked(world):
    c = world.cast
    ReportingDuty.objects.filter(target=world.beds).update(ask_estimate=True)
    form = _form(world)
    form_save_values(user=c.health_reporter, form=form, expected_version=form.version,
                     values=[{"target": world.beds.pk, "value": "30"}, {"target": world.insured.pk, "value": "90"}])
    with pytest.raises(ReportingError, match="ước thực hiện cả năm"):
        form_submit(user=c.health_reporter, form=form)
    form_save_values(user=c.health_reporter, form=form, expected_version=form.version,
                     values=[{"target": world.beds.pk, "estimate": "31,5"}])
    form_submit(user=c.health_reporter, form=form)


def test_the_partner_adds_its_contribution_from_its_form_page(world, client):
    c = world.cast
    form = form_open_or_create(user=c.district_reporter, regime=world.regime, unit=c.district,
                               period_key=world.period.key)
    client.force_login(c.district_reporter)
    assert "Ghi phần phối hợp" in client.get(f"/bao-cao-dinh-ky/bieu/{form.pk}/").content.decode()
    page = client.post(f"/bao-cao-dinh-ky/bieu/{form.pk}/contribute/",
                       {"task": world.task.pk, "text": "Hỗ trợ 2 bác sĩ", "version": form.version}, follow=True)
    assert "Hỗ trợ 2 bác sĩ" in page.content.decode()
