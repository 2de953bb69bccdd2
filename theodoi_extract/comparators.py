"""Comparator words around a number: "trên 63%" (>), "không quá 4%" (<=), "20% trở lên" (>=), and
the range words that join two numbers ("từ 6,5% đến 7%").

Why a module of its own: the phrases come from `vocab/comparators.json` and are matched in a
short window before the number (only filler words between) or right after its unit; the table
reader uses the same reading for cells like "≥ 95".
"""

from __future__ import annotations

import re
from functools import cache

from theodoi_extract import vocabulary
from theodoi_extract.units import alternation, phrase_pattern
from theodoi_extract.written_numbers import NUMBER

_WS = re.compile(r"\s+")


@cache
def range_re() -> re.Pattern[str]:
    words = alternation(vocabulary.words("comparators", "range_words"))
    scales = alternation(list(vocabulary.mapping("scales", "scales")))
    return re.compile(rf"\s*(?P<pct>%|(?:{scales})(?!\w))?\s*(?P<sep>-|–|{words})\s*(?P<n2>{NUMBER})(?![.,]\d)(?!\w)")


@cache
def _before_pattern(boundary: bool = True) -> str:
    before = {k.lower(): str(v) for k, v in vocabulary.mapping("comparators", "before").items()}
    fillers = [w.lower() for w in vocabulary.words("comparators", "fillers")] + [":"]
    words = sorted(before, key=len, reverse=True)
    start = r"(?:^|(?<=[^\w]))" if boundary else ""
    return (rf"{start}(?P<p>{'|'.join(phrase_pattern(w) for w in words)})"
            rf"(?:\s*(?:{alternation(fillers)})(?!\w)){{0,3}}\s*$")


@cache
def _before_folded_re() -> re.Pattern[str]:
    """`before_re` for the lower-cased text: case-sensitive and opening with the phrases themselves,
    so the engine jumps between their first letters; the word boundary before the phrase is checked
    by `comparator_before`."""
    return re.compile(_before_pattern(boundary=False))


@cache
def _comparator_tables() -> tuple[dict[str, str], re.Pattern[str], re.Pattern[str]]:
    before = {k.lower(): str(v) for k, v in vocabulary.mapping("comparators", "before").items()}
    before_re = re.compile(_before_pattern(), re.IGNORECASE)
    after = vocabulary.mapping("comparators", "after")
    # up to two lower-case words may qualify the unit first ("từ 250 đảng viên mới trở lên")
    after_re = re.compile(rf"(?:[ \t]+[a-zà-ỹđ]+(?=[ \t])){{0,2}}?\s*(?:\)\s*)?(?P<w>{alternation(list(after))})(?!\w)", re.IGNORECASE)
    return before, before_re, after_re


@cache
def _comparator_last_words() -> tuple[str, ...]:
    """The last word of every comparator phrase: a window holding none of them holds no phrase."""
    return tuple(sorted({k.split()[-1] for k in _comparator_tables()[0]}))


def comparator_before(text: str, start: int, floor: int, folded: str | None = None) -> str | None:
    """The comparator phrase written just before a number (only filler words may stand between).
    `folded`: the lower-cased text (`structure.fold`), searched instead of `text` when given."""
    table, before_re, _ = _comparator_tables()
    lo = max(floor, start - 40)
    window = folded[lo:start] if folded is not None else text[lo:start].lower()
    for word in _comparator_last_words():
        if word in window:
            break
    else:
        return None
    if folded is not None:
        pattern, pos = _before_folded_re(), lo
        while (m := pattern.search(folded, pos, start)) is not None:
            i = m.start()
            if i == 0 or not (folded[i - 1].isalnum() or folded[i - 1] == "_"):
                return table[_WS.sub(" ", m.group("p"))]
            pos = i + 1
        return None
    m = before_re.search(text, lo, start)
    return table[_WS.sub(" ", m.group("p")).lower()] if m else None


@cache
def _after_table() -> dict[str, str]:
    return {k: str(v) for k, v in vocabulary.mapping("comparators", "after").items()}


def comparator_after(text: str, end: int) -> tuple[str, int] | None:
    """A comparator written after the unit ("20% trở lên"): the comparator and where it ends."""
    _, _, after_re = _comparator_tables()
    m = after_re.match(text, end)
    if not m:
        return None
    return _after_table()[_WS.sub(" ", m.group("w")).lower()], m.end()


@cache
def _margin_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = alternation(vocabulary.words("comparators", "margin_words"))
    bases = alternation(vocabulary.words("comparators", "margin_bases"))
    return (re.compile(rf"(?:^|\s)(?:{words})\s*$", re.IGNORECASE),
            re.compile(rf"[ \t]*(?:{bases})(?!\w)", re.IGNORECASE))


def is_margin(text: str, start: int, end: int) -> bool:
    """"vượt 12% dự toán": the number right after "vượt" measures how far a result went past the
    base named right after its unit (a margin, comparator =), not a lower bound."""
    before, after = _margin_res()
    return before.search(text, max(0, start - 8), start) is not None and after.match(text, end) is not None


_TU_RE = re.compile(r"(?:^|\s)[Tt]ừ\s*$")


def has_tu_before(text: str, start: int) -> bool:
    return bool(_TU_RE.search(text[max(0, start - 8):start]))
