"""Reads of people and their roles that run on every API request."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone, translation

from theodoi.accounts.models import AccountPreference, ApiToken, Membership
from theodoi.accounts.permissions import remember_memberships
from theodoi.accounts.tokens import digest, parse_scopes, well_formed
from theodoi.core import rawsql


def user_for_token(key: str) -> Any | None:
    """The active user owning the live API token ``key``, with their memberships, in one statement.

    Every API call of every reporter's autosave starts here, so the token, the user and the roles
    that the permission checks need come back together (one row per membership) instead of in
    three ORM queries; the memberships prime the per-request cache of ``permissions``. A key that
    is not shaped like an issued one never reaches the database; a revoked or expired token, or
    an inactive owner, gives nobody. The token's scopes come back as ``user.token_scopes``."""
    if not well_formed(key):
        return None
    user_model = get_user_model()
    names = [f.attname for f in user_model._meta.concrete_fields]
    sql = (
        f"SELECT {rawsql.columns(user_model, names, 'u')}, t.scopes, m.unit_id, m.role"
        f" FROM {rawsql.table(ApiToken)} t"
        f" JOIN {rawsql.table(user_model)} u ON u.id = t.user_id"
        f" LEFT JOIN {rawsql.table(Membership)} m ON m.user_id = u.id"
        " WHERE t.digest = %s AND t.revoked_at IS NULL AND t.expires_at > %s AND u.is_active"
    )
    now = rawsql.db_value(ApiToken, "expires_at", timezone.now())
    rows = rawsql.fetch(sql, [digest(key), now])
    if not rows:
        return None
    user = _user_from_rows(user_model, names, rows)
    user.token_scopes = parse_scopes(str(rows[0][len(names)]))
    return user


def user_with_memberships(user_id: Any) -> Any | None:
    """The user ``user_id`` (active or not) with their memberships, in one statement.

    What a signed-in page request needs before its permission checks: Django's session backend
    reads the user, then the first check reads the memberships, two ORM statements that cost the
    grid's autosave more CPU than its own writes. None for an unknown id."""
    user_model = get_user_model()
    names = [f.attname for f in user_model._meta.concrete_fields]
    try:
        pk = user_model._meta.pk.to_python(user_id)  # type: ignore[union-attr]
    except ValidationError:
        return None
    sql = (
        f"SELECT {rawsql.columns(user_model, names, 'u')}, m.unit_id, m.role"
        f" FROM {rawsql.table(user_model)} u"
        f" LEFT JOIN {rawsql.table(Membership)} m ON m.user_id = u.id"
        " WHERE u.id = %s"
    )
    rows = rawsql.fetch(sql, [pk])
    return _user_from_rows(user_model, names, rows) if rows else None


def _user_from_rows(user_model: Any, names: list[str], rows: list[tuple[Any, ...]]) -> Any:
    """The user of the first row (its first ``len(names)`` columns), with the ``(unit_id, role)``
    pairs of the last two columns of every row remembered for the permission checks."""
    read = rawsql.readers(user_model, names)
    user: Any = user_model.from_db(connection.alias, names, [r(v) for r, v in zip(read, rows[0], strict=False)])
    remember_memberships(user, [(int(r[-2]), str(r[-1])) for r in rows if r[-2] is not None])
    return user


def language_of(user: Any) -> str:
    """The language a person reads their e-mails and messages in: their saved choice, else the
    site's default (Vietnamese). A code no longer offered falls back to the default too."""
    pk = getattr(user, "pk", None)
    chosen = None if pk is None else AccountPreference.objects.filter(user_id=pk).values_list(
        "language", flat=True).first()
    offered = {code for code, _name in settings.LANGUAGES}
    return chosen if chosen in offered else str(settings.LANGUAGE_CODE)


def speaking_to(user: Any) -> translation.override:
    """``with speaking_to(user):`` renders text (gettext, lazy labels) in that person's language,
    whatever the language of the request or job that writes it."""
    return translation.override(language_of(user))
