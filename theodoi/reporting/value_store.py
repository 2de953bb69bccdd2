"""The autosave's reads and writes, as plain SQL statements (PostgreSQL and SQLite alike).

A reporter's grid saves after every pause in typing, fifty reporters at once at the deadline, and
with the ORM the statement building cost more CPU than PostgreSQL spent on the statements. The
rules stay in ``services.form_save_values`` (permission, parsing, validation, versions, audit);
this module only moves rows, converting each column through its model field as the ORM would.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from django.db import connection

from theodoi.core import rawsql
from theodoi.plans.models import Indicator, Target
from theodoi.reporting import audit
from theodoi.reporting.models import EDITABLE_STATUSES, AuditEntry, ReportForm, ReportValue, ValueVersion

# What a save needs of its form: the permission check (unit), the outlier history's cache key and
# query (regime, period, created_at) and whether evaluation counts it (status).
_FORM_FIELDS = ("id", "regime_id", "unit_id", "period_key", "status", "version", "created_at")


def claim_version(form_id: int, expected_version: int, now: datetime) -> ReportForm | None:
    """Move an editable form's version on if it is still ``expected_version``; the optimistic lock.

    Returns the form (only the fields a save needs loaded), or None when the form is missing,
    not editable or already at another version: the caller then finds out which, and why.
    The UPDATE holds the form's row until commit, so a second writer of the same form waits here
    and then finds the version moved."""
    statuses = [str(s) for s in EDITABLE_STATUSES]
    marks = ", ".join(["%s"] * len(statuses))
    rows = rawsql.fetch(
        f"UPDATE {rawsql.table(ReportForm)} SET version = version + 1, updated_at = %s"
        f" WHERE id = %s AND version = %s AND status IN ({marks})"
        f" RETURNING {', '.join(_FORM_FIELDS)}",
        [rawsql.db_value(ReportForm, "updated_at", now), form_id, expected_version, *statuses],
    )
    if not rows:
        return None
    values = [read(v) for read, v in zip(rawsql.readers(ReportForm, _FORM_FIELDS), rows[0], strict=True)]
    return ReportForm.from_db(connection.alias, list(_FORM_FIELDS), values)


@dataclass
class ValueRow:
    """A value of a form as the autosave reads it, with what validation needs of its target."""

    pk: int
    target_id: int
    value: Decimal | None
    estimate: Decimal | None
    comment: str
    issues: list[dict[str, str]]
    target_unit: str
    indicator_unit: str
    allows_over_100: bool
    # Hash chain heads (theodoi.reporting.audit): the value's newest version and the form's newest
    # audit entry, read in this statement so the chains cost the autosave no query of its own.
    history_head: str = ""
    audit_head: str = ""


_VALUE_FIELDS = ("id", "target_id", "value", "estimate", "comment", "issues")


def value_rows(form_id: int, target_ids: Sequence[int]) -> dict[int, ValueRow]:
    """The form's values of ``target_ids`` by target id (targets not in the form are left out)."""
    if not target_ids:
        return {}
    marks = ", ".join(["%s"] * len(target_ids))
    vv, ae = rawsql.table(ValueVersion), rawsql.table(AuditEntry)
    rows = rawsql.fetch(
        f"SELECT {rawsql.columns(ReportValue, _VALUE_FIELDS, 'v')}, t.unit, i.unit, i.allows_over_100,"
        f" (SELECT h.hash FROM {vv} h WHERE h.value_id = v.id ORDER BY h.id DESC LIMIT 1),"
        f" (SELECT a.hash FROM {ae} a WHERE a.form_id = v.form_id ORDER BY a.id DESC LIMIT 1)"
        f" FROM {rawsql.table(ReportValue)} v"
        f" JOIN {rawsql.table(Target)} t ON t.id = v.target_id"
        f" JOIN {rawsql.table(Indicator)} i ON i.id = t.indicator_id"
        f" WHERE v.form_id = %s AND v.target_id IN ({marks})",
        [form_id, *target_ids],
    )
    read = [*rawsql.readers(ReportValue, _VALUE_FIELDS), *rawsql.readers(Indicator, ("allows_over_100",))]
    out: dict[int, ValueRow] = {}
    for row in rows:
        pk, target_id, value, estimate, comment, issues, t_unit, i_unit, over, v_head, a_head = row
        out[int(target_id)] = ValueRow(
            pk=int(pk), target_id=int(target_id), value=read[2](value), estimate=read[3](estimate),
            comment=comment or "", issues=read[5](issues) or [], target_unit=t_unit or "",
            indicator_unit=i_unit or "", allows_over_100=bool(read[6](over)),
            history_head=v_head or audit.GENESIS, audit_head=a_head or audit.GENESIS,
        )
    return out


@dataclass(frozen=True)
class Statement:
    """One write of a save, kept until ``write_together`` sends the save's writes at once."""

    sql: str
    params: list[Any]


def write_together(statements: Sequence[Statement | None]) -> None:
    """Run a save's writes (value updates, versions, the audit entry) in one round trip.

    On PostgreSQL each but the last becomes a data-modifying CTE of the last: one statement, one
    plan, one wait for the server, instead of one per write (they touch different rows and none
    reads what another writes, so running them under one snapshot changes nothing). SQLite has no
    data-modifying CTEs: there they run one after the other, in the caller's transaction."""
    todo = [s for s in statements if s is not None]
    if not todo:
        return
    if connection.vendor != "postgresql" or len(todo) == 1:
        for statement in todo:
            rawsql.execute(statement.sql, statement.params)
        return
    heads = ", ".join(f"w{i} AS ({s.sql})" for i, s in enumerate(todo[:-1]))
    rawsql.execute(f"WITH {heads} {todo[-1].sql}", [p for s in todo for p in s.params])


def value_updates(rows: Sequence[ValueRow], now: datetime) -> list[Statement]:
    """Store the figures, comment and checks of changed values (no model signals: see the service)."""
    sql = (
        f"UPDATE {rawsql.table(ReportValue)} SET value = %s, estimate = %s, comment = %s, issues = %s,"
        " updated_at = %s WHERE id = %s"
    )
    stamp = rawsql.db_value(ReportValue, "updated_at", now)
    return [
        Statement(sql, [
            rawsql.db_value(ReportValue, "value", row.value),
            rawsql.db_value(ReportValue, "estimate", row.estimate),
            row.comment,
            rawsql.db_value(ReportValue, "issues", row.issues),
            stamp,
            row.pk,
        ])
        for row in rows
    ]


def version_inserts(entries: Sequence[tuple[int, dict[str, Any], dict[str, Any]]], heads: dict[int, str], *,
                    user_id: int | None, action: str, now: datetime) -> Statement | None:
    """One ValueVersion per ``(value_id, before, after)``, in one multi-row INSERT, each chained
    onto ``heads[value_id]`` (the value's newest version hash)."""
    if not entries:
        return None
    stamp = rawsql.db_value(ValueVersion, "at", now)
    params: list[Any] = []
    for value_id, before, after in entries:
        prev = heads.get(value_id, audit.GENESIS)
        digest = audit.link(prev, audit.version_content(value_id=value_id, user_id=user_id, at=now, action=action,
                                                        before=before, after=after))
        heads[value_id] = digest
        params += [value_id, user_id, stamp, action, _json(ValueVersion, "before", before),
                   _json(ValueVersion, "after", after), prev, digest]
    rows = ", ".join(["(%s, %s, %s, %s, %s, %s, %s, %s)"] * len(entries))
    return Statement(
        f'INSERT INTO {rawsql.table(ValueVersion)} (value_id, user_id, at, action, "before", "after", prev_hash, hash)'
        f" VALUES {rows}",
        params,
    )


def audit_insert(form_id: int, prev_hash: str, *, user_id: int | None, action: str, before: Any, after: Any,
                 note: str, now: datetime) -> Statement:
    """The form's audit entry of this change, chained onto ``prev_hash`` (the form's newest entry)."""
    digest = audit.link(prev_hash, audit.audit_content(form_id=form_id, user_id=user_id, at=now, action=action,
                                                       before=before, after=after, note=note))
    return Statement(
        f'INSERT INTO {rawsql.table(AuditEntry)} (form_id, user_id, at, action, "before", "after", note, prev_hash,'
        " hash) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)",
        [form_id, user_id, rawsql.db_value(AuditEntry, "at", now), action, _json(AuditEntry, "before", before),
         _json(AuditEntry, "after", after), note, prev_hash, digest],
    )


def _json(model: Any, name: str, value: Any) -> Any:
    """A JSON column's value; None stays SQL NULL as the ORM stores it for ``null=True`` fields."""
    return None if value is None else rawsql.db_value(model, name, value)

