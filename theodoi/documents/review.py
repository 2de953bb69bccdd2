"""How sure the extractor is of each item, said in the planner's words, and the one-click
confirmation of the items it is sure of.

The extractor gives each item a confidence (0..1) and, per attribute, the context that decided it
(`decided_by`: the sentence itself, a table column header, an enclosing heading, the document's
metadata). The review screen shows the least certain items first with those reasons beside the
highlighted source, so the planner's time goes where the reading was doubtful.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from theodoi.accounts.permissions import require_planner
from theodoi.core import audit
from theodoi.documents.models import Document, DocumentStatus, ExtractedItem, ItemKind, ItemStatus

log = logging.getLogger(__name__)
HIGH = 0.8  # at or above: "tin cậy cao", confirmable in one click


def confidence(item: ExtractedItem) -> float | None:
    value = item.data.get("confidence")
    return float(value) if isinstance(value, int | float) else None


def level(item: ExtractedItem) -> str:
    """high / medium / low, for the badge; "" when the extractor gave no confidence."""
    value = confidence(item)
    if value is None:
        return ""
    return "high" if value >= HIGH else "medium" if value >= 0.6 else "low"


def _source_label(source: str) -> str:
    return {
        "sentence": _("theo chính câu văn"),
        "column": _("theo tiêu đề cột của bảng"),
        "heading": _("theo đề mục"),
        "metadata": _("theo thông tin của văn bản"),
    }.get(source, _("mặc định, không có căn cứ"))


def _attribute_label(name: str) -> str:
    return {"kind": _("Loại"), "period": _("Kỳ"), "agency": _("Cơ quan"), "comparator": _("So sánh")}.get(name, name)


def reasons(item: ExtractedItem) -> list[str]:
    """One line per attribute: what was decided and from which context, e.g.
    "Kỳ: 2023 — theo đề mục «I. KẾT QUẢ THỰC HIỆN NĂM 2023»"."""
    lines = []
    from theodoi_extract.scan_confidence import note_of

    scanned = note_of(str(item.data.get("reason") or ""))
    if scanned is not None:  # a figure read from a scan: why its confidence is lowered comes first
        lines.append(_("Đọc bằng OCR: trang %(page)s, độ tin cậy %(confidence)s/100 — đối chiếu chữ số với bản gốc")
                     % {"page": scanned[0], "confidence": scanned[1]})
    for name, decided in (item.data.get("decided_by") or {}).items():
        if not isinstance(decided, dict) or decided.get("value") in (None, ""):
            continue
        value = decided["value"]
        if name == "kind" and value in ItemKind.values:
            value = str(ItemKind(value).label).lower()
        line = f"{_attribute_label(name)}: {value} — {_source_label(str(decided.get('source')))}"
        evidence = str(decided.get("evidence") or "").strip()
        if evidence:
            line += f" «{evidence[:120]}»"
        lines.append(line)
    return lines


def block(item: ExtractedItem) -> str:
    """The top-level section the item sits in ("" outside any)."""
    path = item.data.get("path") or []
    return str(path[0]) if path else ""


def by_doubt(items: Iterable[ExtractedItem]) -> list[ExtractedItem]:
    """Least confident first; items without a confidence after them, in reading order."""
    return sorted(items, key=lambda i: (confidence(i) is None, confidence(i) or 0.0, i.start, i.pk))


def blocks(items: Iterable[ExtractedItem]) -> list[tuple[str, int]]:
    """Each top-level section with the number of pending high-confidence items in it."""
    counts: dict[str, int] = {}
    for item in items:
        if item.status == ItemStatus.PENDING and level(item) == "high":
            counts[block(item)] = counts.get(block(item), 0) + 1
    return sorted(counts.items(), key=lambda kv: kv[0])


@transaction.atomic
def document_confirm_confident(*, user: Any, document: Document, section: str | None = None) -> int:
    """Confirm the pending items the extractor is sure of (confidence ≥ HIGH), in one section or all.

    Versions are bumped as "confirm all" does, so an edit opened before is caught as stale."""
    require_planner(user)
    if document.status != DocumentStatus.REVIEW:
        raise ValidationError(_("Văn bản không ở trạng thái chờ rà soát."), code="not_review")
    pending = document.items.filter(status=ItemStatus.PENDING).only("pk", "data")
    chosen = [i.pk for i in pending if level(i) == "high" and (section is None or block(i) == section)]
    count = ExtractedItem.objects.filter(pk__in=chosen, status=ItemStatus.PENDING).update(
        status=ItemStatus.CONFIRMED, version=F("version") + 1
    )
    log.info("document %s: %s high-confidence items confirmed by %s (section %r)",
             document.pk, count, user.get_username(), section)
    audit.record(actor=user, action="document.confirm_confident", subject=document,
                 before=None, after={"confirmed": int(count), "section": section, "threshold": HIGH})
    return int(count)
