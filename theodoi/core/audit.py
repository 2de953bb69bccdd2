"""``record``: the one audit call for every write that is not a report form value.

A service calls it inside its transaction, after the change, so the event and the change commit
or roll back together. ``before``/``after`` are small dicts of the fields the write touched
(``snapshot`` builds them); dates and decimals are stored as JSON text.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models

from theodoi.core.models import AuditEvent


def _plain(value: Any) -> Any:
    """JSON-ready data (what the row will hold), so the returned event reads like a reloaded one."""
    if value is None:
        return None
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False))


def _actor_name(actor: Any) -> str:
    """The name in Vietnamese order (family names first), as accounts.names.person_name writes it;
    kept at the time of the event, so the trail still reads after the account is gone."""
    if actor is None:
        return ""
    first = str(getattr(actor, "first_name", "") or "").strip()
    last = str(getattr(actor, "last_name", "") or "").strip()
    return (f"{last} {first}".strip() or str(getattr(actor, "username", "")))[:200]


def snapshot(instance: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    """The named fields of ``instance`` (foreign keys as their id) as a plain dict."""
    out: dict[str, Any] = {}
    for name in fields:
        field = instance._meta.get_field(name)
        attname = getattr(field, "attname", name)
        out[name] = getattr(instance, attname)
    return _plain(out)  # type: ignore[no-any-return]


def record(
    *, actor: Any, action: str, subject: models.Model, before: Any, after: Any, note: str = ""
) -> AuditEvent:
    """Append one event: ``actor`` (a user; anonymous or None for the system) did ``action``
    (``<entity>.<verb>``, e.g. ``plan.publish``) to ``subject``, changing ``before`` → ``after``."""
    if subject.pk is None:
        raise ValueError("audit subject must be saved first")
    person = actor if getattr(actor, "is_authenticated", False) else None
    return AuditEvent.objects.create(
        actor=person,
        actor_name=_actor_name(person),
        action=action,
        subject_type=ContentType.objects.get_for_model(subject, for_concrete_model=False),
        subject_id=str(subject.pk),
        subject_label=str(subject)[:300],
        before=_plain(before),
        after=_plain(after),
        note=note,
    )


def trail(subject: models.Model) -> models.QuerySet[AuditEvent]:
    """Every event about ``subject``, oldest first."""
    return AuditEvent.objects.filter(
        subject_type=ContentType.objects.get_for_model(subject, for_concrete_model=False),
        subject_id=str(subject.pk),
    ).select_related("actor")
