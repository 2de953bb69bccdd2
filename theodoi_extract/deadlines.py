"""Reporting duties and dated rules: "trước ngày 18 hằng tháng", "định kỳ hằng quý",
"trước ngày 10 tháng 12 năm 2021", "đến 30 tháng 6 năm 2021 giải ngân dưới 40%".

Each becomes a structured rule (monthly/quarterly/semiannual/yearly/once) that the reminder
service can schedule; `what` is the clause that says what is due. The scans start on a literal
("hằng tháng") or a digit, then look at the few words around, to stay fast on long texts.
"""

from __future__ import annotations

import re

from theodoi_extract.model import Deadline
from theodoi_extract.numbers import parse_number
from theodoi_extract.structure import Segmenter, fold, match_at_words

_EACH_RE = re.compile(r"(?:h[ằà]ng|mỗi)\s+(tháng|quý|năm)\b")
_DAY_BEFORE_RE = re.compile(r"ngày\s+(\d{1,2})\s*$")
_PERIODIC_BEFORE_RE = re.compile(r"(?:[Đđ]ịnh kỳ|báo cáo)\s*$")
_LIST_AFTER_RE = re.compile(r"(?:\s*,\s*(?:và\s+)?(?:tháng|quý|năm|0?6\s+tháng|sáu\s+tháng|9\s+tháng))+")
_DATE_RE = re.compile(r"(?P<d>\d\d?)\s*(?:tháng\s+|/)(?P<m>\d{1,2})\s*(?:năm\s+|/)(?P<y>\d{4})")
_PREP_DATE_RE = re.compile(r"(?:[Tt]rước|[Đđ]ến|[Cc]hậm nhất|[Hh]ạn chót)\s+(?:ngày\s+)?(?=\d)")
_PREP_BEFORE_RE = re.compile(r"(?:[Tt]rước|[Đđ]ến|[Cc]hậm nhất|[Hh]ạn chót)\s+(?:ngày\s+)?$")
_THRESHOLD_RE = re.compile(r"[^.;]{0,120}?(?:giải ngân|đạt)\s+(?P<cmp>dưới|không quá|trên|ít nhất)?\s*(?P<n>\d+(?:,\d+)?)\s*%")
_REFERENCE_RE = re.compile(r"số\s+\d+[^\s]*\s*(?:ngày\s+)?$")
_WHAT_RE = re.compile(r"(báo cáo[^;.]*|đánh giá[^;.]*|giải ngân[^;.]*|tổng hợp[^;.]*)", re.IGNORECASE)
_PERIOD_WORD = r"(?:(?:h[ằà]ng|mỗi)\s+)?(?:0?6\s+tháng|sáu\s+tháng|9\s+tháng|tháng|quý|năm)(?!\s*\d)(?!\w)"
# "định kỳ 6 tháng, hằng năm", "định kỳ hằng tháng, quý và năm": one duty per period listed.
_ROUTINE_RE = re.compile(rf"[Đđ]ịnh kỳ\s+{_PERIOD_WORD}(?:\s*(?:,|và|,\s*và)\s*{_PERIOD_WORD})*")
# "hoàn thành trong Quý II/2024", "trước quý 3 năm 2024": due by the quarter's last day.
_QUARTER_RE = re.compile(r"(?:[Qq]uý)\s+(?P<q>IV|I{1,3}|[1-4])\s*(?:/|năm\s+)(?P<y>\d{4})(?!\d)")
_QUARTER_BEFORE_RE = re.compile(r"(?:[Tt]rước|[Tt]rong|[Đđ]ến|[Cc]hậm nhất|[Hh]oàn thành|[Xx]ong)\s+(?:(?:trong|vào)\s+)?$")
_ROUTINE_WORD_RE = re.compile(r"^[Đđ]ịnh kỳ\s+")
_QUARTER_NO = {"I": 1, "II": 2, "III": 3, "IV": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_QUARTER_END = {1: "03-31", 2: "06-30", 3: "09-30", 4: "12-31"}
_RULES = {"tháng": "monthly", "quý": "quarterly", "năm": "yearly"}
_CMP = {"dưới": "<", "không quá": "<=", "trên": ">", "ít nhất": ">="}


def extract_deadlines(text: str, seg: Segmenter, folded: str | None = None) -> list[Deadline]:
    """Periodic duties first, then one-off dated deadlines, each with the clause it comes from.

    `folded` is `structure.fold(text)` when the caller has it already: every scan here starts on a
    literal word, found with `str.find` in the lower-cased text.
    """
    if folded is None:
        folded = fold(text)
    out = _periodic(text, seg, folded) + _dated(text, seg, folded) + _quarters(text, seg, folded)
    return sorted(out, key=lambda x: x.start)


def _periodic(text: str, seg: Segmenter, folded: str | None) -> list[Deadline]:
    out: list[Deadline] = []
    routine = [(m.start(), m.end()) for m in match_at_words(_ROUTINE_RE, text, folded, ("định kỳ",))]
    for start, end in routine:
        s, e = seg.sentence(start)
        due = re.search(r"trước\s+ngày\s+(\d{1,2})(?!\d)(?!\s*(?:tháng|/))", text[end:e])
        for rule in _list_rules(_ROUTINE_WORD_RE.sub("", text[start:end])):
            out.append(Deadline(_what(text, seg, start), rule, int(due.group(1)) if due else None, None, s, e))
    covered = -1
    spans = iter(routine)
    span = next(spans, None)
    for m in match_at_words(_EACH_RE, text, folded, ("hằng", "hàng", "mỗi")):
        while span is not None and span[1] <= m.start():
            span = next(spans, None)
        if span is not None and span[0] <= m.start() < span[1]:
            continue
        if m.start() < covered:
            continue
        before = text[max(0, m.start() - 30):m.start()]
        s, e = seg.sentence(m.start())
        day = _DAY_BEFORE_RE.search(before)
        if day:
            out.append(Deadline(_what(text, seg, m.start()), _RULES[m.group(1)], int(day.group(1)), None, s, e))
            continue
        if not _PERIODIC_BEFORE_RE.search(before):
            continue
        listed = _LIST_AFTER_RE.match(text, m.end())
        end = listed.end() if listed else m.end()
        covered = end
        due = re.search(r"trước\s+ngày\s+(\d{1,2})(?!\d)(?!\s*(?:tháng|/))", text[end:e])
        for rule in _list_rules(text[m.start():end]):
            out.append(Deadline(_what(text, seg, m.start()), rule, int(due.group(1)) if due else None, None, s, e))
    return out


def _dates(text: str, folded: str | None) -> list[re.Match[str]]:
    """Dates written right after "trước/đến/chậm nhất/hạn chót (ngày)": the only ones `_dated` keeps,
    found from those words rather than by trying the date pattern at every digit."""
    if folded is None:
        return list(_DATE_RE.finditer(text))
    out = []
    for p in match_at_words(_PREP_DATE_RE, text, folded, ("trước", "đến", "chậm nhất", "hạn chót")):
        d = _DATE_RE.match(text, p.end())
        if d:
            out.append(d)
    return out


def _dated(text: str, seg: Segmenter, folded: str | None) -> list[Deadline]:
    out: list[Deadline] = []
    for m in _dates(text, folded):
        before = text[max(0, m.start() - 40):m.start()]
        if (m.start() and text[m.start() - 1].isdigit()) or not _PREP_BEFORE_RE.search(before) or _REFERENCE_RE.search(before):
            continue
        d, mo, y = int(m.group("d")), int(m.group("m")), int(m.group("y"))
        if not (1 <= d <= 31 and 1 <= mo <= 12):
            continue
        s, e = seg.sentence(m.start())
        th = _THRESHOLD_RE.match(text, m.end())
        threshold = parse_number(th.group("n")) if th else None
        comparator = _CMP.get((th.group("cmp") or "").lower(), "=") if th else None
        out.append(Deadline(_what(text, seg, m.start()), "once", None, f"{y:04d}-{mo:02d}-{d:02d}", s, e,
                            threshold, comparator))
    return out


def _quarters(text: str, seg: Segmenter, folded: str | None) -> list[Deadline]:
    out: list[Deadline] = []
    for m in match_at_words(_QUARTER_RE, text, folded, ("quý",)):
        if not _QUARTER_BEFORE_RE.search(text, max(0, m.start() - 30), m.start()):
            continue
        s, e = seg.sentence(m.start())
        date = f"{m.group('y')}-{_QUARTER_END[_QUARTER_NO[m.group('q')]]}"
        out.append(Deadline(_what(text, seg, m.start()), "once", None, date, s, e))
    return out


def _list_rules(listed: str) -> list[str]:
    rules = []
    for part in re.split(r"\s*,\s*|\s+và\s+", listed.lower()):
        part = re.sub(r"^(?:hằng|hàng|mỗi|và)\s+", "", part.strip())
        if re.fullmatch(r"(?:0?6|sáu)\s+tháng", part):
            rules.append("semiannual")
        elif re.fullmatch(r"9\s+tháng", part):
            rules.append("nine_months")
        elif part in _RULES:
            rules.append(_RULES[part])
    return list(dict.fromkeys(rules))


def _what(text: str, seg: Segmenter, pos: int) -> str:
    s, e = seg.sentence(pos)
    clause = " ".join(text[s:e].split()).strip(" -;.")
    m = _WHAT_RE.search(clause)
    what = m.group(1) if m else clause
    return what[:120].strip()
