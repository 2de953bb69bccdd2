"""Vietnamese quantities: numbers ("3.500,5"), ranges ("21-22%", "từ 6,5% đến 7%"), scale words
("1,5 triệu"), units ("tỷ đồng", "lượt khách", "giường bệnh/vạn dân") and comparator words
("trên", "từ ... trở lên", "không quá", "khoảng").

Why a parser of our own: `.` groups thousands and `,` marks decimals, the reverse of English, and
units are multi-word phrases that PDF text may break across lines. Every pattern is compiled once
and `find_quantities` is one left-to-right pass, so cost stays linear in the text.

Split by concern: `written_numbers` (reading and writing a number), `units` (what may follow one),
`comparators` (comparator and range words); this module finds the quantities. The names importers
take from here (`parse_number`, `NUMBER`, `canonical_unit`, `comparator_before`, ...) stay here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from theodoi_extract import vocabulary
from theodoi_extract.comparators import (
    comparator_after,
    comparator_before,
    has_tu_before,
    is_margin,
    range_re,
)
from theodoi_extract.structure import fold
from theodoi_extract.units import (
    PAGE_LINE,
    PAGE_LINE_RE,
    alternation,
    canonical_unit,
    in_vocabulary,
    qualifier_re,
    read_unit,
    shaped_matches,
    unit_names,
    unit_word_ok,
)
from theodoi_extract.written_numbers import NUMBER, NUMBER_REST, format_vi, parse_number

# The public names importers have always taken from here.
__all__ = ["NUMBER", "QuantityMatch", "canonical_unit", "comparator_after", "comparator_before", "find_quantities",
           "format_vi", "in_vocabulary", "parse_number", "parse_quantity"]


_NUMBER_RE = re.compile(rf"(?:{NUMBER})(?![.,]\d)(?!\w)")


_GLUED = frozenset(".,/-–_%") | frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


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


_FRACTION_RE = re.compile(r"/\d+(?![\d/])")


def find_quantities(text: str, floor_of: dict[int, int] | None = None,
                    folded: str | None = None) -> Iterator[QuantityMatch]:
    """Every number in `text` that carries a unit, with its range, scale and comparator.

    Numbers without a unit (dates, document numbers, item numbers, page numbers, footnote
    markers, years) are not quantities and are skipped here already. `folded` is
    `structure.fold(text)` when the caller has it (else it is computed here).
    """
    if folded is None:
        folded = fold(text)
    prev_end = 0
    spans: list[tuple[int, int]] = []
    for m in _candidate_re().finditer(text):
        if m.start() < prev_end or _glued(text, m.start()) or not unit_word_ok(text, m.end()) \
                or _page_number(text, m.start(), m.end()):
            continue
        q = _quantity_at(text, m, prev_end, folded)
        if q is not None and _sign_at(text, m.start()):
            q = QuantityMatch(-q.value, q.unit, None if q.value_max is None else -q.value_max, q.comparator,
                              q.start - 1, q.end, "-" + q.number_text)
        if q is not None and q.unit == "giờ" and _hour_of_day(text, q.start, q.end):
            q = None
        if q is not None:
            prev_end = q.end
            spans.append((q.start, q.end))
            yield q
    if "/" in text:
        yield from _shaped_quantities(text, spans, folded)
    yield from _spelled_quantities(text)


_HOUR_BEFORE_RE = re.compile(r"(?:\b(?:lúc|từ|trước|đến|vào)\s+|\d\s+giờ\s+(?:đến|tới)\s+)$", re.IGNORECASE)
_HOUR_AFTER_RE = re.compile(r"[ \t]*(?:\d|ngày\b|sáng\b|chiều\b|tối\b|trưa\b|hằng\s+ngày)", re.IGNORECASE)


def _hour_of_day(text: str, start: int, end: int) -> bool:
    """"lúc 8 giờ 30", "trước 16 giờ ngày 08/4", "từ 7 giờ đến 11 giờ": an hour of the day, not a
    time limit ("trong vòng 48 giờ")."""
    return bool(_HOUR_BEFORE_RE.search(text[max(0, start - 14):start]) or _HOUR_AFTER_RE.match(text, end))


def _shaped_quantities(text: str, taken: list[tuple[int, int]], folded: str | None) -> Iterator[QuantityMatch]:
    """Rates whose unit is outside the vocabulary (see `_SHAPED_UNIT_RE`), where no other quantity is."""
    for m in shaped_matches(text):
        unit = m.group("unit")
        head = unit.split("/")[0]
        if not head.islower() or any(a < m.end() and m.start() < b for a, b in taken) or _glued(text, m.start()):
            continue
        number = text[m.start():m.start("unit")].strip()
        comparator = comparator_before(text, m.start(), max(0, m.start() - 40), folded) or "="
        yield QuantityMatch(parse_number(number), canonical_unit(unit), None, comparator, m.start(), m.end(), number)


@cache
def _candidate_re() -> re.Pattern[str]:
    """Numbers not glued to a word or another number, whose next character could start a unit, a
    scale, a range or a fraction (or a page line stands before the unit).

    The first digit comes first so the regex engine skips from digit to digit; the lookbehind
    right after it drops the inner digits of a longer number at once ("2020" is tried once, not
    four times); a letter or a dash before it is judged by `_glued`. `unit_word_ok` then checks the next word against the unit vocabulary.
    """
    initials = "".join(sorted({c for n in unit_names() for c in (n[0].lower(), n[0].upper())} | set("-–/%")))
    cls = "".join("\\" + c if c in "\\]^-" else c for c in initials)
    return re.compile(
        rf"\d(?<![\d.,/%]\d){NUMBER_REST}(?![.,]\d)(?!\w)"
        rf"(?=[ \t\n\r]*[{cls}]|[ \t]*\n[ \t]*{PAGE_LINE}[ \t]*\n)"
    )


def _glued(text: str, start: int) -> bool:
    """Is the number stuck to a word or another number ("ra1", "QĐ-2", "1.1")? Then it is not a quantity.

    Two shapes are not glued although a character touches the number: a minus sign opening a
    bracket or standing after a space ("(-0,99%)": a negative change, see `_sign_at`), and a typing
    slip that drops the space after a lower-case word ("tăng1,36%", "đạt2.150 tỷ"), recognised by
    the number's own shape (a decimal comma, thousands groups or a "%" right after it), which item
    numbers, codes ("QĐ-2") and footnote markers ("hội2") do not have.
    """
    if start == 0:
        return False
    c = text[start - 1]
    if _sign_at(text, start):
        return False
    if c.isalpha() and c.islower() and _slipped_space(text, start):
        return False
    return c in _GLUED or c.isalnum()


_SLIP_NUMBER_RE = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?(?!\d)|\d+,\d+(?!\d)|\d+(?=%)")


def _slipped_space(text: str, start: int) -> bool:
    """"tăng1,36%": a whole lower-case word of two letters or more, then a number of quantity shape."""
    i = start
    while i > 0 and text[i - 1].isalpha():
        i -= 1
    word = text[i:start]
    if len(word) < 2 or not word.islower() or (i > 0 and (text[i - 1].isdigit() or text[i - 1] in "_-/")):
        return False
    return _SLIP_NUMBER_RE.match(text, start) is not None


def _sign_at(text: str, start: int) -> bool:
    """Is the character before the number a minus sign written as a sign ("(-0,99%)", "mức -2,4%")?
    A dash after a digit is a range, a dash at a line start followed by the number a bullet slip."""
    if start < 2 or text[start - 1] not in "-−":
        return False
    before = text[start - 2]
    return before == "(" or (before in " \t" and text[:start - 1].rstrip(" \t")[-1:] not in ("", "\n") and
                             not text[:start - 1].rstrip(" \t")[-1:].isdigit())


_LINE_REST_RE = re.compile(r"[ \t-]*(?:\n|$)")


def _line_start(text: str, start: int) -> int | None:
    """Where the line holding `start` begins, when only spaces, tabs and "Trang"/"-" stand before
    `start` on it; None otherwise (a short look back, never a scan of a long line)."""
    i = start - 1
    while i >= 0 and text[i] in " \t-":
        i -= 1
    if i >= 4 and text[i - 4:i + 1].lower() == "trang":
        i -= 5
        while i >= 0 and text[i] in " \t":
            i -= 1
    return i + 1 if i < 0 or text[i] == "\n" else None


def _page_number(text: str, start: int, end: int) -> bool:
    """Is the number a page number on a line of its own ("2", "Trang 3", "- 4 -"), which PDF text
    puts wherever the page broke, even mid-sentence?"""
    rest = _LINE_REST_RE.match(text, end)
    if rest is None:
        return False
    line_start = _line_start(text, start)
    if line_start is None:
        return False
    return PAGE_LINE_RE.fullmatch(text, line_start, rest.end() - (rest.group().endswith("\n"))) is not None


def _footnote_marker(text: str, start: int, unit_start: int) -> bool:
    """A number that opens a line and is followed by a capitalised word ("2 Xã đạt chuẩn ...") is a
    footnote's or an item's marker: units after a number are written in lower case."""
    i = start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    if i >= 0 and text[i] != "\n":
        return False
    word = text[unit_start:unit_start + 8].lstrip()
    return bool(word) and word[0].isupper() and word[:2] != word[:2].upper()


@cache
def _not_units() -> tuple[str, ...]:
    return tuple(vocabulary.words("units", "not_units"))


def _not_unit(text: str, pos: int) -> bool:
    """"Số thực hiện của năm 2015 lần lượt là ...": a phrase that opens with a unit word is no unit."""
    rest = text[pos:pos + 24].lstrip()
    return any(rest.startswith(w) for w in _not_units())


def _heading_after_break(text: str, pos: int, end: int, unit: str) -> bool:
    """"Biểu số 01" then "CHỈ TIÊU GIAO ..." on the next line: words in capitals after a line break
    are a heading, not the unit of the number that ended the line above (units that are written in
    capitals, "USD", "MW", stay units)."""
    written = text[pos:end]
    if "\n" not in written:
        return False
    letters = [c for c in written if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and unit not in unit_names()


def _quantity_at(text: str, m: re.Match[str], floor: int, folded: str | None = None) -> QuantityMatch | None:
    pos = m.end()
    value = parse_number(m.group())
    value_max: float | None = None
    comparator: str | None = None
    read = None
    r = range_re().match(text, pos)
    if r is not None:
        hi = parse_number(r.group("n2"))
        dash = r.group("sep") in "-–"
        if hi > value and (dash or has_tu_before(text, m.start()) or r.group("pct") is None):
            read = read_unit(text, r.end(), folded)
            if read is not None:
                value_max, pos, comparator = hi, r.end(), "between"
    if read is None:
        if (f := _FRACTION_RE.match(text, pos)) is not None:
            pos = f.end()
        read = read_unit(text, pos, folded)
    if read is None:
        return None
    unit, end = read
    if qualifier_re().match(text, end) and unit == "%":
        return None
    if _footnote_marker(text, m.start(), pos) or _heading_after_break(text, pos, end, unit) or _not_unit(text, pos):
        return None
    if comparator is None:
        after = comparator_after(text, end)
        if after is not None:
            comparator, end = after
        else:
            comparator = comparator_before(text, m.start(), floor, folded) or "="
            if comparator == ">" and is_margin(text, m.start(), end):
                comparator = "="
    return QuantityMatch(value, unit, value_max, comparator, m.start(), end, text[m.start():pos].strip())


@cache
def _spelled_re() -> re.Pattern[str]:
    spelled = list(vocabulary.mapping("scales", "spelled"))
    forms = spelled + [w.capitalize() for w in spelled]
    return re.compile(rf"(?P<n>{alternation(forms)})(?=\s)")


@cache
def _spelled_tables() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, float]]:
    cues = vocabulary.words("scales", "spelled_cues")
    counts = vocabulary.words("units", "count_units")
    cue_re = re.compile(rf"(?:^|\s)(?:{alternation(cues)})\s*$", re.IGNORECASE)
    unit_re = re.compile(rf"(?:{alternation(counts)})(?!\w)", re.IGNORECASE)
    values = {k.lower(): float(v) for k, v in vocabulary.mapping("scales", "spelled").items()}
    return cue_re, unit_re, values


def _spelled_quantities(text: str) -> Iterator[QuantityMatch]:
    """Small numbers written as words ("có thêm hai xã"), only after a cue word and before a count unit."""
    cue_re, unit_re, values = _spelled_tables()
    for m in _spelled_re().finditer(text):
        if not m.start() or not text[m.start() - 1].isspace():
            continue
        u = unit_re.match(text, m.end() + 1)
        if not u or not cue_re.search(text[max(0, m.start() - 16):m.start()]):
            continue
        start = m.start("n")
        comparator = comparator_before(text, start, max(0, start - 30)) or "="
        yield QuantityMatch(values[m.group("n").lower()], _WS.sub(" ", u.group()), None, comparator, start, u.end(),
                            m.group("n"))


def parse_quantity(phrase: str) -> QuantityMatch | None:
    """The first quantity in a short phrase ("từ 10% trở lên" -> 10, "%", ">="), or None."""
    return next(iter(sorted(find_quantities(phrase), key=lambda q: q.start)), None)
