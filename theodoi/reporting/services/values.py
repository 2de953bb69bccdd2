"""Saving a form's values and task notes (the autosave hot path), partners' contributions,
comments and evidence files on one value."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from theodoi.accounts.permissions import (
    can_approve_for,
    can_report_for,
    can_see_unit_drafts,
    is_planner,
    require,
)
from theodoi.core.events import send_targets_changed
from theodoi.core.vnnumber import VnNumberError
from theodoi.plans.models import TaskState
from theodoi.reporting import audit, value_store
from theodoi.reporting.models import (
    EDITABLE_STATUSES,
    ReportForm,
    ReportValue,
    TaskReport,
    ValueComment,
    value_snapshot,
)
from theodoi.reporting.rules import meta_of
from theodoi.reporting.services.common import (
    _NO_READ,
    _NO_REPORT,
    _actor_id,
    _audit,
    _history,
    _issues_json,
    _name,
    _parse_number,
)
from theodoi.reporting.services.errors import FormNotEditable, ReportingError, VersionConflict
from theodoi.reporting.validation import validate_value


# -- saving values ----------------------------------------------------------------------------------
@dataclass
class SaveResult:
    version: int
    changed: int
    issues: dict[int, list[dict[str, str]]] = field(default_factory=dict)  # target id -> issues


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


def _statuses_follow(form: ReportForm, target_ids: Sequence[int], before: Mapping[str, Any] | None = None,
                     after: Mapping[str, Any] | None = None) -> None:
    """Say that the targets' figures changed, but only when it can change anything.

    The evaluation counts values of forms that have left the unit (submitted, approved, accepted,
    locked: every status but the editable ones), and a save goes to a draft or returned form
    (``_claim_version`` checks it under the row lock), so a save's recompute would rewrite the same
    statuses; it was two thirds of an autosave's queries and a second commit. The step that makes
    the form count (submission) saves its status and the evaluation recomputes every target of the
    form then. The event (theodoi.core.events) is received by the evaluation app; it carries each
    figure before and after (``before``/``after``: the audit's snapshots by target), so that a
    status judged from the revised figure is judged again without reading the other values."""
    if form.status not in EDITABLE_STATUSES:
        before, after = before or {}, after or {}
        send_targets_changed(sender=ReportForm, target_ids=target_ids, reason="values_saved",
                             form_targets=[(form.pk, t) for t in target_ids],
                             revisions=[(form.pk, t, before[str(t)]["value"], after[str(t)]["value"])
                                        for t in target_ids if str(t) in before and str(t) in after])


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
        result.changed += _save_task_notes(form, tasks, before_all, after_all)
        user_id = _actor_id(user)
        # The chain heads came with the rows (read after the version UPDATE took the form's lock).
        heads = {row.pk: row.history_head for row in rows.values()}
        audit_prev = next(iter(rows.values())).audit_head if rows else audit.audit_head(form.pk)
        # The values, their versions and the audit entry: one statement on PostgreSQL.
        value_store.write_together([
            *value_store.value_updates(dirty, now),
            value_store.version_inserts(versions, heads, user_id=user_id, action=action, now=now),
            value_store.audit_insert(form.pk, audit_prev, user_id=user_id, action=action, before=before_all or None,
                                     after=after_all or None, note=f"v{version}", now=now),
        ])
        if dirty:
            _statuses_follow(form, [row.target_id for row in dirty], before_all, after_all)
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
