"""Mark spans of a document's text as HTML, escaping everything that is not our own markup.

Spans may overlap (a target inside an assignment block): the text is cut at every span
boundary and each piece is wrapped once, with the kind of the innermost (shortest) span that
covers it. Each span start gets an empty anchor `id="o-<start>"` so links can jump to it.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str = "target"  # target | actual | assignment | deadline | active
    item_id: int | None = None
    title: str = ""


def _clip(spans: list[Span], length: int) -> list[Span]:
    out = []
    for span in spans:
        start, end = max(0, min(span.start, length)), max(0, min(span.end, length))
        if end > start:
            out.append(Span(start, end, span.kind, span.item_id, span.title))
    return out


def highlight(text: str, spans: list[Span]) -> SafeString:
    """The text as escaped HTML with <mark> around every span."""
    spans = _clip(spans, len(text))
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    starts = {s.start for s in spans}
    parts: list[str] = []
    for left, right in zip(cuts, cuts[1:], strict=False):
        if left in starts:
            parts.append(f'<span class="anchor" id="o-{left}"></span>')
        piece = escape(text[left:right])
        covering = [s for s in spans if s.start <= left and s.end >= right]
        if not covering:
            parts.append(piece)
            continue
        inner = min(covering, key=lambda s: (s.kind != "active", s.end - s.start))
        classes = f"hl t-{inner.kind}" + (" active" if any(s.kind == "active" for s in covering) else "")
        attrs = f' class="{classes}"'
        if inner.item_id is not None:
            attrs += f' data-item="{inner.item_id}"'
        if inner.title:
            attrs += f' title="{escape(inner.title)}"'
        parts.append(f"<mark{attrs}>{piece}</mark>")
    return mark_safe("".join(parts))  # noqa: S308 - every piece of text above is escaped
