"""Automatic numbering of Word paragraphs ("I." / "1." / "a)" / bullets kept in numbering.xml).

Why: in a plan typed in Word the item numbers are usually not characters of the paragraph but
list numbering (w:numPr on the paragraph or on its style, levels defined in numbering.xml).
Without them the text loses its structure: "1. Sở Xây dựng chủ trì, phối hợp ...:" becomes a bare
sentence, so no heading, no assignment block, no agency for the targets under it. The reader
prints each numbered paragraph with the label Word would show, computed the way Word counts:
one counter set per list (the abstract definition, or the w:num instance when it overrides a
start), a level's counter restarting when a level above it advances.
"""

from __future__ import annotations

import zipfile
from typing import Any

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
W_VAL = _W + "val"
MAX_LEVELS = 9
MAX_PART_BYTES = 10 * 1024 * 1024
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def _roman(n: int) -> str:
    out = []
    for value, letters in _ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def _letters(n: int) -> str:
    """1 -> a, 26 -> z, 27 -> aa (Word repeats the letter)."""
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    """A counter in a Word number format ("upperRoman" 4 -> "IV", "lowerLetter" 2 -> "b")."""
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "none":
        return ""
    return str(n)  # decimal and the formats we do not spell out


class Numbering:
    """The numbering definitions of one document and the running counters of its lists."""

    def __init__(self, numbering_xml: bytes | None, styles_xml: bytes | None) -> None:
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}  # abstract id -> ilvl -> (fmt, text, start)
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}  # num id -> (abstract id, start overrides)
        self.style_num: dict[str, tuple[str, int]] = {}  # paragraph style id -> (num id, ilvl)
        self.counters: dict[str, list[int]] = {}
        if numbering_xml:
            self._load_numbering(_parse(numbering_xml))
        if styles_xml and self.nums:
            self._load_styles(_parse(styles_xml))

    def _load_numbering(self, root: Any) -> None:
        if root is None:
            return
        for abstract in root.iterchildren(_W + "abstractNum"):
            levels: dict[int, tuple[str, str, int]] = {}
            for lvl in abstract.iterchildren(_W + "lvl"):
                ilvl = _int(lvl.get(_W + "ilvl"), 0)
                levels[ilvl] = (_val(lvl, "numFmt") or "decimal", _val(lvl, "lvlText") or "",
                                _int(_val(lvl, "start"), 1))
            self.levels[abstract.get(_W + "abstractNumId", "")] = levels
        for num in root.iterchildren(_W + "num"):
            overrides = {}
            for over in num.iterchildren(_W + "lvlOverride"):
                start = _val(over, "startOverride")
                if start is not None:
                    overrides[_int(over.get(_W + "ilvl"), 0)] = _int(start, 1)
            self.nums[num.get(_W + "numId", "")] = (_val(num, "abstractNumId") or "", overrides)

    def _load_styles(self, root: Any) -> None:
        if root is None:
            return
        for style in root.iterchildren(_W + "style"):
            ppr = style.find(_W + "pPr")
            num_pr = ppr.find(_W + "numPr") if ppr is not None else None
            if num_pr is not None:
                num_id = _val(num_pr, "numId")
                if num_id:
                    self.style_num[style.get(_W + "styleId", "")] = (num_id, _int(_val(num_pr, "ilvl"), 0))

    def label(self, paragraph: Any) -> str:
        """The label Word shows before this paragraph ("II.", "1.", "a)", "-" for a bullet), "" if none;
        advances the list's counters."""
        if not self.nums:
            return ""
        ppr = paragraph.find(_W + "pPr")
        if ppr is None:
            return ""
        found = self._num_of(ppr)
        if found is None:
            return ""
        num_id, ilvl = found
        abstract_id, overrides = self.nums.get(num_id, ("", {}))
        levels = self.levels.get(abstract_id)
        if not levels or ilvl not in levels:
            return ""
        key = f"n{num_id}" if overrides else f"a{abstract_id}"
        counts = self.counters.get(key)
        if counts is None:
            counts = self.counters[key] = [0] * MAX_LEVELS
        counts[ilvl] += 1
        for deeper in range(ilvl + 1, MAX_LEVELS):
            counts[deeper] = 0
        fmt, text, _ = levels[ilvl]
        if fmt == "bullet":
            return "-"
        out = text
        for k in range(ilvl + 1):
            k_fmt, _, k_start = levels.get(k, ("decimal", "", 1))
            start = overrides.get(k, k_start)
            out = out.replace(f"%{k + 1}", format_number(start + max(counts[k], 1) - 1, k_fmt))
        return out.strip()

    def _num_of(self, ppr: Any) -> tuple[str, int] | None:
        num_pr = ppr.find(_W + "numPr")
        if num_pr is not None:
            num_id = _val(num_pr, "numId")
            if num_id is None or num_id == "0":  # "0": numbering switched off for this paragraph
                return None
            return num_id, min(MAX_LEVELS - 1, _int(_val(num_pr, "ilvl"), 0))
        style = _val(ppr, "pStyle")
        if style is not None and style in self.style_num:
            num_id, ilvl = self.style_num[style]
            return num_id, min(MAX_LEVELS - 1, ilvl)
        return None


def load(archive: zipfile.ZipFile) -> Numbering:
    """The document's numbering (empty where it has none or the part is unreadable)."""
    from theodoi_extract.readers.docx import read_member

    numbering = read_member(archive, "word/numbering.xml", MAX_PART_BYTES)
    styles = read_member(archive, "word/styles.xml", MAX_PART_BYTES) if numbering else None
    return Numbering(numbering, styles)


def _parse(xml: bytes) -> Any:
    from docx.oxml.parser import parse_xml  # python-docx's parser: entities are not resolved

    try:
        return parse_xml(xml)
    except Exception:  # a broken numbering part must not lose the body text
        return None


def _val(element: Any, tag: str) -> str | None:
    child = element.find(_W + tag)
    return child.get(W_VAL) if child is not None else None


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default
