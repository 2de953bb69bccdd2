"""Authentication for the API and the /api/accounts/me endpoint."""

from __future__ import annotations

import logging
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema
from ninja.errors import HttpError
from ninja.security import HttpBearer

from theodoi.accounts import throttle
from theodoi.accounts.permissions import roles_of
from theodoi.accounts.selectors import user_for_token
from theodoi.accounts.tokens import TokenScope, required_scope

log = logging.getLogger(__name__)

router = Router(tags=["accounts"])


class TokenAuth(HttpBearer):
    """`Authorization: Bearer <key>`: the token's owner, if the token is live and its scopes allow
    the request (a read-only token may read, not write); a token without the scope gets 403."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        ip = throttle.client_ip(request)
        if throttle.is_token_blocked(ip):
            # A guesser's next guess is refused unread, even a right one, until the window ends.
            return None
        user = user_for_token(token)
        if user is None:
            log.info("api token refused: unknown, malformed, expired or revoked (ip %s)", ip)
            throttle.note_failed_token(ip)
            return None
        needed = required_scope(request.method or "GET", request.path)
        if needed not in user.token_scopes:
            log.info("api token of %s lacks scope %s for %s %s", user.username, needed, request.method, request.path)
            raise HttpError(403, _("Mã truy cập này không có phạm vi “%(scope)s” cần cho thao tác.")
                            % {"scope": TokenScope(needed).label})
        request.user = user
        return user


def optional_user(request: HttpRequest) -> Any:
    """The caller for read endpoints open to the public: a token's user, the session's, or anonymous."""
    header = request.headers.get("Authorization", "")
    if header.lower().startswith("bearer "):
        user = TokenAuth().authenticate(request, header.split(" ", 1)[1].strip())
        if user is not None:
            return user
    return request.user


class MeOut(Schema):
    username: str
    full_name: str
    roles: list[str]
    units: list[str]


@router.get("/me", response=MeOut)
def me(request: HttpRequest) -> dict[str, Any]:
    user: Any = request.auth  # type: ignore[attr-defined]
    return {
        "username": user.username,
        "full_name": user.get_full_name(),
        "roles": sorted(roles_of(user)),
        "units": sorted({m.unit.name for m in user.memberships.select_related("unit")}),
    }
