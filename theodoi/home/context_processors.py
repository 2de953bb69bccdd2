"""Template context shared by every page."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def site(request: HttpRequest) -> dict[str, object]:
    from theodoi.accounts.permissions import roles_of

    return {
        "SITE_NAME": settings.SITE_NAME,
        "PROVINCE_NAME": settings.PROVINCE_NAME,
        "user_roles": roles_of(request.user) if hasattr(request, "user") else set(),
    }
