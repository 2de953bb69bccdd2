"""Opening a corrective task ("Mở nhiệm vụ khắc phục") from a target's status.

Only a target judged at risk, behind schedule or not achieved can have one. The task is a plain
`Task` in an assignment block of its own (ref "KP.n") of the target's plan, led by the chosen
agency, so the task list, the agency's page, reminders and the task summaries pick it up with no
special case; the `CorrectiveAction` beside it keeps fact, cause and action for the report.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction

from theodoi.accounts.models import OrgUnit, Role
from theodoi.accounts.permissions import is_planner, roles_of
from theodoi.core import audit
from theodoi.core.refusals import Conflict, Invalid, NotAllowed
from theodoi.evaluation.models import TargetStatus
from theodoi.plans.models import Assignment, CorrectiveAction, PublishStatus, Target, Task

#: Statuses a corrective task may be opened from.
OPENABLE = ("at_risk", "off_track", "not_achieved")
REF_PREFIX = "KP."


def can_open(user: Any) -> bool:
    """Planners (and administrators) and the province's leaders direct corrective work."""
    return is_planner(user) or Role.LEADER in roles_of(user)


def current_status(target: Target) -> TargetStatus | None:
    """The internal evaluation the leaders see (the one the button is shown on)."""
    return TargetStatus.objects.filter(target=target, period=target.period, public=False).first()


def corrective_task_open(
    *, user: Any, target: Target, fact: str, cause: str, action: str, lead_unit: OrgUnit, deadline: date,
    today: date | None = None,
) -> CorrectiveAction:
    """Open one corrective task; refuses a person without the role, a target not at risk or
    missed, a missing text or a deadline in the past. One audit entry."""
    if not can_open(user):
        raise NotAllowed("Chỉ chuyên viên kế hoạch hoặc lãnh đạo được mở nhiệm vụ khắc phục.")
    status = current_status(target)
    if status is None or status.status not in OPENABLE:
        raise Conflict("Chỉ mở nhiệm vụ khắc phục cho chỉ tiêu có nguy cơ không đạt, chậm tiến độ hoặc không đạt.")
    texts = {"tồn tại, hạn chế": fact.strip(), "nguyên nhân": cause.strip(), "giải pháp khắc phục": action.strip()}
    missing = [name for name, text in texts.items() if not text]
    if missing:
        raise Invalid("Cần ghi " + ", ".join(missing) + ".")
    if deadline < (today or date.today()):
        raise Invalid("Thời hạn khắc phục không được trước ngày hôm nay.")
    with transaction.atomic():
        count = Assignment.objects.filter(plan=target.plan, ref__startswith=REF_PREFIX).count()
        assignment = Assignment.objects.create(
            plan=target.plan, ref=f"{REF_PREFIX}{count + 1}", lead_text=lead_unit.name, status=PublishStatus.PUBLISHED,
        )
        assignment.lead_units.set([lead_unit])
        task = Task.objects.create(
            assignment=assignment, position=0, deadline=deadline,
            text=f"Khắc phục chỉ tiêu “{target.indicator.name}”: {texts['giải pháp khắc phục']}",
        )
        corrective = CorrectiveAction.objects.create(
            target=target, task=task, status_at_open=status.status, fact=texts["tồn tại, hạn chế"],
            cause=texts["nguyên nhân"], action=texts["giải pháp khắc phục"], lead_unit=lead_unit, deadline=deadline,
            opened_by=user if getattr(user, "pk", None) else None,
        )
        audit.record(
            actor=user, action="corrective.open", subject=corrective, before=None,
            after={"target": target.pk, "task": task.pk, "status": status.status, "lead_unit": lead_unit.code,
                   "deadline": deadline.isoformat()},
        )
    return corrective
