"""Targets and actuals: every quantity with a unit, read in its context.

For each number found by `numbers.find_quantities`, the surrounding clause gives the indicator
(the words before it, or after it when the number leads: "42% số trường mầm non"), cue words and
the enclosing heading tell a goal from a result, year mentions give the period, and the
enclosing agency item gives the responsible agency. Year mentions are found in one pass and
looked up by bisection, so the whole step stays linear in the text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cache

from theodoi_extract import vocabulary
from theodoi_extract.assignments import Block
from theodoi_extract.context import confidence, with_decisions
from theodoi_extract.model import Decision, DocumentMeta, Target
from theodoi_extract.numbers import QuantityMatch, find_quantities, in_vocabulary
from theodoi_extract.structure import Heading, HeadingIndex, Segmenter, fold

_YEAR = r"(?:19[5-9]\d|20\d\d|21\d\d)"
_YEAR_AFTER_RE = re.compile(rf"[ \t\n]*(?:\)[ \t]*)?(?:vào\s+|trong\s+|của\s+|đến\s+)?(?:cuối\s+)?năm\s+({_YEAR})(?!\d)(?!\s*:)")
_WS = re.compile(r"\s+")
_OUTSIDE_VOCABULARY_WEIGHT = 0.85  # a unit read from the phrase's shape, not from the vocabulary
_WINDOW = 400  # how far cue words are looked for around a number: keeps long paragraphs linear


@dataclass(frozen=True)
class Mention:
    pos: int
    end: int
    period: str
    is_span: bool
    preceded_by_in: bool


_YEAR_SCAN = re.compile(rf"({_YEAR})(?:\s*[-–]\s*({_YEAR}))?(?!\d)")
_IN_SPAN_BEFORE = re.compile(r"trong\s+(?:cả\s+)?(?:giai đoạn|thời kỳ|nhiệm kỳ)?\s*$")


_YEAR_WORDS = ("năm", "Năm", "đến", "Đến", "vào", "Vào")
# What a year after these words names is the base a figure is compared with or priced at.
_BASE_BEFORE = re.compile(r"(?:\bso\s+với|\bso|\bgiá\s+so\s+sánh|\bgiá\s+cố\s+định|\bgiá\s+gốc|\bgốc)"
                          r"(?:\s+cùng\s+kỳ)?(?:\s+năm)?\s+$", re.IGNORECASE)


def _year_word_before(before: str) -> bool:
    """`(?:[Nn]ăm|[Đđ]ến|[Vv]ào)\\s+$` without a regex search: whitespace, then one of the words."""
    stripped = before.rstrip()
    return len(stripped) < len(before) and stripped.endswith(_YEAR_WORDS)


class Mentions:
    """Year and span mentions of the whole text, for bisection.

    One scan for four-digit years; a year counts when a word like "năm"/"đến" stands before it
    or a colon after it ("2019: 97,6%"); two years joined by a dash are a span.
    """

    def __init__(self, text: str) -> None:
        self.items: list[Mention] = []
        for m in _YEAR_SCAN.finditer(text):
            if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in ".,/"):
                continue
            before = text[max(0, m.start() - 20):m.start()]
            window = text[max(0, m.start() - 32):m.start()]
            if ("so" in window or "gốc" in window or "So" in window) and _BASE_BEFORE.search(window):
                continue  # "so với năm 2022", "giá so sánh năm 2010": a comparison base, never the period
            if m.group(2):
                period = f"{m.group(1)}-{m.group(2)}"
                self.items.append(Mention(m.start(), m.end(), period, True, bool(_IN_SPAN_BEFORE.search(before.lower()))))
            elif _year_word_before(before) or text[m.end():m.end() + 2].lstrip().startswith(":"):
                self.items.append(Mention(m.start(), m.end(), m.group(1), False, False))
        self.starts = [x.pos for x in self.items]

    def between(self, lo: int, hi: int) -> list[Mention]:
        i, j = bisect.bisect_left(self.starts, lo), bisect.bisect_left(self.starts, hi)
        return [x for x in self.items[i:j] if x.end <= hi]

    def last_span_before(self, pos: int) -> str | None:
        i = bisect.bisect_left(self.starts, pos)
        for x in reversed(self.items[max(0, i - 400):i]):
            if x.is_span:
                return x.period
        return None

    def last_future_before(self, pos: int, after_year: int) -> str | None:
        i = bisect.bisect_left(self.starts, pos)
        for x in reversed(self.items[max(0, i - 400):i]):
            if not x.is_span and int(x.period) > after_year:
                return x.period
        return None


@cache
def _cues() -> dict[str, list[str]]:
    return {k: [w.lower() for w in v] for k, v in vocabulary.load("cues").items() if isinstance(v, list)}


@cache
def _cue_re(key: str) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w) for w in sorted(_cues()[key], key=len, reverse=True)), re.IGNORECASE)


def _has(haystack: str, key: str) -> bool:
    """Does the (lower-cased) text contain one of the cue phrases of `key`?"""
    return _cue_re(key).search(haystack) is not None


def _is_span_exception(text: str, pos: int) -> bool:
    """"bình quân đầu người" is a per-head figure, not an average over a span."""
    window = text[pos:pos + 24].lower()
    return any(window.startswith(e) for e in _cues()["span_exceptions"])


@dataclass
class _Context:
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
            return [m.start() for m in _cue_re(key).finditer(self.text) if not _is_span_exception(self.text, m.start())]
        hits: list[tuple[int, int]] = []
        for phrase in _cues()[key]:
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
                if not _is_span_exception(low, pos):
                    out.append(pos)
        return out

    def heading_kind(self, h: Heading) -> str | None:
        """"actual", "target" or None for a heading title, cached per heading."""
        if h.start not in self._heading_kind:
            title = h.title.lower()
            self._heading_kind[h.start] = ("actual" if _has(title, "actual_heading")
                                           else "target" if _has(title, "target_heading") else None)
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


def extract_targets(text: str, meta: DocumentMeta, seg: Segmenter, headings: HeadingIndex,
                    blocks: list[Block], skip: list[tuple[int, int]] | None = None,
                    folded: str | None = None) -> list[Target]:
    """All targets and actuals of the prose, in order (`skip`: sorted spans left to other readers;
    `folded`: `structure.fold(text)` when the caller has it already)."""
    skip = skip or []
    skip_starts = [a for a, _ in skip]
    ref_year = meta.plan_year or (int(meta.date[:4]) if meta.date else None)
    ctx = _Context(text, meta, seg, headings, sorted(blocks, key=lambda b: b.start), Mentions(text), ref_year)
    ctx.block_starts = [b.start for b in ctx.blocks]
    if folded is not None:
        ctx._folded = folded
    quantities = sorted(find_quantities(text, folded=folded), key=lambda q: q.start)
    out: list[Target] = []
    prev: tuple[QuantityMatch, Target, bool] | None = None
    for i, q in enumerate(quantities):
        k = bisect.bisect_right(skip_starts, q.start) - 1
        if k >= 0 and q.start < skip[k][1]:
            continue
        if _in_block_header(ctx, q.start) or _is_dated_threshold(ctx, q) or _is_section_count(text, q):
            continue
        met = _indicator_count(ctx, q)
        if met is False:
            continue
        nxt = quantities[i + 1].start if i + 1 < len(quantities) else len(text)
        target, explicit = _read(ctx, q, prev, nxt)
        if met:
            target = _as_result(ctx, target, explicit)
        out.append(target)
        prev = (q, target, explicit)
    return out


_DATED_THRESHOLD_RE = re.compile(r"(?:[Đđ]ến|[Tt]rước|[Hh]ết)\s+(?:ngày\s+)?\d{1,2}\s+tháng\s+\d{1,2}\b[^;:]*$")


def _is_dated_threshold(ctx: _Context, q: QuantityMatch) -> bool:
    """"Đến 30 tháng 6 năm 2021 giải ngân dưới 40%" is a rule's trigger (see deadlines), not a goal."""
    if q.comparator not in ("<", "<="):
        return False
    cs, _ = ctx.seg.clause(q.start)
    return bool(_DATED_THRESHOLD_RE.search(ctx.text[max(cs, q.start - 120):q.start]))


def _is_section_count(text: str, q: QuantityMatch) -> bool:
    """"1. Chỉ tiêu về kinh tế (06 chỉ tiêu)": how many targets a section lists, not a target."""
    return (q.unit == "chỉ tiêu" and text[max(0, q.start - 2):q.start].rstrip().endswith("(")
            and text[q.end:q.end + 2].lstrip().startswith(")"))


_MET_RE = re.compile(r"\b(?:đạt|vượt|hoàn thành|không đạt|chưa đạt)\b")


def _indicator_count(ctx: _Context, q: QuantityMatch) -> bool | None:
    """None: not a count of indicators. A number of "chỉ tiêu" is either how many indicators a plan
    lists ("Kế hoạch có 12 chỉ tiêu", "đề ra 15 chỉ tiêu": False, no item at all) or how many of
    them were met ("11/13 chỉ tiêu đạt và vượt", "2 chỉ tiêu không đạt": True, a reported result,
    whatever the heading it stands under)."""
    if q.unit != "chỉ tiêu":
        return None
    _, ce = ctx.seg.clause(q.start)
    after = ctx.text[q.end:min(ce, q.end + 200)]
    # The verb that says "met" belongs to this count only before the next figure starts: in
    # "tổng số 21 chỉ tiêu, có 17 chỉ tiêu đạt" the 21 is the total and the 17 the result.
    after = re.split(r"[;(]|\.\s|\d", after, maxsplit=1)[0]
    return bool(_MET_RE.search(after.lower()))


def _as_result(ctx: _Context, target: Target, explicit: bool) -> Target:
    """A count of indicators met is an actual of the year reported on (the year before a plan's)."""
    kind = Decision("kind", "actual", "sentence", "chỉ tiêu đạt")
    period = target.decision("period") or Decision("period", target.period, "default")
    if not explicit:
        year, why = _heading_or_metadata_year(ctx, target.start, "actual")
        period = Decision("period", year, *why)
    rest = [d for d in target.decisions if d.attribute not in ("kind", "period")]
    return with_decisions(target, (kind, period, *rest))


def _in_block_header(ctx: _Context, pos: int) -> bool:
    b = ctx.block_at(pos)
    return b is not None and pos < b.body_start


_CHANGE_BEFORE = re.compile(r"(?:tăng|giảm)\s*$")
_COMPARED_RE = re.compile(r"(?:so\s+với|so\s|bằng|tăng|giảm)\b")
_SO_RE = re.compile(r"^số\s+")
_AGENCY_LABEL_RE = re.compile(r"(?:Giám đốc|Trưởng|Chủ tịch|Thủ trưởng|Cục trưởng|Sở|Ban)\b")


def _read(ctx: _Context, q: QuantityMatch, prev: tuple[QuantityMatch, Target, bool] | None,
          next_start: int) -> tuple[Target, bool]:
    text = ctx.text
    cs, ce = ctx.seg.clause(q.start)
    ss, se = ctx.seg.sentence(q.start)
    same_sentence = prev is not None and prev[0].end > ss
    floor = max(cs, prev[0].end) if prev is not None and prev[0].end > cs else cs
    block = ctx.block_at(q.start)
    if block is not None and block.body_start > floor:
        floor = block.body_start
    same_clause = prev is not None and prev[0].end > cs
    indicator, ind_start = _indicator(text, q, floor, min(ce, next_start), same_clause)
    if not indicator:
        if same_clause and prev is not None:
            indicator = prev[1].indicator
            if q.unit.startswith("%") and not prev[1].unit.startswith("%") and _CHANGE_BEFORE.search(text, floor, q.start):
                indicator = f"Tốc độ tăng {indicator[0].lower()}{indicator[1:]}"
        else:
            indicator = f"Số {q.unit}"
    period, explicit = _explicit_period(ctx, q, ss, se, cs, ce)
    why_period: tuple[str, str] = ("sentence", _year_words(text, ss, se, period)) if period else ("default", "")
    if period is None and same_sentence and prev is not None and prev[2]:
        period, explicit = prev[1].period, True
        why_period = ("sentence", f"the figure before: {prev[1].number_text}")
    plan_phrase = _plan_phrase(text, cs, q, ctx.folded())
    plan_figure = plan_phrase is not None
    kind, *why_kind = _kind(ctx, q, ss, se, cs, ce, period, plan_phrase, next_start)
    if plan_figure:
        # "ước đạt 6,5% (kế hoạch 7-7,5%)": the plan figure of the result just reported.
        if same_sentence and prev is not None:
            # Its year is the result's ("tăng 6,2% so với năm 2022, thấp hơn chỉ tiêu (7-7,5%)": 2023,
            # not the base year named in between), unless a year is written right after it.
            indicator = prev[1].indicator
            written = _YEAR_AFTER_RE.match(text, q.end) or _HEADING_YEAR_RE.search(plan_phrase or "")
            period = written.group(1) if written else prev[1].period or period
            why_period = ("sentence", written.group().strip() if written else f"the result before: {prev[1].number_text}")
        if period is None:
            period, why_period = _heading_or_metadata_year(ctx, q.start, "actual", plan_figure=True)
    if period is None:
        period, why_period = _heading_or_metadata_year(ctx, q.start, kind)
    agency, why_agency = _agency(ctx, q.start)
    decisions = (Decision("kind", kind, *why_kind), Decision("period", period, *why_period),
                 Decision("agency", agency, *why_agency))
    synthetic = indicator == f"Số {q.unit}"
    score, reason = confidence(decisions, synthetic_indicator=synthetic)
    if not in_vocabulary(q.unit):
        score, reason = round(score * _OUTSIDE_VOCABULARY_WEIGHT, 3), f"unit outside vocabulary '{q.unit}'; {reason}"
    return Target(kind, indicator, q.comparator, q.value, q.value_max, q.unit, period, agency,
                  ind_start, q.end, q.number_text, path=_path(ctx, ind_start), decisions=decisions,
                  confidence=score, reason=reason), explicit


def _path(ctx: _Context, pos: int) -> tuple[str, ...]:
    """The headings the item stands under, outermost first, as printed (one line each, shortened)."""
    return tuple(_heading_label(ctx, h) for h in ctx.headings.containing(pos))


def _year_words(text: str, lo: int, hi: int, period: str | None) -> str:
    """The words that name the year in the sentence ("đến năm 2025", "giai đoạn 2021-2025")."""
    if not period:
        return ""
    i = text.find(period[:4], lo, hi)
    if i < 0:
        return period
    j = text.rfind(" ", max(lo, i - 16), max(lo, i - 1))
    return " ".join(text[j + 1 if j >= 0 else max(lo, i - 8):i + len(period)].split())


def _heading_label(ctx: _Context, h: Heading) -> str:
    return " ".join(ctx.text[h.start:h.line_end].split())[:90]


def _heading_or_metadata_year(ctx: _Context, pos: int, kind: str,
                              plan_figure: bool = False) -> tuple[str | None, tuple[str, str]]:
    """The year of the innermost heading that names one (of this kind), else the metadata's."""
    year, h = _heading_year_at(ctx, pos, kind)
    if year is not None and h is not None:
        return year, ("heading", _heading_label(ctx, h))
    meta = ctx.meta
    year = _base_year(meta) if plan_figure else _fallback_period(ctx, pos, kind)
    if year is None:
        return None, ("default", "")
    said = f"plan year {meta.plan_year}" if meta.plan_year else f"date {meta.date}" if meta.date else ""
    return year, ("metadata", f"{meta.kind}, {said}".strip(", "))


# --- indicator -------------------------------------------------------------------------------

_LEAD_JUNK = re.compile(
    r"^(?:[-+•–*]\s*|\(?\d{1,2}(?:\.\d{1,2})*[.)]\s+|[a-zđ]\)\s+|\(\)\s*|\[\d+:\s*\(\)\s*|[,;:)\]]\s*|"
    r"(?:và|với|lên|xuống|còn|trong đó|trong|đó|phấn đấu|tiếp tục|đến|vào|cuối|năm|có|đạt|thêm|toàn tỉnh|hiện|nay|sau|để|là|bằng|đảm bảo|, )\b\s*|"
    rf"{_YEAR}\b\s*|[Nn]ăm\s+{_YEAR}\b,?\s*)+",
    re.IGNORECASE,
)
_NOISE = re.compile(r"\(\[footnoteRef:\d+\]\)|\[footnoteRef:\d+\]|\(\s*\d{1,2}\s*\)|\d+(?=[.,;]?\s*$)")


_TAIL_PHRASES = frozenset({
    "đạt", "là", "khoảng", "trên", "dưới", "hơn", "từ", "ít nhất", "tối thiểu", "tối đa", "không quá", "còn", "lên",
    "xuống", "tăng", "giảm", "được", "có", "mức", "ở", "chiếm", "bằng", "với", "vượt", "thêm", "mới", "ước",
    "dự kiến", "vào", "trong", "thực hiện", "ước thực hiện", "trở lên", "khoảng trên", "đến", "cuối",
})
_TAIL_STRIP = " ,;:-(.\t\n"


@cache
def _tail_set() -> frozenset[str]:
    comparators = {p.lower() for p in vocabulary.mapping("comparators", "before") if p[0].isalpha()}
    return _TAIL_PHRASES | comparators


@cache
def _tail_last_words() -> frozenset[str]:
    return frozenset(p.split()[-1].strip(_TAIL_STRIP).lower() for p in _tail_set() if p.split())


def _strip_tail_words(s: str) -> str:
    """Drop trailing cue/comparator words and "năm 2021": a word-level loop from the right end
    (words are single-space separated; `end` is where the kept words stop), no regex, no split."""
    tail, last_words = _tail_set(), _tail_last_words()
    end = len(s)
    while end > 0:
        p1 = s.rfind(" ", 0, end)
        last = s[p1 + 1:end].strip(_TAIL_STRIP).lower()
        if not last:
            end = max(p1, 0)
            continue
        if p1 >= 0 and last.isdigit() and len(last) == 4:
            p2 = s.rfind(" ", 0, p1)
            if s[p2 + 1:p1].lower() == "năm":
                end = max(p2, 0)
                continue
        if last not in last_words:  # no tail phrase ends with this word: nothing more to strip
            break
        cut = -2  # where the stripped phrase starts (the space before it), -2: none found
        if p1 >= 0:
            p2 = s.rfind(" ", 0, p1)
            if p2 >= 0:
                p3 = s.rfind(" ", 0, p2)
                if s[p3 + 1:end].strip(_TAIL_STRIP).lower() in tail:
                    cut = p3
            if cut == -2 and s[p2 + 1:end].strip(_TAIL_STRIP).lower() in tail:
                cut = p2
        if cut == -2 and last in tail:
            cut = p1
        if cut == -2:
            break
        end = max(cut, 0)
    return s[:end].strip(_TAIL_STRIP)


def _denoise(s: str) -> str:
    """Drop footnote references and a trailing footnote number; skipped when none can be there."""
    tail = s.rstrip()
    if tail[-1:] in (".", ",", ";"):
        tail = tail[:-1]
    if "(" in s or "[" in s or tail[-1:].isdigit():
        return _NOISE.sub(" ", s)
    return s


def _clean(fragment: str) -> str:
    """Indicator words: drop bullets, item numbers, cue and comparator words, years at the edges."""
    s = " ".join(_denoise(fragment[-240:]).split())
    for _ in range(3):
        before = s
        m = _LEAD_JUNK.match(s)
        if m and m.end():
            s = s[m.end():]
        s = _strip_tail_words(s)
        if s == before:
            break
    return s


_NOMINAL_HEADS = re.compile(
    r"^(?:tỷ lệ|tỷ trọng|tỉ lệ|diện tích|tổng|số|giá trị|thu|chi|tốc độ|dân số|kim ngạch|vốn|grdp|grdp|sản lượng|lượng|"
    r"quy mô|thu nhập|cơ cấu|khu vực|nợ|đàn|chỉ số|mức|năng suất|độ|nguồn|lượt|dư nợ|giá|khách|lao động|hộ|trẻ em|"
    r"học sinh|trường|xã|bình quân|ngành|nhóm ngành|doanh thu|lợi nhuận|công suất|tuổi thọ|số lượng)\b",
    re.IGNORECASE,
)
_RIGHT_CUT = re.compile(r";|\(|\n\s*\n|,(?=\s*(?:và\s+)?(?:trong đó\s+)?[^,;]{0,12}\d)|\.\s")
_RIGHT_YEAR = re.compile(rf"\s*(?:(?:vào|trong|đến)\s+)?(?:cuối\s+)?năm\s+{_YEAR}.*$", re.DOTALL)


_AREA_UNITS = frozenset({"ha", "héc-ta", "hécta", "km2", "m2"})
_SECTION_LABEL_RE = re.compile(r"^(?:về|lĩnh vực)\s", re.IGNORECASE)


def _left_fragment(text: str, q: QuantityMatch, floor: int, after_quantity: bool) -> tuple[str, int, str]:
    """The words before the number: (fragment, its offset, a label written before a colon)."""
    left_start = max(floor, q.start - 240)
    left = text[left_start:q.start]
    if after_quantity and ("," in left or ";" in left):
        cut = max(left.rfind(","), left.rfind(";")) + 1
        left_start += cut
        left = left[cut:]
    label = ""
    if ":" in left:
        head, _, after = left.rpartition(":")
        if len(_clean(after).split()) >= 2:
            label = _clean(head.split(":")[-1])
            left_start += len(head) + 1
            left = after
        elif _SECTION_LABEL_RE.match(_clean(head.rpartition(":")[2])):
            # "4.3. Về quốc phòng, an ninh: Đến năm 2021, có trên 70% xã ...": a "Về ..." label names
            # the section, not the indicator; the words after the number must name it instead.
            label = _clean(head.rpartition(":")[2])
            left_start += len(head) + 1
            left = after
        else:
            before_colon = head.rpartition(":")[2]
            left_start += len(head) - len(before_colon)
            left = before_colon
    return left, left_start, label


def _right_fragment(text: str, q: QuantityMatch, ceiling: int) -> str:
    right = text[q.end:min(ceiling, q.end + 200)]
    right = _RIGHT_CUT.split(right, maxsplit=1)[0]
    words = " ".join(_denoise(right).split()).strip(" ,;:-(.)")
    return _RIGHT_YEAR.sub("", words).strip() if "năm" in words else words.strip()


def _is_count(unit: str) -> bool:
    head = unit.split("/")[0].lower()
    return not (head.endswith(("%", "đồng", "usd", "ha", "km", "tấn", "m2", "m3", "kg", "lít", "mw", "kwh")))


def _indicator(text: str, q: QuantityMatch, floor: int, ceiling: int, after_quantity: bool = False) -> tuple[str, int]:
    """The indicator words and where the evidence span starts ("" when it must be inherited)."""
    left, left_start, label = _left_fragment(text, q, floor, after_quantity)
    cleaned = _clean(left)
    if len(cleaned.split()) > 12 and ", " in cleaned:
        cleaned = cleaned.rpartition(", ")[2]
    right = _right_fragment(text, q, ceiling)
    unit_word = q.unit.split("/")[0]
    for scale in ("nghìn ", "ngàn ", "triệu ", "tỷ ", "tỉ "):
        unit_word = unit_word.removeprefix(scale)
    if len(cleaned.split()) >= 2 or (cleaned and not right):
        offset = _find_start(text, left_start, q.start, cleaned) if cleaned else q.start
        if _is_count(q.unit) and not _NOMINAL_HEADS.match(cleaned):
            if cleaned.endswith(" cho"):  # "giải quyết việc làm cho 800 lao động": those who get it
                cleaned = f"được {cleaned[0].lower()}{cleaned[1:-4]}"
            cleaned = f"Số {unit_word} {right} {cleaned[0].lower()}{cleaned[1:]}".replace("  ", " ").strip()
        elif label and len(label.split()) <= 6 and not _looks_like_agency_header(label):
            cleaned = f"{cleaned} ({label})"
        return cleaned, offset
    if right and not _COMPARED_RE.match(right):
        noun = _SO_RE.sub("", right)
        if q.unit.startswith("%"):
            return f"Tỷ lệ {noun}", q.start
        if unit_word.lower() in _AREA_UNITS:  # "Trồng mới 450 ha rừng": the area of new forest
            verb = " ".join(_LEAD_JUNK.sub("", " ".join(left.split())).split()[-3:])
            verb = verb if verb.replace(" ", "").isalpha() else ""
            return f"Diện tích {noun} {verb.lower()}".strip(), q.start
        return f"Số {unit_word} {noun}".strip(), q.start
    return "", q.start


def _find_start(text: str, lo: int, hi: int, cleaned: str) -> int:
    first = cleaned.split()[0]
    pos = text.find(first, lo, hi)
    return pos if pos >= 0 else lo


def _looks_like_agency_header(label: str) -> bool:
    return bool(_AGENCY_LABEL_RE.match(label))


# --- period and kind ---------------------------------------------------------------------------

def _explicit_period(ctx: _Context, q: QuantityMatch, ss: int, se: int, cs: int, ce: int) -> tuple[str | None, bool]:
    m = _YEAR_AFTER_RE.match(ctx.text, q.end)
    if m:
        return m.group(1), True
    span_ok = "/năm" in q.unit or bool(ctx.cue_positions("span_cues", ss, min(se, q.start)))
    for lo, hi in ((cs, q.start), (ss, cs)):
        for mention in reversed(ctx.mentions.between(lo, hi)):
            if mention.is_span and not (span_ok or mention.preceded_by_in):
                continue
            return mention.period, True
    by_year = None if span_ok else _by_year(ctx.text, q.end, max(q.end, min(ce, q.end + 160)))
    if by_year:
        return by_year, True
    if span_ok:  # "tăng bình quân 8%/năm giai đoạn 2021-2025": the span written just after
        for mention in ctx.mentions.between(q.end, min(ce, q.end + 60)):
            if mention.is_span:
                return mention.period, True
        span = ctx.mentions.last_span_before(q.start)
        if span:
            return span, True
    return None, False


# "phát triển 5.000 ha cây dược liệu đến năm 2025": the year by which, written after the figure
# (before any bracket or punctuation, within 80 characters).
_BY_YEAR_RE = re.compile(rf"đến\s+(?:cuối\s+)?năm\s+({_YEAR})(?!\d)(?!\s*[-–:])")
_BY_YEAR_STOP = frozenset("(),;:.")


def _by_year(text: str, lo: int, hi: int) -> str | None:
    i = text.find("đến", lo, hi)
    while 0 <= i <= lo + 80:
        if any(c in _BY_YEAR_STOP for c in text[lo:i]):
            return None
        if i == 0 or not text[i - 1].isalnum() and text[i - 1] != "_":
            m = _BY_YEAR_RE.match(text, i, hi)
            if m:
                return m.group(1)
        i = text.find("đến", i + 1, hi)
    return None


_PLAN_TAIL = (rf"(?:\s+(?:năm\s+{_YEAR}|đề ra|được giao|giao|của tỉnh))*"
              r"\s*(?:là|:|\(|đặt ra)?\s*(?:đạt\s+)?(?:từ|trên|dưới|khoảng|ít nhất|tối thiểu|không quá|hơn)?\s*$")
_PLAN_FIGURE_RE = re.compile(rf"(?:kế hoạch|chỉ tiêu|mục tiêu|Nghị quyết|\bKH|\bNQ){_PLAN_TAIL}", re.IGNORECASE)
# The same in the lower-cased text, case-sensitive and opening with the words themselves (so the
# engine jumps between their first letters); the word boundary before "kh"/"nq" is checked in code.
_PLAN_FIGURE_FOLDED_RE = re.compile(rf"(?:kế hoạch|chỉ tiêu|mục tiêu|nghị quyết|kh|nq){_PLAN_TAIL}")


_PLAN_WORDS = ("kế hoạch", "chỉ tiêu", "mục tiêu", "kh", "nq", "nghị quyết")


def _plan_phrase(text: str, cs: int, q: QuantityMatch, folded: str = "") -> str | None:
    """The words that make the number a plan figure quoted beside a result ("(kế hoạch 7-7,5%)",
    "kế hoạch năm 2016 là ..."), or None. `folded`: the lower-cased text, "" if not at hand."""
    lo = max(cs, q.start - 60)
    window = folded[lo:q.start] if folded else text[lo:q.start].lower()
    if not any(w in window for w in _PLAN_WORDS):
        return None
    if not folded:
        m = _PLAN_FIGURE_RE.search(text, lo, q.start)
        return m.group() if m else None
    pos = lo
    while (m := _PLAN_FIGURE_FOLDED_RE.search(folded, pos, q.start)) is not None:
        i = m.start()
        if not (folded.startswith(("kh", "nq"), i) and i and (folded[i - 1].isalnum() or folded[i - 1] == "_")):
            return text[i:m.end()]
        pos = i + 1
    return None


def _introduces_next(text: str, cue: int, next_start: int) -> bool:
    """Does a cue written after a figure introduce the next figure instead ("đạt khoảng 640 tỷ đồng
    (ước thực hiện năm 2025 là 598 tỷ đồng)")? Yes when the next figure follows it with no comma,
    semicolon or bracket between: the cue opens that figure's phrase."""
    return next_start > cue and not any(c in ",;()" for c in text[cue:next_start])


def _kind(ctx: _Context, q: QuantityMatch, ss: int, se: int, cs: int, ce: int, period: str | None,
          plan_phrase: str | None = None, next_start: int = -1) -> tuple[str, str, str]:
    """(kind, source, evidence): a cue in the sentence, then the year against the plan year, then
    the innermost heading that tells, then the document's kind."""
    if plan_phrase is not None:
        return "target", "sentence", " ".join(plan_phrase.split())
    found = ctx.cue_positions("target_clause", max(ss, q.start - _WINDOW), min(se, q.start))
    if found:
        return "target", "sentence", _words_at(ctx.text, found[-1])
    found = [i for i in ctx.cue_positions("actual_clause", max(cs, q.start - _WINDOW), min(ce, q.end + _WINDOW + 1))
             if i < q.start or not _introduces_next(ctx.text, i, next_start)]
    if found:
        return "actual", "sentence", _words_at(ctx.text, found[0])
    if period and ctx.ref_year and "-" not in period:
        year = int(period)
        if year < ctx.ref_year:
            return "actual", "sentence", f"năm {year} before plan year {ctx.ref_year}"
        if year > ctx.ref_year:
            return "target", "sentence", f"năm {year} after plan year {ctx.ref_year}"
    for h in reversed(ctx.headings.containing(q.start)):
        heading_kind = ctx.heading_kind(h)
        if heading_kind is not None:
            return heading_kind, "heading", _heading_label(ctx, h)
    kind = "actual" if ctx.meta.kind == "bao_cao" else "target"
    return kind, "metadata", f"document kind {ctx.meta.kind}"


def _words_at(text: str, pos: int, n: int = 3) -> str:
    return " ".join(text[pos:pos + 40].split()[:n])


_HEADING_YEAR_RE = re.compile(rf"(?:năm|NĂM)\s+({_YEAR})(?!\s*[-–]\s*\d)")


def _heading_year(ctx: _Context, pos: int, kind: str) -> str | None:
    """The year named by the innermost heading ("II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2022") of the same kind."""
    return _heading_year_at(ctx, pos, kind)[0]


def heading_kind_of(title: str) -> str | None:
    """"actual" for a results heading ("Kết quả thực hiện năm 2023"), "target" for a plan heading
    ("Phương hướng, nhiệm vụ năm 2024"), None for one that does not tell."""
    low = title.lower()
    return "actual" if _has(low, "actual_heading") else "target" if _has(low, "target_heading") else None


def heading_year_of(title: str) -> str | None:
    m = _HEADING_YEAR_RE.search(title)
    return m.group(1) if m else None


def _heading_year_at(ctx: _Context, pos: int, kind: str) -> tuple[str | None, Heading | None]:
    for h in reversed(ctx.headings.containing(pos)):
        m = _HEADING_YEAR_RE.search(h.title)
        if not m:
            continue
        heading_kind = ctx.heading_kind(h)
        return (m.group(1), h) if heading_kind in (kind, None) else (None, None)
    return None, None


def _base_year(meta: DocumentMeta) -> str | None:
    year = meta.plan_year or (int(meta.date[:4]) if meta.date else None)
    return str(year) if year else None


def _fallback_period(ctx: _Context, pos: int, kind: str) -> str | None:
    meta = ctx.meta
    doc_year = int(meta.date[:4]) if meta.date else None
    if kind == "target":
        if meta.kind == "bao_cao" and (meta.plan_year or doc_year):
            base = int(meta.plan_year or doc_year or 0)
            return ctx.mentions.last_future_before(pos, base) or str(base + 1)
        if meta.plan_year:
            return str(meta.plan_year)
        if doc_year:
            future = ctx.mentions.last_future_before(pos, doc_year)
            return future or str(doc_year)
        return None
    if meta.plan_year:
        return str(meta.plan_year if meta.kind == "bao_cao" else meta.plan_year - 1)
    return str(doc_year) if doc_year else None


def _agency(ctx: _Context, pos: int) -> tuple[str | None, tuple[str, str]]:
    """The lead of the innermost agency block or list heading the figure stands in, and its header."""
    inner = ctx.block_at(pos)
    if inner is None or pos < inner.body_start:
        return None, ("default", "")
    header = " ".join(ctx.text[inner.start:inner.body_start].split())[:90]
    return (inner.lead[0] if len(inner.lead) == 1 else ", ".join(inner.lead)), ("heading", header)
