"""Every change to periodic reports: the web views, the API and the CLI call these and nothing else.

Each service checks permission, validates, changes the data and writes the audit entry in one
transaction, so no caller can skip a step.
"""

from __future__ import annotations

import csv
import io
import logging
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from theodoi.accounts.models import Membership, OrgUnit, Role
from theodoi.accounts.permissions import (
    can_approve_for,
    can_report_for,
    can_see_unit_drafts,
    is_planner,
    require,
    require_planner,
)
from theodoi.core.refusals import Refused
from theodoi.core.text import fold
from theodoi.core.vnnumber import VnNumberError, format_vn_number, parse_vn_number
from theodoi.plans.models import TaskState
from theodoi.reporting import audit, value_store
from theodoi.reporting.deadlines import lock_date
from theodoi.reporting.models import (
    EDITABLE_STATUSES,
    FormStatus,
    Reminder,
    ReportForm,
    ReportingDuty,
    ReportingRegime,
    ReportValue,
    TaskReport,
    ValueComment,
    value_snapshot,
)
from theodoi.reporting.periods import parse_period_key
from theodoi.reporting.rules import meta_of, periods_due_between, target_meta
from theodoi.reporting.signals import reminder_created
from theodoi.reporting.validation import validate_value

log = logging.getLogger(__name__)


class ReportingError(Refused):
    """A refused operation; ``message`` is Vietnamese and is shown as is (see theodoi.core.refusals)."""

    status_code = 400
    code = "reporting"


class VersionConflict(ReportingError):
    """Someone else saved the form since this editor loaded it."""

    status_code = 409
    code = "version_conflict"


class FormNotEditable(ReportingError):
    status_code = 409
    code = "form_not_editable"


def _actor(user: Any) -> Any:
    return user if getattr(user, "is_authenticated", False) else None


def _name(user: Any) -> str:
    from theodoi.accounts.names import person_name

    return person_name(user)


def _actor_id(user: Any) -> int | None:
    actor = _actor(user)
    return actor.pk if actor is not None else None


def _audit(form: ReportForm, user: Any, action: str, before: Any = None, after: Any = None, note: str = "") -> None:
    """Append to the form's hash-chained audit trail (``audit.record_audit`` takes the form's lock)."""
    with transaction.atomic():
        audit.record_audit(form_id=form.pk, user_id=_actor_id(user), action=action, before=before, after=after,
                           note=note)


def _stamp_values(form: ReportForm, user: Any, action: str) -> None:
    """A workflow step appears in every value's history, so one value's page tells the whole story."""
    audit.record_versions(
        form.pk,
        [audit.NewVersion(v.pk, action, {"status": form.status}, None) for v in form.values.only("pk")],
        user_id=_actor_id(user),
    )


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


def _reads_all(user: Any) -> bool:
    from theodoi.accounts.permissions import can_read_all

    return can_read_all(user)


# -- saving values ----------------------------------------------------------------------------------
@dataclass
class SaveResult:
    version: int
    changed: int
    issues: dict[int, list[dict[str, str]]] = field(default_factory=dict)  # target id -> issues


def _parse_number(raw: Any) -> Decimal | None | VnNumberError:
    if raw is None:
        return None
    if isinstance(raw, Decimal):
        return raw
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        return Decimal(str(raw))
    text = str(raw).strip()
    if not text:
        return None
    try:
        return parse_vn_number(text)
    except VnNumberError as exc:
        return exc


HISTORY_CACHE_SECONDS = 300


def _history_generation_key(form: ReportForm) -> str:
    return f"reporting:history-gen:{form.regime_id}:{form.unit_id}"


def _history_changed(form: ReportForm) -> None:
    """A form of the unit changed status: cached histories of its other forms are out of date."""
    cache.set(_history_generation_key(form), time.time_ns(), None)


def _history(form: ReportForm, target_ids: Iterable[int]) -> dict[int, list[Decimal]]:
    """The unit's earlier values for the same targets and period kind, oldest first (last 12).

    Read on every autosave for the outlier checks, but it changes only when an earlier form of the
    unit changes status, so it is cached per form and generation (and at most five minutes: a
    per-process cache without Redis does not see other processes' generations)."""
    wanted = sorted(set(target_ids))
    if not wanted:
        return {}
    generation = cache.get(_history_generation_key(form), 0)
    # created_at too: test databases reuse primary keys, a shared cache must not mix two forms up
    key = f"reporting:history:{form.pk}:{form.created_at.timestamp() if form.created_at else 0}:{generation}"
    hit: tuple[frozenset[int], dict[int, list[Decimal]]] | None = cache.get(key)
    covered, data = hit if hit is not None else (frozenset[int](), {})
    if not set(wanted) <= covered:
        covered = frozenset(covered | set(wanted))
        data = _history_query(form, sorted(covered))
        cache.set(key, (covered, data), HISTORY_CACHE_SECONDS)
    return {t: data.get(t, []) for t in wanted}


def _history_query(form: ReportForm, target_ids: list[int]) -> dict[int, list[Decimal]]:
    kind = form.period.kind
    rows = (
        ReportValue.objects.filter(
            form__unit_id=form.unit_id, form__regime_id=form.regime_id, target_id__in=target_ids,
            form__period_key__lt=form.period_key, value__isnull=False,
        )
        .exclude(form__status__in=EDITABLE_STATUSES)
        .order_by("form__period_key")
        .values_list("target_id", "form__period_key", "value")
    )
    out: dict[int, list[Decimal]] = {}
    for target_id, key, value in rows:
        if value is not None and parse_period_key(key).kind is kind:
            out.setdefault(target_id, []).append(value)
    return {k: v[-12:] for k, v in out.items()}


def _issues_json(issues: Sequence[Any]) -> list[dict[str, str]]:
    return [{"code": i.code, "severity": i.severity, "message": i.message_vi} for i in issues]


def _claim_version(*, form: ReportForm, expected_version: int) -> int:
    """Move the form's version on, or explain why not: the optimistic lock of concurrent editors."""
    claimed = value_store.claim_version(form.pk, expected_version, timezone.now())
    if claimed is None:
        _refuse_claim(form, expected_version)
    assert claimed is not None
    form.version = claimed.version
    return form.version


def _refuse_claim(form: ReportForm, expected_version: int) -> None:
    """Why the version UPDATE moved nothing: the form is no longer editable, or someone saved first."""
    current = ReportForm.objects.get(pk=form.pk)
    if current.status not in EDITABLE_STATUSES:
        raise FormNotEditable(
            f"Báo cáo đang ở trạng thái “{current.get_status_display()}”, không thể sửa."
        )
    last = current.audit.exclude(action="create").order_by("-at", "-pk").select_related("user").first()
    who = f" bởi {_name(last.user)} lúc {timezone.localtime(last.at):%H:%M:%S %d/%m/%Y}" if last else ""
    raise VersionConflict(
        f"Báo cáo đã được lưu{who} sau khi bạn mở (phiên bản {current.version}, bạn đang sửa phiên bản "
        f"{expected_version}). Thay đổi của bạn chưa được lưu: hãy tải lại trang để xem số liệu mới rồi nhập lại."
    )


_NO_READ = "Bạn không có quyền xem báo cáo của đơn vị này."
_NO_REPORT = "Bạn không có quyền nhập số liệu cho đơn vị này."


def _claim_for_save(user: Any, form: ReportForm | int, expected_version: int, now: Any) -> ReportForm:
    """The form a save writes to, its version already moved on, or a refusal.

    Given an id (the API and the grid), the version UPDATE is also the read of the form: one
    statement instead of two on every autosave; the permission check follows it inside the
    transaction, so a refusal rolls the version back. Given a form, the caller checked permission."""
    if isinstance(form, ReportForm):
        _claim_version(form=form, expected_version=expected_version)
        return form
    claimed = value_store.claim_version(form, expected_version, now)
    if claimed is None:
        from theodoi.reporting.selectors import form_for_user

        found = form_for_user(user, form, related=False)  # DoesNotExist or PermissionDenied
        require(can_report_for(user, found.unit_id), _NO_REPORT)
        _refuse_claim(found, expected_version)
    assert claimed is not None
    require(can_see_unit_drafts(user, claimed.unit_id), _NO_READ)
    require(can_report_for(user, claimed.unit_id), _NO_REPORT)
    return claimed


def _statuses_follow(form: ReportForm, target_ids: Sequence[int]) -> None:
    """Queue the evaluation recompute of the targets, but only when it can change anything.

    The evaluation counts values of submitted, approved, accepted and locked forms only, and a save
    goes to a draft or returned form (``_claim_version`` checks it under the row lock), so a save's
    recompute would rewrite the same statuses; it was two thirds of an autosave's queries and a second
    commit. The step that makes the form count (submission) saves its status and the evaluation's
    ``post_save`` handler recomputes every target of the form then."""
    from theodoi.evaluation.services import COUNTED_STATUSES, queue_recompute

    if form.status in COUNTED_STATUSES:
        queue_recompute(target_ids)


def _parse_values(values: Sequence[Mapping[str, Any]]) -> dict[int, dict[str, Any]]:
    """``{target id: {field: new value}}``, or ReportingError naming every text that is not a number."""
    errors: list[str] = []
    parsed: dict[int, dict[str, Any]] = {}
    for tid, item in {int(v["target"]): v for v in values}.items():
        fields: dict[str, Any] = {}
        for key in ("value", "estimate"):
            if key in item:
                number = _parse_number(item[key])
                if isinstance(number, VnNumberError):
                    errors.append(f"“{item[key]}”: {number.message_vi}")
                    continue
                fields[key] = number
        if "comment" in item:
            fields["comment"] = str(item["comment"] or "")[:4000]
        parsed[tid] = fields
    if errors:
        raise ReportingError("Số liệu không hợp lệ, chưa lưu: " + " ".join(errors))
    return parsed


def form_save_values(
    *,
    user: Any,
    form: ReportForm | int,
    values: Sequence[Mapping[str, Any]],
    expected_version: int,
    tasks: Sequence[Mapping[str, Any]] = (),
    action: str = "save",
) -> SaveResult:
    """Save some values (and task notes) of a draft or returned form (the form or its id).

    ``values``: ``{"target": id, "value": "3.500,5" | Decimal | None, "estimate": ..., "comment": ...}``;
    keys left out stay as they are. Text that is not a number is refused (nothing is saved);
    warnings and missing values are kept on the value and block nothing until submission.
    Every autosave runs this, so its rows move through ``value_store``'s plain SQL.
    """
    if isinstance(form, ReportForm):
        require(can_report_for(user, form.unit_id), _NO_REPORT)
    parsed = _parse_values(values)
    now = timezone.now()
    with transaction.atomic():
        form = _claim_for_save(user, form, expected_version, now)
        version = form.version
        rows = value_store.value_rows(form.pk, list(parsed))
        unknown = set(parsed) - set(rows)
        if unknown:
            raise ReportingError(f"Chỉ tiêu {sorted(unknown)} không thuộc báo cáo này.")
        # Outlier checks need the unit's earlier values: one cached query per form, not one per save.
        history = _history(form, [t for t, f in parsed.items() if "value" in f])
        result = SaveResult(version=version, changed=0)
        before_all: dict[str, Any] = {}
        after_all: dict[str, Any] = {}
        versions: list[tuple[int, dict[str, Any], dict[str, Any]]] = []
        dirty: list[value_store.ValueRow] = []
        for tid, fields in parsed.items():
            row = rows[tid]
            before = value_snapshot(row)
            old_issues = row.issues
            for key, new in fields.items():
                setattr(row, key, new)
            after = value_snapshot(row)
            if "value" in fields:
                meta = meta_of(row.target_unit, row.indicator_unit, row.allows_over_100)
                row.issues = _issues_json(validate_value(row.value, meta, history.get(tid, ())))
            result.issues[tid] = row.issues
            if before == after and row.issues == old_issues:
                continue
            dirty.append(row)
            if before != after:
                result.changed += 1
                versions.append((row.pk, before, after))
                before_all[str(tid)] = before
                after_all[str(tid)] = after
        value_store.update_values(dirty, now)
        result.changed += _save_task_notes(form, tasks, before_all, after_all)
        user_id = _actor_id(user)
        # The chain heads came with the rows (read after the version UPDATE took the form's lock).
        heads = {row.pk: row.history_head for row in rows.values()}
        audit_prev = next(iter(rows.values())).audit_head if rows else audit.audit_head(form.pk)
        value_store.insert_versions(versions, heads, user_id=user_id, action=action, now=now)
        value_store.insert_audit(form.pk, audit_prev, user_id=user_id, action=action, before=before_all or None,
                                 after=after_all or None, note=f"v{version}", now=now)
        if dirty:
            _statuses_follow(form, [row.target_id for row in dirty])
    return result


def _save_task_notes(form: ReportForm, tasks: Sequence[Mapping[str, Any]], before_all: dict[str, Any],
                     after_all: dict[str, Any]) -> int:
    """Task states and progress notes of a save; records each change for the audit, returns how many."""
    wanted = [int(item["task"]) for item in tasks]
    if not wanted:
        return 0
    task_rows = {tr.task_id: tr for tr in TaskReport.objects.filter(form=form, task_id__in=wanted)}
    changed = 0
    for item in tasks:
        tr = task_rows.get(int(item["task"]))
        if tr is None:
            raise ReportingError("Nhiệm vụ không thuộc báo cáo này.")
        tbefore = {"state": tr.state, "note": tr.note}
        if "state" in item and item["state"] in TaskState.values:
            tr.state = item["state"]
        if "note" in item:
            tr.note = str(item["note"] or "")[:8000]
        if {"state": tr.state, "note": tr.note} != tbefore:
            tr.save(update_fields=["state", "note"])
            before_all[f"task:{tr.task_id}"] = tbefore
            after_all[f"task:{tr.task_id}"] = {"state": tr.state, "note": tr.note}
            changed += 1
    return changed


def task_contribution_add(*, user: Any, form: ReportForm, task_id: int, text: str, expected_version: int) -> None:
    """A partner agency adds its contribution to a task it coordinates (kept in the partner's own form)."""
    require(can_report_for(user, form.unit_id), "Bạn không có quyền nhập số liệu cho đơn vị này.")
    text = text.strip()
    if not text:
        raise ReportingError("Nội dung phối hợp đang để trống.")
    with transaction.atomic():
        _claim_version(form=form, expected_version=expected_version)
        tr = TaskReport.objects.select_for_update().get(form=form, task_id=task_id)
        tr.contributions = [*tr.contributions, {"unit": form.unit.name, "text": text, "at": timezone.now().isoformat()}]
        tr.save(update_fields=["contributions"])
        _audit(form, user, "contribution", after={f"task:{task_id}": text})


# -- workflow ---------------------------------------------------------------------------------------
# Separation of duties (settings.THEODOI_SEPARATION_OF_DUTIES): the step on the left cannot be taken
# by the person recorded for the step on the right, so no single account can carry a form from
# submission to acceptance; with the refusal each step says who must take it instead.
_SEPARATED_FROM: dict[str, tuple[str, str]] = {
    "approve": ("submitted", "Người đã gửi báo cáo không được tự phê duyệt báo cáo đó; cần một lãnh đạo đơn vị khác phê duyệt."),
    "accept": ("approved", "Người đã phê duyệt báo cáo không được tự tiếp nhận báo cáo đó; cần một chuyên viên kế hoạch khác tiếp nhận."),
}


def _refuse_same_person(locked: ReportForm, user: Any, action: str) -> None:
    """PermissionDenied when ``user`` took the step this one must be kept apart from."""
    if action not in _SEPARATED_FROM or not settings.THEODOI_SEPARATION_OF_DUTIES or _actor(user) is None:
        return
    earlier, message = _SEPARATED_FROM[action]
    if getattr(locked, f"{earlier}_by_id") == user.pk:
        log.info("separation of duties: user %s refused %s of form %s (%s it)", user.pk, action, locked.pk, earlier)
        raise PermissionDenied(message)


def _transition(
    *, user: Any, form: ReportForm, allowed_from: Sequence[str], to: str, action: str,
    stamp: str | None = None, note: str = "", extra: Mapping[str, Any] | None = None,
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
        _audit(locked, user, action, before=before, after={"status": to}, note=note)
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
    return _transition(
        user=user, form=form, allowed_from=EDITABLE_STATUSES, to=FormStatus.SUBMITTED, action="submit",
        stamp=stamp, extra=extra,
    )


def form_return(*, user: Any, form: ReportForm, reason: str) -> ReportForm:
    """Send the form back to the unit with a reason: the head from submitted, the planner until accepted."""
    reason = reason.strip()
    if not reason:
        raise ReportingError("Cần ghi rõ lý do trả lại báo cáo.")
    if is_planner(user):
        allowed: Sequence[str] = (FormStatus.SUBMITTED, FormStatus.APPROVED, FormStatus.ACCEPTED)
    else:
        require(can_approve_for(user, form.unit), "Bạn không có quyền trả lại báo cáo này.")
        allowed = (FormStatus.SUBMITTED,)
    result = _transition(
        user=user, form=form, allowed_from=allowed, to=FormStatus.RETURNED, action="return", note=reason,
        extra={"return_reason": reason},
    )
    _notify_reporters(form, kind="returned", key=f"returned:{form.pk}:{form.version}",
                      message=f"Báo cáo {form.period.label} của {form.unit.name} bị trả lại: {reason}")
    return result


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
    """Let the unit edit after the lock date, until ``until``; a locked form is reopened as a draft."""
    require_planner(user)
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
        transaction.on_commit(lambda: _history_changed(locked))
        _audit(locked, user, "lock_exception", before=before,
               after={"status": locked.status, "lock_exception_until": until.isoformat()}, note=reason)
    form.__dict__.update({k: v for k, v in locked.__dict__.items() if not k.startswith("_")})
    return form


def value_comment_add(*, user: Any, value: ReportValue, text: str) -> ValueComment:
    """A comment on one value: the unit's staff and the Planning Department talk next to the figure."""
    unit = value.form.unit
    require(can_report_for(user, unit) or can_approve_for(user, unit) or is_planner(user),
            "Bạn không có quyền góp ý báo cáo này.")
    text = text.strip()
    if not text:
        raise ReportingError("Nội dung ý kiến đang để trống.")
    comment = ValueComment.objects.create(value=value, user=user, text=text[:4000])
    _audit(value.form, user, "comment", after={str(value.target_id): text[:200]})
    return comment


EVIDENCE_EXTENSIONS = (".pdf", ".docx", ".doc", ".xlsx", ".xls", ".csv", ".jpg", ".jpeg", ".png", ".zip")


def value_evidence_attach(*, user: Any, value: ReportValue, file: Any) -> ReportValue:
    """Attach an evidence file (minh chứng) to a value of an editable form."""
    form = value.form
    require(can_report_for(user, form.unit_id), "Bạn không có quyền nhập số liệu cho đơn vị này.")
    if not form.is_editable:
        raise FormNotEditable(f"Báo cáo đang ở trạng thái “{form.get_status_display()}”, không thể thêm minh chứng.")
    name = (getattr(file, "name", "") or "").lower()
    if not name.endswith(EVIDENCE_EXTENSIONS):
        raise ReportingError("Tệp minh chứng phải là PDF, Word, Excel, CSV, ảnh JPG/PNG hoặc ZIP.")
    if getattr(file, "size", 0) > settings.UPLOAD_MAX_BYTES:
        raise ReportingError(f"Tệp quá lớn (tối đa {settings.UPLOAD_MAX_BYTES // (1024 * 1024)} MB).")
    with transaction.atomic():
        old = value.evidence.name if value.evidence else ""
        value.evidence.save(file.name, file, save=False)
        value.save(update_fields=["evidence", "updated_at"])
        audit.record_versions(form.pk, [audit.NewVersion(value.pk, "evidence", {"evidence": old},
                                                         {"evidence": value.evidence.name})],
                              user_id=_actor_id(user))
        _audit(form, user, "evidence", after={str(value.target_id): value.evidence.name})
    return value


# -- import -----------------------------------------------------------------------------------------
@dataclass
class ImportRow:
    row: int
    target: str
    ok: bool
    message: str
    target_id: int | None = None


@dataclass
class ImportReport:
    rows: list[ImportRow]
    saved: int
    version: int

    @property
    def errors(self) -> list[ImportRow]:
        return [r for r in self.rows if not r.ok]


_HEADERS = {
    "target": ("ma", "ma chi tieu", "id"),
    "name": ("chi tieu", "ten chi tieu"),
    "value": ("gia tri", "thuc hien", "so lieu", "gia tri thuc hien"),
    "estimate": ("uoc ca nam", "uoc thuc hien ca nam", "uoc nam"),
    "comment": ("giai trinh", "ghi chu"),
}


def _header_map(cells: Sequence[Any]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, cell in enumerate(cells):
        text = fold(str(cell or "")).strip().rstrip(":")
        for key, names in _HEADERS.items():
            if text in names and key not in found:
                found[key] = index
    return found


def _values_import(*, user: Any, form: ReportForm, rows: list[Sequence[Any]], expected_version: int) -> ImportReport:
    require(can_report_for(user, form.unit_id), "Bạn không có quyền nhập số liệu cho đơn vị này.")
    if not form.is_editable:
        raise FormNotEditable(f"Báo cáo đang ở trạng thái “{form.get_status_display()}”, không thể nhập tệp.")
    header_index = next((i for i, r in enumerate(rows[:10]) if "value" in _header_map(r)), None)
    if header_index is None:
        raise ReportingError("Không tìm thấy dòng tiêu đề: tệp cần có cột “Mã” hoặc “Chỉ tiêu” và cột “Giá trị”.")
    cols = _header_map(rows[header_index])
    if "target" not in cols and "name" not in cols:
        raise ReportingError("Tệp cần có cột “Mã” (mã chỉ tiêu) hoặc “Chỉ tiêu” (tên chỉ tiêu).")
    values = {v.target_id: v for v in form.values.select_related("target__indicator")}
    by_name = {fold(v.target.indicator.name): tid for tid, v in values.items()}
    report: list[ImportRow] = []
    good: list[dict[str, Any]] = []

    def cell(r: Sequence[Any], key: str) -> Any:
        i = cols.get(key)
        return r[i] if i is not None and i < len(r) else None

    for offset, r in enumerate(rows[header_index + 1 :], start=header_index + 2):
        if not any(c not in (None, "") for c in r):
            continue
        ident, name = cell(r, "target"), cell(r, "name")
        label = str(ident or name or "")
        tid: int | None = None
        if ident not in (None, ""):
            try:
                tid = int(Decimal(str(ident)))
            except (InvalidOperation, ValueError):
                tid = None
        if tid is None and name:
            tid = by_name.get(fold(str(name)))
        if tid is None or tid not in values:
            report.append(ImportRow(offset, label, False, "Không tìm thấy chỉ tiêu này trong báo cáo của đơn vị."))
            continue
        item: dict[str, Any] = {"target": tid}
        problem = ""
        for key in ("value", "estimate"):
            if key in cols:
                number = _parse_number(cell(r, key))
                if isinstance(number, VnNumberError):
                    problem = f"Cột {'giá trị' if key == 'value' else 'ước cả năm'}: {number.message_vi}"
                    break
                item[key] = number
        if problem:
            report.append(ImportRow(offset, label, False, problem))
            continue
        if "comment" in cols and cell(r, "comment") not in (None, ""):
            item["comment"] = str(cell(r, "comment"))
        good.append(item)
        shown = "—" if item.get("value") is None else format_vn_number(item["value"])
        report.append(ImportRow(offset, values[tid].target.indicator.name, True, f"Đã nhận: {shown}", tid))
    result = form_save_values(
        user=user, form=form, values=good, expected_version=expected_version, action="import"
    ) if good else None
    if result is not None:  # a value taken but worth a second look (outlier, missing) says so on its row
        for row in report:
            notes = [i["message"] for i in result.issues.get(row.target_id or 0, [])]
            if row.ok and notes:
                row.message += " — " + " ".join(notes)
    return ImportReport(rows=report, saved=result.changed if result else 0,
                        version=result.version if result else form.version)


def values_import_xlsx(*, user: Any, form: ReportForm, file: Any, expected_version: int) -> ImportReport:
    """Values from the agency's own XLSX: a header row with Mã/Chỉ tiêu and Giá trị, one row per target."""
    from openpyxl import load_workbook

    try:
        wb = load_workbook(file, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on a non-XLSX file
        raise ReportingError("Không đọc được tệp XLSX (tệp hỏng hoặc không phải Excel .xlsx).") from exc
    rows: list[Sequence[Any]] = [list(r) for r in wb.worksheets[0].iter_rows(values_only=True)]
    wb.close()
    return _values_import(user=user, form=form, rows=rows, expected_version=expected_version)


def values_import_csv(*, user: Any, form: ReportForm, file: Any, expected_version: int) -> ImportReport:
    """Values from a CSV (UTF-8, comma or semicolon separated), same columns as the XLSX."""
    raw = file.read()
    text = raw.decode("utf-8-sig") if isinstance(raw, bytes) else raw
    try:
        dialect: Any = csv.Sniffer().sniff(text[:2048], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows: list[Sequence[Any]] = list(csv.reader(io.StringIO(text), dialect))
    return _values_import(user=user, form=form, rows=rows, expected_version=expected_version)


# -- reminders --------------------------------------------------------------------------------------
REMIND_BEFORE_DAYS = (3, 1, 0)
REMIND_AFTER_DAYS = (1, 3, 7)


def _notify_reporters(form: ReportForm, *, kind: str, key: str, message: str) -> int:
    return _notify(form.unit, form=form, kind=kind, key=key, message=message)


def _notify(
    unit: OrgUnit, *, form: ReportForm | None, kind: str, key: str, message: str, role: str = Role.REPORTER
) -> int:
    """One in-app reminder per person of ``role`` in ``unit`` (idempotent by ``key``); the
    notifications app delivers each new one by the channels that person chose."""
    users = [m.user for m in Membership.objects.filter(unit=unit, role=role).select_related("user")]
    sent = 0
    for u in users:
        reminder, created = Reminder.objects.get_or_create(
            key=f"{key}:{u.pk}"[:120], defaults={"user": u, "form": form, "kind": kind, "message": message}
        )
        if not created:
            continue
        reminder_created.send(sender=Reminder, reminder=reminder)
        sent += 1
    return sent


def reminders_send(*, today: date | None = None) -> int:
    """In-app and e-mail reminders before a deadline (3, 1, 0 days) and after it (1, 3, 7 days) to units
    that have not submitted. A unit gets one message per kind and day listing every report concerned
    (the monthly and the quarterly report often share a deadline), and the job can run twice a day."""
    today = today or timezone.localdate()
    sent = 0
    for regime in ReportingRegime.objects.all():
        rule = regime.rule
        unit_ids = set(ReportingDuty.objects.filter(regime=regime).values_list("unit_id", flat=True))
        window_start = today - timedelta(days=max(REMIND_AFTER_DAYS))
        window_end = today + timedelta(days=max(REMIND_BEFORE_DAYS))
        todo: dict[tuple[int, str], list[tuple[Any, date]]] = {}
        for period in periods_due_between(rule, window_start, window_end):
            due = rule.unit_due(period)
            delta = (due - today).days
            if delta >= 0 and delta in REMIND_BEFORE_DAYS:
                kind = "due_today" if delta == 0 else "before_due"
            elif delta < 0 and -delta in REMIND_AFTER_DAYS:
                kind = "overdue"
            else:
                continue
            submitted = set(
                ReportForm.objects.filter(regime=regime, period_key=period.key, submitted_at__isnull=False)
                .values_list("unit_id", flat=True)
            )
            for unit_id in unit_ids - submitted:
                todo.setdefault((unit_id, kind), []).append((period, due))
        units = OrgUnit.objects.in_bulk({u for u, _ in todo})
        for (unit_id, kind), items in sorted(todo.items()):
            unit = units[unit_id]
            labels = ", ".join(p.label for p, _ in items)
            due = items[0][1]
            delta = (due - today).days
            when = f"{due:%d/%m/%Y}"
            message = {
                "before_due": f"Nhắc: báo cáo {labels} của {unit.name} phải gửi trước hạn {when} (còn {delta} ngày).",
                "due_today": f"Hôm nay ({when}) là hạn gửi báo cáo {labels} của {unit.name}.",
                "overdue": f"Báo cáo {labels} của {unit.name} đã quá hạn {-delta} ngày (hạn {when}), đề nghị gửi ngay.",
            }[kind]
            form = ReportForm.objects.filter(regime=regime, unit=unit, period_key=items[0][0].key).first()
            sent += _notify(unit, form=form, kind=kind, message=message,
                            key=f"{kind}:{regime.pk}:{unit.pk}:{today.isoformat()}")
    return sent + _remind_approvers(today)


def _remind_approvers(today: date) -> int:
    """Agency heads with a report submitted more than a day ago and not yet approved, once a day."""
    sent = 0
    cutoff = timezone.make_aware(datetime.combine(today - timedelta(days=1), datetime.min.time()))
    waiting = ReportForm.objects.filter(status=FormStatus.SUBMITTED, submitted_at__lt=cutoff).select_related("unit")
    for form in waiting:
        message = (f"Báo cáo {form.period.label} của {form.unit.name} đã gửi lúc "
                   f"{timezone.localtime(form.submitted_at):%H:%M %d/%m/%Y}, đang chờ lãnh đạo đơn vị phê duyệt.")
        sent += _notify(form.unit, form=form, kind="awaiting_approval", message=message, role=Role.APPROVER,
                        key=f"awaiting_approval:{form.pk}:{today.isoformat()}")
    return sent


def reminder_mark_read(*, user: Any, reminder: Reminder) -> None:
    require(reminder.user_id == getattr(user, "pk", None))
    if reminder.read_at is None:
        reminder.read_at = timezone.now()
        reminder.save(update_fields=["read_at"])


# -- regimes and duties -----------------------------------------------------------------------------
def regime_ensure_seed() -> ReportingRegime:
    """The seed programme's regime (agencies before the 18th, Planning Department before the 20th,
    year-end evaluation before 10 December) as a stored regime, created once."""
    from theodoi.reporting.deadlines import SEED_REGIME

    regime, _ = ReportingRegime.objects.get_or_create(name=SEED_REGIME.name, defaults={"config": SEED_REGIME.to_dict()})
    return regime


def duties_from_plan(*, user: Any, regime: ReportingRegime, plan: Any) -> int:
    """Each target is reported by its responsible unit, each task by its lead units (partners add theirs)."""
    if user is not None:
        require_planner(user)
    regime.plans.add(plan)
    made = 0
    for target in plan.targets.exclude(responsible_unit=None):
        _, created = ReportingDuty.objects.get_or_create(regime=regime, unit=target.responsible_unit, target=target)
        made += created
    for assignment in plan.assignments.prefetch_related("lead_units", "partner_units", "tasks"):
        for task in assignment.tasks.all():
            for unit in assignment.lead_units.all():
                _, created = ReportingDuty.objects.get_or_create(regime=regime, unit=unit, task=task)
                made += created
            for unit in assignment.partner_units.all():
                _, created = ReportingDuty.objects.get_or_create(
                    regime=regime, unit=unit, task=task, defaults={"is_partner": True}
                )
                made += created
    return made
