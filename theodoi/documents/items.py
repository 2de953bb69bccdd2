"""The planner's review of extracted items: edit one, confirm or reject it, merge it into the
indicator catalogue, or confirm every pending item of a document at once.

Each function checks permission, refuses an item already published or edited by someone else since
it was loaded (its version), and records the change in the audit log.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F

from theodoi.accounts.permissions import require_planner
from theodoi.core import audit
from theodoi.documents.models import Document, DocumentStatus, ExtractedItem, ItemKind, ItemStatus
from theodoi.plans.models import (
    Comparator,
    Indicator,
)

EDITABLE_TARGET_FIELDS = ("indicator", "comparator", "value", "value_max", "unit", "period", "agency", "kind")
EDITABLE_ASSIGNMENT_FIELDS = ("ref", "lead", "partners")


def _review_item(user: Any, item_id: int, expected_version: int | None) -> ExtractedItem:
    require_planner(user)
    item = ExtractedItem.objects.select_for_update().select_related("document").get(pk=item_id)
    if item.status == ItemStatus.PUBLISHED:
        raise ValidationError("Mục này đã được công bố, không sửa ở đây được nữa.", code="published")
    if expected_version is not None and item.version != expected_version:
        raise ValidationError(
            "Mục này vừa được người khác sửa; hãy tải lại trang để xem bản mới nhất.", code="stale"
        )
    return item


def _clean_number(value: Any, label: str) -> float | None:
    if value in (None, ""):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    from theodoi.core.vnnumber import parse_vn_number

    try:
        return float(parse_vn_number(str(value)))
    except ValueError as exc:
        raise ValidationError(f"{label}: “{value}” không phải là số hợp lệ.", code="number") from exc


@transaction.atomic
def item_update(*, user: Any, item_id: int, changes: dict[str, Any], expected_version: int | None = None) -> ExtractedItem:
    """Edit a target/actual item's fields (indicator name, comparator, value, unit, period, agency)."""
    item = _review_item(user, item_id, expected_version)
    before = audit.snapshot(item, ["kind", "status", "data"])
    data = dict(item.data)
    editable = EDITABLE_ASSIGNMENT_FIELDS if item.kind == ItemKind.ASSIGNMENT else EDITABLE_TARGET_FIELDS
    for key, raw in changes.items():
        if key not in editable:
            continue
        if key in ("lead", "partners"):
            names = raw if isinstance(raw, list) else str(raw or "").replace("\n", ";").split(";")
            data[key] = [str(n).strip() for n in names if str(n).strip()]
        elif key in ("value", "value_max"):
            data[key] = _clean_number(raw, "Giá trị" if key == "value" else "Giá trị tối đa")
        elif key == "comparator":
            if raw not in Comparator.values:
                raise ValidationError(f"Phép so sánh “{raw}” không hợp lệ.", code="comparator")
            data[key] = raw
        else:
            data[key] = (str(raw).strip() or None) if raw is not None else None
    if item.kind in (ItemKind.TARGET, ItemKind.ACTUAL):
        if data.get("value") is None:
            raise ValidationError("Chỉ tiêu phải có giá trị.", code="value")
        if not (data.get("indicator") or "").strip():
            raise ValidationError("Chỉ tiêu phải có tên.", code="indicator")
        if data.get("kind") in ("target", "actual"):
            item.kind = ItemKind.ACTUAL if data["kind"] == "actual" else ItemKind.TARGET
    if item.kind == ItemKind.ASSIGNMENT and not data.get("lead"):
        raise ValidationError("Nhiệm vụ phải có đơn vị chủ trì.", code="lead")
    item.data = data
    item.status = ItemStatus.CONFIRMED
    item.version += 1
    item.save()
    audit.record(actor=user, action="item.edit", subject=item, before=before,
                 after=audit.snapshot(item, ["kind", "status", "data"]))
    return item


@transaction.atomic
def item_set_status(*, user: Any, item_id: int, status: str, expected_version: int | None = None) -> ExtractedItem:
    """Confirm or reject one item (or put it back to pending)."""
    if status not in (ItemStatus.CONFIRMED, ItemStatus.REJECTED, ItemStatus.PENDING):
        raise ValidationError("Trạng thái không hợp lệ.", code="status")
    item = _review_item(user, item_id, expected_version)
    before = {"status": item.status}
    item.status = status
    item.version += 1
    item.save(update_fields=["status", "version"])
    actions: dict[str, str] = {ItemStatus.CONFIRMED: "item.accept", ItemStatus.REJECTED: "item.reject"}
    action = actions.get(status, "item.reopen")
    audit.record(actor=user, action=action, subject=item, before=before, after={"status": status})
    return item


@transaction.atomic
def item_merge(*, user: Any, item_id: int, indicator_id: int | None, expected_version: int | None = None) -> ExtractedItem:
    """Merge a target item into an existing catalogue indicator (None: create a new one on publish)."""
    item = _review_item(user, item_id, expected_version)
    if item.kind not in (ItemKind.TARGET, ItemKind.ACTUAL):
        raise ValidationError("Chỉ gộp được chỉ tiêu vào danh mục chỉ tiêu.", code="kind")
    indicator = Indicator.objects.filter(pk=indicator_id).first() if indicator_id else None
    if indicator_id and indicator is None:
        raise ValidationError("Không tìm thấy chỉ tiêu trong danh mục.", code="indicator")
    before = audit.snapshot(item, ["indicator", "status"])
    item.indicator = indicator
    item.indicator_suggested = False
    # None is the planner's explicit "a new indicator": publish must not merge it into a similar one.
    item.data = {**item.data, "indicator_new": indicator is None}
    item.status = ItemStatus.CONFIRMED
    item.version += 1
    item.save()
    audit.record(actor=user, action="item.merge", subject=item, before=before,
                 after=audit.snapshot(item, ["indicator", "status"]))
    return item


@transaction.atomic
def document_confirm_all(*, user: Any, document: Document) -> int:
    """Confirm every pending item: the common case when the extraction reads well."""
    require_planner(user)
    if document.status != DocumentStatus.REVIEW:
        raise ValidationError("Văn bản không ở trạng thái chờ rà soát.", code="not_review")
    # Bump versions too, so an edit form opened before "confirm all" is caught as stale.
    pending = document.items.filter(status=ItemStatus.PENDING)
    ids = list(pending.values_list("pk", flat=True))
    count = pending.update(status=ItemStatus.CONFIRMED, version=F("version") + 1)
    audit.record(actor=user, action="document.confirm_all", subject=document,
                 before={"pending_items": ids}, after={"confirmed": count})
    return count

