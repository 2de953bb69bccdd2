"""The audit trail's hash chains: how entries are written and how the trail is verified.

The database refuses UPDATE and DELETE on ``AuditEntry`` and ``ValueVersion`` (triggers, migration
0003), which stops the application, /admin and a careless script. Someone with the database's
owner rights can still drop a trigger and rewrite a row; the chain makes that visible. Each entry
stores the previous entry's ``hash`` (``prev_hash``; empty for the first) and its own ``hash``:
SHA-256 over ``prev_hash`` and the entry's canonical content. A form's audit entries form one
chain, each value's versions another (one per value: the autosave already reads each changed
value's row, so it can read its chain head in the same statement). ``verify`` recomputes every
chain and names the first link that does not hold. Removing the newest entries of a chain leaves
a shorter valid chain: the database triggers, not the chain, guard against that.

Writers must hold the form's row lock (the autosave's version UPDATE, ``lock_form`` otherwise), so
two writers never read the same chain head; on SQLite transactions already take the write lock
at BEGIN (IMMEDIATE).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from django.db.models import Max
from django.utils import timezone

GENESIS = ""


# Values that come back from a JSON column as they went in; only containers need the round trip.
_JSON_SCALARS = (str, int, float, bool)


def _json(value: Any) -> Any:
    """The value as the JSON column gives it back (int keys become text, tuples lists).

    A scalar (an id, an action, a note) is its own JSON image, so only containers take the
    round trip; the canonical text, and so every stored hash, is the same either way."""
    if value is None or type(value) in _JSON_SCALARS:
        return value
    return json.loads(json.dumps(value))


def _when(at: datetime) -> str:
    return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def canonical(kind: str, **fields: Any) -> str:
    """An entry's content as one stable text: sorted keys, UTC microseconds, JSON as stored."""
    content = {key: (_when(v) if isinstance(v, datetime) else _json(v)) for key, v in fields.items()}
    content["kind"] = kind
    return json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def link(prev_hash: str, content: str) -> str:
    """The hash of an entry given the previous entry's hash and its own canonical content."""
    return hashlib.sha256(f"{prev_hash}\n{content}".encode()).hexdigest()


def audit_content(*, form_id: int, user_id: int | None, at: datetime, action: str, before: Any, after: Any,
                  note: str) -> str:
    return canonical("audit", form=form_id, user=user_id, at=at, action=action, before=before, after=after,
                     note=note or "")


def version_content(*, value_id: int, user_id: int | None, at: datetime, action: str, before: Any,
                    after: Any) -> str:
    return canonical("version", value=value_id, user=user_id, at=at, action=action, before=before, after=after)


# -- chain heads -----------------------------------------------------------------------------------
def lock_form(form_id: int) -> None:
    """Take the form's row lock (PostgreSQL) before reading a chain head of the form or its values."""
    from theodoi.reporting.models import ReportForm

    list(ReportForm.objects.select_for_update().filter(pk=form_id).values_list("pk", flat=True))


def audit_head(form_id: int) -> str:
    from theodoi.reporting.models import AuditEntry

    head = AuditEntry.objects.filter(form_id=form_id).order_by("-id").values_list("hash", flat=True).first()
    return head or GENESIS


def version_heads(value_ids: Iterable[int]) -> dict[int, str]:
    """The newest version's hash of each value (GENESIS for a value without versions)."""
    from theodoi.reporting.models import ValueVersion

    ids = list(value_ids)
    newest = ValueVersion.objects.filter(value_id__in=ids).values("value_id").annotate(last=Max("id"))
    found = dict(ValueVersion.objects.filter(id__in=newest.values("last")).values_list("value_id", "hash"))
    return {vid: found.get(vid, GENESIS) for vid in ids}


# -- writing ---------------------------------------------------------------------------------------
def record_audit(*, form_id: int, user_id: int | None, action: str, before: Any = None, after: Any = None,
                 note: str = "", at: datetime | None = None) -> Any:
    """Append one audit entry to the form's chain (the caller is inside a transaction)."""
    from theodoi.reporting.models import AuditEntry

    lock_form(form_id)
    at = at or timezone.now()
    prev = audit_head(form_id)
    digest = link(prev, audit_content(form_id=form_id, user_id=user_id, at=at, action=action, before=before,
                                      after=after, note=note))
    return AuditEntry.objects.create(form_id=form_id, user_id=user_id, at=at, action=action, before=before,
                                     after=after, note=note, prev_hash=prev, hash=digest)


@dataclass
class NewVersion:
    value_id: int
    action: str
    before: Any
    after: Any
    at: datetime | None = None  # None: the call's time (the demo dates its invented history)


def record_versions(form_id: int, entries: Sequence[NewVersion], *, user_id: int | None,
                    at: datetime | None = None) -> list[Any]:
    """Append one version per entry to each value's chain, in one INSERT."""
    from theodoi.reporting.models import ValueVersion

    if not entries:
        return []
    lock_form(form_id)
    at = at or timezone.now()
    heads = version_heads({e.value_id for e in entries})
    rows = []
    for e in entries:
        prev, when = heads[e.value_id], e.at or at
        digest = link(prev, version_content(value_id=e.value_id, user_id=user_id, at=when, action=e.action,
                                            before=e.before, after=e.after))
        heads[e.value_id] = digest
        rows.append(ValueVersion(value_id=e.value_id, user_id=user_id, at=when, action=e.action, before=e.before,
                                 after=e.after, prev_hash=prev, hash=digest))
    return ValueVersion.objects.bulk_create(rows)


# -- verifying -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class BrokenLink:
    table: str
    entry_id: int
    chain: str  # "form 12" / "value 345"
    reason: str

    def __str__(self) -> str:
        return f"{self.table} #{self.entry_id} ({self.chain}): {self.reason}"


@dataclass
class Verification:
    checked: int = 0
    chains: int = 0
    broken: BrokenLink | None = None


def _walk(table: str, chain_label: str, rows: Iterator[tuple[Any, ...]], content_of: Any,
          result: Verification) -> BrokenLink | None:
    """Walk rows ordered by (chain key, id); the first link that does not hold, else None."""
    current: Any = object()
    prev = GENESIS
    for row in rows:
        key, pk, stored_prev, stored_hash = row[0], row[1], row[-2], row[-1]
        if key != current:
            current, prev = key, GENESIS
            result.chains += 1
        result.checked += 1
        label = f"{chain_label} {key}"
        if stored_prev != prev:
            return BrokenLink(table, pk, label, "prev_hash does not match the previous entry "
                                                "(an entry was removed, inserted or its hash changed)")
        expected = link(prev, content_of(row))
        if stored_hash != expected:
            return BrokenLink(table, pk, label, "content does not match its hash (the entry was edited)")
        prev = stored_hash
    return None


def verify() -> Verification:
    """Recompute every chain; ``broken`` is the first link that does not hold (audit entries first)."""
    from theodoi.reporting.models import AuditEntry, ValueVersion

    result = Verification()
    audit_rows = AuditEntry.objects.order_by("form_id", "id").values_list(
        "form_id", "id", "user_id", "at", "action", "before", "after", "note", "prev_hash", "hash")
    result.broken = _walk(
        AuditEntry._meta.db_table, "form", audit_rows.iterator(chunk_size=2000),
        lambda r: audit_content(form_id=r[0], user_id=r[2], at=r[3], action=r[4], before=r[5], after=r[6],
                                note=r[7]),
        result,
    )
    if result.broken is not None:
        return result
    version_rows = ValueVersion.objects.order_by("value_id", "id").values_list(
        "value_id", "id", "user_id", "at", "action", "before", "after", "prev_hash", "hash")
    result.broken = _walk(
        ValueVersion._meta.db_table, "value", version_rows.iterator(chunk_size=2000),
        lambda r: version_content(value_id=r[0], user_id=r[2], at=r[3], action=r[4], before=r[5], after=r[6]),
        result,
    )
    return result


# Names created by migration reporting 0003 (a later migration that rebuilds one of these tables
# on SQLite, as Django's SQLite schema editor does for most column changes, drops its triggers:
# `audit_verify` then says so).
TRIGGERS = {
    "postgresql": ("reporting_auditentry_append_only", "reporting_valueversion_append_only"),
    "sqlite": ("reporting_auditentry_no_update", "reporting_auditentry_no_delete",
               "reporting_valueversion_no_update", "reporting_valueversion_no_delete"),
}


def missing_triggers() -> list[str]:
    """The append-only triggers this database should have and does not."""
    from django.db import connection

    wanted = TRIGGERS.get(connection.vendor, ())
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND tgenabled <> 'D'")
        elif connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        else:
            return list(wanted)
        present = {row[0] for row in cursor.fetchall()}
    return [name for name in wanted if name not in present]
