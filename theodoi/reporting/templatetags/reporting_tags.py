"""Template helpers for reporting pages."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


def person_name(user: Any) -> str:
    """Vietnamese order, family name first: "Trần Thị Y" (Django's get_full_name puts the given name first)."""
    if user is None:
        return "Hệ thống"
    full = f"{user.last_name} {user.first_name}".strip()
    return full or user.username


register.filter("person", person_name)
