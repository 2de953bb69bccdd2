"""Two sessions editing the same form cannot overwrite each other silently."""

from __future__ import annotations

from decimal import Decimal

import pytest

from theodoi.reporting.models import ReportForm
from theodoi.reporting.services import VersionConflict, form_open_or_create, form_save_values

pytestmark = pytest.mark.django_db


def test_the_second_session_gets_a_clear_conflict_and_the_first_value_survives(world):
    c = world.cast
    form = form_open_or_create(user=c.health_reporter, regime=world.regime, unit=c.health, period_key=world.period.key)
    loaded = form.version  # both sessions open the same version
    session_a = ReportForm.objects.get(pk=form.pk)
    session_b = ReportForm.objects.get(pk=form.pk)
    form_save_values(user=c.health_reporter, form=session_a, expected_version=loaded,
                     values=[{"target": world.beds.pk, "value": "30"}])
    with pytest.raises(VersionConflict) as err:
        form_save_values(user=c.planner, form=session_b, expected_version=loaded,
                         values=[{"target": world.beds.pk, "value": "99"}])
    assert "Trần Thị Y" in err.value.message and "tải lại" in err.value.message
    assert form.values.get(target=world.beds).value == Decimal(30)
    assert ReportForm.objects.get(pk=form.pk).version == loaded + 1


def test_the_autosave_endpoint_answers_409_with_the_message(world, client):
    c = world.cast
    form = form_open_or_create(user=c.health_reporter, regime=world.regime, unit=c.health, period_key=world.period.key)
    client.force_login(c.health_reporter)
    url = f"/bao-cao-dinh-ky/bieu/{form.pk}/luu/"
    body = {"expected_version": form.version, "values": [{"target": world.beds.pk, "value": "3.500,5"}]}
    first = client.post(url, body, content_type="application/json")
    assert first.status_code == 200 and first.json()["version"] == form.version + 1
    second = client.post(url, body, content_type="application/json")
    assert second.status_code == 409 and second.json()["conflict"] is True
    assert "phiên bản" in second.json()["error"]
