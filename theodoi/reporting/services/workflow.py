"""The form's workflow: submit, return, approve, accept, lock (by hand or when overdue) and the
planner's lock exception, with separation of duties between the steps."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from theodoi.accounts.permissions import (
    PermissionRefused,
    can_approve_for,
    can_report_for,
    is_planner,
    require,
    require_planner,
)
from theodoi.reporting.deadlines import lock_date
from theodoi.reporting.i18n import period_name
from theodoi.reporting.models import (
    EDITABLE_STATUSES,
    FormStatus,
    LockException,
    ReportForm,
    ReportingDuty,
    ReportValue,
    ValueComment,
)
from theodoi.reporting.rules import target_meta
from theodoi.reporting.services.common import (
    _actor,
    _audit,
    _history,
    _history_changed,
    _issues_json,
    _stamp_values,
)
from theodoi.reporting.services.errors import FormNotEditable, ReportingError
from theodoi.reporting.services.reminders import _notify_reporters
from theodoi.reporting.validation import validate_value

log = logging.getLogger(__name__)


# -- workflow ---------------------------------------------------------------------------------------
# Separation of duties (settings.THEODOI_SEPARATION_OF_DUTIES): the step on the left cannot be taken
# by the person recorded for the step on the right, so no single account can carry a form from
# submission to acceptance; with the refusal each step says who must take it instead.
_SEPARATED_FROM: dict[str, tuple[str, str]] = {
    "approve": ("submitted", "Người đã gửi báo cáo không được tự phê duyệt báo cáo đó; cần một lãnh đạo đơn vị khác phê duyệt."),
    "accept": ("approved", "Người đã phê duyệt báo cáo không được tự tiếp nhận báo cáo đó; cần một chuyên viên kế hoạch khác tiếp nhận."),
}


def _refuse_same_person(locked: ReportForm, user: Any, action: str) -> None:
    """``PermissionRefused`` when ``user`` took the step this one must be kept apart from."""
    if action not in _SEPARATED_FROM or not settings.THEODOI_SEPARATION_OF_DUTIES or _actor(user) is None:
        return
    earlier, message = _SEPARATED_FROM[action]
    if getattr(locked, f"{earlier}_by_id") == user.pk:
        log.info("separation of duties: user %s refused %s of form %s (%s it)", user.pk, action, locked.pk, earlier)
        raise PermissionRefused(message)


def _transition(
    *, user: Any, form: ReportForm, allowed_from: Sequence[str], to: str, action: str,
    stamp: str | None = None, note: str = "", extra: Mapping[str, Any] | None = None,
    audit_after: Mapping[str, Any] | None = None,
) -> ReportForm:
    with transaction.atomic():
        locked = ReportForm.objects.select_for_update().get(pk=form.pk)
        if locked.status not in allowed_from:
            raise FormNotEditable(
                f"Không thể thực hiện: báo cáo đang ở trạng thái “{locked.get_status_display()}”."
            )
        _refuse_same_person(locked, user, action)
        before = {"status": locked.status}
        _stamp_values(locked, user, action)
        locked.status = to
        locked.version = F("version") + 1
        fields = ["status", "version", "updated_at"]
        if stamp:
            setattr(locked, f"{stamp}_at", timezone.now())
            setattr(locked, f"{stamp}_by", _actor(user))
            fields += [f"{stamp}_at", f"{stamp}_by"]
        for key, val in (extra or {}).items():
            setattr(locked, key, val)
            fields.append(key)
        locked.save(update_fields=fields)
        locked.refresh_from_db()
        _audit(locked, user, action, before=before, after={"status": to, **(audit_after or {})}, note=note)
        transaction.on_commit(lambda: _history_changed(locked))
    form.__dict__.update({k: v for k, v in locked.__dict__.items() if not k.startswith("_")})
    return form


def form_submit(*, user: Any, form: ReportForm) -> ReportForm:
    """Send the form to the agency head; blocking errors (missing, impossible values) must be fixed first."""
    require(can_report_for(user, form.unit), "Chỉ cán bộ báo cáo của đơn vị được gửi báo cáo.")
    duties = {
        d.target_id: d for d in ReportingDuty.objects.filter(regime=form.regime, unit=form.unit, target__isnull=False)
    }
    problems: list[str] = []
    values = list(form.values.select_related("target__indicator"))
    history = _history(form, [v.target_id for v in values])
    for v in values:
        duty = duties.get(v.target_id)
        meta = target_meta(v.target, required=duty.required if duty else True)
        issues = validate_value(v.value, meta, history.get(v.target_id, ()))
        v.issues = _issues_json(issues)
        v.save(update_fields=["issues"])
        problems += [f"{v.target.indicator.name}: {i.message_vi}" for i in issues if i.severity == "error"]
        if duty and duty.ask_estimate and v.estimate is None:
            problems.append(f"{v.target.indicator.name}: chưa nhập ước thực hiện cả năm (bắt buộc với chỉ tiêu này).")
    if problems:
        raise ReportingError("Chưa gửi được báo cáo, cần sửa: " + " | ".join(problems))
    extra = {"return_reason": ""}
    stamp = "submitted" if form.submitted_at is None else None
    if stamp is None:  # a returned form re-sent: the first submission still counts for timeliness
        extra["submitted_by"] = _actor(user)
    with transaction.atomic():  # the reviewer's notes on values were answered by this submission
        result = _transition(
            user=user, form=form, allowed_from=EDITABLE_STATUSES, to=FormStatus.SUBMITTED, action="submit",
            stamp=stamp, extra=extra,
        )
        ReportValue.objects.filter(form=form).exclude(review_note="").update(review_note="")
    return result


def _clean_value_notes(form: ReportForm, value_notes: Mapping[int, str] | None) -> dict[int, str]:
    """The non-empty notes by target id; a target the form does not hold is refused (nothing written)."""
    notes = {int(t): str(text).strip()[:2000] for t, text in (value_notes or {}).items() if str(text).strip()}
    known = set(form.values.filter(target_id__in=list(notes)).values_list("target_id", flat=True))
    unknown = sorted(set(notes) - known)
    if unknown:
        raise ReportingError(f"Chỉ tiêu {unknown} không thuộc báo cáo này, không ghi được ý kiến.")
    return notes


def form_return(
    *, user: Any, form: ReportForm, reason: str, value_notes: Mapping[int, str] | None = None,
) -> ReportForm:
    """Send the form back to the unit with a reason: the head from submitted, the planner until accepted.

    ``value_notes`` (target id → text) say which values to look at: each note is kept beside its
    value on the form until the unit sends it again, and as a comment in the value's history;
    the form's status, the notes and the audit entry are written together or not at all."""
    reason = reason.strip()
    if not reason:
        raise ReportingError("Cần ghi rõ lý do trả lại báo cáo.")
    if is_planner(user):
        allowed: Sequence[str] = (FormStatus.SUBMITTED, FormStatus.APPROVED, FormStatus.ACCEPTED)
    else:
        require(can_approve_for(user, form.unit), "Bạn không có quyền trả lại báo cáo này.")
        allowed = (FormStatus.SUBMITTED,)
    notes = _clean_value_notes(form, value_notes)
    in_audit = {"value_notes": {str(t): n for t, n in notes.items()}} if notes else None
    with transaction.atomic():
        result = _transition(
            user=user, form=form, allowed_from=allowed, to=FormStatus.RETURNED, action="return", note=reason,
            extra={"return_reason": reason}, audit_after=in_audit,
        )
        noted = []
        for value in form.values.filter(target_id__in=list(notes)).select_related("target__indicator"):
            value.review_note = notes[value.target_id]
            value.save(update_fields=["review_note"])
            ValueComment.objects.create(value=value, user=_actor(user), text=notes[value.target_id])
            noted.append(value.target.indicator.name)
    _notify_reporters(form, kind="returned", key=f"returned:{form.pk}:{form.version}",
                      message=lambda: _return_message(form, reason, noted))
    return result


def _return_message(form: ReportForm, reason: str, noted: list[str]) -> str:
    """The reporters' notice of a return, in the active language; the mail/SMS names the values to fix."""
    values = {"report": period_name(form.period), "unit": form.unit.name, "reason": reason}
    if noted:
        return _("Báo cáo %(report)s của %(unit)s bị trả lại: %(reason)s — có ý kiến về: %(values)s") % {
            **values, "values": "; ".join(noted)}
    return _("Báo cáo %(report)s của %(unit)s bị trả lại: %(reason)s") % values


def form_approve(*, user: Any, form: ReportForm) -> ReportForm:
    require(can_approve_for(user, form.unit), "Chỉ lãnh đạo đơn vị được phê duyệt báo cáo.")
    return _transition(
        user=user, form=form, allowed_from=(FormStatus.SUBMITTED,), to=FormStatus.APPROVED, action="approve",
        stamp="approved",
    )


def form_accept(*, user: Any, form: ReportForm) -> ReportForm:
    require_planner(user)
    return _transition(
        user=user, form=form, allowed_from=(FormStatus.APPROVED,), to=FormStatus.ACCEPTED, action="accept",
        stamp="accepted",
    )


def form_lock(*, user: Any, form: ReportForm, note: str = "") -> ReportForm:
    """Lock a form for good (the planner, or the scheduled job with ``user=None``)."""
    if user is not None:
        require_planner(user)
    allowed = [s for s in FormStatus.values if s != FormStatus.LOCKED]
    return _transition(
        user=user, form=form, allowed_from=allowed, to=FormStatus.LOCKED, action="lock", stamp="locked", note=note,
    )


def forms_lock_overdue(*, today: date | None = None) -> list[ReportForm]:
    """Lock every form whose lock date has passed, except those with a planner's exception still running."""
    today = today or timezone.localdate()
    done: list[ReportForm] = []
    for form in ReportForm.objects.exclude(status=FormStatus.LOCKED).select_related("regime", "unit"):
        if form.lock_exception_until and form.lock_exception_until >= today:
            continue
        if today >= lock_date(form.period, form.regime.rule):
            done.append(form_lock(user=None, form=form, note=f"Tự động khóa ngày {today:%d/%m/%Y}"))
    return done


def lock_exception_grant(*, user: Any, form: ReportForm, until: date, reason: str = "") -> ReportForm:
    """Let one unit's form be edited after the lock date, until ``until``, for a stated reason; a locked
    form is reopened as a draft. The rest of the period stays locked; each grant is a
    ``LockException`` row besides its audit entry."""
    require_planner(user)
    reason = reason.strip()
    if not reason:
        raise ReportingError("Cần ghi rõ lý do cho phép đơn vị sửa sau hạn.")
    if until < timezone.localdate():
        raise ReportingError("Ngày hết hạn cho phép phải từ hôm nay trở đi.")
    with transaction.atomic():
        locked = ReportForm.objects.select_for_update().get(pk=form.pk)
        before = {"status": locked.status, "lock_exception_until": str(locked.lock_exception_until or "")}
        locked.lock_exception_until = until
        if locked.status == FormStatus.LOCKED:
            locked.status = FormStatus.DRAFT
            _stamp_values(locked, user, "unlock")
        locked.version = F("version") + 1
        locked.save(update_fields=["lock_exception_until", "status", "version", "updated_at"])
        locked.refresh_from_db()
        LockException.objects.create(form=locked, granted_by=_actor(user), until=until, reason=reason)
        transaction.on_commit(lambda: _history_changed(locked))
        _audit(locked, user, "lock_exception", before=before,
               after={"status": locked.status, "lock_exception_until": until.isoformat()}, note=reason)
    form.__dict__.update({k: v for k, v in locked.__dict__.items() if not k.startswith("_")})
    return form
