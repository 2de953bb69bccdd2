"""The indicator of a figure: the words before it in its clause, or after it when the number leads.

Why a module of its own: naming the indicator is the costliest part of reading a figure (cue,
comparator and year words are peeled from the right end of the fragment, footnote marks and
item numbers dropped) and has nothing to do with kind, period or agency.
"""

from __future__ import annotations

import re
from functools import cache

from theodoi_extract import vocabulary
from theodoi_extract.numbers import QuantityMatch
from theodoi_extract.years import YEAR

_COMPARED_RE = re.compile(r"(?:so\s+với|so\s|bằng|tăng|giảm)\b")


_SO_RE = re.compile(r"^số\s+")


_AGENCY_LABEL_RE = re.compile(r"(?:Giám đốc|Trưởng|Chủ tịch|Thủ trưởng|Cục trưởng|Sở|Ban)\b")


_LEAD_JUNK = re.compile(
    r"^(?:[-+•–*]\s*|\(?\d{1,2}(?:\.\d{1,2})*[.)]\s+|[a-zđ]\)\s+|[ivx]{2,5}\)\s+|\(\)\s*|\[\d+:\s*\(\)\s*|[,;:)\]]\s*|"
    r"(?:và|với|lên|xuống|còn|trong đó|trong|đó|phấn đấu|tiếp tục|đến|vào|cuối|năm|có|đạt|thêm|toàn tỉnh|hiện|nay|sau|để|là|bằng|đảm bảo|, )\b\s*|"
    rf"{YEAR}\b\s*|[Nn]ăm\s+{YEAR}\b,?\s*|"
    # a span or term set off before the clause ("Giai đoạn 2026-2028, ...", "đến cuối nhiệm kỳ, ...")
    rf"(?:giai đoạn|thời kỳ|nhiệm kỳ)(?:\s+{YEAR}\s*[-–]\s*{YEAR})?\s*,\s*)+",
    re.IGNORECASE,
)


_NOISE = re.compile(r"\(\[footnoteRef:\d+\]\)|\[footnoteRef:\d+\]|\(\s*\d{1,2}\s*\)|\d+(?=[.,;]?\s*$)")


_TAIL_PHRASES = frozenset({
    "đạt", "là", "khoảng", "trên", "dưới", "hơn", "từ", "ít nhất", "tối thiểu", "tối đa", "không quá", "còn", "lên",
    "xuống", "tăng", "giảm", "được", "có", "mức", "ở", "chiếm", "bằng", "với", "vượt", "thêm", "mới", "ước",
    "dự kiến", "vào", "trong", "thực hiện", "ước thực hiện", "trở lên", "khoảng trên", "đến", "cuối",
})


_TAIL_STRIP = " ,;:-(.\t\n"


@cache
def _tail_set() -> frozenset[str]:
    comparators = {p.lower() for p in vocabulary.mapping("comparators", "before") if p[0].isalpha()}
    return _TAIL_PHRASES | comparators


@cache
def _tail_last_words() -> frozenset[str]:
    return frozenset(p.split()[-1].strip(_TAIL_STRIP).lower() for p in _tail_set() if p.split())


def _strip_tail_words(s: str) -> str:
    """Drop trailing cue/comparator words and "năm 2021": a word-level loop from the right end
    (words are single-space separated; `end` is where the kept words stop), no regex, no split."""
    tail, last_words = _tail_set(), _tail_last_words()
    end = len(s)
    while end > 0:
        p1 = s.rfind(" ", 0, end)
        last = s[p1 + 1:end].strip(_TAIL_STRIP).lower()
        if not last:
            end = max(p1, 0)
            continue
        if p1 >= 0 and last.isdigit() and len(last) == 4:
            p2 = s.rfind(" ", 0, p1)
            if s[p2 + 1:p1].lower() == "năm":
                end = max(p2, 0)
                continue
        if last not in last_words:  # no tail phrase ends with this word: nothing more to strip
            break
        cut = -2  # where the stripped phrase starts (the space before it), -2: none found
        if p1 >= 0:
            p2 = s.rfind(" ", 0, p1)
            if p2 >= 0:
                p3 = s.rfind(" ", 0, p2)
                if s[p3 + 1:end].strip(_TAIL_STRIP).lower() in tail:
                    cut = p3
            if cut == -2 and s[p2 + 1:end].strip(_TAIL_STRIP).lower() in tail:
                cut = p2
        if cut == -2 and last in tail:
            cut = p1
        if cut == -2:
            break
        end = max(cut, 0)
    return s[:end].strip(_TAIL_STRIP)


def _denoise(s: str) -> str:
    """Drop footnote references and a trailing footnote number; skipped when none can be there."""
    tail = s.rstrip()
    if tail[-1:] in (".", ",", ";"):
        tail = tail[:-1]
    if "(" in s or "[" in s or tail[-1:].isdigit():
        return _NOISE.sub(" ", s)
    return s


def _clean(fragment: str) -> str:
    """Indicator words: drop bullets, item numbers, cue and comparator words, years at the edges."""
    s = " ".join(_denoise(fragment[-240:]).split())
    for _ in range(3):
        before = s
        m = _LEAD_JUNK.match(s)
        if m and m.end():
            s = s[m.end():]
        s = _strip_tail_words(s)
        if s == before:
            break
    return s


_NOMINAL_HEADS = re.compile(
    r"^(?:tỷ lệ|tỷ trọng|tỉ lệ|diện tích|tổng|số|giá trị|thu|chi|tốc độ|dân số|kim ngạch|vốn|grdp|grdp|sản lượng|lượng|"
    r"quy mô|thu nhập|cơ cấu|khu vực|nợ|đàn|chỉ số|mức|năng suất|độ|nguồn|lượt|dư nợ|giá|khách|lao động|hộ|trẻ em|"
    r"học sinh|trường|xã|bình quân|ngành|nhóm ngành|doanh thu|lợi nhuận|công suất|tuổi thọ|số lượng)\b",
    re.IGNORECASE,
)


_RIGHT_CUT = re.compile(r";|\(|\n\s*\n|,(?=\s*(?:và\s+)?(?:trong đó\s+)?[^,;]{0,12}\d)|\.\s")


_RIGHT_YEAR = re.compile(rf"\s*(?:(?:vào|trong|đến)\s+)?(?:cuối\s+)?năm\s+{YEAR}.*$", re.DOTALL)


_AREA_UNITS = frozenset({"ha", "héc-ta", "hécta", "km2", "m2"})


_SECTION_LABEL_RE = re.compile(r"^(?:về|lĩnh vực)\s", re.IGNORECASE)


def _left_fragment(text: str, q: QuantityMatch, floor: int, after_quantity: bool) -> tuple[str, int, str]:
    """The words before the number: (fragment, its offset, a label written before a colon)."""
    left_start = max(floor, q.start - 240)
    left = text[left_start:q.start]
    if after_quantity and ("," in left or ";" in left):
        cut = max(left.rfind(","), left.rfind(";")) + 1
        left_start += cut
        left = left[cut:]
    label = ""
    if ":" in left:
        head, _, after = left.rpartition(":")
        if len(_clean(after).split()) >= 2:
            label = _clean(head.split(":")[-1])
            left_start += len(head) + 1
            left = after
        elif _SECTION_LABEL_RE.match(_clean(head.rpartition(":")[2])):
            # "4.3. Về quốc phòng, an ninh: Đến năm 2021, có trên 70% xã ...": a "Về ..." label names
            # the section, not the indicator; the words after the number must name it instead.
            label = _clean(head.rpartition(":")[2])
            left_start += len(head) + 1
            left = after
        else:
            before_colon = head.rpartition(":")[2]
            left_start += len(head) - len(before_colon)
            left = before_colon
    return left, left_start, label


def _right_fragment(text: str, q: QuantityMatch, ceiling: int) -> str:
    right = text[q.end:min(ceiling, q.end + 200)]
    right = _RIGHT_CUT.split(right, maxsplit=1)[0]
    words = " ".join(_denoise(right).split()).strip(" ,;:-(.)")
    return _RIGHT_YEAR.sub("", words).strip() if "năm" in words else words.strip()


def _is_count(unit: str) -> bool:
    head = unit.split("/")[0].lower()
    return not (head.endswith(("%", "đồng", "usd", "ha", "km", "tấn", "m2", "m3", "kg", "lít", "mw", "kwh")))


def read_indicator(text: str, q: QuantityMatch, floor: int, ceiling: int, after_quantity: bool = False) -> tuple[str, int]:
    """The indicator words and where the evidence span starts ("" when it must be inherited)."""
    left, left_start, label = _left_fragment(text, q, floor, after_quantity)
    cleaned = _clean(left)
    if len(cleaned.split()) > 12 and ", " in cleaned:
        cleaned = cleaned.rpartition(", ")[2]
    right = _right_fragment(text, q, ceiling)
    unit_word = q.unit.split("/")[0]
    for scale in ("nghìn ", "ngàn ", "triệu ", "tỷ ", "tỉ "):
        unit_word = unit_word.removeprefix(scale)
    if len(cleaned.split()) >= 2 or (cleaned and not right):
        offset = _find_start(text, left_start, q.start, cleaned) if cleaned else q.start
        if _is_count(q.unit) and not _NOMINAL_HEADS.match(cleaned):
            if cleaned.endswith(" cho"):  # "giải quyết việc làm cho 800 lao động": those who get it
                cleaned = f"được {cleaned[0].lower()}{cleaned[1:-4]}"
            cleaned = f"Số {unit_word} {right} {cleaned[0].lower()}{cleaned[1:]}".replace("  ", " ").strip()
        elif label and len(label.split()) <= 6 and not _looks_like_agency_header(label):
            cleaned = f"{cleaned} ({label})"
        return cleaned, offset
    if right and not _COMPARED_RE.match(right):
        noun = _SO_RE.sub("", right)
        if q.unit.startswith("%"):
            return f"Tỷ lệ {noun}", q.start
        if unit_word.lower() in _AREA_UNITS:  # "Trồng mới 450 ha rừng": the area of new forest
            verb = " ".join(_LEAD_JUNK.sub("", " ".join(left.split())).split()[-3:])
            verb = verb if verb.replace(" ", "").isalpha() else ""
            return f"Diện tích {noun} {verb.lower()}".strip(), q.start
        return f"Số {unit_word} {noun}".strip(), q.start
    return "", q.start


def _find_start(text: str, lo: int, hi: int, cleaned: str) -> int:
    first = cleaned.split()[0]
    pos = text.find(first, lo, hi)
    return pos if pos >= 0 else lo


def _looks_like_agency_header(label: str) -> bool:
    return bool(_AGENCY_LABEL_RE.match(label))
