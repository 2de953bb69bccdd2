"""Targets and actuals: every quantity with a unit, read in its context.

For each number found by `numbers.find_quantities`, the surrounding clause gives the indicator
(the words before it, or after it when the number leads: "42% số trường mầm non"), cue words and
the enclosing heading tell a goal from a result, year mentions give the period, and the
enclosing agency item gives the responsible agency. Year mentions are found in one pass and
looked up by bisection, so the whole step stays linear in the text.

Split by concern: `years` (year and span mentions), `cue_context` (cue words and the per-document
indexes), `indicators` (the indicator words), `periods` (kind and period); this module walks the
quantities and puts each figure together.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from theodoi_extract import agencies, vocabulary
from theodoi_extract.assignments import Block
from theodoi_extract.context import confidence, with_decisions
from theodoi_extract.cue_context import (
    HEADING_YEAR_RE,
    TargetContext,
    heading_kind_of,
    heading_label,
    heading_year_of,
)
from theodoi_extract.indicators import read_indicator
from theodoi_extract.model import Decision, DocumentMeta, Target
from theodoi_extract.numbers import QuantityMatch, find_quantities, in_vocabulary
from theodoi_extract.periods import (
    YEAR_AFTER_RE,
    decide_kind,
    explicit_period,
    find_plan_phrase,
    goal_clause_closed,
    heading_or_metadata_year,
    year_words,
)
from theodoi_extract.structure import HeadingIndex, Segmenter
from theodoi_extract.years import Mentions

__all__ = ["extract_targets", "heading_kind_of", "heading_year_of"]


_WS = re.compile(r"\s+")


_OUTSIDE_VOCABULARY_WEIGHT = 0.85  # a unit read from the phrase's shape, not from the vocabulary


def extract_targets(text: str, meta: DocumentMeta, seg: Segmenter, headings: HeadingIndex,
                    blocks: list[Block], skip: list[tuple[int, int]] | None = None,
                    folded: str | None = None) -> list[Target]:
    """All targets and actuals of the prose, in order (`skip`: sorted spans left to other readers;
    `folded`: `structure.fold(text)` when the caller has it already)."""
    skip = skip or []
    skip_starts = [a for a, _ in skip]
    ref_year = meta.plan_year or (int(meta.date[:4]) if meta.date else None)
    ctx = TargetContext(text, meta, seg, headings, sorted(blocks, key=lambda b: b.start), Mentions(text), ref_year)
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
        if _is_all_of(text, q):
            continue
        if _is_denominator(ctx, q, quantities[i + 1] if i + 1 < len(quantities) else None):
            continue
        if i and _is_bar_of_count(text, quantities[i - 1], q):
            continue
        met = _indicator_count(ctx, q)
        if met is False:
            continue
        nxt = quantities[i + 1].start if i + 1 < len(quantities) else len(text)
        target, explicit = _read(ctx, q, prev, nxt)
        if met:
            target = _as_result(ctx, target, explicit)
        elif _is_starting_value(text, q, quantities[i + 1] if i + 1 < len(quantities) else None):
            target = _as_starting_value(target)
        elif _is_compared_level(text, q):
            target = _as_compared_level(target)
        out.append(target)
        prev = (q, target, explicit)
    return out


# the date in words or with slashes, its year written or not ("đến 30/6", "đến ngày 30/9/2029")
_DATED_THRESHOLD_RE = re.compile(r"(?:[Đđ]ến|[Tt]rước|[Hh]ết)\s+(?:ngày\s+)?\d{1,2}(?:\s+tháng\s+|/)\d{1,2}\b[^;:]*$")


def _is_dated_threshold(ctx: TargetContext, q: QuantityMatch) -> bool:
    """"Đến 30 tháng 6 năm 2021 (đến 30/6) giải ngân dưới 40%" is a rule's trigger (see deadlines), not a goal."""
    if q.comparator not in ("<", "<="):
        return False
    cs, _ = ctx.seg.clause(q.start)
    window = ctx.text[max(cs, q.start - 120):q.start]
    return ("tháng" in window or "/" in window) and bool(_DATED_THRESHOLD_RE.search(window))


_PREDICATED_RE = re.compile(r"(?:^|\s)(?:đạt|là|lên|mức|khoảng)\s*$")
_PER_BEFORE_RE = re.compile(r"(?:^|\s)(?:trên|mỗi|cho)\s*$")


def _is_denominator(ctx: TargetContext, q: QuantityMatch, nxt: QuantityMatch | None) -> bool:
    """"Giá trị sản phẩm thu được trên 1 ha đất trồng trọt đạt 135 triệu đồng": "trên 1 ha" names
    what the figure is counted per (one unit of area, of population), and "trẻ em dưới 5 tuổi" who
    is counted (`description_units`, unless a verb puts the figure itself: "tuổi thọ đạt 74,6
    tuổi"), not a quantity of its own, when the figure itself follows in the same clause."""
    if q.unit in vocabulary.words("units", "description_units"):  # "trẻ em dưới 5 tuổi", "đạt 74,6 tuổi"
        return not _PREDICATED_RE.search(ctx.text[max(0, q.start - 12):q.start])
    if nxt is None or q.value != 1 or q.value_max is not None \
            or not _PER_BEFORE_RE.search(ctx.text[max(0, q.start - 8):q.start]):
        return False
    _, ce = ctx.seg.clause(q.start)
    return nxt.start < ce


_BAR_GAP_RE = re.compile(r"[ \t]+(?:[a-zđà-ỹ]+[ \t]+){1,3}(?:trên|dưới|từ|hơn)[ \t]+$")
_BAR_GAP_VERBS = frozenset(("tăng", "giảm", "bằng", "chiếm", "đạt", "là", "lên", "còn", "xuống", "so", "vượt", "với"))


def _is_bar_of_count(text: str, prev: QuantityMatch, q: QuantityMatch) -> bool:
    """"có 9/14 chủ đầu tư giải ngân trên 95%", "3 dự án giải ngân dưới 50%": a share right after a count
    (a count unit, a few lower-case words and "trên"/"dưới" between, no comma) is the bar the counted
    passed or missed, which says who is counted, not a figure of its own. A verb of change or ratio
    between ("tăng trên 12%") makes it the count's own figure."""
    if q.unit != "%" or q.comparator not in (">", "<", ">=", "<=") or q.start - prev.end > 40 \
            or prev.unit not in vocabulary.words("units", "count_units"):
        return False
    gap = text[prev.end:q.start]
    return bool(_BAR_GAP_RE.fullmatch(gap)) and not any(w in _BAR_GAP_VERBS for w in gap.split())


_ALL_OF_RE = re.compile(r"(?:^|[\s(])cả[ \t]+$", re.IGNORECASE | re.MULTILINE)


def _is_all_of(text: str, q: QuantityMatch) -> bool:
    """"giảm trên cả 3 tiêu chí", "duy trì cả 4 huyện": "cả N" (all N) says how many things the
    statement covers, an enumeration of the sentence, not a figure anyone reports on."""
    return q.value_max is None and bool(_ALL_OF_RE.search(text, max(0, q.start - 8), q.start))


def _is_section_count(text: str, q: QuantityMatch) -> bool:
    """"1. Chỉ tiêu về kinh tế (06 chỉ tiêu)": how many targets a section lists, not a target."""
    return (q.unit == "chỉ tiêu" and text[max(0, q.start - 2):q.start].rstrip().endswith("(")
            and text[q.end:q.end + 2].lstrip().startswith(")"))


_MET_RE = re.compile(r"\b(?:đạt|vượt|hoàn thành|không đạt|chưa đạt)\b")


def _indicator_count(ctx: TargetContext, q: QuantityMatch) -> bool | None:
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


def _as_result(ctx: TargetContext, target: Target, explicit: bool) -> Target:
    """A count of indicators met is an actual of the year reported on (the year before a plan's)."""
    kind = Decision("kind", "actual", "sentence", "chỉ tiêu đạt")
    period = target.decision("period") or Decision("period", target.period, "default")
    if not explicit:
        year, why = heading_or_metadata_year(ctx, target.start, "actual")
        period = Decision("period", year, *why)
    rest = [d for d in target.decisions if d.attribute not in ("kind", "period")]
    return with_decisions(target, (kind, period, *rest))


_CHANGE_FROM_RE = re.compile(r"(?:tăng|giảm|nâng|hạ)[ \t]+(?:tỷ lệ[^,;.]{0,60}?[ \t]+)?từ[ \t]*$", re.IGNORECASE)
_CHANGE_TO_RE = re.compile(r"[ \t]*(?:xuống|lên)[ \t]+(?:còn[ \t]+|mức[ \t]+)?(?:dưới[ \t]+|trên[ \t]+)?$")


def _is_starting_value(text: str, q: QuantityMatch, nxt: QuantityMatch | None) -> bool:
    """"Tỷ lệ hộ nghèo giảm từ 6,8% xuống còn 5,1%": 6,8 is where the change started (the level
    of the year before), 5,1 where it ended; a year written after 6,8 is kept as written."""
    if nxt is None or q.value_max is not None or YEAR_AFTER_RE.match(text, q.end):
        return False
    return bool(_CHANGE_TO_RE.fullmatch(text, q.end, nxt.start)) and bool(
        _CHANGE_FROM_RE.search(text, max(0, q.start - 90), q.start))


def _as_starting_value(target: Target) -> Target:
    period = target.period
    if period is None or not period.isdigit():
        return target
    why = "từ ... xuống/lên: the level before the change"
    rest = [d for d in target.decisions if d.attribute not in ("kind", "period")]
    return with_decisions(target, (Decision("kind", "actual", "sentence", why),
                                   Decision("period", str(int(period) - 1), "sentence", why), *rest))


# "cao hơn mức 65 triệu đồng của năm 2026", "thấp hơn mức tăng 7,1% của năm 2027": the level a result is
# compared with, owned by a year of its own ("của năm N").
_COMPARED_LEVEL_RE = re.compile(r"(?:cao|thấp|lớn|nhỏ)[ \t]+hơn[ \t]+mức(?:[ \t]+(?:tăng|giảm))?[ \t]+$")
_OWN_YEAR_RE = re.compile(r"[ \t]*(?:\S+[ \t]+){0,3}?của[ \t]+năm[ \t]+\d{4}")


def _is_compared_level(text: str, q: QuantityMatch) -> bool:
    """"đạt 71 triệu đồng, cao hơn mức 65 triệu đồng của năm 2026": the figure after "cao hơn mức" is the
    level of an earlier year that the result is compared with; the comparison is the result's, not this
    figure's (comparator =), and the level was reached (an actual of its year)."""
    return bool(_COMPARED_LEVEL_RE.search(text, max(0, q.start - 30), q.start)) and bool(
        _OWN_YEAR_RE.match(text, q.end))


def _as_compared_level(target: Target) -> Target:
    why = "cao hơn mức ... của năm: the level compared with"
    rest = [d for d in target.decisions if d.attribute != "kind"]
    return replace(with_decisions(target, (Decision("kind", "actual", "sentence", why), *rest)), comparator="=")


def _in_block_header(ctx: TargetContext, pos: int) -> bool:
    b = ctx.block_at(pos)
    return b is not None and pos < b.body_start


def _in_closed_goal(ctx: TargetContext, prev: tuple[QuantityMatch, Target, bool], ss: int, cs: int) -> bool:
    """Is the figure before a goal of an earlier clause that a result of the sentence precedes ("đạt
    88%, năm 2029 phấn đấu đạt 90%; ...")? Its year stays in its clause (`periods.goal_clause_closed`)."""
    q, t, _ = prev
    return q.end <= cs and t.kind == "target" and goal_clause_closed(ctx.text, ss, q.start, cs)


_CHANGE_BEFORE = re.compile(r"(?:tăng|giảm)\s*$")


def _read(ctx: TargetContext, q: QuantityMatch, prev: tuple[QuantityMatch, Target, bool] | None,
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
    indicator, ind_start = read_indicator(text, q, floor, min(ce, next_start), same_clause)
    if not indicator:
        if same_clause and prev is not None:
            indicator = prev[1].indicator
            if q.unit.startswith("%") and not prev[1].unit.startswith("%") and _CHANGE_BEFORE.search(text, floor, q.start):
                indicator = f"Tốc độ tăng {indicator[0].lower()}{indicator[1:]}"
        else:
            indicator = f"Số {q.unit}"
    period, explicit = explicit_period(ctx, q, ss, se, cs, ce)
    why_period: tuple[str, str] = ("sentence", year_words(text, ss, se, period)) if period else ("default", "")
    if period is None and same_sentence and prev is not None and prev[2] and not _in_closed_goal(ctx, prev, ss, cs):
        period, explicit = prev[1].period, True
        why_period = ("sentence", f"the figure before: {prev[1].number_text}")
    if period is None:
        period, why = _paragraph_year(ctx, q, ss)
        if period is not None:  # not passed on to the next figure as a year written in the sentence
            why_period = ("sentence", why)
    plan_phrase = find_plan_phrase(text, cs, q, ctx.folded())
    plan_figure = plan_phrase is not None
    kind, *why_kind = decide_kind(ctx, q, ss, se, cs, ce, period, plan_phrase, next_start)
    if plan_figure:
        # "ước đạt 6,5% (kế hoạch 7-7,5%)": the plan figure of the result just reported.
        if same_sentence and prev is not None:
            # Its year is the result's ("tăng 6,2% so với năm 2022, thấp hơn chỉ tiêu (7-7,5%)": 2023,
            # not the base year named in between), unless a year is written right after it.
            indicator = prev[1].indicator
            written = YEAR_AFTER_RE.match(text, q.end) or HEADING_YEAR_RE.search(plan_phrase or "")
            # a figure owning its year ("cao hơn mức tăng 6,2% của năm 2028") is the base compared
            # with, not the result the plan is of: then the plan is of the section's or document's year
            owned = YEAR_AFTER_RE.match(text, prev[0].end)
            base_before = owned is not None and "của" in owned.group()
            period = written.group(1) if written else None if base_before else prev[1].period or period
            why_period = ("sentence", written.group().strip() if written else f"the result before: {prev[1].number_text}")
        if period is None:
            period, why_period = heading_or_metadata_year(ctx, q.start, "actual", plan_figure=True)
    if period is None:
        period, why_period = heading_or_metadata_year(ctx, q.start, kind)
    agency, why_agency = _bracket_agency(ctx, q, se) or _agency(ctx, q.start)
    decisions = (Decision("kind", kind, *why_kind), Decision("period", period, *why_period),
                 Decision("agency", agency, *why_agency))
    synthetic = indicator == f"Số {q.unit}"
    score, reason = confidence(decisions, synthetic_indicator=synthetic)
    if not in_vocabulary(q.unit):
        score, reason = round(score * _OUTSIDE_VOCABULARY_WEIGHT, 3), f"unit outside vocabulary '{q.unit}'; {reason}"
    return Target(kind, indicator, q.comparator, q.value, q.value_max, q.unit, period, agency,
                  ind_start, q.end, q.number_text, path=_path(ctx, ind_start), decisions=decisions,
                  confidence=score, reason=reason), explicit


def _paragraph_year(ctx: TargetContext, q: QuantityMatch, ss: int) -> tuple[str | None, str]:
    """The year a paragraph opens with ("Ban Thường vụ ghi nhận: năm 2025 có ... . Thu hút đầu tư ...
    cấp mới 64 dự án"), for a later sentence of it that names no year: the paragraph's topic. Only
    where no heading above names a year and the sentence sets no goal of its own (a "phấn đấu"
    sentence is about the plan, whatever the paragraph reported)."""
    para = ctx.text.rfind("\n", 0, ss) + 1
    first = next((m for m in ctx.mentions.between(para, ss) if not m.is_span), None) if para < ss else None
    if first is None or ctx.cue_positions("target_clause", ss, q.start):
        return None, ""
    if heading_or_metadata_year(ctx, q.start, "actual")[1][0] == "heading":
        return None, ""
    return first.period, f"the paragraph's year: {ctx.text[max(para, first.pos - 4):first.end].strip()}"


def _path(ctx: TargetContext, pos: int) -> tuple[str, ...]:
    """The headings the item stands under, outermost first, as printed (one line each, shortened)."""
    return tuple(heading_label(ctx, h) for h in ctx.headings.containing(pos))


_BRACKET_LEAD_RE = re.compile(r"\(([^()\n]{2,200}?\schủ trì\b[^()\n]*)\)")


def _bracket_agency(ctx: TargetContext, q: QuantityMatch,
                    se: int) -> tuple[str | None, tuple[str, str]] | None:
    """"Tỷ lệ ... đạt tối thiểu 70% (Sở Khoa học và Công nghệ chủ trì, phối hợp với ...)": an agency
    named in brackets after the figure, before its sentence ends, with "chủ trì", leads the
    sentence's figures; it outranks the block the sentence stands in (the sentence says it)."""
    text = ctx.text
    opened = text.find("(", q.end, se)
    while opened >= 0:
        m = _BRACKET_LEAD_RE.match(text, opened)
        if m is not None and agencies.is_agency_start(m.group(1)):
            leads, _ = agencies.parse_header(m.group(1))
            if leads:
                return ", ".join(leads), ("sentence", " ".join(m.group().split())[:90])
        opened = text.find("(", opened + 1, se)
    return None


def _agency(ctx: TargetContext, pos: int) -> tuple[str | None, tuple[str, str]]:
    """The lead of the innermost agency block or list heading the figure stands in, and its header."""
    inner = ctx.block_at(pos)
    if inner is None or pos < inner.body_start:
        return None, ("default", "")
    header = " ".join(ctx.text[inner.start:inner.body_start].split())[:90]
    return (inner.lead[0] if len(inner.lead) == 1 else ", ".join(inner.lead)), ("heading", header)
