"""Reads for reviewers: the forms waiting for a decision, and what changed in a form since it was
last approved (so a form sent back and re-sent is judged on its changes, not read again)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db.models import QuerySet

from theodoi.accounts.models import Role
from theodoi.accounts.permissions import is_planner, unit_ids_with_role
from theodoi.reporting.models import AuditEntry, FormStatus, ReportForm, ReportValue, TaskReport, ValueVersion
from theodoi.reporting.selectors import forms_visible_to

REVIEW_STATUSES = (FormStatus.SUBMITTED, FormStatus.APPROVED)
QUEUE_LIMIT = 200
_FIELDS = ("value", "estimate", "comment")


def review_queue(user: Any, *, status: str = "", period_key: str = "") -> tuple[list[ReportForm], int]:
    """The forms waiting for this person (submitted ones for an agency head, submitted and approved
    ones for the Planning Department), latest period first, at most ``QUEUE_LIMIT``; and how many
    there are in all."""
    statuses = [s for s in REVIEW_STATUSES if not status or s == status]
    qs: QuerySet[ReportForm] = forms_visible_to(user).filter(status__in=statuses)
    if period_key:
        qs = qs.filter(period_key=period_key)
    if not is_planner(user):  # an agency head decides submitted forms of the units they approve for
        qs = qs.filter(status=FormStatus.SUBMITTED, unit_id__in=unit_ids_with_role(user, Role.APPROVER))
    return list(qs.order_by("-period_key", "unit__name", "pk")[:QUEUE_LIMIT]), qs.count()


@dataclass(frozen=True)
class DiffRow:
    """One value of the form: what it was when last approved and what it is now (raw snapshots)."""

    value: ReportValue
    before: dict[str, Any]
    after: dict[str, Any]

    @property
    def changed_fields(self) -> list[str]:
        return [k for k in _FIELDS if self.before.get(k) != self.after.get(k)]

    @property
    def changed(self) -> bool:
        return bool(self.changed_fields)


@dataclass(frozen=True)
class TaskDiffRow:
    """One task of the form: its state and progress note when last approved and now."""

    report: TaskReport
    before: dict[str, Any]
    after: dict[str, Any]

    @property
    def changed_fields(self) -> list[str]:
        return [k for k in ("state", "note") if self.before.get(k) != self.after.get(k)]

    @property
    def changed(self) -> bool:
        return bool(self.changed_fields)


@dataclass(frozen=True)
class FormDiff:
    approved_at: datetime | None  # None: never approved, nothing to compare with
    rows: list[DiffRow]
    tasks: list[TaskDiffRow] = field(default_factory=list)

    @property
    def changed(self) -> list[DiffRow]:
        return [r for r in self.rows if r.changed]

    @property
    def changed_tasks(self) -> list[TaskDiffRow]:
        return [t for t in self.tasks if t.changed]


def _snapshot_at(versions: list[ValueVersion], at: datetime, current: dict[str, Any]) -> dict[str, Any]:
    """A value's figures at ``at``, replayed from its versions: the last change at or before it,
    else the state before the first change after it, else (never changed) the current figures."""
    changes = [v for v in versions if isinstance(v.after, dict) and "value" in v.after]
    done = [v for v in changes if v.at <= at]
    if done:
        return dict(done[-1].after or {})
    later = [v for v in changes if v.at > at]
    if later and isinstance(later[0].before, dict):
        return dict(later[0].before)
    return current


def form_diff(form: ReportForm) -> FormDiff:
    """Each value now against the form's last approval ("before" is the figures approved then)."""
    from theodoi.reporting.models import value_snapshot

    approval = form.audit.filter(action="approve").order_by("-at", "-pk").first()
    values = list(form.values.select_related("target__indicator").order_by("target__indicator__field", "target_id"))
    if approval is None:
        return FormDiff(None, [])
    by_value: dict[int, list[ValueVersion]] = {}
    for ver in ValueVersion.objects.filter(value__form=form).order_by("at", "pk"):
        by_value.setdefault(ver.value_id, []).append(ver)
    rows = []
    for v in values:
        now = value_snapshot(v)
        rows.append(DiffRow(v, _snapshot_at(by_value.get(v.pk, []), approval.at, now), now))
    return FormDiff(approval.at, rows, _task_rows(form, approval))


def _task_rows(form: ReportForm, approval: AuditEntry) -> list[TaskDiffRow]:
    """Task notes are not versioned per row: the form's audit entries hold each change
    (``task:<id>`` → ``{"state", "note"}``), replayed the same way as the values."""
    changes: dict[str, list[tuple[AuditEntry, dict[str, Any], dict[str, Any]]]] = {}
    for entry in form.audit.exclude(after=None).order_by("at", "pk"):
        for key, after in (entry.after or {}).items():
            before = (entry.before or {}).get(key)
            if key.startswith("task:") and isinstance(after, dict) and isinstance(before, dict):
                changes.setdefault(key, []).append((entry, before, after))
    out = []
    for report in form.task_reports.select_related("task"):
        now = {"state": report.state, "note": report.note}
        seen = changes.get(f"task:{report.task_id}", [])
        done = [after for entry, _b, after in seen if (entry.at, entry.pk) <= (approval.at, approval.pk)]
        later = [before for entry, before, _a in seen if (entry.at, entry.pk) > (approval.at, approval.pk)]
        out.append(TaskDiffRow(report, done[-1] if done else later[0] if later else now, now))
    return out
