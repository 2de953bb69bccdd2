"""Cue words and the per-document context that target reading looks things up in.

Why: goal and result cues ("phấn đấu", "ước đạt"), section titles ("KẾT QUẢ ...", "PHƯƠNG
HƯỚNG ..."), agency blocks and year mentions are indexed once per document; `TargetContext`
holds those indexes so each figure's reading is a few bisections.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cache

from theodoi_extract import vocabulary
from theodoi_extract.assignments import Block
from theodoi_extract.model import DocumentMeta
from theodoi_extract.structure import Heading, HeadingIndex, Segmenter, fold
from theodoi_extract.years import YEAR, Mentions, is_base_year


@cache
def cue_lists() -> dict[str, list[str]]:
    return {k: [w.lower() for w in v] for k, v in vocabulary.load("cues").items() if isinstance(v, list)}


@cache
def cue_re(key: str) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w) for w in sorted(cue_lists()[key], key=len, reverse=True)), re.IGNORECASE)


def has_cue(haystack: str, key: str) -> bool:
    """Does the (lower-cased) text contain one of the cue phrases of `key`?"""
    return cue_re(key).search(haystack) is not None


def is_span_exception(text: str, pos: int) -> bool:
    """"bình quân đầu người" is a per-head figure, not an average over a span."""
    window = text[pos:pos + 24].lower()
    return any(window.startswith(e) for e in cue_lists()["span_exceptions"])


@dataclass
class TargetContext:
    text: str
    meta: DocumentMeta
    seg: Segmenter
    headings: HeadingIndex
    blocks: list[Block]
    mentions: Mentions
    ref_year: int | None
    block_starts: list[int] = field(default_factory=list)
    _cue_pos: dict[str, list[int]] = field(default_factory=dict)
    _heading_kind: dict[int, str | None] = field(default_factory=dict)
    _folded: str | None = None

    def cue_positions(self, key: str, lo: int, hi: int) -> list[int]:
        """Where the cue phrases of `key` start in text[lo:hi] (looked up by bisection)."""
        found = self._cue_pos.get(key)
        if found is None:
            found = self._cue_pos[key] = self._scan_cues(key)
        return found[bisect.bisect_left(found, lo):bisect.bisect_left(found, hi)]

    def folded(self) -> str:
        """The lower-cased text (computed once), or "" where lower-casing changes its length."""
        if self._folded is None:
            self._folded = fold(self.text) or ""
        return self._folded

    def _scan_cues(self, key: str) -> list[int]:
        """All matches of a cue list in the whole text, once per document: `str.find` of each phrase
        in the lower-cased text (folded once), then leftmost-longest non-overlapping, as a regex
        alternation would give them."""
        if self._folded is None:
            self._folded = fold(self.text) or ""
        low = self._folded
        if not low:  # lower-casing changed the length: offsets would not line up, use the regex
            return [m.start() for m in cue_re(key).finditer(self.text) if not is_span_exception(self.text, m.start())]
        hits: list[tuple[int, int]] = []
        for phrase in cue_lists()[key]:
            i = low.find(phrase)
            while i >= 0:
                hits.append((i, -len(phrase)))
                i = low.find(phrase, i + 1)
        hits.sort()
        out: list[int] = []
        last_end = -1
        for pos, neg in hits:
            if pos >= last_end:
                last_end = pos - neg
                if not is_span_exception(low, pos):
                    out.append(pos)
        return out

    def heading_kind(self, h: Heading) -> str | None:
        """"actual", "target" or None for a heading title, cached per heading."""
        if h.start not in self._heading_kind:
            title = h.title.lower()
            self._heading_kind[h.start] = ("actual" if has_cue(title, "actual_heading")
                                           else "target" if has_cue(title, "target_heading") else None)
        return self._heading_kind[h.start]

    def block_at(self, pos: int) -> Block | None:
        """The innermost agency block whose span holds `pos` (blocks do not overlap except nesting)."""
        i = bisect.bisect_right(self.block_starts, pos) - 1
        while i >= 0:
            b = self.blocks[i]
            if b.start <= pos < b.end:
                return b
            if b.level <= 2:
                return None
            i -= 1
        return None


def heading_label(ctx: TargetContext, h: Heading) -> str:
    return " ".join(ctx.text[h.start:h.line_end].split())[:90]


HEADING_YEAR_RE = re.compile(rf"(?:năm|NĂM)\s+({YEAR})(?!\s*[-–]\s*\d)")


def heading_kind_of(title: str) -> str | None:
    """"actual" for a results heading ("Kết quả thực hiện năm 2023"), "target" for a plan heading
    ("Phương hướng, nhiệm vụ năm 2024"), None for one that does not tell."""
    low = title.lower()
    return "actual" if has_cue(low, "actual_heading") else "target" if has_cue(low, "target_heading") else None


def heading_year_of(title: str) -> str | None:
    """The year a heading is about ("II. KẾ HOẠCH NĂM 2026"), never a comparison base it names
    ("i) Giá trị sản xuất tăng 7% so với năm 2025.")."""
    for m in HEADING_YEAR_RE.finditer(title):
        if not is_base_year(title, m.start()):
            return m.group(1)
    return None
