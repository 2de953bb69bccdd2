"""Year and span mentions of a document ("năm 2023", "giai đoạn 2021-2025", "2019: 97,6%").

Why a module of their own: the period of a figure is most often the nearest year mention in its
clause or sentence, so every mention is found in one scan and looked up by bisection; the years
of comparison bases ("so với năm 2022", "giá so sánh năm 2010") are left out here, once, so no
reader can take them for a period.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

YEAR = r"(?:19[5-9]\d|20\d\d|21\d\d)"


@dataclass(frozen=True)
class Mention:
    pos: int
    end: int
    period: str
    is_span: bool
    preceded_by_in: bool
    fronted: bool = False  # "Giai đoạn 2026-2028, ...": opens its sentence, set off by a comma


_YEAR_SCAN = re.compile(rf"({YEAR})(?:\s*[-–]\s*({YEAR}))?(?!\d)")


_IN_SPAN_BEFORE = re.compile(r"trong\s+(?:cả\s+)?(?:giai đoạn|thời kỳ|nhiệm kỳ)?\s*$")


# "Giai đoạn 2026-2028, toàn huyện tạo việc làm cho 4.800 lao động": a span that opens its sentence
# (or item) and is set off by a comma frames the clause: its totals are over the span, its
# percentages (levels) are at the span's end (`periods.explicit_period`); a span inside the clause
# ("hộ nghèo theo chuẩn giai đoạn 2026-2030 còn 6,4%") qualifies a word instead.
_FRONTED_SPAN_BEFORE = re.compile(r"(?:^|[.;:!?]\s+|\n[ \t]*(?:[-+•–*][ \t]+|\w{1,3}[.)][ \t]+)?)"
                                  r"(?:cả\s+)?(?:giai đoạn|thời kỳ|nhiệm kỳ)\s+$")


_YEAR_WORDS = ("năm", "Năm", "đến", "Đến", "vào", "Vào")


# What a year after these words names is the base a figure is compared with or priced at.
# "gấp 1,6 lần năm 2020" names the base of a ratio the same way, and so do "bằng 1,4 lần năm 2025"
# and "bằng 96,5% năm 2027" (a ratio written straight before the year: the figure is the ratio, the
# year its base); "so với cuối năm 2025" a level; a base qualified by a few words before its year ("so
# với bình quân năm 2027", "so với mức thực hiện năm 2027") is a base too.
_BASE_BEFORE = re.compile(r"(?:\bso\s+với(?:\s+(?!(?:và|đến|tới|vào|trong|là|đạt|năm)\b)[^\W\d]+){0,3}(?=\s+năm\s+$)|\bso\s+với|\bso|\bgiá\s+so\s+sánh|\bgiá\s+cố\s+định|\bgiá\s+gốc|\bgốc"
                          r"|\bgấp\s+\d[\d.,]*\s+lần(?:\s+so\s+với)?|\bbằng\s+\d[\d.,]*\s*(?:%|lần))"
                          r"(?:\s+cùng\s+kỳ|\s+cùng\s+thời\s+điểm|\s+quý\s+[IV]{1,3}|\s+tháng\s+\d{1,2}"
                          r"|\s+\d{1,2}\s+tháng(?:\s+đầu)?|\s+cuối|\s+đầu)?(?:\s+năm)?\s+$", re.IGNORECASE)


def _may_be_base(window: str) -> bool:
    """Cheap filter before `_BASE_BEFORE`: the words every base phrase holds."""
    return "so" in window or "gốc" in window or "So" in window or "lần" in window or "bằng" in window


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
            if _may_be_base(window) and _BASE_BEFORE.search(window):
                continue  # "so với năm 2022", "giá so sánh năm 2010": a comparison base, never the period
            if m.group(2):
                period = f"{m.group(1)}-{m.group(2)}"
                low = before.lower()
                fronted = text.startswith(",", m.end()) and bool(_FRONTED_SPAN_BEFORE.search(low))
                self.items.append(Mention(m.start(), m.end(), period, True, bool(_IN_SPAN_BEFORE.search(low)), fronted))
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


def is_base_year(text: str, year_start: int) -> bool:
    """Is the year at `year_start` a comparison base or a price base ("so với năm 2025", "giá so
    sánh năm 2010")? Such a year is never a figure's period, in a sentence or in a heading."""
    window = text[max(0, year_start - 32):year_start]
    return _may_be_base(window) and bool(_BASE_BEFORE.search(window))
