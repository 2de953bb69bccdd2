"""Reads of documents and their extracted items, filtered by what the caller may see.

Published documents are public; a document still being read or reviewed, and its items, are
drafts that only planners and leaders see.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext

from theodoi.accounts.permissions import can_read_all
from theodoi.core.text import fold
from theodoi.documents.highlight import Span
from theodoi.documents.models import Document, DocumentStatus, ExtractedItem, ItemKind, ItemStatus


def document_list(*, user: Any, q: str = "", status: str = "") -> QuerySet[Document]:
    documents = Document.objects.select_related("plan", "previous_version")
    if not can_read_all(user):
        documents = documents.filter(status=DocumentStatus.PUBLISHED)
    if status in DocumentStatus.values:
        documents = documents.filter(status=status)
    for word in fold(q).split():
        documents = documents.filter(Q(text_folded__contains=word) | Q(title__icontains=word) | Q(number__icontains=word))
    return documents.order_by("-uploaded_at", "-pk")


def document_get(*, user: Any, pk: int) -> Document:
    """One document the caller may see (404 otherwise, so drafts do not reveal that they exist)."""
    document = document_list(user=user).filter(pk=pk).first()
    if document is None:
        raise Http404("document not found or not visible")
    return document


def item_list(*, user: Any, document: Document, kind: str = "") -> QuerySet[ExtractedItem]:
    """Review items: drafts, so only planners and leaders read them (published ones are public)."""
    items = document.items.select_related("indicator").order_by("start", "kind", "position")
    if not can_read_all(user):
        items = items.filter(status=ItemStatus.PUBLISHED)
    if kind in ItemKind.values:
        items = items.filter(kind=kind)
    return items


def item_label(item: ExtractedItem) -> str:
    data = item.data
    if item.kind in (ItemKind.TARGET, ItemKind.ACTUAL):
        return str(data.get("indicator") or "")
    if item.kind == ItemKind.ASSIGNMENT:
        return "; ".join(data.get("lead") or []) or str(data.get("ref") or "")
    return str(data.get("what") or "")


def item_spans(items: list[ExtractedItem] | QuerySet[ExtractedItem]) -> list[Span]:
    return [
        Span(item.start, item.end, item.kind, item.pk, item_label(item))
        for item in items
        if item.status != ItemStatus.REJECTED and item.end > item.start
    ]


@dataclass
class Change:
    kind: str  # added | removed | changed
    key: str
    label: str
    before: str = ""
    after: str = ""


@dataclass
class Changes:
    previous: Document | None
    added: list[Change] = field(default_factory=list)
    removed: list[Change] = field(default_factory=list)
    changed: list[Change] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed)


def _describe(item: ExtractedItem) -> str:
    data = item.data
    if item.kind in (ItemKind.TARGET, ItemKind.ACTUAL):
        from theodoi.plans.formatting import COMPARATOR_WORDS, format_number

        value = format_number(data.get("value"))
        if data.get("value_max") is not None:
            value += " - " + format_number(data.get("value_max"))
        word = COMPARATOR_WORDS.get(str(data.get("comparator") or "="), "")
        word = gettext(word) if word else ""
        unit = str(data.get("unit") or "")
        parts = [word, value + (unit if unit == "%" else f" {unit}" if unit else "")]
        if data.get("period"):
            parts.append(f"({data['period']})")
        if data.get("agency"):
            parts.append(f"– {data['agency']}")
        return " ".join(p for p in parts if p).strip()
    if item.kind == ItemKind.ASSIGNMENT:
        partners = "; ".join(data.get("partners") or [])
        tasks = len(data.get("items") or []) or data.get("tasks") or 0
        if partners:
            return gettext("%(n)s nhiệm vụ; phối hợp: %(partners)s") % {"n": tasks, "partners": partners}
        return gettext("%(n)s nhiệm vụ") % {"n": tasks}
    return str(data.get("date") or data.get("rule") or "")


def _key(item: ExtractedItem) -> str:
    if item.kind in (ItemKind.TARGET, ItemKind.ACTUAL):
        return f"{item.kind}:{fold(str(item.data.get('indicator') or ''))}:{item.data.get('period') or ''}"
    if item.kind == ItemKind.ASSIGNMENT:
        return f"{item.kind}:{fold(item_label(item))}:{item.data.get('ref') or ''}"
    return f"{item.kind}:{fold(item_label(item))}"


def document_changes(*, document: Document) -> Changes:
    """What changed against the previous version: items added, removed, or with a new value."""
    previous = document.previous_version
    changes = Changes(previous=previous)
    if previous is None:
        return changes

    def index(doc: Document) -> dict[str, ExtractedItem]:
        out: dict[str, ExtractedItem] = {}
        for item in doc.items.exclude(status=ItemStatus.REJECTED).exclude(kind=ItemKind.DEADLINE).order_by("start"):
            out.setdefault(_key(item), item)
        return out

    old, new = index(previous), index(document)
    for key, item in new.items():
        if key not in old:
            changes.added.append(Change("added", key, item_label(item), after=_describe(item)))
        elif _describe(old[key]) != _describe(item):
            changes.changed.append(
                Change("changed", key, item_label(item), before=_describe(old[key]), after=_describe(item))
            )
    for key, item in old.items():
        if key not in new:
            changes.removed.append(Change("removed", key, item_label(item), before=_describe(item)))
    return changes
