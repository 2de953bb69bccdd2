"""Opening a report form: created on first open and prefilled from the previous period."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from theodoi.accounts.models import OrgUnit
from theodoi.accounts.permissions import (
    can_approve_for,
    can_report_for,
    require,
)
from theodoi.plans.models import TaskState
from theodoi.reporting.models import (
    ReportForm,
    ReportingDuty,
    ReportingRegime,
    ReportValue,
    TaskReport,
)
from theodoi.reporting.periods import parse_period_key
from theodoi.reporting.services.common import (
    _audit,
    _reads_all,
)
from theodoi.reporting.services.errors import ReportingError


# -- opening a form --------------------------------------------------------------------------------
def form_open_or_create(*, user: Any, regime: ReportingRegime, unit: OrgUnit, period_key: str) -> ReportForm:
    """The unit's form for the period, created on first open and prefilled from the previous period."""
    period = parse_period_key(period_key)
    if period.kind not in regime.rule.period_kinds:
        raise ReportingError(f"Chế độ báo cáo “{regime.name}” không có kỳ {period.label}.")
    existing = ReportForm.objects.filter(regime=regime, unit=unit, period_key=period.key).first()
    if existing is not None:
        require(can_report_for(user, unit) or can_approve_for(user, unit) or _reads_all(user))
        return existing
    require(can_report_for(user, unit), "Bạn không có quyền lập báo cáo cho đơn vị này.")
    duties = list(ReportingDuty.objects.filter(regime=regime, unit=unit).select_related("target", "task"))
    if not duties:
        raise ReportingError(f"{unit.name} không có chỉ tiêu hay nhiệm vụ nào phải báo cáo theo chế độ này.")
    previous = ReportForm.objects.filter(regime=regime, unit=unit, period_key=period.previous().key).first()
    prev_values = {v.target_id: v for v in previous.values.all()} if previous else {}
    prev_tasks = {t.task_id: t for t in previous.task_reports.all()} if previous else {}
    with transaction.atomic():
        form, created = ReportForm.objects.get_or_create(regime=regime, unit=unit, period_key=period.key)
        if not created:  # a concurrent first open won
            return form
        for duty in duties:
            if duty.target_id:
                pv = prev_values.get(duty.target_id)
                ReportValue.objects.create(
                    form=form, target_id=duty.target_id,
                    value=pv.value if pv else None, estimate=pv.estimate if pv else None,
                )
            if duty.task_id:
                pt = prev_tasks.get(duty.task_id)
                TaskReport.objects.create(
                    form=form, task_id=duty.task_id, is_partner=duty.is_partner,
                    state=pt.state if pt else TaskState.IN_PROGRESS, note=pt.note if pt else "",
                )
        note = f"Điền sẵn từ kỳ {previous.period.label}" if previous else ""
        _audit(form, user, "create", after={"period": period.key}, note=note)
    return form
