"""Signed-in web requests: the user and their roles in one statement, the session in one plain read.

Every page and every autosave of the reporting grid starts by reading the session, then the user,
then (at the first permission check) the user's memberships: three ORM statements whose building
cost more CPU than the autosave's own writes (docs/performance.md). Here the session is read with
plain SQL and the user comes with the memberships, as the API token check already does
(``selectors.user_for_token``). The checks themselves are Django's: ``auth.get_user`` still verifies
the session's password hash and ``user_can_authenticate`` refuses inactive users.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import auth
from django.contrib.auth import BACKEND_SESSION_KEY
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.middleware import AuthenticationMiddleware
from django.contrib.sessions.backends import db
from django.contrib.sessions.models import Session
from django.http import HttpRequest
from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from theodoi.core import rawsql

BACKEND = "theodoi.accounts.backends.RoleModelBackend"
# The path that sessions signed in before this backend existed carry.
DJANGO_BACKEND = "django.contrib.auth.backends.ModelBackend"


class RoleModelBackend(ModelBackend):
    """Django's ModelBackend (password login, permissions) whose user lookup brings the roles."""

    def get_user(self, user_id: Any) -> Any | None:
        from theodoi.accounts.selectors import user_with_memberships

        user = user_with_memberships(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None


def _session_user(request: HttpRequest) -> Any:
    """``auth.get_user`` for this request, once; a session from before ``RoleModelBackend`` is
    moved onto it (Django accepts a session only under a backend still configured)."""
    if not hasattr(request, "_cached_user"):
        session: Any = request.session  # type: ignore[attr-defined]
        if session.get(BACKEND_SESSION_KEY) == DJANGO_BACKEND:
            session[BACKEND_SESSION_KEY] = BACKEND
        request._cached_user = auth.get_user(request)  # type: ignore[attr-defined]
    return request._cached_user  # type: ignore[attr-defined]


class RoleAuthenticationMiddleware(AuthenticationMiddleware):
    """Django's AuthenticationMiddleware with the session move of ``_session_user``."""

    def process_request(self, request: HttpRequest) -> None:
        super().process_request(request)
        lazy: Callable[[], Any] = lambda: _session_user(request)  # noqa: E731
        request.user = SimpleLazyObject(lazy)  # type: ignore[assignment]


class SessionStore(db.SessionStore):
    """Django's database sessions, read with one plain statement instead of a compiled QuerySet."""

    def _get_session_from_db(self) -> Any:
        if not self.session_key:
            return None
        now = rawsql.db_value(Session, "expire_date", timezone.now())
        rows = rawsql.fetch(
            f"SELECT session_data FROM {rawsql.table(Session)} WHERE session_key = %s AND expire_date > %s",
            [self.session_key, now],
        )
        if not rows:
            self._session_key = None
            return None
        return Session(session_key=self.session_key, session_data=rows[0][0])
