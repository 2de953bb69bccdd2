"""Document structure: headings ("II.", "2.1.", "a)"), sentences and clauses.

Why: whether a number is a goal or a result, which period and which agency it belongs to, is
mostly decided by where it stands: under "Chỉ tiêu chủ yếu năm 2021", in a "Giám đốc Sở Y tế:"
item, in a clause that starts with "năm 2016:". Text from PDFs wraps lines mid-sentence, so line
breaks only count as boundaries when a bullet, an item number or a footnote starts the next line.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

_HEADING_RE = re.compile(
    r"^[ \t]*(?P<ref>[IVX]{1,5}\.|\d{1,2}(?:\.\d{1,2})+\.?|\d{1,2}\.|\d{1,2}\)|[ivx]{2,5}\)|[a-zđ]\)|[A-HJ-UWYZĐ]\.)"
    r"[ \t]+(?P<text>\S[^\n]*)$",
    re.MULTILINE,
)
# "Phần I", "PHẦN THỨ HAI", "Chương II", "Điều 3.": the parts of a long report and of a decision's
# articles; the title may stand on the line after the label.
_PART_RE = re.compile(
    r"^[ \t]*(?P<ref>(?:Phần|PHẦN|Chương|CHƯƠNG)[ \t]+(?:thứ[ \t]+|THỨ[ \t]+)?[^\W\d_]+|(?:Phần|PHẦN|Chương|CHƯƠNG)[ \t]+\d{1,2}"
    r"|(?:Điều|ĐIỀU)[ \t]+\d{1,3})[ \t]*[.:]?[ \t]*(?P<text>[^\n]*)$",
    re.MULTILINE,
)
_NEXT_SENTENCE = r"(?=[\s\"”)]*\s+[\"“(\[]?[A-ZĐÀ-Ỹ\d\-+•])"
# Every branch opens with a literal character, so the regex engine skips ahead to the next
# candidate character instead of trying the whole pattern at every offset.
_SENTENCE_END = re.compile(
    rf"\.{_NEXT_SENTENCE}|!{_NEXT_SENTENCE}|\?{_NEXT_SENTENCE}|…{_NEXT_SENTENCE}"
    r"|\n(?=[ \t]*\n[ \t]*[A-ZĐÀ-Ỹ])"  # a blank line before a capital: a new paragraph
    r"|\n(?=[ \t]*(?:[-+•–][ \t]|\d{1,2}(?:\.\d{1,2})*\.[ \t]|[IVX]{1,5}\.[ \t]|[a-zđ]\)[ \t]|[ivx]{2,5}\)[ \t]|\d{1,2}\)[ \t]|\(\d{1,2}\)|\[\d{1,3}:))"
    r"|\ufffd|\[\d{1,3}:|\](?<!footnoteRef:\d\])(?<!footnoteRef:\d\d\])"
)
_CLAUSE_END = re.compile(r";")


@dataclass(frozen=True)
class Heading:
    """A numbered line; its section runs until the next heading of the same or a higher level."""

    start: int
    text_start: int
    line_end: int
    level: int
    ref: str
    title: str
    end: int = 0


def _level(ref: str) -> int:
    """Phần/Chương -1, a capital letter ("A.") or an article ("Điều 2") 0, a Roman numeral 1,
    "1." 2, "1.1." 3 and so on, "a)" 6."""
    if ref.split()[0].lower() in ("phần", "chương"):
        return -1
    if ref.split()[0].lower() == "điều" or (len(ref) == 2 and ref[0] not in "IVX" and ref[0].isupper()):
        return 0
    if ref[0] in "IVX" and ref.endswith("."):
        return 1
    if ref.endswith(")"):
        # "1)" items hold "a)" and "i)" ones; "i)", "ii)", "iii)" (lower-case Roman) are siblings of
        # the letter items, as "i)" may be either
        return 5 if ref[0].isdigit() else 6
    return 1 + len([p for p in ref.rstrip(".").split(".") if p])


def find_headings(text: str) -> list[Heading]:
    """All numbered lines, each with the end of its section."""
    raw = []
    for m in _HEADING_RE.finditer(text):
        ref = m.group("ref")
        title = _wrapped_title(text, m.group("text").split(":")[0].strip(), m.end())
        raw.append(Heading(m.start("ref"), m.start("text"), m.end(), _level(ref), ref.rstrip(".").rstrip(")"), title))
    parts = []
    for m in _part_matches(text):
        ref, title, text_start = m.group("ref"), m.group("text").split(":")[0].strip(), m.start("text")
        if not title or len(title) < 3:  # the title on the next line ("PHẦN THỨ NHẤT\nKẾT QUẢ ...")
            nl = text.find("\n", m.end() + 1)
            title = text[m.end() + 1:nl if nl >= 0 else len(text)].strip()
        if not title:
            continue
        parts.append(Heading(m.start("ref"), text_start, m.end(), _level(ref), ref, title))
    if parts:
        raw = sorted([*raw, *parts], key=lambda h: h.start)
    ends = [len(text)] * len(raw)
    open_: list[int] = []  # headings whose section is still running, levels strictly increasing
    for i, h in enumerate(raw):
        while open_ and raw[open_[-1]].level >= h.level:
            ends[open_.pop()] = h.start
        open_.append(i)
    return [Heading(h.start, h.text_start, h.line_end, h.level, h.ref, h.title, end) for h, end in zip(raw, ends, strict=True)]


def _wrapped_title(text: str, title: str, line_end: int) -> str:
    """An upper-case title and the upper-case line after it, when a narrow text column wrapped it
    ("II. NHIỆM VỤ TRỌNG TÂM QUÝ IV" / "NĂM 2028"): the second line (no lower-case letter, no item
    mark of its own) still belongs to the heading, and so does the year it names."""
    if not title or title.endswith((":", ".")) or any(c.islower() for c in title) \
            or not any(c.isalpha() for c in title):
        return title
    nl = text.find("\n", line_end + 1)
    line = text[line_end + 1:nl if nl >= 0 else len(text)]
    if not line.strip() or not line.strip()[0].isalpha() or any(c.islower() for c in line) \
            or _HEADING_RE.match(line) or _PART_RE.match(line):
        return title
    return f"{title} {line.strip()}"


_PART_WORDS = ("Phần", "PHẦN", "Chương", "CHƯƠNG", "Điều", "ĐIỀU")


def _part_matches(text: str) -> list[re.Match[str]]:
    """`_PART_RE` tried only at line starts where `str.find` saw one of its words (a regex anchored
    at every line start would cost a pass per line)."""
    out = []
    for word in _PART_WORDS:
        i = text.find(word)
        while i >= 0:
            j = i
            while j > 0 and text[j - 1] in " \t":
                j -= 1
            if j == 0 or text[j - 1] == "\n":
                m = _PART_RE.match(text, j)
                if m:
                    out.append(m)
            i = text.find(word, i + 1)
    return sorted(out, key=lambda m: m.start())


def fold(text: str) -> str | None:
    """The text lower-cased once, for literal scans (`str.find`, literal-prefixed regexes) that are
    many times faster than case-insensitive ones; None where lower-casing changes the length (then
    offsets would not line up and callers scan the original text)."""
    if len(text) <= _FOLD_CHUNK:
        low = text.lower()
    else:  # `str.lower` works in a buffer of 4 bytes x 3 per character: fold line-aligned chunks
        parts, i = [], 0
        while i < len(text):
            j = text.find("\n", i + _FOLD_CHUNK)
            j = len(text) if j < 0 else j + 1
            parts.append(text[i:j].lower())
            i = j
        low = "".join(parts)
    return low if len(low) == len(text) else None


_FOLD_CHUNK = 8192


def find_all(folded: str, words: tuple[str, ...]) -> list[int]:
    """Sorted offsets where any of the lower-case `words` occurs in the folded text."""
    found: set[int] = set()
    for w in words:
        i = folded.find(w)
        while i >= 0:
            found.add(i)
            i = folded.find(w, i + 1)
    return sorted(found)


def match_at_words(pattern: re.Pattern[str], text: str, folded: str | None, words: tuple[str, ...]) -> list[re.Match[str]]:
    """`pattern.finditer(text)` for a pattern whose every match starts with one of `words` (in lower
    case): the pattern is only tried where `str.find` saw a word, leftmost first, non-overlapping."""
    if folded is None:
        return list(pattern.finditer(text))
    out: list[re.Match[str]] = []
    end = 0
    for i in find_all(folded, words):
        if i < end:
            continue
        m = pattern.match(text, i)
        if m:
            out.append(m)
            end = max(m.end(), i + 1)
    return out


class Segmenter:
    """Answers "where does the sentence / clause around offset i start and end" in O(log n)."""

    def __init__(self, text: str, extra_cuts: list[int] | None = None) -> None:
        self.text = text
        cuts = {m.end() for m in _SENTENCE_END.finditer(text)} | set(extra_cuts or [])
        self.sentence_cuts = [0, *sorted(cuts), len(text)]
        clause = set(self.sentence_cuts) | {m.end() for m in _CLAUSE_END.finditer(text)}
        self.clause_cuts = sorted(clause)

    @staticmethod
    def _around(cuts: list[int], pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(cuts, pos) - 1
        start = cuts[max(i, 0)]
        end = cuts[i + 1] if i + 1 < len(cuts) else cuts[-1]
        return start, end

    def sentence(self, pos: int) -> tuple[int, int]:
        return self._around(self.sentence_cuts, pos)

    def clause(self, pos: int) -> tuple[int, int]:
        return self._around(self.clause_cuts, pos)


class HeadingIndex:
    """The headings that contain an offset, outermost first, in O(depth) per lookup."""

    def __init__(self, headings: list[Heading]) -> None:
        self.headings = headings
        self.starts = [h.start for h in headings]
        self.parent: list[int] = []
        stack: list[int] = []
        for i, h in enumerate(headings):
            while stack and headings[stack[-1]].level >= h.level:
                stack.pop()
            self.parent.append(stack[-1] if stack else -1)
            stack.append(i)

    def containing(self, pos: int) -> list[Heading]:
        i = bisect.bisect_right(self.starts, pos) - 1
        chain = []
        while i >= 0:
            h = self.headings[i]
            if h.start <= pos < h.end:
                chain.append(h)
            i = self.parent[i]
        return chain[::-1]
