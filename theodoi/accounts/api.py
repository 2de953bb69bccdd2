"""Authentication for the API and the /api/accounts/me endpoint."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.security import HttpBearer

from theodoi.accounts.permissions import roles_of
from theodoi.accounts.selectors import user_for_token

router = Router(tags=["accounts"])


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = user_for_token(token)
        if user is None:
            return None
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
