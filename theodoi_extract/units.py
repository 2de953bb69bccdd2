"""Units after a number: vocabulary phrases ("tỷ đồng", "lượt khách", "giường bệnh/vạn dân"),
their misspellings, scale words, and rates whose unit is only recognisable by its shape.

Why a module of its own: what may follow a number decides whether it is a quantity at all, and
the unit patterns are built once from `vocab/units.json` and `vocab/scales.json`.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from theodoi_extract import vocabulary
from theodoi_extract.written_numbers import NUMBER, NUMBER_REST

_WS = re.compile(r"\s+")


def phrase_pattern(phrase: str) -> str:
    """A vocabulary phrase as a regex whose spaces also match line breaks (PDF/DOCX text), and whose
    hyphens may be followed by one ("héc-\nta": a word hyphenated at the end of a PDF line)."""
    return r"\s+".join(re.escape(w).replace(r"\-", r"-(?:[ \t]*\n[ \t]*)?") for w in phrase.split())


# A page number or running header that a PDF puts on its own line, possibly mid-sentence.
PAGE_LINE = r"(?:[Tt]rang[ \t]+\d{1,3}(?:[ \t]*/[ \t]*\d{1,3})?|-[ \t]*\d{1,3}[ \t]*-|\d{1,3})"


PAGE_LINE_RE = re.compile(rf"[ \t]*{PAGE_LINE}[ \t]*")


# Footnote markers are glued to what they annotate ("47%3", "tỷ đồng4"): a unit may be followed by digits.
UNIT_END = r"(?![^\W\d])"


def alternation(phrases: list[str]) -> str:
    return "|".join(phrase_pattern(p) for p in sorted(set(phrases), key=len, reverse=True))


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
    base = alternation([u for u in units if u != "%"] + aliases)
    pattern = (
        rf"[ \t]*(?:\n[ \t]*{PAGE_LINE}[ \t]*(?=\n))?(?:\n[ \t]*){{0,2}}"
        rf"(?:(?P<pct>%)|(?:(?P<scale>{alternation(scales)})\s+)?(?P<base>{base}){UNIT_END}"
        rf"|(?P<bare>{alternation(scales)}){UNIT_END})"
        rf"(?P<per>(?:\s*/\s*(?:{NUMBER}[ \t]+)?(?:{alternation(per)}){UNIT_END})*)"
    )
    return re.compile(pattern) if folded else re.compile(pattern, re.IGNORECASE)


@cache
def qualifier_re() -> re.Pattern[str]:
    return re.compile(rf"\s*(?:{alternation(vocabulary.words('units', 'qualifier_after'))})(?!\w)", re.IGNORECASE)


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


def read_unit(text: str, pos: int, folded: str | None = None) -> tuple[str, int] | None:
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


# A unit the vocabulary does not know, recognised by its shape: a number, a short lower-case noun
# phrase, a slash and a population or area denominator ("25 thuê bao internet/100 dân", "3,2 cán bộ
# y tế/1.000 dân"): a rate per head, whatever is counted.
_SHAPED_UNIT_RE = re.compile(
    rf"\d(?<![\d.,/%]\d){NUMBER_REST}(?![.,]\d)[ \t]+(?P<unit>[^\W\d_]+(?:[ \t][^\W\d_]+){{0,5}}[ \t]*/[ \t]*"
    rf"(?:{NUMBER}[ \t]+)?(?:vạn dân|nghìn dân|dân|người|hộ|km2|ha|xã))(?!\w)"
)


_DENOMINATOR_RE = re.compile(rf"/[ \t]*(?:{NUMBER}[ \t]+)?(?:vạn dân|nghìn dân|dân|người|hộ|km2|ha|xã)(?!\w)")


def shaped_matches(text: str) -> list[re.Match[str]]:
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
            frozenset(u.lower() for u in unit_names()))


_NEXT_WORD_RE = re.compile(r"[ \t\n\r]*([^\W\d_]*)")


_LETTERS_RE = re.compile(r"[^\W\d_]*")


@cache
def _first_words() -> frozenset[str]:
    """The first run of letters of every unit, alias, scale and range word, lower-cased."""
    names = list(unit_names()) + vocabulary.words("comparators", "range_words")
    return frozenset(m.group().lower() for n in names if (m := _LETTERS_RE.match(n.strip())))


def unit_word_ok(text: str, end: int) -> bool:
    """Can the word after a number start a unit? (A set lookup instead of the full unit pattern.)"""
    m = _NEXT_WORD_RE.match(text, end)
    word = m.group(1) if m else ""
    if word and word[0].isupper() and word != "Trang" and not word.isupper() and m is not None \
            and "\n" in text[end:m.start(1)]:
        return False  # the next line opens with a capitalised word ("Căn cứ"): a new sentence, not the unit
    return not word or word.lower() in _first_words() or word.lower() == "trang"


@cache
def unit_names() -> tuple[str, ...]:
    names = vocabulary.words("units", "units") + list(vocabulary.mapping("units", "aliases"))
    return tuple(names + list(vocabulary.mapping("scales", "scales")))
