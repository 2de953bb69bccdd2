"""Reads of the register: which reports a user may see.

Planners, admins and leaders read every report (drafts too); an agency's or a district's staff
read the reports whose scope is their own unit; anonymous visitors read none. A report the
caller may not read answers 404, so its existence is not revealed.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from theodoi.accounts.models import OrgUnit, Role
from theodoi.accounts.permissions import can_read_all, is_planner, unit_ids_with_role
from theodoi.exports.models import IssuedReport, ReportScope

UNIT_SCOPES = (ReportScope.AGENCY, ReportScope.DISTRICT)


def reports_visible_to(user: Any) -> QuerySet[IssuedReport]:
    qs = IssuedReport.objects.select_related("created_by", "issued_by")
    if not getattr(user, "is_authenticated", False):
        return qs.none()
    if can_read_all(user):
        return qs
    ids = unit_ids_with_role(user, Role.REPORTER, Role.APPROVER)
    codes = list(OrgUnit.objects.filter(pk__in=ids).values_list("code", flat=True))
    return qs.filter(scope__in=UNIT_SCOPES, scope_key__in=codes)


def report_get(user: Any, pk: int) -> IssuedReport:
    """The report if the user may read it; Http404 otherwise."""
    report = reports_visible_to(user).filter(pk=pk).first()
    if report is None:
        raise Http404("report not found")
    return report


def can_edit(user: Any, report: IssuedReport) -> bool:
    return is_planner(user) and not report.is_issued


def report_list(user: Any, *, status: str = "", period: str = "") -> QuerySet[IssuedReport]:
    qs = reports_visible_to(user)
    if status:
        qs = qs.filter(status=status)
    if period:
        qs = qs.filter(period__istartswith=period.strip())
    return qs
