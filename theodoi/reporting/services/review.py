"""Review at scale: approve, accept or return many forms in one go.

Each form still goes through its own workflow service (``form_approve``, ``form_accept``,
``form_return``), so each is one transaction with its own permission check, separation-of-duties
check and audit entry: a form is either fully moved or left as it was. A refusal on one form does
not stop the others; the outcome of every form is reported, in Vietnamese, to the reviewer.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from theodoi.core.refusals import Refused
from theodoi.reporting.models import ReportForm
from theodoi.reporting.services.errors import ReportingError
from theodoi.reporting.services.workflow import form_accept, form_approve, form_return

log = logging.getLogger(__name__)

BULK_ACTIONS = ("approve", "accept", "return")
BULK_MAX_FORMS = 200
_DONE = {"approve": _("Đã phê duyệt."), "accept": _("Đã tiếp nhận."), "return": _("Đã trả lại.")}


@dataclass(frozen=True)
class BulkOutcome:
    """What happened to one form of a batch: ``message`` is shown as is."""

    form_id: int
    label: str
    ok: bool
    message: str


def forms_review_bulk(*, user: Any, form_ids: Sequence[int], action: str, reason: str = "") -> list[BulkOutcome]:
    """Apply ``action`` to each form in ``form_ids`` (in the order given, duplicates once).

    Refuses the whole batch only for what is wrong with the batch itself (unknown action, nothing
    chosen, too many forms, a return without a reason); everything about one form is that form's
    outcome."""
    if action not in BULK_ACTIONS:
        raise ReportingError("Thao tác hàng loạt không hợp lệ.")
    ids = list(dict.fromkeys(int(i) for i in form_ids))
    if not ids:
        raise ReportingError("Chưa chọn báo cáo nào.")
    if len(ids) > BULK_MAX_FORMS:
        raise ReportingError(f"Mỗi lần chỉ xử lý tối đa {BULK_MAX_FORMS} báo cáo; đã chọn {len(ids)}.")
    reason = reason.strip()
    if action == "return" and not reason:
        raise ReportingError("Cần ghi rõ lý do trả lại báo cáo.")
    from theodoi.reporting.selectors import form_for_user

    forms = {f.pk: f for f in ReportForm.objects.filter(pk__in=ids).select_related("unit", "regime")}
    outcomes: list[BulkOutcome] = []
    for pk in ids:
        form = forms.get(pk)
        if form is None:
            outcomes.append(BulkOutcome(pk, f"#{pk}", False, "Không tìm thấy báo cáo này (có thể đã bị xóa)."))
            continue
        label = f"{form.unit.name} — {form.period.label}"
        try:
            form_for_user(user, pk)
            if action == "approve":
                form_approve(user=user, form=form)
            elif action == "accept":
                form_accept(user=user, form=form)
            else:
                form_return(user=user, form=form, reason=reason)
        except PermissionDenied as exc:
            outcomes.append(BulkOutcome(pk, label, False, str(exc) or "Bạn không có quyền với báo cáo này."))
        except Refused as exc:
            outcomes.append(BulkOutcome(pk, label, False, exc.message))
        else:
            outcomes.append(BulkOutcome(pk, label, True, str(_DONE[action])))
    log.info("bulk %s by user %s: %d of %d forms done", action, getattr(user, "pk", None),
             sum(o.ok for o in outcomes), len(outcomes))
    return outcomes
