"""Helpers every reporting service shares: the acting user, the form's audit trail, number parsing,
and the cached history of a unit's earlier values that the outlier checks read."""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from django.core.cache import cache
from django.db import transaction

from theodoi.core.vnnumber import VnNumberError, parse_vn_number
from theodoi.reporting import audit
from theodoi.reporting.models import (
    EDITABLE_STATUSES,
    ReportForm,
    ReportValue,
)
from theodoi.reporting.periods import parse_period_key


def _actor(user: Any) -> Any:
    return user if getattr(user, "is_authenticated", False) else None


def _name(user: Any) -> str:
    from theodoi.accounts.names import person_name

    return person_name(user)


def _actor_id(user: Any) -> int | None:
    actor = _actor(user)
    return actor.pk if actor is not None else None


def _audit(form: ReportForm, user: Any, action: str, before: Any = None, after: Any = None, note: str = "") -> None:
    """Append to the form's hash-chained audit trail (``audit.record_audit`` takes the form's lock)."""
    with transaction.atomic():
        audit.record_audit(form_id=form.pk, user_id=_actor_id(user), action=action, before=before, after=after,
                           note=note)


def _stamp_values(form: ReportForm, user: Any, action: str) -> None:
    """A workflow step appears in every value's history, so one value's page tells the whole story."""
    audit.record_versions(
        form.pk,
        [audit.NewVersion(v.pk, action, {"status": form.status}, None) for v in form.values.only("pk")],
        user_id=_actor_id(user),
    )


def _reads_all(user: Any) -> bool:
    from theodoi.accounts.permissions import can_read_all

    return can_read_all(user)


def _parse_number(raw: Any) -> Decimal | None | VnNumberError:
    if raw is None:
        return None
    if isinstance(raw, Decimal):
        return raw
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        return Decimal(str(raw))
    text = str(raw).strip()
    if not text:
        return None
    try:
        return parse_vn_number(text)
    except VnNumberError as exc:
        return exc


HISTORY_CACHE_SECONDS = 300


def _history_generation_key(form: ReportForm) -> str:
    return f"reporting:history-gen:{form.regime_id}:{form.unit_id}"


def _history_changed(form: ReportForm) -> None:
    """A form of the unit changed status: cached histories of its other forms are out of date."""
    cache.set(_history_generation_key(form), time.time_ns(), None)


def _history(form: ReportForm, target_ids: Iterable[int]) -> dict[int, list[Decimal]]:
    """The unit's earlier values for the same targets and period kind, oldest first (last 12).

    Read on every autosave for the outlier checks, but it changes only when an earlier form of the
    unit changes status, so it is cached per form and generation (and at most five minutes: a
    per-process cache without Redis does not see other processes' generations)."""
    wanted = sorted(set(target_ids))
    if not wanted:
        return {}
    generation = cache.get(_history_generation_key(form), 0)
    # created_at too: test databases reuse primary keys, a shared cache must not mix two forms up
    key = f"reporting:history:{form.pk}:{form.created_at.timestamp() if form.created_at else 0}:{generation}"
    hit: tuple[frozenset[int], dict[int, list[Decimal]]] | None = cache.get(key)
    covered, data = hit if hit is not None else (frozenset[int](), {})
    if not set(wanted) <= covered:
        covered = frozenset(covered | set(wanted))
        data = _history_query(form, sorted(covered))
        cache.set(key, (covered, data), HISTORY_CACHE_SECONDS)
    return {t: data.get(t, []) for t in wanted}


def _history_query(form: ReportForm, target_ids: list[int]) -> dict[int, list[Decimal]]:
    kind = form.period.kind
    rows = (
        ReportValue.objects.filter(
            form__unit_id=form.unit_id, form__regime_id=form.regime_id, target_id__in=target_ids,
            form__period_key__lt=form.period_key, value__isnull=False,
        )
        .exclude(form__status__in=EDITABLE_STATUSES)
        .order_by("form__period_key")
        .values_list("target_id", "form__period_key", "value")
    )
    out: dict[int, list[Decimal]] = {}
    for target_id, key, value in rows:
        if value is not None and parse_period_key(key).kind is kind:
            out.setdefault(target_id, []).append(value)
    return {k: v[-12:] for k, v in out.items()}


def _issues_json(issues: Sequence[Any]) -> list[dict[str, str]]:
    return [{"code": i.code, "severity": i.severity, "message": i.message_vi} for i in issues]


_NO_READ = "Bạn không có quyền xem báo cáo của đơn vị này."
_NO_REPORT = "Bạn không có quyền nhập số liệu cho đơn vị này."
