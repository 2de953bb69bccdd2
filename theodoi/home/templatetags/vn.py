"""Template filters for Vietnamese display: {{ value|vn_number }} gives 1.234,5."""

from __future__ import annotations

from django import template

from theodoi.accounts.names import person_name_on_page
from theodoi.core import vnformat

register = template.Library()


@register.filter
def vn_number(value: float | int | None) -> str:
    """theodoi.core.vnformat.number; a text that is not a number is shown as it is."""
    if value is None or value == "":
        return vnformat.MISSING
    try:
        return vnformat.number(float(value))
    except (TypeError, ValueError):
        return str(value)


register.filter("vn_name", person_name_on_page)
register.filter("person", person_name_on_page)


@register.filter
def mark_terms(text: object, query: str) -> str:
    """Escape `text` and wrap every word of `query` in <mark>, matching with or without diacritics."""
    from django.utils.html import escape
    from django.utils.safestring import mark_safe

    from theodoi.core.text import fold

    raw = str(text or "")
    folded = "".join((fold(ch) or " ")[:1] for ch in raw)
    hits = [False] * len(raw)
    for word in fold(query or "").split():
        at = folded.find(word)
        while at >= 0:
            for i in range(at, at + len(word)):
                hits[i] = True
            at = folded.find(word, at + len(word))
    out, i = [], 0
    while i < len(raw):
        j = i
        while j < len(raw) and hits[j] == hits[i]:
            j += 1
        piece = escape(raw[i:j])
        out.append(f'<mark class="q">{piece}</mark>' if hits[i] else piece)
        i = j
    return mark_safe("".join(out))  # noqa: S308 - every piece is escaped
