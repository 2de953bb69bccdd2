"""Repair of OCR text: number shapes, glued or mis-toned Vietnamese words, detached tone marks.

Tesseract's errors on Vietnamese plan documents fall into a few classes, each mended here only
where the result is unambiguous (a well-formed number, a valid syllable, a vocabulary word):

- **split digits**: a thousands group or a decimal cut by a space (`1.2 00`, `6, 5%`, `1 0,5%`);
- **letters for digits**: `l0%`, `1O,5%` in prose; in a table column of figures also `G7`, `S0`
  (`repair_figure_columns`: the column, not the word, says a figure belongs there);
- **glued syllables**: Vietnamese writes one syllable per word, so `Tốngvốn` or `chỉtiêu` (two
  valid syllables and no single one) is split, and `GRDPbình` (an acronym before a syllable);
- **detached tone marks**: `xa ~` where the tilde of `xã` was read as a word of its own;
- **wrong tones in vocabulary phrases**: `Chỉ cục`, `Sở Kế hoạch và Đâu tư`: a capitalised run of
  words whose letters match a multi-word agency entry of the vocabulary (names and their first
  words) in everything but the tone marks takes the entry's tones; so does a table cell that is a
  multi-word unit but for its tones (`tỷ đông`). One-word entries are never used (`số`/`sở`,
  `xa`/`xã` are both words), nor entries whose tone-less forms collide, nor lower-case runs in
  prose (`chi tiêu`, spending, has the letters of the unit `chỉ tiêu`).

All of it runs on OCR'd pages only; a text layer is never touched.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache
from typing import Any

TONES = {"\u0300": "`", "\u0301": "´", "\u0303": "~", "\u0309": "?", "\u0323": "."}
_DETACHED = {"~": "\u0303", "`": "\u0300", "´": "\u0301"}  # marks OCR reads as a word of their own


def strip_tones(text: str) -> str:
    """The text without its tone marks (vowel qualities â ê ô ơ ư ă and đ kept); same length in NFC."""
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in TONES))


def _fold(text: str) -> str:
    return strip_tones(text).lower()


# --- number shapes ------------------------------------------------------------------------------

# A thousands group split by a space inside the group ("1.2 00" -> "1.200"; not "3. 100%", an
# item number), a space inside a decimal before a percent sign ("6, 5%" -> "6,5%"), a lone digit
# split from a decimal below one ("1 0,5%" -> "10,5%": no figure is written "0,5" after a digit).
_SPLIT_GROUP_RE = re.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d{3})*\.)(\d{1,2}) (\d{1,2})(?![\d,])")
_SPLIT_DECIMAL_RE = re.compile(r"(?<![\d.,])(\d{1,3}) ?, ?(\d{1,2}) ?%")
_SPLIT_LEAD_RE = re.compile(r"(?<![\w.,])(\d) (0,\d{1,2}) ?%")
# a number written with O/o for 0 or l/I for 1, before a percent sign or a scale word
_LETTERED_RE = re.compile(r"(?<![\w.,])(?=[\dOolI.,]*\d)(?=[\dOolI.,]*[OolI])([\dOolI]+(?:[.,][\dOolI]+)*)"
                          r"(?=\s?%|\s(?:tỷ|triệu|nghìn)\b)")
_PROSE_DIGITS = str.maketrans("OolI", "0011")


def repair_numbers(text: str) -> str:
    """Mend digits that OCR split with a space or read as letters, only where the result is one
    well-formed number."""

    def group(m: re.Match[str]) -> str:
        if len(m.group(2)) + len(m.group(3)) != 3:
            return m.group(0)
        return m.group(1) + m.group(2) + m.group(3)

    text = _SPLIT_GROUP_RE.sub(group, text)
    text = _SPLIT_DECIMAL_RE.sub(lambda m: f"{m.group(1)},{m.group(2)}%", text)
    text = _SPLIT_LEAD_RE.sub(lambda m: f"{m.group(1)}{m.group(2)}%", text)
    return _LETTERED_RE.sub(lambda m: m.group(1).translate(_PROSE_DIGITS), text)


_FIGURE_RE = re.compile(r"^[<>≥≤=~]?\(?[-+]?\d[\d.,]*(?:\s*[-–]\s*\d[\d.,]*)?%?\)?$")
# ";" between digits: a decimal comma whose tail ran into a speck ("1;1")
_CELL_DIGITS = str.maketrans("OolI|GSBZ;", "001116582,")


def repair_figure_columns(grid: list[list[Any]]) -> list[list[Any]]:
    """A table grid (rows of `GridCell`) whose columns of figures have their letter-for-digit
    misreadings mended: in a column where most filled cells are figures (or become figures when
    their look-alike letters are read as digits), a cell holding a digit that becomes a figure so
    (`G7` -> `67`), and a speck read as a separator after the last digit dropped (`460.`). A cell
    with any other letter (`KH 2025`, `Quý III/2025`) never changes."""
    from theodoi_extract.tables import GridCell

    width = max((len(r) for r in grid), default=0)
    figure_columns = set()
    for c in range(width):
        texts = [r[c].text.strip() for r in grid if c < len(r) and r[c].text.strip()]
        if texts and 2 * sum(bool(_FIGURE_RE.match(t.translate(_CELL_DIGITS))) for t in texts) > len(texts):
            figure_columns.add(c)
    out = []
    for row in grid:
        cells = []
        for c, cell in enumerate(row):
            t = cell.text.strip()
            fixed = t.translate(_CELL_DIGITS).rstrip(".,_")  # a figure never ends with a separator
            if c in figure_columns and t and re.search(r"\d", t) and fixed != t and _FIGURE_RE.match(fixed):
                cell = GridCell(cell.owner, fixed)
            cells.append(cell)
        out.append(cells)
    return out


# --- syllables ----------------------------------------------------------------------------------

_ONSET = r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?"
_SYLLABLE = _ONSET + r"[aăâeêioôơuưy]{1,3}(?:ng|nh|ch|[cmnpt])?"
_ONE_RE = re.compile(_SYLLABLE)
_ACRONYM_GLUED_RE = re.compile(r"([A-ZĐ]{2,})([^\W\d_]{2,})")
_WORD_RE = re.compile(r"[^\W\d_]+")
_VOWELS = "aăâeêioôơuưy"


def _tones(word: str) -> int:
    return sum(ch in TONES for ch in unicodedata.normalize("NFD", word))


def _split_point(word: str) -> int | None:
    """Where a word glued from two syllables splits: both parts valid syllables of 2+ letters,
    neither with two tone marks; a second part that opens with a consonant preferred (`chủ|yếu`
    and `chủy|ếu` are both syllables, but a syllable is written after its onset)."""
    folded = _fold(word)
    cuts = [i for i in range(2, len(word) - 1)
            if _ONE_RE.fullmatch(folded[:i]) and _ONE_RE.fullmatch(folded[i:])
            and _tones(word[:i]) <= 1 and _tones(word[i:]) <= 1]
    if not cuts:
        return None
    return next((i for i in cuts if folded[i] not in _VOWELS), cuts[0])


def split_glued(text: str) -> str:
    """Split words OCR glued together: two valid Vietnamese syllables written as one lower-case
    word (with a letter beyond ASCII, so `online` stays) that is no single syllable; an acronym
    glued to a lower-case syllable that opens with a consonant (`GRDPbình`)."""

    def fix(m: re.Match[str]) -> str:
        word = m.group(0)
        acronym = _ACRONYM_GLUED_RE.fullmatch(word)
        if acronym:
            rest = acronym.group(2)
            if rest.islower() and _fold(rest)[0] not in _VOWELS and _ONE_RE.fullmatch(_fold(rest)):
                return f"{acronym.group(1)} {rest}"
            return word
        if word.isascii() or len(word) < 4 or not word[1:].islower() or _ONE_RE.fullmatch(_fold(word)):
            return word
        cut = _split_point(word)
        return word if cut is None else f"{word[:cut]} {word[cut:]}"

    return _WORD_RE.sub(fix, text)


def attach_detached_marks(text: str) -> str:
    """`xa ~` (or `~ xa`) -> `xã`: a lone tone mark beside a toneless word joins it when exactly one
    vowel of the word can carry it to make a word of the vocabulary."""

    def fix(m: re.Match[str]) -> str:
        word = m.group("word") or m.group("word2")
        mark = _DETACHED[m.group("mark") or m.group("mark2")]
        if strip_tones(word) != word:
            return m.group(0)
        made = {unicodedata.normalize("NFC", word[:i + 1] + mark + word[i + 1:])
                for i, ch in enumerate(word) if ch.lower() in "aăâeêioôơuưy"}
        known = [w for w in made if w.lower() in _vocabulary_words()]
        return known[0] if len(known) == 1 else m.group(0)

    return _DETACHED_RE.sub(fix, text)


# the mark after its word, or before it (it stands above the letter, so a cell's lines may put it first)
_DETACHED_RE = re.compile(r"(?P<word>[^\W\d_]+) (?P<mark>[~`´])(?=\s|$|\|)"
                          r"|(?:(?<=\s)|(?<=^)|(?<=\|))(?P<mark2>[~`´]) (?P<word2>[^\W\d_]+)")


# --- vocabulary phrases -------------------------------------------------------------------------


def _agency_entries() -> Iterable[str]:
    from theodoi_extract import vocabulary

    yield from vocabulary.words("agencies", "starters")
    canonical = vocabulary.load("agencies")["canonical"]
    yield from canonical if isinstance(canonical, list) else canonical.values()


def _unit_entries() -> Iterable[str]:
    from theodoi_extract import vocabulary

    return vocabulary.words("units", "units")


@cache
def _vocabulary_words() -> frozenset[str]:
    entries = [*_agency_entries(), *_unit_entries()]
    return frozenset(w.lower() for entry in entries for w in _WORD_RE.findall(entry))


@cache
def _phrases(kind: str) -> dict[tuple[str, ...], tuple[str, ...]]:
    """Multi-word vocabulary entries ("agency" names and first words, "unit"s) by their tone-less
    words; entries whose tone-less forms collide are left out."""
    found: dict[tuple[str, ...], set[tuple[str, ...]]] = {}
    for entry in (_agency_entries() if kind == "agency" else _unit_entries()):
        words = tuple(_WORD_RE.findall(entry))
        if len(words) >= 2 and " ".join(words) == entry:
            found.setdefault(tuple(_fold(w) for w in words), set()).add(tuple(w.lower() for w in words))
    return {key: next(iter(forms)) for key, forms in found.items() if len(forms) == 1}


def _same_tones(a: str, b: str) -> bool:
    """The same word, or the same tones placed by the other convention (`uỷ` / `ủy`)."""
    marks = [sorted(ch for ch in unicodedata.normalize("NFD", w) if ch in TONES) for w in (a, b)]
    return a == b or marks[0] == marks[1]


def restore_tones(text: str) -> str:
    """Agency names: a capitalised run of words that matches a multi-word agency entry (`Chi cục`,
    `Sở Kế hoạch và Đầu tư`) but for the tone marks takes the entry's tones, letter by letter,
    keeping the OCR'd capitals. Only capitalised runs: an agency name is a proper noun, and the
    lower-case words with the same letters are other words (`chi tiêu` is spending, `chỉ tiêu` an
    indicator)."""
    phrases = _phrases("agency")
    if not phrases:
        return text
    longest = max(len(k) for k in phrases)
    tokens = list(_WORD_RE.finditer(text))
    out: list[str] = []
    pos = i = 0
    while i < len(tokens):
        for n in range(min(longest, len(tokens) - i), 1, -1):
            window = tokens[i:i + n]
            if any(text[a.end():b.start()] != " " for a, b in zip(window, window[1:], strict=False)):
                continue
            form = phrases.get(tuple(_fold(t.group()) for t in window))
            if form is None or not window[0].group()[0].isupper() or all(_same_tones(t.group().lower(), w) for t, w in zip(window, form, strict=True)):
                continue
            for t, want in zip(window, form, strict=True):
                out.append(text[pos:t.start()])
                out.append("".join(w.upper() if o.isupper() else w for o, w in zip(t.group(), want, strict=True)))
                pos = t.end()
            i += n
            break
        else:
            i += 1
    out.append(text[pos:])
    return "".join(out)


def restore_unit_cells(text: str) -> str:
    """A table cell ("a | b | c" rows) that is a multi-word unit but for its tones (`tỷ đông`) takes
    the unit's tones: a whole cell of a unit column can be nothing else."""
    phrases = _phrases("unit")

    def cell(part: str) -> str:
        words = _WORD_RE.findall(part)
        form = phrases.get(tuple(_fold(w) for w in words)) if len(words) >= 2 else None
        if form is None or " ".join(words) != part.strip():
            return part
        lead = part[:len(part) - len(part.lstrip())]
        return lead + " ".join("".join(w.upper() if o.isupper() else w for o, w in zip(ocr, want, strict=True))
                               for ocr, want in zip(words, form, strict=True)) + part[len(part.rstrip()):]

    return "\n".join("|".join(cell(p) for p in line.split("|")) if " | " in line else line
                     for line in text.split("\n"))


def repair(text: str) -> str:
    """Every repair above, in order: numbers, glued words, detached marks, vocabulary tones."""
    text = unicodedata.normalize("NFC", text)
    return restore_unit_cells(restore_tones(attach_detached_marks(split_glued(repair_numbers(text)))))


# --- agency names across the document ------------------------------------------------------------

AGENCY_REPAIR_BELOW = 97.0  # pages OCR'd at a mean word confidence below this have their names mended
_NAME_WORD = r"[^\W\d_]+"
# an agency mention: a capitalised head word of the vocabulary, then the words of the name up to the
# clause's end (punctuation, a cell border, the line's end); the window match below decides the name
_STOP = ":;.()|\n"  # not the comma: `Sở Văn hóa, Thể thao và Du lịch`


def _loose(word: str) -> str:
    """A word without its tones, lower-case, `đ` read as `d`: what a blurred scan keeps of it."""
    return _fold(word).replace("đ", "d")


@cache
def _agency_heads() -> tuple[str, ...]:
    from theodoi_extract import vocabulary

    heads = {*vocabulary.words("agencies", "starters"), *vocabulary.words("agencies", "named_starters")}
    return tuple(sorted((h for h in heads if h[:1].isupper() and not h.isupper()), key=len, reverse=True))


def _name_regions(text: str) -> Iterable[tuple[int, int]]:
    """(start, end) of each stretch that opens with a capitalised agency head word and runs to the
    end of its clause."""
    heads = "|".join(re.escape(h) for h in _agency_heads())
    for m in re.finditer(rf"(?<!\w)(?:{heads})(?!\w)[^{re.escape(_STOP)}]*", text):
        yield m.start(), m.end()


def agency_lexicon(trusted: Iterable[str] = ()) -> dict[tuple[str, ...], tuple[str, ...]]:
    """Every run of 2+ words of a known agency name by its loose form (`_loose`), with its spelling:
    the vocabulary's canonical names and expansions, and the mentions in `trusted` texts (text
    layers, or pages OCR read well). A loose form spelt two ways is left out (ambiguous)."""
    from theodoi_extract import vocabulary

    names = [*vocabulary.words("agencies", "canonical"),
             *map(str, vocabulary.mapping("agencies", "abbreviations").values())]
    for text in trusted:
        names += [text[a:b] for a, b in _name_regions(text)]
    found: dict[tuple[str, ...], set[tuple[str, ...]]] = {}
    for name in names:
        words = [w.lower() for w in re.findall(_NAME_WORD, name)]
        for i in range(len(words)):
            for j in range(i + 2, len(words) + 1):
                found.setdefault(tuple(_loose(w) for w in words[i:j]), set()).add(tuple(words[i:j]))
    return {key: next(iter(forms)) for key, forms in found.items() if len(forms) == 1}


@cache
def _head_words() -> tuple[dict[str, str], frozenset[str]]:
    """One-word heads of 4+ letters by their loose form (`phong` -> `Phòng`; forms two heads share
    left out), and every word of the agency vocabulary (starters, titles), which is never re-spelt."""
    from theodoi_extract import vocabulary

    found: dict[str, set[str]] = {}
    for head in _agency_heads():
        if " " not in head and len(head) >= 4:
            found.setdefault(_loose(head), set()).add(head)
    known = {w for entry in (*_agency_heads(), *vocabulary.words("agencies", "titles")) for w in entry.split()}
    return {k: next(iter(v)) for k, v in found.items() if len(v) == 1}, frozenset(known)


def _mend_heads(text: str) -> str:
    """`Phỏng Việc làm` -> `Phòng Việc làm`: a capitalised word that is no agency word but a head's
    letters with other tones, before a capitalised word (where a name starts), takes the head's."""
    heads, known = _head_words()

    def fix(m: re.Match[str]) -> str:
        word = m.group(1)
        head = heads.get(_loose(word))
        return m.group(0) if head is None or word in known or len(head) != len(word) else head + m.group(2)

    return re.sub(r"(?<!\w)([A-ZĐÀ-Ỹ][^\W\d_]{3,})( [A-ZĐÀ-Ỹ])", fix, text)


def repair_agency_names(text: str, lexicon: dict[tuple[str, ...], tuple[str, ...]]) -> str:
    """Agency names whose tones (or `đ`) OCR misread (`Trung tâm Phát triến`, `Thế thao`, `xây
    đựng`): inside each mention, the longest run of 2+ words whose loose form is one lexicon entry
    takes the entry's spelling, letter by letter, keeping the OCR'd capitals; a misread head word
    first (`_mend_heads`)."""
    text = _mend_heads(text)
    if not lexicon:
        return text
    longest = max(len(k) for k in lexicon)
    out: list[str] = []
    pos = 0
    for start, end in _name_regions(text):
        words = list(re.finditer(_NAME_WORD, text[start:end]))
        i = 0
        while i < len(words):
            for n in range(min(longest, len(words) - i), 1, -1):
                window = words[i:i + n]
                form = lexicon.get(tuple(_loose(w.group()) for w in window))
                if form is None or any(len(w.group()) != len(f) for w, f in zip(window, form, strict=True)):
                    continue
                for w, want in zip(window, form, strict=True):
                    out.append(text[pos:start + w.start()])
                    out.append("".join(c.upper() if o.isupper() else c for o, c in zip(w.group(), want, strict=True)))
                    pos = start + w.end()
                i += n
                break
            else:
                i += 1
    out.append(text[pos:])
    return "".join(out)


def repair_scanned_agencies(texts: list[str], confidences: list[float | None]) -> list[str]:
    """Each page's text with its agency names mended (`repair_agency_names`) where OCR read the
    page (`confidences[i]` not None) below AGENCY_REPAIR_BELOW, against the vocabulary and the
    document's own mentions on the other pages (text layers and well-read pages). A text layer is
    never changed."""
    doubtful = [c is not None and c < AGENCY_REPAIR_BELOW for c in confidences]
    if not any(doubtful):
        return texts
    lexicon = agency_lexicon(t for t, d in zip(texts, doubtful, strict=True) if not d)
    return [repair_agency_names(t, lexicon) if d else t for t, d in zip(texts, doubtful, strict=True)]
