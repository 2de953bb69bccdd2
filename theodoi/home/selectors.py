"""Search over targets, tasks and documents, with or without diacritics, and the home overview.

Search compares folded copies (core.text.fold) stored beside the text, so "tang truong" finds
"tăng trưởng" on SQLite and PostgreSQL alike; every result list goes through the same
visibility rules as the pages that show it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch

from theodoi.core.text import fold
from theodoi.documents.models import Document
from theodoi.documents.selectors import document_list
from theodoi.plans.models import Target, Task
from theodoi.plans.selectors import (
    TargetFilters,
    assignment_visible,
    target_list,
    targets_by_field,
    unit_list,
)

SEARCH_LIMIT = 50


@dataclass
class SearchResults:
    query: str
    targets: list[Target] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    documents: list[dict[str, Any]] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.targets) + len(self.tasks) + len(self.documents)


def _fold_each(text: str) -> str:
    """Fold character by character, keeping offsets (fold() itself collapses spaces)."""
    return "".join((fold(ch) or " ")[:1] for ch in text)


def _snippet(text: str, folded: str, words: list[str], width: int = 90) -> str:
    """A piece of the original text around the first match of any query word."""
    at = min((i for i in (folded.find(w) for w in words) if i >= 0), default=0)
    guess = int(at * len(text) / max(len(folded), 1))
    lo = max(0, guess - 600)
    window = _fold_each(text[lo : guess + 600])
    found = min((i for i in (window.find(w) for w in words) if i >= 0), default=guess - lo)
    start, end = max(0, lo + found - width), min(len(text), lo + found + width)
    return ("…" if start else "") + " ".join(text[start:end].split()) + ("…" if end < len(text) else "")


def search(*, user: Any, query: str) -> SearchResults:
    results = SearchResults(query=query.strip())
    words = fold(query).split()
    if not words:
        return results
    results.targets = list(target_list(user=user, filters=TargetFilters(q=query))[:SEARCH_LIMIT])
    tasks = Task.objects.filter(assignment__in=assignment_visible(user=user)).select_related("assignment")
    for word in words:
        tasks = tasks.filter(text_folded__contains=word)
    results.tasks = list(
        tasks.prefetch_related(Prefetch("assignment__lead_units")).order_by("assignment__pk", "position")[:SEARCH_LIMIT]
    )
    documents = document_list(user=user, q=query).defer("ocr_pages")[:SEARCH_LIMIT]
    results.documents = [{"document": d, "snippet": _snippet(d.text, d.text_folded, words)} for d in documents]
    return results


def home_overview(*, user: Any) -> dict[str, Any]:
    fields = targets_by_field(user=user)
    return {
        "fields": fields,
        "target_total": sum(f["count"] for f in fields),
        "assignment_total": assignment_visible(user=user).count(),
        "unit_total": len(unit_list(user=user)),
        "documents": list(document_list(user=user).defer("text", "text_folded", "ocr_pages")[:8]),
        "document_total": document_list(user=user).count(),
        "published_documents": Document.objects.filter(status="published").count(),
    }
