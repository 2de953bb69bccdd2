"""Vietnamese quantities: numbers ("3.500,5"), ranges ("21-22%", "từ 6,5% đến 7%"), scale words
("1,5 triệu"), units ("tỷ đồng", "lượt khách", "giường bệnh/vạn dân") and comparator words
("trên", "từ ... trở lên", "không quá", "khoảng").

Why a parser of our own: `.` groups thousands and `,` marks decimals, the reverse of English, and
units are multi-word phrases that PDF text may break across lines. Every pattern is compiled once
and `find_quantities` is one left-to-right pass, so cost stays linear in the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from theodoi_extract import vocabulary

NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_NUMBER_RE = re.compile(rf"(?<![\w.,/\-–])(?:{NUMBER})(?![.,]\d)(?!\w)")
_LENIENT_RE = re.compile(r"^[+-]?(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$")
_WS = re.compile(r"\s+")


@dataclass(frozen=True)
class QuantityMatch:
    """One quantity found in text: `start` is the number's offset, `end` the end of its unit."""

    value: float
    unit: str
    value_max: float | None
    comparator: str
    start: int
    end: int
    number_text: str


def parse_number(text: str) -> float:
    """Read a number written the Vietnamese way: "3.500" -> 3500, "63,1" -> 63.1, "3.500,5" -> 3500.5.

    A dot not followed by exactly three digits is read as a decimal point, since some typed
    documents use it that way ("1.5"); commas are always decimal marks.
    """
    s = text.strip().replace(" ", "")
    if not s:
        raise ValueError("empty number")
    if _LENIENT_RE.match(s):
        return float(s.replace(".", "").replace(",", "."))
    if s.count(".") == 1 and "," not in s:
        return float(s)
    raise ValueError(f"not a Vietnamese number: {text!r}")


def format_vi(value: float | int | Decimal, decimals: int | None = None) -> str:
    """Write a number the Vietnamese way: 3500.5 -> "3.500,5" (the inverse of `parse_number`)."""
    d = Decimal(str(value)) if not isinstance(value, Decimal) else value
    if decimals is not None:
        d = round(d, decimals)
    sign = "-" if d < 0 else ""
    text = format(abs(d), "f")
    whole, _, frac = text.partition(".")
    frac = frac.rstrip("0") if decimals is None else frac
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    out = sign + ".".join(groups)
    return f"{out},{frac}" if frac else out


def _phrase_pattern(phrase: str) -> str:
    """A vocabulary phrase as a regex whose spaces also match line breaks (PDF/DOCX text)."""
    return r"\s+".join(re.escape(w) for w in phrase.split())


def _alternation(phrases: list[str]) -> str:
    return "|".join(_phrase_pattern(p) for p in sorted(set(phrases), key=len, reverse=True))


@cache
def _unit_re() -> re.Pattern[str]:
    units = vocabulary.words("units", "units")
    aliases = vocabulary.mapping("units", "aliases")
    scales = list(vocabulary.mapping("scales", "scales"))
    per = vocabulary.words("units", "per")
    base = _alternation([u for u in units if u != "%"] + list(aliases))
    pattern = (
        rf"[ \t]*\n?[ \t]*(?:(?P<pct>%)|(?:(?P<scale>{_alternation(scales)})\s+)?(?P<base>{base})(?!\w)"
        rf"|(?P<bare>{_alternation(scales)})(?!\w))"
        rf"(?P<per>(?:\s*/\s*(?:{_alternation(per)})(?!\w))*)"
    )
    return re.compile(pattern, re.IGNORECASE)


@cache
def _range_re() -> re.Pattern[str]:
    words = _alternation(vocabulary.words("comparators", "range_words"))
    return re.compile(rf"\s*(?P<pct>%)?\s*(?P<sep>-|–|{words})\s*(?P<n2>{NUMBER})(?![.,]\d)(?!\w)")


_FRACTION_RE = re.compile(r"/\d+(?![\d/])")


@cache
def _comparator_tables() -> tuple[list[tuple[str, str]], re.Pattern[str], re.Pattern[str]]:
    before = sorted(vocabulary.mapping("comparators", "before").items(), key=lambda kv: len(kv[0]), reverse=True)
    fillers = vocabulary.words("comparators", "fillers")
    filler_re = re.compile(rf"(?:^|\s)(?:{_alternation(fillers)}|:)\s*$", re.IGNORECASE)
    after = vocabulary.mapping("comparators", "after")
    after_re = re.compile(rf"\s*(?:\)\s*)?(?P<w>{_alternation(list(after))})(?!\w)", re.IGNORECASE)
    return [(k.lower(), str(v)) for k, v in before], filler_re, after_re


@cache
def _qualifier_re() -> re.Pattern[str]:
    return re.compile(rf"\s*(?:{_alternation(vocabulary.words('units', 'qualifier_after'))})(?!\w)", re.IGNORECASE)


def canonical_unit(raw: str) -> str:
    """Collapse whitespace and fix known misspellings ("tỷ đông" -> "tỷ đồng")."""
    unit = _WS.sub(" ", raw).strip()
    unit = re.sub(r"\s*/\s*", "/", unit)
    aliases = vocabulary.mapping("units", "aliases")
    words = unit.split("/")
    head = words[0]
    for wrong, right in aliases.items():
        if head.lower() == wrong or head.lower().endswith(" " + wrong):
            head = head[: len(head) - len(wrong)] + str(right)
    return "/".join([head, *words[1:]])


def comparator_before(text: str, start: int, floor: int) -> str | None:
    """The comparator phrase written just before a number (only filler words may stand between)."""
    table, filler_re, _ = _comparator_tables()
    window = _WS.sub(" ", text[max(floor, start - 60):start]).lower().rstrip()
    for _ in range(4):
        for phrase, comp in table:
            if window.endswith(phrase) and (len(window) == len(phrase) or not window[-len(phrase) - 1].isalnum()):
                return comp
        m = filler_re.search(window)
        if not m:
            return None
        window = window[: m.start()].rstrip()
    return None


def comparator_after(text: str, end: int) -> tuple[str, int] | None:
    """A comparator written after the unit ("20% trở lên"): the comparator and where it ends."""
    _, _, after_re = _comparator_tables()
    m = after_re.match(text, end)
    if not m:
        return None
    after = vocabulary.mapping("comparators", "after")
    return str(after[_WS.sub(" ", m.group("w")).lower()]), m.end()


def _has_tu_before(text: str, start: int) -> bool:
    return bool(re.search(r"(?:^|\s)từ\s*$", text[max(0, start - 8):start], re.IGNORECASE))


def _read_unit(text: str, pos: int) -> tuple[str, int] | None:
    m = _unit_re().match(text, pos)
    if not m:
        return None
    if m.group("pct"):
        unit = "%"
    elif m.group("bare"):
        unit = m.group("bare")
    else:
        unit = (m.group("scale") + " " if m.group("scale") else "") + m.group("base")
    return canonical_unit(unit + (m.group("per") or "")), m.end()


def find_quantities(text: str, floor_of: dict[int, int] | None = None) -> Iterator[QuantityMatch]:
    """Every number in `text` that carries a unit, with its range, scale and comparator.

    Numbers without a unit (dates, document numbers, item numbers, page numbers, footnote
    markers, years) are not quantities and are skipped here already.
    """
    prev_end = 0
    for m in _NUMBER_RE.finditer(text):
        if m.start() < prev_end:
            continue
        q = _quantity_at(text, m, prev_end)
        if q is not None:
            prev_end = q.end
            yield q
    yield from _spelled_quantities(text)


def _quantity_at(text: str, m: re.Match[str], floor: int) -> QuantityMatch | None:
    value = parse_number(m.group())
    pos = m.end()
    value_max: float | None = None
    comparator: str | None = None
    r = _range_re().match(text, pos)
    if r and (r.group("sep") in "-–" or _has_tu_before(text, m.start())):
        value_max, pos, comparator = parse_number(r.group("n2")), r.end(), "between"
        if value_max <= value and r.group("sep") in "-–":
            value_max, pos, comparator = None, m.end(), None
    elif (f := _FRACTION_RE.match(text, pos)) is not None:
        pos = f.end()
    read = _read_unit(text, pos)
    if read is None:
        return None
    unit, end = read
    if unit == "%" and _qualifier_re().match(text, end):
        return None
    if comparator is None:
        after = comparator_after(text, end)
        if after is not None:
            comparator, end = after
        else:
            comparator = comparator_before(text, m.start(), floor) or "="
    return QuantityMatch(value, unit, value_max, comparator, m.start(), end, text[m.start():pos].strip())


@cache
def _spelled_re() -> re.Pattern[str]:
    spelled = vocabulary.mapping("scales", "spelled")
    cues = vocabulary.words("scales", "spelled_cues")
    counts = vocabulary.words("units", "count_units")
    return re.compile(
        rf"(?:(?<=\s)|^)(?:{_alternation(cues)})\s+(?P<n>{_alternation(list(spelled))})\s+(?P<u>{_alternation(counts)})(?!\w)",
        re.IGNORECASE,
    )


def _spelled_quantities(text: str) -> Iterator[QuantityMatch]:
    """Small numbers written as words ("có thêm hai xã"), only after a cue word and before a count unit."""
    spelled = vocabulary.mapping("scales", "spelled")
    for m in _spelled_re().finditer(text):
        value = float(spelled[m.group("n").lower()])
        comparator = comparator_before(text, m.start("n"), m.start()) or "="
        yield QuantityMatch(value, _WS.sub(" ", m.group("u")), None, comparator, m.start("n"), m.end("u"), m.group("n"))


def parse_quantity(phrase: str) -> QuantityMatch | None:
    """The first quantity in a short phrase ("từ 10% trở lên" -> 10, "%", ">="), or None."""
    return next(iter(sorted(find_quantities(phrase), key=lambda q: q.start)), None)
