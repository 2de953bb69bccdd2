"""Who may see and change what. Every service calls these; views and the API never decide alone.

The cast: a planner (Planning Department) manages plans and sees everything; a reporter
enters figures for their own unit; an approver (agency head) approves their unit's reports;
a leader reads everything; the public (anonymous) reads published data only.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied

from theodoi.accounts.models import Membership, OrgUnit, Role
from theodoi.core.refusals import NotAllowed


class PermissionRefused(NotAllowed, PermissionDenied):
    """A failed permission check: the one refusal type (``NotAllowed``, 403 with its Vietnamese
    message) that is still a Django ``PermissionDenied``, so callers written against Django's
    exception (views, management commands, the admin) keep catching it unchanged."""


def remember_memberships(user: Any, held: list[tuple[int, str]]) -> None:
    """Keep a user's ``(unit_id, role)`` pairs on the user object for the rest of the request.

    The permission checks of one request then read memberships once, whichever check runs first."""
    # setattr, not __dict__: request.user is a lazy proxy, whose own __dict__ is not the user's.
    user._theodoi_memberships = held
    user._theodoi_roles = {role for _, role in held} | ({Role.ADMIN} if user.is_superuser else set())


def memberships_of(user: Any) -> list[tuple[int, str]]:
    """The user's ``(unit_id, role)`` pairs, read once per user object (empty for anonymous)."""
    if not getattr(user, "is_authenticated", False):
        return []
    held: list[tuple[int, str]] | None = getattr(user, "_theodoi_memberships", None)
    if held is None:
        held = [(int(u), str(r)) for u, r in Membership.objects.filter(user=user).values_list("unit_id", "role")]
        remember_memberships(user, held)
    return held


def roles_of(user: Any) -> set[str]:
    """The set of role names a user holds anywhere (empty for anonymous)."""
    if not getattr(user, "is_authenticated", False):
        return set()
    if getattr(user, "_theodoi_roles", None) is None:
        memberships_of(user)  # fills the roles too
    return set(user._theodoi_roles)


def unit_ids_with_role(user: Any, *roles: str) -> set[int]:
    return {unit_id for unit_id, role in memberships_of(user) if role in roles}


def is_planner(user: Any) -> bool:
    return bool(roles_of(user) & {Role.PLANNER, Role.ADMIN})


def can_read_all(user: Any) -> bool:
    """Planners, admins and leaders read drafts and every unit's data."""
    return bool(roles_of(user) & {Role.PLANNER, Role.ADMIN, Role.LEADER})


def _unit_id(unit: OrgUnit | int) -> int:
    return unit if isinstance(unit, int) else unit.pk


def can_see_unit_drafts(user: Any, unit: OrgUnit | int | None) -> bool:
    """Drafts (unpublished targets, unsubmitted reports) are visible to the unit's own staff only."""
    if can_read_all(user):
        return True
    if unit is None:
        return False
    return _unit_id(unit) in unit_ids_with_role(user, Role.REPORTER, Role.APPROVER)


def can_report_for(user: Any, unit: OrgUnit | int) -> bool:
    """The unit's reporter, or a planner; takes a unit id too (the autosave has only the id)."""
    return is_planner(user) or _unit_id(unit) in unit_ids_with_role(user, Role.REPORTER)


def can_approve_for(user: Any, unit: OrgUnit) -> bool:
    return unit.pk in unit_ids_with_role(user, Role.APPROVER) or bool(roles_of(user) & {Role.ADMIN})


def require(allowed: bool, message_vi: str = "Bạn không có quyền thực hiện thao tác này.") -> None:
    """Raise ``PermissionRefused`` (a ``Refused`` and a ``PermissionDenied``) with a Vietnamese
    message when a check fails."""
    if not allowed:
        raise PermissionRefused(message_vi)


def require_planner(user: Any) -> None:
    require(is_planner(user), "Chỉ chuyên viên kế hoạch được thực hiện thao tác này.")
