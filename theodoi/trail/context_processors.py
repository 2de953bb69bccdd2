"""``trail_url``: where a dashboard number links to its trail, for the people who may read it.

The status tables are built in Python (evaluation's ``status_rows_html``) and shared with the
public pages; they link a number to ``{trail_url}<target id>/`` only when this is not empty, so
anonymous visitors (and reporters, who read only their own unit's trail) get plain numbers."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.functional import SimpleLazyObject


def _trail_url(request: HttpRequest) -> str:
    from theodoi.accounts.permissions import can_read_all

    if not can_read_all(getattr(request, "user", None)):
        return ""
    return reverse("trail:target", args=[0]).removesuffix("0/")


def trail(request: HttpRequest) -> dict[str, Any]:
    return {"trail_url": SimpleLazyObject(lambda: _trail_url(request))}
