"""How a person's name is written: Vietnamese order, family and middle names first."""

from __future__ import annotations

from typing import Any


def person_name(user: Any) -> str:
    """"Trần Thị Y": last_name holds the family and middle names, first_name the given name.

    Django's get_full_name() puts the given name first, which reads wrong in Vietnamese.
    An action with no user (a scheduled job) is the system's.
    """
    if user is None:
        return "Hệ thống"
    first = str(getattr(user, "first_name", "") or "").strip()
    last = str(getattr(user, "last_name", "") or "").strip()
    return f"{last} {first}".strip() or str(getattr(user, "username", ""))


def person_name_on_page(user: Any) -> str:
    """person_name for a page: the system's actions are named in the page's language."""
    from django.utils.translation import gettext

    return gettext("Hệ thống") if user is None else person_name(user)
