"""An autosave is cheap: few queries, no evaluation recompute for a draft, no write when nothing changed.

Every change is still audited and versioned, and statuses still follow the values once a form counts.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from theodoi.accounts.testing import bearer_key
from theodoi.reporting.models import AuditEntry, ReportValue, ValueVersion
from theodoi.reporting.services import form_open_or_create, form_save_values, form_submit

pytestmark = pytest.mark.django_db


def _form(world: Any) -> Any:
    c = world.cast
    return form_open_or_create(user=c.health_reporter, regime=world.regime, unit=c.health, period_key=world.period.key)


_TRANSACTION = ("SAVEPOINT", "RELEASE", "BEGIN", "COMMIT")


def _statements(queries: CaptureQueriesContext) -> list[str]:
    return [q["sql"] for q in queries.captured_queries if not q["sql"].startswith(_TRANSACTION)]


def _writes() -> int:
    """The value update, its version and the audit entry: one statement on PostgreSQL
    (value_store.write_together), three where the database has no data-modifying CTEs."""
    return 1 if connection.vendor == "postgresql" else 3


def _api_save(client: Any, form: Any, key: str, target: Any, version: int, text: str) -> Any:
    body = {"expected_version": version, "values": [{"target": target.pk, "value": text}]}
    return client.put(f"/api/reporting/forms/{form.pk}/values", body, content_type="application/json",
                      HTTP_AUTHORIZATION=f"Bearer {key}")


def test_an_api_save_of_one_value_takes_four_statements_and_queues_no_recompute(
    world: Any, client: Any, django_capture_on_commit_callbacks: Any
) -> None:
    form = _form(world)
    key = bearer_key(world.cast.health_reporter)
    with CaptureQueriesContext(connection) as queries, django_capture_on_commit_callbacks() as callbacks:
        r = _api_save(client, form, key, world.beds, form.version, "3.500,5")
    assert r.status_code == 200, r.content
    # token with its user and memberships; in the transaction: version claim (which reads the form),
    # the values with their chain heads, the writes; and the unit's history, once per form
    data = _statements(queries)
    assert len(data) <= 4 + _writes(), "\n".join(data)
    assert not any("evaluation_targetstatus" in sql for sql in data)
    assert callbacks == []  # a draft's values do not count in the evaluation: nothing to recompute
    assert ReportValue.objects.get(form=form, target=world.beds).value == Decimal("3500.5")
    assert ValueVersion.objects.filter(value__form=form, action="save").count() == 1
    assert AuditEntry.objects.filter(form=form, action="save").count() == 1

    with CaptureQueriesContext(connection) as queries:  # the target's history is cached now
        r = _api_save(client, form, key, world.beds, r.json()["version"], "3.600")
    assert r.status_code == 200, r.content
    data = _statements(queries)
    assert len(data) == 3 + _writes(), "\n".join(data)
    assert ValueVersion.objects.filter(value__form=form, action="save").count() == 2
    assert AuditEntry.objects.filter(form=form, action="save").count() == 2


def test_a_web_autosave_reads_the_session_and_the_user_with_roles_and_writes_no_session(
    world: Any, client_for: Any
) -> None:
    form = _form(world)
    client = client_for("health_reporter")
    url = f"/bao-cao-dinh-ky/bieu/{form.pk}/luu/"
    version = form.version
    for n in range(2):  # the second save finds the target's history cached
        body = {"expected_version": version, "values": [{"target": world.beds.pk, "value": f"{n + 30},5"}]}
        with CaptureQueriesContext(connection) as queries:
            r = client.post(url, body, content_type="application/json")
        assert r.status_code == 200, r.content
        version = r.json()["version"]
    # the second save: session, user with memberships, version claim, values, the writes
    data = _statements(queries)
    assert len(data) == 4 + _writes(), "\n".join(data)
    assert not any("accounts_membership" in sql and "auth_user" not in sql for sql in data), "\n".join(data)
    assert not any(sql.startswith(("UPDATE", "INSERT")) and "django_session" in sql for sql in data)
    assert ReportValue.objects.get(form=form, target=world.beds).value == Decimal("31.5")
    assert AuditEntry.objects.filter(form=form, action="save").count() == 2


def test_resending_the_same_value_writes_no_version_but_still_moves_the_form_on(world: Any) -> None:
    c, form = world.cast, _form(world)
    first = form_save_values(user=c.health_reporter, form=form, expected_version=form.version,
                             values=[{"target": world.beds.pk, "value": "30"}])
    stamp = ReportValue.objects.get(form=form, target=world.beds).updated_at
    again = form_save_values(user=c.health_reporter, form=form, expected_version=first.version,
                             values=[{"target": world.beds.pk, "value": "30"}])
    assert again.changed == 0 and again.version == first.version + 1
    assert ValueVersion.objects.filter(value__form=form, action="save").count() == 1
    assert ReportValue.objects.get(form=form, target=world.beds).updated_at == stamp
    assert AuditEntry.objects.filter(form=form, action="save").count() == 2  # every save is audited


def test_several_values_are_all_stored_versioned_and_checked(world: Any) -> None:
    c, form = world.cast, _form(world)
    result = form_save_values(
        user=c.health_reporter, form=form, expected_version=form.version,
        values=[{"target": world.beds.pk, "value": "31,5"}, {"target": world.insured.pk, "value": "120"}],
    )
    assert result.changed == 2
    stored = {v.target_id: v for v in ReportValue.objects.filter(form=form)}
    assert stored[world.beds.pk].value == Decimal("31.5") and stored[world.insured.pk].value == Decimal(120)
    assert stored[world.insured.pk].issues == result.issues[world.insured.pk] != []  # a share over 100 %
    assert ValueVersion.objects.filter(value__form=form, action="save").count() == 2


def test_statuses_follow_the_values_once_the_form_is_submitted(
    world: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from theodoi.evaluation.models import TargetStatus

    c = world.cast
    with django_capture_on_commit_callbacks(execute=True):  # a form of the targets' year, 2021
        form = form_open_or_create(user=c.health_reporter, regime=world.regime, unit=c.health, period_key="2021-06")
    with django_capture_on_commit_callbacks(execute=True):
        saved = form_save_values(
            user=c.health_reporter, form=form, expected_version=form.version,
            values=[{"target": world.beds.pk, "value": "33"}, {"target": world.insured.pk, "value": "96"}],
        )
    form.version = saved.version
    assert not TargetStatus.objects.filter(target=world.beds, value=33).exists()  # a draft does not count
    with django_capture_on_commit_callbacks(execute=True):
        form_submit(user=c.health_reporter, form=form)
    assert TargetStatus.objects.filter(target=world.beds, public=False, value=33).exists()
