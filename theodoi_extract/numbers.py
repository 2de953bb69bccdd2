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
from functools import cache, lru_cache

from theodoi_extract import vocabulary
from theodoi_extract.structure import fold

# Starts with a bare `\d` so that the regex engine can skip to the next digit (a charset prefix)
# instead of trying the pattern at every position: same language as `\d{1,3}(\.\d{3})+(,\d+)?|\d+(,\d+)?`.
_NUMBER_REST = r"(?:\d{0,2}(?:\.\d{3})+(?:,\d+)?|\d*(?:,\d+)?)"
NUMBER = rf"\d{_NUMBER_REST}"
_NUMBER_RE = re.compile(rf"(?:{NUMBER})(?![.,]\d)(?!\w)")
_GLUED = frozenset(".,/-–_%") | frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
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


@lru_cache(maxsize=4096)
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
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    out = sign + ".".join(groups)
    return f"{out},{frac}" if frac else out


def _phrase_pattern(phrase: str) -> str:
    """A vocabulary phrase as a regex whose spaces also match line breaks (PDF/DOCX text), and whose
    hyphens may be followed by one ("héc-\nta": a word hyphenated at the end of a PDF line)."""
    return r"\s+".join(re.escape(w).replace(r"\-", r"-(?:[ \t]*\n[ \t]*)?") for w in phrase.split())


# A page number or running header that a PDF puts on its own line, possibly mid-sentence.
PAGE_LINE = r"(?:[Tt]rang[ \t]+\d{1,3}(?:[ \t]*/[ \t]*\d{1,3})?|-[ \t]*\d{1,3}[ \t]*-|\d{1,3})"
_PAGE_LINE_RE = re.compile(rf"[ \t]*{PAGE_LINE}[ \t]*")
# Footnote markers are glued to what they annotate ("47%3", "tỷ đồng4"): a unit may be followed by digits.
_UNIT_END = r"(?![^\W\d])"


def _alternation(phrases: list[str]) -> str:
    return "|".join(_phrase_pattern(p) for p in sorted(set(phrases), key=len, reverse=True))


def _case(words: list[str], folded: bool) -> list[str]:
    return [w.lower() for w in words] if folded else words


@cache
def _unit_re(folded: bool = False) -> re.Pattern[str]:
    """The unit after a number. `folded=True`: the same pattern in lower case and case-sensitive, for
    matching in the lower-cased text, where the engine can reject alternatives by their first letter."""
    units = _case(vocabulary.words("units", "units"), folded)
    aliases = _case(list(vocabulary.mapping("units", "aliases")), folded)
    scales = _case(list(vocabulary.mapping("scales", "scales")), folded)
    per = _case(vocabulary.words("units", "per"), folded)
    base = _alternation([u for u in units if u != "%"] + aliases)
    pattern = (
        rf"[ \t]*(?:\n[ \t]*{PAGE_LINE}[ \t]*(?=\n))?(?:\n[ \t]*){{0,2}}"
        rf"(?:(?P<pct>%)|(?:(?P<scale>{_alternation(scales)})\s+)?(?P<base>{base}){_UNIT_END}"
        rf"|(?P<bare>{_alternation(scales)}){_UNIT_END})"
        rf"(?P<per>(?:\s*/\s*(?:{NUMBER}[ \t]+)?(?:{_alternation(per)}){_UNIT_END})*)"
    )
    return re.compile(pattern) if folded else re.compile(pattern, re.IGNORECASE)


@cache
def _range_re() -> re.Pattern[str]:
    words = _alternation(vocabulary.words("comparators", "range_words"))
    scales = _alternation(list(vocabulary.mapping("scales", "scales")))
    return re.compile(rf"\s*(?P<pct>%|(?:{scales})(?!\w))?\s*(?P<sep>-|–|{words})\s*(?P<n2>{NUMBER})(?![.,]\d)(?!\w)")


_FRACTION_RE = re.compile(r"/\d+(?![\d/])")


@cache
def _before_pattern(boundary: bool = True) -> str:
    before = {k.lower(): str(v) for k, v in vocabulary.mapping("comparators", "before").items()}
    fillers = [w.lower() for w in vocabulary.words("comparators", "fillers")] + [":"]
    words = sorted(before, key=len, reverse=True)
    start = r"(?:^|(?<=[^\w]))" if boundary else ""
    return (rf"{start}(?P<p>{'|'.join(_phrase_pattern(w) for w in words)})"
            rf"(?:\s*(?:{_alternation(fillers)})(?!\w)){{0,3}}\s*$")


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
    after_re = re.compile(rf"\s*(?:\)\s*)?(?P<w>{_alternation(list(after))})(?!\w)", re.IGNORECASE)
    return before, before_re, after_re


@cache
def _qualifier_re() -> re.Pattern[str]:
    return re.compile(rf"\s*(?:{_alternation(vocabulary.words('units', 'qualifier_after'))})(?!\w)", re.IGNORECASE)


@cache
def _aliases() -> tuple[tuple[str, str], ...]:
    return tuple((str(k), str(v)) for k, v in vocabulary.mapping("units", "aliases").items())


_SLASH = re.compile(r"\s*/\s*")


@cache
def _alias_re() -> re.Pattern[str]:
    keys = sorted((k for k, _ in _aliases()), key=len, reverse=True)
    return re.compile(r"(?:(?<=\s)|^)(?:" + "|".join(re.escape(k) for k in keys) + r")$", re.IGNORECASE)


_HYPHEN_BREAK = re.compile(r"(?<=\w)-\s+(?=\w)")


@lru_cache(maxsize=4096)
def canonical_unit(raw: str) -> str:
    """Collapse whitespace, rejoin hyphenated line breaks and fix known misspellings ("tỷ đông" -> "tỷ đồng")."""
    unit = _SLASH.sub("/", _WS.sub(" ", _HYPHEN_BREAK.sub("-", raw)).strip())
    head, sep, rest = unit.partition("/")
    m = _alias_re().search(head)
    if m:
        head = head[: m.start()] + dict(_aliases())[m.group().lower()]
    return head + sep + rest


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


_TU_RE = re.compile(r"(?:^|\s)[Tt]ừ\s*$")


def _has_tu_before(text: str, start: int) -> bool:
    return bool(_TU_RE.search(text[max(0, start - 8):start]))


def _read_unit(text: str, pos: int, folded: str | None = None) -> tuple[str, int] | None:
    """The unit at `pos`, as written in `text` (matched in `folded`, the lower-cased text, if given)."""
    m = _unit_re(True).match(folded, pos) if folded is not None else _unit_re().match(text, pos)
    if not m:
        return None

    def group(name: str) -> str:
        a, b = m.span(name)
        return text[a:b] if a >= 0 else ""

    if m.group("pct"):
        unit = "%"
    elif m.group("bare"):
        unit = group("bare")
    else:
        unit = (group("scale") + " " if m.group("scale") else "") + group("base")
    return canonical_unit(unit + group("per")), m.end()


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
        if m.start() < prev_end or _glued(text, m.start()) or not _unit_word_ok(text, m.end()) \
                or _page_number(text, m.start(), m.end()):
            continue
        q = _quantity_at(text, m, prev_end, folded)
        if q is not None and _sign_at(text, m.start()):
            q = QuantityMatch(-q.value, q.unit, None if q.value_max is None else -q.value_max, q.comparator,
                              q.start - 1, q.end, "-" + q.number_text)
        if q is not None:
            prev_end = q.end
            spans.append((q.start, q.end))
            yield q
    if "/" in text:
        yield from _shaped_quantities(text, spans, folded)
    yield from _spelled_quantities(text)


# A unit the vocabulary does not know, recognised by its shape: a number, a short lower-case noun
# phrase, a slash and a population or area denominator ("25 thuê bao internet/100 dân", "3,2 cán bộ
# y tế/1.000 dân"): a rate per head, whatever is counted.
_SHAPED_UNIT_RE = re.compile(
    rf"\d(?<![\d.,/%]\d){_NUMBER_REST}(?![.,]\d)[ \t]+(?P<unit>[^\W\d_]+(?:[ \t][^\W\d_]+){{0,5}}[ \t]*/[ \t]*"
    rf"(?:{NUMBER}[ \t]+)?(?:vạn dân|nghìn dân|dân|người|hộ|km2|ha|xã))(?!\w)"
)


def _shaped_quantities(text: str, taken: list[tuple[int, int]], folded: str | None) -> Iterator[QuantityMatch]:
    """Rates whose unit is outside the vocabulary (see `_SHAPED_UNIT_RE`), where no other quantity is."""
    for m in _shaped_matches(text):
        unit = m.group("unit")
        head = unit.split("/")[0]
        if not head.islower() or any(a < m.end() and m.start() < b for a, b in taken) or _glued(text, m.start()):
            continue
        number = text[m.start():m.start("unit")].strip()
        comparator = comparator_before(text, m.start(), max(0, m.start() - 40), folded) or "="
        yield QuantityMatch(parse_number(number), canonical_unit(unit), None, comparator, m.start(), m.end(), number)


_DENOMINATOR_RE = re.compile(rf"/[ \t]*(?:{NUMBER}[ \t]+)?(?:vạn dân|nghìn dân|dân|người|hộ|km2|ha|xã)(?!\w)")


def _shaped_matches(text: str) -> list[re.Match[str]]:
    """`_SHAPED_UNIT_RE` tried only in a short window before each slash that opens a denominator
    (`str.find` of "/" is much cheaper than a second regex pass over every digit)."""
    out: list[re.Match[str]] = []
    i = text.find("/")
    while i >= 0:
        if _DENOMINATOR_RE.match(text, i):
            m = _SHAPED_UNIT_RE.search(text, max(0, i - 60), i + 30)
            if m and (not out or m.start() >= out[-1].end()):
                out.append(m)
        i = text.find("/", i + 1)
    return out


@lru_cache(maxsize=1024)
def in_vocabulary(unit: str) -> bool:
    """Is the head of this unit (before any "/") a vocabulary unit, alias or scale phrase?"""
    head = unit.split("/")[0].strip().lower()
    words = head.split()
    scales, names = _vocabulary_sets()
    while words and words[0] in scales:
        words = words[1:]
    head = " ".join(words)
    return not head or head == "%" or head in names


@cache
def _vocabulary_sets() -> tuple[frozenset[str], frozenset[str]]:
    return (frozenset(k.lower() for k in vocabulary.mapping("scales", "scales")),
            frozenset(u.lower() for u in _unit_names()))


@cache
def _candidate_re() -> re.Pattern[str]:
    """Numbers not glued to a word or another number, whose next character could start a unit, a
    scale, a range or a fraction (or a page line stands before the unit).

    The first digit comes first so the regex engine skips from digit to digit; the lookbehind
    right after it drops the inner digits of a longer number at once ("2020" is tried once, not
    four times); a letter or a dash before it is judged by `_glued`. `_unit_word_ok` then checks the next word against the unit vocabulary.
    """
    initials = "".join(sorted({c for n in _unit_names() for c in (n[0].lower(), n[0].upper())} | set("-–/%")))
    cls = "".join("\\" + c if c in "\\]^-" else c for c in initials)
    return re.compile(
        rf"\d(?<![\d.,/%]\d){_NUMBER_REST}(?![.,]\d)(?!\w)"
        rf"(?=[ \t\n\r]*[{cls}]|[ \t]*\n[ \t]*{PAGE_LINE}[ \t]*\n)"
    )


_NEXT_WORD_RE = re.compile(r"[ \t\n\r]*([^\W\d_]*)")
_LETTERS_RE = re.compile(r"[^\W\d_]*")


@cache
def _first_words() -> frozenset[str]:
    """The first run of letters of every unit, alias, scale and range word, lower-cased."""
    names = list(_unit_names()) + vocabulary.words("comparators", "range_words")
    return frozenset(m.group().lower() for n in names if (m := _LETTERS_RE.match(n.strip())))


def _unit_word_ok(text: str, end: int) -> bool:
    """Can the word after a number start a unit? (A set lookup instead of the full unit pattern.)"""
    m = _NEXT_WORD_RE.match(text, end)
    word = m.group(1) if m else ""
    if word and word[0].isupper() and word != "Trang" and not word.isupper() and m is not None \
            and "\n" in text[end:m.start(1)]:
        return False  # the next line opens with a capitalised word ("Căn cứ"): a new sentence, not the unit
    return not word or word.lower() in _first_words() or word.lower() == "trang"


@cache
def _unit_names() -> tuple[str, ...]:
    names = vocabulary.words("units", "units") + list(vocabulary.mapping("units", "aliases"))
    return tuple(names + list(vocabulary.mapping("scales", "scales")))


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
    return _PAGE_LINE_RE.fullmatch(text, line_start, rest.end() - (rest.group().endswith("\n"))) is not None


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


def _quantity_at(text: str, m: re.Match[str], floor: int, folded: str | None = None) -> QuantityMatch | None:
    pos = m.end()
    value = parse_number(m.group())
    value_max: float | None = None
    comparator: str | None = None
    read = None
    r = _range_re().match(text, pos)
    if r is not None:
        hi = parse_number(r.group("n2"))
        dash = r.group("sep") in "-–"
        if hi > value and (dash or _has_tu_before(text, m.start()) or r.group("pct") is None):
            read = _read_unit(text, r.end(), folded)
            if read is not None:
                value_max, pos, comparator = hi, r.end(), "between"
    if read is None:
        if (f := _FRACTION_RE.match(text, pos)) is not None:
            pos = f.end()
        read = _read_unit(text, pos, folded)
    if read is None:
        return None
    unit, end = read
    if _qualifier_re().match(text, end) and unit == "%":
        return None
    if _footnote_marker(text, m.start(), pos):
        return None
    if comparator is None:
        after = comparator_after(text, end)
        if after is not None:
            comparator, end = after
        else:
            comparator = comparator_before(text, m.start(), floor, folded) or "="
    return QuantityMatch(value, unit, value_max, comparator, m.start(), end, text[m.start():pos].strip())


@cache
def _spelled_re() -> re.Pattern[str]:
    spelled = list(vocabulary.mapping("scales", "spelled"))
    forms = spelled + [w.capitalize() for w in spelled]
    return re.compile(rf"(?P<n>{_alternation(forms)})(?=\s)")


@cache
def _spelled_tables() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, float]]:
    cues = vocabulary.words("scales", "spelled_cues")
    counts = vocabulary.words("units", "count_units")
    cue_re = re.compile(rf"(?:^|\s)(?:{_alternation(cues)})\s*$", re.IGNORECASE)
    unit_re = re.compile(rf"(?:{_alternation(counts)})(?!\w)", re.IGNORECASE)
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
