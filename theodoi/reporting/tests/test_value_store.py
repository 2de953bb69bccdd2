"""The autosave's plain SQL reads and writes what the ORM would, on SQLite and PostgreSQL alike,
and a save given a form id refuses (and rolls back) exactly as one given the form."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from theodoi.reporting import value_store
from theodoi.reporting.models import AuditEntry, FormStatus, ReportForm, ReportValue, ValueVersion
from theodoi.reporting.services import FormNotEditable, VersionConflict, form_open_or_create, form_save_values

pytestmark = pytest.mark.django_db


def _form(world: Any) -> ReportForm:
    c = world.cast
    return form_open_or_create(user=c.health_reporter, regime=world.regime, unit=c.health, period_key=world.period.key)


def test_rows_read_by_sql_equal_the_orm_values(world: Any) -> None:
    form = _form(world)
    ReportValue.objects.filter(form=form, target=world.insured).update(
        value=Decimal("95.1234"), estimate=Decimal("-0.5"), comment="Ước tính “quý IV”",
        issues=[{"code": "outlier", "severity": "warning", "message": "Giá trị bất thường"}],
    )
    world.insured.indicator.allows_over_100 = True
    world.insured.indicator.save()
    rows = value_store.value_rows(form.pk, [world.insured.pk, world.beds.pk, 999_999])
    assert set(rows) == {world.insured.pk, world.beds.pk}
    for tid, row in rows.items():
        orm = ReportValue.objects.select_related("target__indicator").get(form=form, target_id=tid)
        assert (row.pk, row.value, row.estimate, row.comment, row.issues) == (
            orm.pk, orm.value, orm.estimate, orm.comment, orm.issues)
        assert (row.target_unit, row.indicator_unit, row.allows_over_100) == (
            orm.target.unit, orm.target.indicator.unit, orm.target.indicator.allows_over_100)
    assert isinstance(rows[world.insured.pk].value, Decimal) and rows[world.insured.pk].allows_over_100 is True


def test_claiming_reads_the_form_and_moves_its_version_once(world: Any) -> None:
    form = _form(world)
    claimed = value_store.claim_version(form.pk, form.version, timezone.now())
    assert claimed is not None and claimed.version == form.version + 1
    assert (claimed.unit_id, claimed.regime_id, claimed.period_key, claimed.status) == (
        form.unit_id, form.regime_id, form.period_key, form.status)
    assert claimed.created_at == ReportForm.objects.get(pk=form.pk).created_at
    assert value_store.claim_version(form.pk, form.version, timezone.now()) is None  # stale now
    assert value_store.claim_version(987_654, 1, timezone.now()) is None
    ReportForm.objects.filter(pk=form.pk).update(status=FormStatus.SUBMITTED)
    assert value_store.claim_version(form.pk, claimed.version, timezone.now()) is None


def test_versions_and_audit_written_by_sql_read_back_through_the_orm(world: Any) -> None:
    c, form = world.cast, _form(world)
    result = form_save_values(user=c.health_reporter, form=form.pk, expected_version=form.version,
                              values=[{"target": world.beds.pk, "value": "3.500,5", "comment": "Số liệu “tạm tính”"}])
    value = ReportValue.objects.get(form=form, target=world.beds)
    assert value.value == Decimal("3500.5") and value.comment == "Số liệu “tạm tính”"
    version = ValueVersion.objects.get(value=value, action="save")
    assert version.user == c.health_reporter and timezone.is_aware(version.at)
    assert version.before == {"value": None, "estimate": None, "comment": ""}
    assert version.after == {"value": "3500.5", "estimate": None, "comment": "Số liệu “tạm tính”"}
    audit = AuditEntry.objects.get(form=form, action="save")
    assert audit.after == {str(world.beds.pk): version.after} and audit.note == f"v{result.version}"
    assert ReportForm.objects.get(pk=form.pk).version == result.version == form.version + 1


def test_a_save_by_id_from_another_unit_is_refused_and_rolled_back(world: Any) -> None:
    c, form = world.cast, _form(world)
    for user, words in ((c.district_reporter, "xem"), (c.leader, "nhập")):
        with pytest.raises(PermissionDenied, match=words):
            form_save_values(user=user, form=form.pk, expected_version=form.version,
                             values=[{"target": world.beds.pk, "value": "1"}])
    assert ReportForm.objects.get(pk=form.pk).version == form.version  # the claimed version was rolled back
    assert not AuditEntry.objects.filter(form=form, action="save").exists()
    assert ReportValue.objects.get(form=form, target=world.beds).value is None


def test_a_save_by_id_explains_a_stale_version_a_closed_form_and_a_missing_one(world: Any) -> None:
    c, form = world.cast, _form(world)
    save: dict[str, Any] = {"user": c.health_reporter, "values": [{"target": world.beds.pk, "value": "2"}]}
    form_save_values(form=form.pk, expected_version=form.version, **save)
    with pytest.raises(VersionConflict, match="Trần Thị Y"):
        form_save_values(form=form.pk, expected_version=form.version, **save)
    ReportForm.objects.filter(pk=form.pk).update(status=FormStatus.SUBMITTED)
    with pytest.raises(FormNotEditable):
        form_save_values(form=form.pk, expected_version=form.version + 1, **save)
    with pytest.raises(ReportForm.DoesNotExist):
        form_save_values(form=987_654, expected_version=1, **save)


def test_the_grid_autosave_of_a_missing_form_is_a_vietnamese_404(world: Any, client_for: Any) -> None:
    r = client_for("health_reporter").post(reverse("reporting:autosave", args=[987_654]),
                                           {"expected_version": 1, "values": []}, content_type="application/json")
    assert r.status_code == 404 and "Không tìm thấy" in r.json()["error"]
