"""Per-request memo of theodoi.accounts.permissions for the reporting hot path (the autosave).

Same rules as ``can_report_for`` and ``can_see_unit_drafts``; a user's memberships are read once
per request (per user object) instead of once per check, and fill ``roles_of``'s cache too.
"""

from __future__ import annotations

from typing import Any

from theodoi.accounts.models import OrgUnit, Role
from theodoi.accounts.permissions import can_read_all, is_planner, memberships_of


def units_with(user: Any, *roles: str) -> set[int]:
    """Ids of the units where ``user`` holds one of ``roles`` (memberships read once per request)."""
    return {unit_id for unit_id, role in memberships_of(user) if role in roles}


def may_report_for(user: Any, unit: OrgUnit | int) -> bool:
    """``permissions.can_report_for``: the unit's reporter, or a planner."""
    unit_id = unit if isinstance(unit, int) else unit.pk
    return unit_id in units_with(user, Role.REPORTER) or is_planner(user)


def may_read_unit(user: Any, unit_id: int) -> bool:
    """``permissions.can_see_unit_drafts``: the unit's own staff, planners, leaders."""
    return unit_id in units_with(user, Role.REPORTER, Role.APPROVER) or can_read_all(user)
