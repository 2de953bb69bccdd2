"""Text helpers shared by search and matching."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Lower-case, strip Vietnamese diacritics and collapse spaces.

    Officials type "tang truong" as often as "tăng trưởng"; both must find the same rows,
    on SQLite as on PostgreSQL, so search compares folded copies stored beside the text.
    """
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return _SPACES.sub(" ", stripped).strip().lower()


def words(text: str) -> set[str]:
    """Folded word set, for similarity of indicator names."""
    return {w for w in re.split(r"[^0-9a-z]+", fold(text)) if w}


def similarity(a: str, b: str) -> float:
    """Jaccard similarity of folded word sets (0..1)."""
    wa, wb = words(a), words(b)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / len(wa | wb)
