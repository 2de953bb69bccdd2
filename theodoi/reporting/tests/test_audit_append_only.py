"""The audit trail is append-only in the database (SQLite and PostgreSQL alike), its rows are
protected from cascades, and `audit_verify` finds an edited or removed entry by its hash chain."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import IntegrityError, connection, transaction
from django.db.models import ProtectedError

from theodoi import cli
from theodoi.reporting import audit
from theodoi.reporting.models import AuditEntry, ReportForm, ReportValue, ValueVersion
from theodoi.reporting.services import form_open_or_create, form_save_values, form_submit

pytestmark = pytest.mark.django_db
TABLES = {AuditEntry: "reporting_auditentry", ValueVersion: "reporting_valueversion"}


def _submitted(world: Any) -> ReportForm:
    c = world.cast
    form = form_open_or_create(user=c.health_reporter, regime=world.regime, unit=c.health, period_key=world.period.key)
    form_save_values(user=c.health_reporter, form=form.pk, expected_version=form.version,
                     values=[{"target": world.beds.pk, "value": "30,5"}])
    form.refresh_from_db()
    form_save_values(user=c.health_reporter, form=form, expected_version=form.version,
                     values=[{"target": world.beds.pk, "value": "31", "comment": "Đã rà soát"},
                             {"target": world.insured.pk, "value": "90"}])
    form.refresh_from_db()
    form_submit(user=c.health_reporter, form=form)
    return form


@contextmanager
def _triggers_off() -> Iterator[None]:
    """What only the database owner can do: step around the triggers (to forge an edit)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # ALTER TABLE refuses while deferred foreign-key checks of this transaction are pending.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            for table in TABLES.values():
                cursor.execute(f"ALTER TABLE {table} DISABLE TRIGGER {table}_append_only")
        else:
            cursor.execute("INSERT INTO theodoi_audit_maintenance (id, reason) VALUES (1, 'test')")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
                for table in TABLES.values():
                    cursor.execute(f"ALTER TABLE {table} ENABLE TRIGGER {table}_append_only")
                cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            else:
                cursor.execute("DELETE FROM theodoi_audit_maintenance")


def _refused(sql: str, params: list[Any]) -> None:
    with pytest.raises(IntegrityError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, params)


@pytest.mark.parametrize("model", [AuditEntry, ValueVersion])
def test_raw_update_and_delete_are_refused_by_the_database(world, model):
    _submitted(world)
    row = model.objects.order_by("id").first()
    table = TABLES[model]
    _refused(f"UPDATE {table} SET action = %s WHERE id = %s", ["forged", row.pk])
    _refused(f"DELETE FROM {table} WHERE id = %s", [row.pk])
    _refused(f"DELETE FROM {table}", [])
    with pytest.raises(IntegrityError), transaction.atomic():
        model.objects.filter(pk=row.pk).update(action="forged")
    with pytest.raises(IntegrityError), transaction.atomic():
        model.objects.filter(pk=row.pk).delete()
    assert model.objects.get(pk=row.pk).action == row.action


def test_inserting_still_works_and_every_writer_chains(world):
    form = _submitted(world)
    entries = list(AuditEntry.objects.filter(form=form).order_by("id"))
    assert [e.action for e in entries] == ["create", "save", "save", "submit"]
    assert entries[0].prev_hash == "" and all(len(e.hash) == 64 for e in entries)
    assert all(b.prev_hash == a.hash for a, b in zip(entries, entries[1:], strict=False))
    versions = list(ValueVersion.objects.filter(value__target=world.beds, value__form=form).order_by("id"))
    assert [v.action for v in versions] == ["save", "save", "submit"]
    assert all(b.prev_hash == a.hash for a, b in zip(versions, versions[1:], strict=False))
    result = audit.verify()
    assert result.broken is None and result.checked == len(entries) + ValueVersion.objects.count()


def test_deleting_a_form_or_a_user_cannot_erase_the_trail(world):
    form = _submitted(world)
    before = AuditEntry.objects.filter(form=form).count()
    with pytest.raises(ProtectedError), transaction.atomic():
        form.delete()
    with pytest.raises(ProtectedError), transaction.atomic():
        ReportValue.objects.filter(form=form).delete()
    with pytest.raises(ProtectedError), transaction.atomic():
        world.cast.health_reporter.delete()
    assert AuditEntry.objects.filter(form=form).count() == before
    assert AuditEntry.objects.filter(user=world.cast.health_reporter).exists()


def test_the_orm_refuses_to_delete_a_form_with_a_trail(world):
    from django.db.models import ProtectedError

    form = _submitted(world)
    with pytest.raises(ProtectedError):
        form.delete()
    assert AuditEntry.objects.filter(form=form).count() == 4


def test_the_admin_refuses_to_delete_a_form_with_a_trail(world, client):
    form = _submitted(world)
    admin = get_user_model().objects.create_superuser("quantri", "qt@example.vn", "x")
    client.force_login(admin)
    url = f"/admin/reporting/reportform/{form.pk}/delete/"
    assert client.get(url).status_code == 403  # /admin never deletes a form (separation of duties)
    client.post(url, {"post": "yes"})
    assert ReportForm.objects.filter(pk=form.pk).exists()
    assert AuditEntry.objects.filter(form=form).count() == 4


def test_audit_verify_passes_on_an_intact_trail(world, capsys):
    _submitted(world)
    call_command("audit_verify")
    assert "toàn vẹn" in capsys.readouterr().out
    assert cli.main(["audit", "verify"]) == 0


def test_audit_verify_names_the_first_edited_entry(world):
    form = _submitted(world)
    edited = AuditEntry.objects.filter(form=form, action="save").order_by("id")[0]
    with _triggers_off():
        AuditEntry.objects.filter(pk=edited.pk).update(after={"forged": True})
    with pytest.raises(CommandError, match=rf"reporting_auditentry #{edited.pk} \(form {form.pk}\).*edited") as err:
        call_command("audit_verify")
    assert err.value.returncode == 1
    with pytest.raises(SystemExit) as exit_:
        cli.main(["audit", "verify"])
    assert exit_.value.code == 1


def test_audit_verify_finds_an_edited_value_version_and_a_removed_entry(world):
    form = _submitted(world)
    version = ValueVersion.objects.filter(value__form=form, action="save").order_by("-id")[0]
    with _triggers_off():
        ValueVersion.objects.filter(pk=version.pk).update(after={"value": "999", "estimate": None, "comment": ""})
    with pytest.raises(CommandError, match=rf"reporting_valueversion #{version.pk} .*edited"):
        call_command("audit_verify")
    second = AuditEntry.objects.filter(form=form).order_by("id")[1]
    with _triggers_off():
        AuditEntry.objects.filter(pk=second.pk).delete()
    third = AuditEntry.objects.filter(form=form).order_by("id")[1]
    with pytest.raises(CommandError, match=rf"#{third.pk} .*removed"):
        call_command("audit_verify")


def test_audit_verify_reports_disabled_triggers(world):
    _submitted(world)
    off = _triggers_off() if connection.vendor == "postgresql" else _dropped_trigger()
    with off, pytest.raises(CommandError, match="trigger"):
        call_command("audit_verify")


@contextmanager
def _dropped_trigger() -> Iterator[None]:
    """SQLite: drop one trigger inside a savepoint, then roll it back (SQLite's DDL is transactional)."""
    sid = transaction.savepoint()
    with connection.cursor() as cursor:
        cursor.execute("DROP TRIGGER reporting_auditentry_no_update")
    try:
        yield
    finally:
        transaction.savepoint_rollback(sid)


@pytest.mark.django_db(transaction=True)
def test_flush_empties_the_trail_yet_leaves_it_append_only(world):
    _submitted(world)
    call_command("flush", interactive=False, verbosity=0)
    assert not AuditEntry.objects.exists() and not ValueVersion.objects.exists()
    assert audit.missing_triggers() == []
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("SELECT COUNT(*) FROM theodoi_audit_maintenance")
            assert cursor.fetchone()[0] == 0


def test_every_workflow_writer_keeps_the_chains_whole(world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from theodoi.reporting.services import (
        form_accept,
        form_approve,
        form_return,
        value_comment_add,
        value_evidence_attach,
    )

    c = world.cast
    form = _submitted(world)
    form_return(user=c.health_head, form=form, reason="Bổ sung giải trình")
    form.refresh_from_db()
    value = ReportValue.objects.get(form=form, target=world.beds)
    value_comment_add(user=c.health_reporter, value=value, text="Đã bổ sung")
    value_evidence_attach(user=c.health_reporter, value=value,
                          file=SimpleUploadedFile("minh-chung.pdf", b"%PDF-1.4 test", content_type="application/pdf"))
    form.refresh_from_db()
    form_save_values(user=c.health_reporter, form=form.pk, expected_version=form.version,
                     values=[{"target": world.beds.pk, "value": "32"}])
    form.refresh_from_db()
    form_submit(user=c.health_reporter, form=form)
    form_approve(user=c.health_head, form=form)
    form_accept(user=c.planner, form=form)
    actions = list(AuditEntry.objects.filter(form=form).order_by("id").values_list("action", flat=True))
    assert {"return", "comment", "evidence", "approve", "accept"} <= set(actions)
    result = audit.verify()
    assert result.broken is None, result.broken
    assert result.checked == AuditEntry.objects.count() + ValueVersion.objects.count()
