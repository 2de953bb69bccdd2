"""Table layouts beyond "one indicator per row": captions that give the unit, and tables of
agencies by indicator.

Why apart from `tables`: these read a table's shape before its rows are read. A caption line
"(Đơn vị: tỷ đồng)" above a table gives the unit of every figure whose row and column name none.
A table whose rows are the agencies or localities and whose columns are the indicators ("STT |
Đơn vị | Thu ngân sách nhà nước | Vốn đầu tư công", the usual annex of a decision handing targets
to districts) has no "Chỉ tiêu" column at all: its header is recognised from its layout (a first
table line of names only, over a line of figures) and each value column carries its indicator.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from theodoi_extract import agencies, vocabulary
from theodoi_extract.numbers import canonical_unit, find_quantities


@dataclass(frozen=True)
class Cell:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Column:
    role: str  # indicator | unit | agency | value | skip
    kind: str | None = None
    period: str | None = None
    name: str | None = None  # a value column that names its own indicator (a table of agencies by indicator)


_CAPTION_UNIT_RE = re.compile(r"^[ \t]*\(?[ \t]*(?:đơn vị tính|đơn vị|đvt)[ \t]*:[ \t]*([^()\n:;]{1,25}?)[ \t]*\)?[ \t]*$",
                              re.IGNORECASE | re.MULTILINE)
_CAPTION_WINDOW = 300  # a caption stands on one of the few lines right above the table
_DIGIT_RE = re.compile(r"\d")
_STT_RE = re.compile(r"^(?:stt|tt|số tt|số thứ tự)\.?$", re.IGNORECASE)
_WORDY_RE = re.compile(r"[^\W\d]{2,}")
_DASH_RE = re.compile(r"^[-–—x]$")  # a cell with nothing to state ("-"), as in any table of figures


@cache
def _cue(key: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in vocabulary.words("cues", key))


def is_unit(text: str) -> bool:
    """Is this text (brackets stripped) exactly a unit of the vocabulary or of a unit's shape?"""
    cleaned = text.strip(" ()")
    if not cleaned:
        return False
    q = list(find_quantities("1 " + cleaned))
    return bool(q) and q[0].start == 0 and q[0].end == len(cleaned) + 2


def caption_unit_before(text: str, table_start: int) -> str:
    """The unit a caption line just above the table states ("(Đơn vị: tỷ đồng)", "ĐVT: ha"), or ""."""
    lo = max(0, table_start - _CAPTION_WINDOW)
    found = ""
    for m in _CAPTION_UNIT_RE.finditer(text, lo, table_start):
        if is_unit(m.group(1)):
            found = canonical_unit(m.group(1).strip())
    return found


def _figure(text: str) -> bool:
    return bool(_DIGIT_RE.search(text))


@cache
def _role_words_re() -> re.Pattern[str]:
    """The column-role words as whole words ("ước" the estimate, not inside "nhà nước")."""
    words = sorted({w.strip() for key in ("table_target", "table_target_of_doing", "table_actual", "table_skip", "table_unit")
                    for w in _cue(key) if w.strip()}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)")


def _says_kind_or_year(header: str) -> bool:
    t = header.lower()
    return bool(re.search(r"(?:19|20)\d\d", t)) or bool(_role_words_re().search(t))


_YEAR_IN_NAME_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_NAME_FILLER_RE = re.compile(r"\b(?:năm|cuối|đầu|đến|giai đoạn)\b|\([^()]*\)|[-–,.]")
HEADER_SEPARATOR = " / "  # joins the parts of a merged header ("Năm 2024 / Kế hoạch")
_PATH_YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)(?:\s*[-–]\s*((?:19|20)\d\d))?(?!\d)")


def path_kind_period(header: str) -> tuple[str | None, str | None]:
    """Kind and year of a value column from its header path: the deepest part that says wins.

    "Năm 2024 / Kế hoạch" is a 2024 target, "Kế hoạch năm 2025 / Ước thực hiện" an estimate of
    the 2025 result: the sub-column names the kind, a year may sit in the parent.
    """
    kind = period = None
    for part in header.lower().split(HEADER_SEPARATOR):
        t = f" {part.strip()} "
        # "Kế hoạch thực hiện", "Lộ trình thực hiện": what is to be done, a plan, not a result
        part_kind = "target" if any(w in t for w in _cue("table_target_of_doing")) else (
            "actual" if any(w in t for w in _cue("table_actual")) else (
                "target" if any(w in t for w in _cue("table_target")) else None))
        kind = part_kind or kind
        y = _PATH_YEAR_RE.search(t)
        if y:
            period = f"{y.group(1)}-{y.group(2)}" if y.group(2) else y.group(1)
    return kind, period


def _year_of_named(header: str) -> str | None:
    """The year an indicator's own header names ("Tỷ lệ hộ nghèo cuối năm 2027 (%)"): a column that
    names its indicator and the year it is for, unlike "Năm 2027" or "Kế hoạch 2027", which name a
    year or a kind only. None where the header is no such name (no year, a kind word, or nothing but
    the year and its fillers)."""
    years = _YEAR_IN_NAME_RE.findall(header)
    if len(years) != 1 or _role_words_re().search(header.lower()):
        return None
    rest = _NAME_FILLER_RE.sub(" ", _YEAR_IN_NAME_RE.sub(" ", header.lower()))
    return years[0] if len(_WORDY_RE.findall(rest)) >= 2 else None


def _named_column(header: str) -> Column | None:
    """The value column of a header that names an indicator, with the kind and year it states, or None.

    Three shapes: a name alone ("Thu ngân sách"), a name with its year ("Tỷ lệ hộ nghèo cuối năm 2027
    (%)"), a name with a kind word and a year ("Kế hoạch vốn năm 2029": words are left once the kind
    word, the year and their fillers are taken out, unlike "Kế hoạch năm 2029"). A merged header's
    path ("Số hộ nghèo (hộ) / Kế hoạch năm 2029") names the indicator in its top part and the kind and
    year in the parts below it.
    """
    top, sep, below = header.partition(HEADER_SEPARATOR)
    if sep:
        named = _named_column(top)
        if named is None or named.kind is not None:
            return _kind_above_name(top, below)
        kind, period = path_kind_period(below)
        return Column("value", kind, period or named.period, name=top)
    if not _WORDY_RE.search(header):
        return None
    year = _year_of_named(header)
    if year is not None or not _says_kind_or_year(header):
        return Column("value", period=year, name=header)
    lower = header.lower()
    if len(_YEAR_IN_NAME_RE.findall(lower)) > 1:
        return None
    rest = _NAME_FILLER_RE.sub(" ", _YEAR_IN_NAME_RE.sub(" ", _role_words_re().sub(" ", lower)))
    if not _WORDY_RE.search(rest) or not _YEAR_IN_NAME_RE.search(lower):
        return None
    kind, period = path_kind_period(header)
    return Column("value", kind, period, name=header) if kind else None


def _kind_above_name(top: str, below: str) -> Column | None:
    """The reverse path: a merged cell stating the kind and the year once ("Kế hoạch năm 2030", "Năm
    2028", "Chỉ tiêu kế hoạch năm 2029") over cells each naming an indicator with no kind of its own
    ("Số hộ thoát nghèo (hộ)"), the usual header of a decision handing each locality its targets."""
    kind, period = path_kind_period(top)
    named = _named_column(below)
    if (kind is None and period is None) or named is None or named.kind is not None:
        return None
    return Column("value", kind, named.period or period, name=named.name)


def _note_column(header: str) -> bool:
    """"Ghi chú" and the like: a column of remarks, empty in most rows, never figures."""
    t = f" {header.lower().strip()} "
    return any(w in t for w in _cue("table_skip")) and not _YEAR_IN_NAME_RE.search(t) \
        and not _DIGIT_RE.search(t) and HEADER_SEPARATOR not in header


def is_total_row_name(text: str) -> bool:
    """A sum row ("Tổng cộng", "Toàn tỉnh") in a table of agencies or localities: no agency of its own."""
    return text.strip(" .:").lower() in _cue("table_total_rows")


def names_header(cells: list[Cell], below: list[Cell]) -> list[Column] | None:
    """Columns of a table of agencies by indicator, when `cells` (the table's first line) is its
    header, else None.

    The header holds names only, no figure; the line below has the same cells, a name under the
    first name column (the subject: an agency or a locality, as its header or its text says) and
    figures under at least two other columns, each headed by an indicator that names no year, kind
    or unit column of its own; a column naming its indicator with the year it is for ("Tỷ lệ hộ
    nghèo cuối năm 2027 (%)") keeps that year as its period.
    """
    if len(cells) < 3 or len(below) != len(cells) \
            or any(not c.text or _figure(_YEAR_IN_NAME_RE.sub("", c.text)) for c in cells):
        return None
    cols: list[Column | None] = [Column("skip") if _STT_RE.match(c.text) else None for c in cells]
    subject = next((i for i, c in enumerate(cols) if c is None), None)
    if subject is None or _figure(below[subject].text) or not _WORDY_RE.search(below[subject].text):
        return None
    head = cells[subject].text.lower()
    if not (any(w in head for w in _cue("table_subject")) or agencies.is_agency_start(below[subject].text)):
        return None
    cols[subject] = Column("agency")
    for i, c in enumerate(cells):
        if cols[i] is not None:
            continue
        if _note_column(c.text):
            cols[i] = Column("skip")
            continue
        named_col = _named_column(c.text)
        if named_col is None or not (_figure(below[i].text) or _DASH_RE.match(below[i].text)):
            return None
        cols[i] = named_col
    named = [i for i, c in enumerate(cols) if c is not None and c.name and _figure(below[i].text)]
    return [c for c in cols if c is not None] if len(named) >= 2 else None


# one to three words in brackets closing the header; the first letter must be lower-case (checked in
# `column_unit` with `str.islower`: a letter range would leave out "đ", "ấ" and the other Vietnamese
# lower-case letters outside ASCII, so "(điểm phần trăm)", "(đợt)" were lost)
_HEADER_UNIT_RE = re.compile(r"\s*\(([^\W\d_][^\W\d_]*(?:[ \t/][^\W\d_]+){0,2}|%)\)\s*$")


def column_unit(name: str, default: str) -> tuple[str, str]:
    """(indicator, unit) of a column that names its indicator: "Số ca phẫu thuật (ca)" gives "ca"
    (the bracket closing a column header is the unit's place, whether or not the vocabulary knows
    the word: one to three lower-case words), else the unit the row or the caption gives."""
    m = _HEADER_UNIT_RE.search(name)
    if m is None or not m.group(1)[0].islower() and m.group(1) != "%":
        return name, default
    return name[:m.start()].rstrip(), canonical_unit(m.group(1))
