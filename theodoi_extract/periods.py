"""Kind and period of a prose figure: the sentence first, then headings, then the metadata.

Why together: a year written beside a figure decides its period and, against the plan year, its
kind ("năm 2023" in a 2024 plan is a result); a plan figure quoted beside a result ("kế hoạch
7-7,5%") is a target of the result's year. The precedence itself is `context.decide`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from theodoi_extract import vocabulary
from theodoi_extract.cue_context import TargetContext, heading_label, heading_year_of
from theodoi_extract.model import DocumentMeta
from theodoi_extract.numbers import QuantityMatch, find_quantities
from theodoi_extract.structure import Heading
from theodoi_extract.years import YEAR, is_base_year

YEAR_AFTER_RE = re.compile(rf"[ \t\n]*(?:\)[ \t]*)?(?:vào\s+|trong\s+|của\s+|đến\s+)?(?:cuối\s+)?năm\s+({YEAR})(?!\d)(?!\s*:)")


# a heading naming the rest of the year it stands in ("6 THÁNG CUỐI NĂM", "QUÝ IV", "NHỮNG THÁNG CUỐI NĂM")
_REST_OF_YEAR_RE = re.compile(r"\b(?:\d+|những|các)\s+tháng\s+cuối\s+năm\b|\bquý\s+(?:iv|4)\b(?!\s*[/-]?\s*\d)",
                              re.IGNORECASE)

WINDOW = 400  # how far cue words are looked for around a number: keeps long paragraphs linear


def year_words(text: str, lo: int, hi: int, period: str | None) -> str:
    """The words that name the year in the sentence ("đến năm 2025", "giai đoạn 2021-2025")."""
    if not period:
        return ""
    i = text.find(period[:4], lo, hi)
    if i < 0:
        return period
    j = text.rfind(" ", max(lo, i - 16), max(lo, i - 1))
    return " ".join(text[j + 1 if j >= 0 else max(lo, i - 8):i + len(period)].split())


def heading_or_metadata_year(ctx: TargetContext, pos: int, kind: str,
                              plan_figure: bool = False) -> tuple[str | None, tuple[str, str]]:
    """The year of the innermost heading that names one (of this kind), else the metadata's."""
    year, h = heading_year_at(ctx, pos, kind)
    if year is not None and h is not None:
        return year, ("heading", heading_label(ctx, h))
    meta = ctx.meta
    # only a report's targets default to another year than the base (the next one)
    rest = _rest_of_year_heading(ctx, pos) if kind == "target" and meta.kind == "bao_cao" else None
    if rest is not None and _base_year(meta):
        return _base_year(meta), ("heading", heading_label(ctx, rest))
    year = _base_year(meta) if plan_figure else _fallback_period(ctx, pos, kind)
    if year is None:
        return None, ("default", "")
    said = f"plan year {meta.plan_year}" if meta.plan_year else f"date {meta.date}" if meta.date else ""
    return year, ("metadata", f"{meta.kind}, {said}".strip(", "))


def _rest_of_year_heading(ctx: TargetContext, pos: int) -> Heading | None:
    """The innermost heading that names the rest of the year without writing it: its figures are of
    the year the document is about, even in a report (whose other targets are of the next year)."""
    for h in reversed(ctx.headings.containing(pos)):
        if _names_rest_of_year(h.title):
            return h
    return None


@lru_cache(maxsize=4096)
def _names_rest_of_year(title: str) -> bool:
    lowered = title.lower()
    return ("cuối năm" in lowered or "quý" in lowered) and _REST_OF_YEAR_RE.search(title) is not None


def explicit_period(ctx: TargetContext, q: QuantityMatch, ss: int, se: int, cs: int, ce: int) -> tuple[str | None, bool]:
    m = YEAR_AFTER_RE.match(ctx.text, q.end)
    if m and not is_base_year(ctx.text, m.start(1)):  # "gấp 1,6 lần năm 2020": the ratio's base
        return m.group(1), True
    span_ok = "/năm" in q.unit or bool(ctx.cue_positions("span_cues", ss, min(se, q.start)))
    for lo, hi in ((cs, q.start), (ss, cs)):
        for mention in reversed(ctx.mentions.between(lo, hi)):
            if _owned_by_figure(ctx.text, mention.pos) or (lo == ss and _in_goal_clause(ctx, ss, mention.pos, cs)):
                continue
            if mention.is_span and mention.fronted and q.unit == "%" and not span_ok:
                return mention.period[-4:], True  # a level set for (or reached in) a stage: at its end
            if mention.is_span and not (span_ok or mention.preceded_by_in or mention.fronted
                                        or _TOTAL_SUBJECT_RE.match(ctx.text, cs, mention.pos)):
                continue
            return mention.period, True
    span_after = _stage_written_after(ctx, q, ce)
    if span_after:
        return span_after, True
    by_year = None if span_ok else _by_year(ctx.text, q.end, max(q.end, min(ce, q.end + 160)))
    if by_year:
        return by_year, True
    term_end = None if span_ok else _term_end(ctx, ss, q.start)
    if term_end:
        return term_end, True
    if span_ok:  # "tăng bình quân 8%/năm giai đoạn 2021-2025": the span written just after
        for mention in ctx.mentions.between(q.end, min(ce, q.end + 60)):
            if mention.is_span:
                return mention.period, True
        span = heading_span_at(ctx, q.start) or ctx.mentions.last_span_before(q.start)
        if span:
            return span, True
    return None, False


_STAGE_BEFORE_RE = re.compile(r"giai\s+đoạn\s*$")


def _stage_written_after(ctx: TargetContext, q: QuantityMatch, ce: int) -> str | None:
    """"trồng mới 4.800 ha rừng trong giai đoạn 2027 - 2031", "tối thiểu 70% cho cả giai đoạn ...": a
    span named as a stage ("giai đoạn") after the figure in its clause, no other figure between, is
    what the figure is over (a total or a share of the whole stage)."""
    for mention in ctx.mentions.between(q.end, min(ce, q.end + 100)):
        between = ctx.text[q.end:mention.pos]
        if mention.is_span and not any(c.isdigit() for c in between) and _STAGE_BEFORE_RE.search(between) \
                and "so với" not in between:  # "tăng 4% so với giai đoạn 2021 - 2025": the base
            return mention.period
    return None


# "cao hơn mức tăng 7,1% của năm 2027": a year a figure owns ("của năm" right after it)
_OWNED_YEAR_BEFORE = re.compile(r"\d(?:[\d.,]*\d)?[ \t]*(?:%|[^\W\d]+(?:[ \t]+[^\W\d]+)?)?[ \t]+của[ \t]+năm[ \t]+$")


def _owned_by_figure(text: str, year_pos: int) -> bool:
    """Is the year at `year_pos` written as an earlier figure's own ("mức tăng 6,2% của năm 2028")? It is
    that figure's period (`YEAR_AFTER_RE`) and lends none to the figures after it (a bracketed plan
    figure "(kế hoạch 7%)" is of the result the clause reports, not of the year compared with)."""
    return "của" in text[max(0, year_pos - 12):year_pos] and bool(
        _OWNED_YEAR_BEFORE.search(text, max(0, year_pos - 40), year_pos))


# "Phấn đấu đến cuối nhiệm kỳ, tỷ lệ ... đạt 85%": the year by which is the last year of the term (or
# stage) the document names; the sentence, else an enclosing heading ("II. NHIỆM VỤ ĐẾN CUỐI NHIỆM KỲ").
_TERM_END_RE = re.compile(r"(?:đến|tới|vào)\s+cuối\s+(nhiệm kỳ|giai đoạn)(?!\s*(?:\d|trước))", re.IGNORECASE)


def _term_end(ctx: TargetContext, ss: int, pos: int) -> str | None:
    """The end year of the term a figure is set "by the end of": the nearest span before it written
    after the same word ("nhiệm kỳ 2025-2030"), else its section's span, else the last span named."""
    text = ctx.text
    if "cuối" not in text[ss:pos] and not any("cuối" in h.title.lower() for h in ctx.headings.containing(pos)):
        return None
    m = _TERM_END_RE.search(text, ss, pos)
    if m is None:
        m = next((x for h in reversed(ctx.headings.containing(pos)) if (x := _TERM_END_RE.search(h.title))), None)
    if m is None:
        return None
    word = m.group(1).lower()
    for mention in reversed(ctx.mentions.between(0, pos)):
        if mention.is_span and text[max(0, mention.pos - 16):mention.pos].lower().rstrip().endswith(word):
            return mention.period[-4:]
    span = heading_span_at(ctx, pos) or ctx.mentions.last_span_before(pos)
    return span[-4:] if span else None


# "Tổng vốn đầu tư toàn xã hội giai đoạn 2026 - 2030 đạt 18.500 tỷ đồng": a clause whose subject is a
# total ("Tổng ...", after an item mark) and names a span before its figure is a total over that span.
_TOTAL_SUBJECT_RE = re.compile(r"[\s\-+•*–]*(?:\(?\w{1,3}[.)]\s*)?Tổng\s", re.IGNORECASE)


# "phát triển 5.000 ha cây dược liệu đến năm 2025": the year by which, written after the figure
# (before any bracket or punctuation, within 80 characters).
_BY_YEAR_RE = re.compile(rf"đến\s+(?:cuối\s+)?năm\s+({YEAR})(?!\d)(?!\s*[-–:])")


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


_PLAN_TAIL = (rf"(?:\s+(?:năm\s+{YEAR}|đề ra|được giao|giao|của tỉnh))*"
              r"\s*(?:là|:|\(|đặt ra)?\s*(?:(?:đạt|tăng|giảm)\s+)?(?:từ|trên|dưới|khoảng|ít nhất|tối thiểu|không quá|hơn)?\s*$")


_PLAN_FIGURE_RE = re.compile(rf"(?:kế hoạch|dự toán|chỉ tiêu|mục tiêu|Nghị quyết|\bKH|\bNQ){_PLAN_TAIL}", re.IGNORECASE)


# The same in the lower-cased text, case-sensitive and opening with the words themselves (so the
# engine jumps between their first letters); the word boundary before "kh"/"nq" is checked in code.
_PLAN_FIGURE_FOLDED_RE = re.compile(rf"(?:kế hoạch|dự toán|chỉ tiêu|mục tiêu|nghị quyết|kh|nq){_PLAN_TAIL}")


# "Kế hoạch vốn đầu tư công năm 2027 được giao 6.450 tỷ đồng", "Kế hoạch thu ngân sách năm 2029 của
# tỉnh là 3.400 tỷ đồng": the clause's subject is the plan of something, the figure is that plan's,
# whatever the section around it reports. Searched in the lower-cased text.
# The giver may stand between "được" and "giao" ("được Hội đồng nhân dân tỉnh giao là ...").
_PLAN_SUBJECT_RE = re.compile(rf"(?:kế hoạch|dự toán)(?:\s+[^\W\d_]+){{1,6}}?(?:\s+năm\s+{YEAR})?(?:\s+của\s+[^\W\d_]+)?"
                              r"\s+(?:được(?:\s+[^\W\d_]+){0,12}?\s+)?(?:giao|là|giao\s+là)\s*$")
# "Dự án X: kế hoạch vốn 420 tỷ đồng, đã giải ngân ...": a plan of one to three words, no verb, set
# right before its figure at the opening of a clause or of the part after a colon.
_PLAN_NAMED_RE = re.compile(r"kế hoạch(?:\s+(?!(?:đạt|được|bằng|thực|hoàn|còn|vượt|tăng|giảm|so|đề|là)\b)[^\W\d_]+){1,3}\s*$")
_PLAN_SUBJECT_WINDOW = 120
# "..., giao là 2.915 tỷ đồng, trong đó vốn nước ngoài 388 tỷ đồng": a part of the figure before
_PART_OF_RE = re.compile(r"\d(?:[\d.,]*\d)?(?:[ \t]+[^\W\d_]+){0,3}[ \t]*,[ \t]*trong[ \t]+đó(?:[ \t]+[^\W\d_]+){1,8}[ \t]*$")


_PLAN_WORDS = ("kế hoạch", "dự toán", "chỉ tiêu", "mục tiêu", "kh", "nq", "nghị quyết")


# "Nghị quyết ... giao chỉ tiêu tăng trưởng năm 2026 là 8%": a target handed out, its indicator
# between the verb and the copula, whatever year it names (a report quoting last year's target).
_ASSIGNED_TARGET_RE = re.compile(rf"(?:giao|đề ra|đặt ra)\s+(?:chỉ tiêu|mục tiêu)\s+[^.;:()\d]{{0,100}}?"
                                 rf"(?:năm\s+{YEAR}\s+)?là\s*(?:từ|trên|dưới|khoảng|ít nhất|tối thiểu|không quá)?\s*$",
                                 re.IGNORECASE)


def _plan_subject(text: str, cs: int, at: int, folded: str) -> str | None:
    """The "Kế hoạch <what> [năm N] (được giao|là)" subject right before the figure at `at`, or None;
    it must open the clause (nothing but the clause start or a list mark before it)."""
    lo = max(cs, at - _PLAN_SUBJECT_WINDOW)
    window = folded[lo:at] if folded else text[lo:at].lower()
    # cheap first: a subject ends with its copula; a plan named without one stands right before the figure
    copula = window.rstrip().endswith(("giao", "là"))
    first = 0 if copula else max(0, len(window) - 40)
    for word in ("kế hoạch", "dự toán"):  # the budget estimate is the budget's plan
        i = window.rfind(word, first)
        while i >= first:
            opens = not window[:i].strip(" \t\n-+•–*0123456789.)") or window[:i].rstrip().endswith(":")
            if opens and (copula and _PLAN_SUBJECT_RE.match(window, i) or _PLAN_NAMED_RE.match(window, i)):
                return text[lo + i:at]
            i = window.rfind(word, first, i)
    return None


def _part_of_plan(text: str, cs: int, at: int, folded: str) -> str | None:
    """"... giao là 2.915 tỷ đồng, trong đó vốn nước ngoài 388 tỷ đồng": the words naming the figure at
    `at` as a part ("trong đó") of a plan figure just before it in the clause, or None."""
    lo = max(cs, at - 160)
    window = folded[lo:at] if folded else text[lo:at].lower()
    if "trong đó" not in window:
        return None
    m = _PART_OF_RE.search(window)
    if m is None or _plan_subject(text, cs, lo + m.start(), folded) is None:
        return None
    return text[lo + m.start():at]


def find_plan_phrase(text: str, cs: int, q: QuantityMatch, folded: str = "") -> str | None:
    """The words that make the number a plan figure quoted beside a result ("(kế hoạch 7-7,5%)",
    "kế hoạch năm 2016 là ...", "giao chỉ tiêu ... là 8%"), or None. `folded`: the lower-cased text,
    "" if not at hand."""
    part = _part_of_plan(text, cs, q.start, folded) or _plan_subject(text, cs, q.start, folded)
    if part:  # a long subject ("được ... giao là") may open further back than the plan words' window
        return part
    lo = max(cs, q.start - 60)
    window = folded[lo:q.start] if folded else text[lo:q.start].lower()
    if not any(w in window for w in _PLAN_WORDS):
        wide = max(cs, q.start - 140)
        if "chỉ tiêu" not in text[wide:q.start] and "mục tiêu" not in text[wide:q.start]:
            return None
        m = _ASSIGNED_TARGET_RE.search(text, wide, q.start)
        return m.group() if m else None
    assigned = _ASSIGNED_TARGET_RE.search(text, max(cs, q.start - 140), q.start)
    if assigned:
        return assigned.group()
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


def decide_kind(ctx: TargetContext, q: QuantityMatch, ss: int, se: int, cs: int, ce: int, period: str | None,
          plan_phrase: str | None = None, next_start: int = -1) -> tuple[str, str, str]:
    """(kind, source, evidence): a cue in the sentence, then the year against the plan year, then
    the innermost heading that tells, then the document's kind."""
    if plan_phrase is not None:
        return "target", "sentence", " ".join(plan_phrase.split())
    aside = _bracket_kind(ctx, q, ss, se, next_start)
    if aside is not None:
        return aside
    found = ctx.cue_positions("target_clause", max(ss, q.start - WINDOW), min(se, q.start))
    if found and not goal_clause_closed(ctx.text, ss, found[-1], q.start):
        return "target", "sentence", words_at(ctx.text, found[-1])
    found = [i for i in ctx.cue_positions("actual_clause", max(cs, q.start - WINDOW), min(ce, q.end + WINDOW + 1))
             if i < q.start or not (_introduces_next(ctx.text, i, next_start) or _describes_counted(ctx, i))]
    if found:
        return "actual", "sentence", words_at(ctx.text, found[0])
    cutoff = _past_cutoff(ctx, ss, q.start)
    if cutoff is not None:
        return "actual", "sentence", cutoff
    if period and ctx.ref_year and "-" not in period:
        year = int(period)
        if year < ctx.ref_year:
            return "actual", "sentence", f"năm {year} before plan year {ctx.ref_year}"
        if year > ctx.ref_year:
            return "target", "sentence", f"năm {year} after plan year {ctx.ref_year}"
        signed = int(ctx.meta.date[:4]) if ctx.meta.date else None
        if signed and year > signed:
            return "target", "sentence", f"năm {year} after the signing year {signed}"
    for h in reversed(ctx.headings.containing(q.start)):
        heading_kind = ctx.heading_kind(h)
        if heading_kind is not None:
            return heading_kind, "heading", heading_label(ctx, h)
    block = ctx.block_at(q.start)
    if block is not None and block.has_lead_verb and q.start >= block.body_start:
        # "1. Giao Sở X chủ trì, ...": an item handing a task out, under headings that tell no kind
        # (a meeting's conclusions): what it says is to be reached, even in a report
        return "target", "heading", words_at(ctx.text, block.start, 6)
    kind = "actual" if ctx.meta.kind == "bao_cao" else "target"
    return kind, "metadata", f"document kind {ctx.meta.kind}"


# "Đến hết ngày 30/6/2028, toàn tỉnh giải ngân được ...", "Tính đến ngày 15/5/2028, ...": a sentence
# opening with the date up to which it counts
_CUTOFF_RE = re.compile(r"(?:Tính\s+)?[Đđ]ến\s+(?:hết\s+)?ngày\s+(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)\b")


def _past_cutoff(ctx: TargetContext, ss: int, at: int) -> str | None:
    """The opening of a sentence that counts up to a date on or before the document's signing date:
    what it gives is the state reached (a letter's or report's "so far"), whatever the document's kind.
    A date after the signing date is a milestone still to reach ("đến ngày 30/9/2028 đạt 65%")."""
    line = ctx.text.rfind("\n", 0, ss) + 1  # the sentence may be cut after the date's own words
    lo = line if ss - line < 40 else ss
    m = _CUTOFF_RE.match(ctx.text, lo + len(ctx.text[lo:ss + 1]) - len(ctx.text[lo:ss + 1].lstrip()))
    if m is None or m.end() > at or not ctx.meta.date:
        return None
    day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if f"{year:04d}-{month:02d}-{day:02d}" > ctx.meta.date:
        return None
    return " ".join(m.group().split()) + f" (on or before the signing date {ctx.meta.date})"


def goal_clause_closed(text: str, ss: int, cue: int, at: int) -> bool:
    """Does a goal cue written after a result of its sentence stop at its clause's end? "tỷ lệ ... đạt
    88%, năm 2029 phấn đấu đạt 90%; tỷ lệ hộ ... tăng lên 97,2%": the sentence reports, the cue adds
    next year's goal of that one indicator, and the clause after the semicolon reports again. A cue
    that opens its sentence ("Phấn đấu năm 2028 có thêm 9 xã ...; bình quân ...") reaches it all."""
    return ";" in text[cue:at] and next(iter(find_quantities(text[ss:cue])), None) is not None


def _in_goal_clause(ctx: TargetContext, ss: int, pos: int, cs: int) -> bool:
    """Is the year at `pos` (in an earlier clause of the sentence) that of a goal clause written after a
    result (`goal_clause_closed`)? Only such a clause keeps its year; a result clause lends it on."""
    lo = ctx.text.rfind(";", ss, pos) + 1 or ss
    hi = ctx.text.find(";", pos, cs)
    return bool(ctx.cue_positions("target_clause", lo, hi if hi >= 0 else cs)) and goal_clause_closed(ctx.text, ss, pos, cs)


def _describes_counted(ctx: TargetContext, cue: int) -> bool:
    """Is a result cue written after the figure one that only says which part of a whole the figure
    is ("hoàn thành 14,5 km đường còn lại của kế hoạch năm": the remainder still to do)? Such a cue
    states a result where it leads the figure ("số km còn lại 14 km"), not where it follows it."""
    return any(ctx.text.startswith(w, cue) or ctx.folded().startswith(w, cue)
               for w in vocabulary.words("cues", "actual_clause_leading_only"))


def _bracket_kind(ctx: TargetContext, q: QuantityMatch, ss: int, se: int,
                  next_start: int) -> tuple[str, str, str] | None:
    """A figure inside brackets that hold a goal or result cue of their own ("Phấn đấu thu 6.400 tỷ
    đồng (năm 2027 ước thực hiện 6.050 tỷ đồng, bằng 104% dự toán)"): the brackets are an aside
    with their own kind; the sentence's cue outside them does not reach in. None: no brackets open
    at the figure, or no cue inside them (then the sentence decides as usual)."""
    text = ctx.text
    lo = max(ss, q.start - WINDOW)
    opened = text.rfind("(", lo, q.start)
    if opened < 0 or text.find(")", opened, q.start) >= 0:
        return None
    closed = text.find(")", q.end, se)
    hi = closed if closed >= 0 else se
    found = ctx.cue_positions("target_clause", opened, q.start)
    if found:
        return "target", "sentence", words_at(text, found[-1])
    found = [i for i in ctx.cue_positions("actual_clause", opened, hi)
             if i < q.start or not _introduces_next(text, i, next_start)]
    if found:
        return "actual", "sentence", words_at(text, found[0])
    return None


def words_at(text: str, pos: int, n: int = 3) -> str:
    return " ".join(text[pos:pos + 40].split()[:n])


def _heading_year(ctx: TargetContext, pos: int, kind: str) -> str | None:
    """The year named by the innermost heading ("II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2022") of the same kind."""
    return heading_year_at(ctx, pos, kind)[0]


def heading_year_at(ctx: TargetContext, pos: int, kind: str) -> tuple[str | None, Heading | None]:
    for h in reversed(ctx.headings.containing(pos)):
        year = heading_year_of(h.title)
        if year is None or _year_of_a_later_clause(ctx.text, h, pos, year):
            continue
        heading_kind = ctx.heading_kind(h)
        return (year, h) if heading_kind in (kind, None) else (None, None)
    return None, None


def _year_of_a_later_clause(text: str, h: Heading, pos: int, year: str) -> bool:
    """A figure in a numbered item's own line ("2. ... đạt 40% kế hoạch vốn; cùng kỳ năm 2028 đạt
    36,2%"): a year written only after it, past a semicolon, is that later clause's, not the item's."""
    if not h.start <= pos < h.line_end or text.find(year, h.start, pos) >= 0:
        return False
    i = text.find(year, pos, h.line_end)
    return i > 0 and ";" in text[pos:i]


def heading_span_at(ctx: TargetContext, pos: int) -> str | None:
    """The span named by the innermost enclosing heading ("II. Mục tiêu, chỉ tiêu nhiệm kỳ 2025 - 2030"):
    an average with no span of its own is over its section's span, not over a span that a sibling
    item happened to name just before it."""
    for h in reversed(ctx.headings.containing(pos)):
        for mention in ctx.mentions.between(h.start, h.line_end):
            if mention.is_span:
                return mention.period
    return None


def _base_year(meta: DocumentMeta) -> str | None:
    year = meta.plan_year or (int(meta.date[:4]) if meta.date else None)
    return str(year) if year else None


def _fallback_period(ctx: TargetContext, pos: int, kind: str) -> str | None:
    meta = ctx.meta
    doc_year = int(meta.date[:4]) if meta.date else None
    if kind == "target":
        if meta.plan_year and doc_year and meta.plan_year > doc_year:
            return str(meta.plan_year)  # a report signed before the year it sets targets for
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
        # A report's plan year is the year it reports on, unless the report was signed before it
        # (a year-end report or conference summary that also sets next year's targets): then its
        # results are of the year before, as for any other document.
        reports_on_plan_year = meta.kind == "bao_cao" and not (doc_year and meta.plan_year > doc_year)
        return str(meta.plan_year if reports_on_plan_year else meta.plan_year - 1)
    return str(doc_year) if doc_year else None
