"""The same indicator from the resolution and the programme is one target with both sources."""

from __future__ import annotations

import pytest
from django.urls import reverse

from theodoi.documents.models import Document
from theodoi.documents.testing import PROGRAMME, RESOLUTION
from theodoi.plans.models import Target

from .helpers import upload

pytestmark = pytest.mark.django_db


def _ingest_and_publish(client, text, name, plan=""):  # type: ignore[no-untyped-def]
    upload(client, text, name=name)
    document = Document.objects.get(original_name=name)
    client.post(reverse("documents:confirm_all", args=[document.pk]))
    client.post(reverse("documents:publish", args=[document.pk]), {"plan": plan})
    document.refresh_from_db()
    return document


def test_one_target_keeps_both_sources_and_the_programmes_agency(cast, client_for, fake_extractor) -> None:
    client = client_for("planner")
    resolution = _ingest_and_publish(client, RESOLUTION, "nq.txt")
    programme = _ingest_and_publish(client, PROGRAMME, "ctr.txt", plan=str(resolution.plan_id))
    doctors = Target.objects.get(indicator__name="Tỷ lệ trạm y tế xã có bác sĩ")
    assert {s.document_id for s in doctors.sources.all()} == {resolution.pk, programme.pk}
    assert doctors.responsible_unit == cast.health
    assert Target.objects.filter(indicator__name="Diện tích trồng rừng mới").count() == 1


def test_the_targets_show_on_the_agencys_page(cast, client_for, fake_extractor) -> None:
    client = client_for("planner")
    resolution = _ingest_and_publish(client, RESOLUTION, "nq.txt")
    _ingest_and_publish(client, PROGRAMME, "ctr.txt", plan=str(resolution.plan_id))
    page = client_for("anonymous").get(reverse("plans:unit_detail", args=["so-yte"])).content.decode()
    assert "Tỷ lệ trạm y tế xã có bác sĩ" in page
    assert "nâng cao chất lượng khám chữa bệnh" in page
