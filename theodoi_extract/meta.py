"""Document metadata: kind, number/symbol, issuer, signing date, plan year.

Texts often lack the official header (extracted from the body only), so each field falls back to
what the body says ("Ủy ban nhân dân tỉnh xây dựng Chương trình hành động ...") or stays None.
The issuer of a district, town or commune document, or of a department, is read from its header
lines first ("ỦY BAN NHÂN DÂN / HUYỆN SƠN HÀ", "HUYỆN ỦY MẪU SƠN", "ỦY BAN NHÂN DÂN TỈNH X / SỞ Y TẾ";
the levels are vocabulary: `local_levels`, `party_committees`, `party_codes` in vocab/agencies.json).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from theodoi_extract import agencies, vocabulary
from theodoi_extract.model import DocumentMeta

HEAD_CHARS = 2500
_NUMBER_RE = re.compile(r"\bSố\s*:?\s*(\d{1,5})\s*(/?\s*[-A-ZĐa-zđ0-9]+(?:\s*[-/]\s*[A-ZĐa-zđ0-9]+)*)")
_DATE_RE = re.compile(r"(?P<place>[A-ZĐ][\w ]{1,30}),\s*ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4})")
_CODE_KIND = {"NQ": "nghi_quyet", "CTr": "chuong_trinh", "CTR": "chuong_trinh", "KL": "ket_luan", "BC": "bao_cao",
              "KH": "ke_hoach", "QĐ": "quyet_dinh"}
_TITLE_KIND = [
    (r"\bNGHỊ QUYẾT\b|^\s*Nghị quyết\b", "nghi_quyet"),
    (r"\bCHƯƠNG TRÌNH HÀNH ĐỘNG\b|\bxây dựng Chương trình hành động\b|^\s*CHƯƠNG TRÌNH\b", "chuong_trinh"),
    (r"\bKẾT LUẬN\b|^\s*Kết luận\b", "ket_luan"),
    (r"\bBÁO CÁO\b|^\s*Báo cáo\b|\bTổng kết công tác\b", "bao_cao"),
    (r"\bKẾ HOẠCH\b|^\s*Kế hoạch\b", "ke_hoach"),
    (r"\bQUYẾT ĐỊNH\b|^\s*Quyết định\b", "quyet_dinh"),
]
_ISSUER_CODE = {"TU": "Tỉnh ủy", "UBND": "Ủy ban nhân dân tỉnh", "HĐND": "Hội đồng nhân dân tỉnh"}
_PROVINCE_RE = re.compile(r"tỉnh\s+((?:[A-ZĐ][\wà-ỹ’']*)(?:\s+[A-ZĐ][\wà-ỹ’']*){0,2})")


def extract_meta(text: str) -> DocumentMeta:
    """Best-effort metadata from the document's head and body."""
    head = text[:HEAD_CHARS]
    number = _number(head)
    date = _date(head)
    kind = _kind(head, number)
    place = _DATE_RE.search(head)
    province = _province(text) or (place.group("place").strip() if place else None)
    issuer = _local_issuer(head, province) or _committee_by_code(number, place) or _issuer(head, number, province)
    year = int(date[:4]) if date else None
    return DocumentMeta(kind=kind, number=number, issuer=issuer, date=date, plan_year=_plan_year(head, year))


def _number(head: str) -> str | None:
    m = _NUMBER_RE.search(head)
    if not m:
        return None
    symbol = re.sub(r"\s+", "", m.group(2))
    if not symbol.startswith(("/", "-")):
        return None
    return m.group(1) + symbol


def _date(head: str) -> str | None:
    m = _DATE_RE.search(head)
    if not m or m.group(0).lstrip().lower().startswith(("chiều", "sáng", "tối")):
        return None
    day, month, year = int(m.group("d")), int(m.group("m")), int(m.group("y"))
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _kind(head: str, number: str | None) -> str:
    if number:
        for code, kind in _CODE_KIND.items():
            if re.search(rf"[-/]{code}(?:[-/]|$)", number):
                return kind
    found = []
    title = head[:1500]
    low = title.lower()
    for pattern, kind, word in _title_kinds():
        if word not in low:  # the title word is not there in any case: no need to try the pattern
            continue
        m = pattern.search(title)
        if m:
            found.append((m.start(), kind))
    return min(found)[1] if found else "other"


_TITLE_WORD = {"nghi_quyet": "nghị quyết", "chuong_trinh": "chương trình", "ket_luan": "kết luận", "bao_cao": "",
               "ke_hoach": "kế hoạch", "quyet_dinh": "quyết định"}


@cache
def _title_kinds() -> tuple[tuple[re.Pattern[str], str, str], ...]:
    return tuple((re.compile(p, re.MULTILINE), k, _TITLE_WORD.get(k, "")) for p, k in _TITLE_KIND)


# "TỈNH GIA LAI", "ĐẢNG BỘ TỈNH GIA LAI", "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH" (not "TỈNH ỦY": the committee)
_UPPER_PROVINCE_RE = re.compile(r"^[ \t]*(?:(?:ĐẢNG BỘ|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN|UBND|HĐND)[ \t]+)?TỈNH[ \t]+([A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹ ]{1,30}?)[ \t]*$", re.MULTILINE)
_NOT_PROVINCE = frozenset({"Ủy", "Uỷ", "Hội", "Đảng", "Ban", "Tỉnh", "Chủ", "Giám", "Nhân", "Ngân", "Thường", "Kon Tum Kon"})


def _province(text: str) -> str | None:
    for upper in _UPPER_PROVINCE_RE.finditer(text[:HEAD_CHARS]):
        if upper.group(1).split()[0] not in ("ỦY", "UỶ", "KHÓA", "KHOÁ"):
            return upper.group(1).title()
    counts = Counter(m.group(1) for m in _PROVINCE_RE.finditer(text[:20000]) if m.group(1) not in _NOT_PROVINCE)
    return counts.most_common(1)[0][0] if counts else None


def _issuer(head: str, number: str | None, province: str | None) -> str | None:
    base = None
    if number:
        for code, name in _ISSUER_CODE.items():
            if number.endswith("/" + code) or number.endswith("-" + code):
                base = name
    if base is None:
        if re.search(r"Ủy ban nhân dân tỉnh|ỦY BAN NHÂN DÂN|UBND tỉnh", head):
            base = "Ủy ban nhân dân tỉnh"
        elif re.search(r"Tỉnh ủy|TỈNH ỦY|Ban Chấp hành Đảng bộ tỉnh|BAN CHẤP HÀNH ĐẢNG BỘ TỈNH", head):
            base = "Tỉnh ủy"
        elif re.search(r"Hội đồng nhân dân tỉnh|HỘI ĐỒNG NHÂN DÂN", head):
            base = "Hội đồng nhân dân tỉnh"
    if base is None:
        return None
    if not province:
        return base
    return f"{base} {province}" if base.endswith("tỉnh") else f"{base} {province}"


_BODY_RE = re.compile(r"^(?:ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|UBND|HỘI ĐỒNG NHÂN DÂN|HĐND)\b")
# the place name, to the end of the line or to the other column of a flattened two-column header
# ("HUYỆN SƠN HÀ        Độc lập - Tự do - Hạnh phúc")
_NAME = r"[ \t]+([A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹ -]{1,40}?)(?:[ \t]*$|\t|  |[ ]+(?=Độc lập|CỘNG HÒA|CỘNG HOÀ|ĐẢNG CỘNG SẢN))"


@cache
def _level_res() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], dict[str, str], dict[str, str]]:
    """Header lines of the levels below the province (vocab/agencies.json `local_levels`,
    `party_committees`): "HUYỆN SƠN HÀ" (after "ỦY BAN NHÂN DÂN", or on its line), "HUYỆN ỦY MẪU SƠN",
    and a department's own line under its province's committee ("SỞ Y TẾ")."""
    levels = {str(k): str(v) for k, v in vocabulary.mapping("agencies", "local_levels").items()}
    party = {str(k): str(v) for k, v in vocabulary.mapping("agencies", "party_committees").items()}
    alt = "|".join(re.escape(k) for k in sorted(levels, key=len, reverse=True))
    palt = "|".join(re.escape(k) for k in sorted(party, key=len, reverse=True))
    level = re.compile(r"^[ \t]*(?:(ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|UBND|HỘI ĐỒNG NHÂN DÂN|HĐND)[ \t]+)?(" + alt + r")(?![ \t]+ỦY\b)" + _NAME)
    committee = re.compile(r"^[ \t]*(" + palt + r")" + _NAME)
    department = re.compile(r"^[ \t]*((?:SỞ|BAN|BỘ CHỈ HUY|CÔNG AN|CỤC)[ \t]+[A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹ ,\t-]{1,60}?)[ \t]*$")
    return level, committee, department, levels, party


def _title_name(name: str) -> str:
    return " ".join(name.title().split())


def _local_issuer(head: str, province: str | None) -> str | None:
    """The issuer named by the header lines above the number, when it is not the province's committee:
    "ỦY BAN NHÂN DÂN / HUYỆN SƠN HÀ" -> "Ủy ban nhân dân huyện Sơn Hà"; "HUYỆN ỦY MẪU SƠN" ->
    "Huyện ủy Mẫu Sơn"; "ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC / SỞ Y TẾ" -> "Sở Y tế tỉnh Bình Phước"."""
    cut = head.find("Số")
    top = head[: cut if 0 <= cut < 600 else 600]
    if "\n" not in top:
        return None
    level_re, committee_re, department_re, levels, party = _level_res()
    prev = ""
    for line in top.splitlines()[:10]:
        line = line.strip()
        if not line:
            continue
        m = committee_re.match(line)
        if m:
            return f"{party[m.group(1)]} {_title_name(m.group(2))}"
        m = level_re.match(line)
        if m and (m.group(1) or _BODY_RE.match(prev)):
            name = "Hội đồng nhân dân" if (m.group(1) or prev).startswith("H") else "Ủy ban nhân dân"
            return f"{name} {levels[m.group(2)]} {_title_name(m.group(3))}"
        m = department_re.match(line)
        if m and province and _BODY_RE.match(prev) and "TỈNH" in prev:
            name = agencies.canonical(agencies.from_upper(m.group(1)))
            return f"{name} {province}" if name.endswith(" tỉnh") else f"{name} tỉnh {province}"
        prev = line
    return None


def _committee_by_code(number: str | None, place: re.Match[str] | None) -> str | None:
    """"Số 07-NQ/HU" signed at "Mẫu Sơn, ngày ..." -> "Huyện ủy Mẫu Sơn" (vocab `party_codes`)."""
    if not number or not place:
        return None
    for code, name in vocabulary.mapping("agencies", "party_codes").items():
        if number.endswith("/" + code):
            return f"{name} {place.group('place').strip()}"
    return None


_HORIZON_RE = re.compile(r"(?:[Đđ]ến|[Tt]ới)\s+(?:cuối\s+)?$")


# The title block: the document kind in capitals on a line of its own, then the title lines up to a
# blank line or a numbered heading ("BÁO CÁO\nTổng kết ... năm 2025 và phương hướng năm 2026").
_TITLE_BLOCK_RE = re.compile(r"^[ \t]*(?:BÁO CÁO(?: TÓM TẮT)?|KẾ HOẠCH|NGHỊ QUYẾT|CHƯƠNG TRÌNH(?: HÀNH ĐỘNG)?|KẾT LUẬN"
                             r"|QUYẾT ĐỊNH)[ \t]*\n((?:[ \t]*[^\s\d][^\n]*\n){1,4})", re.MULTILINE)


_TITLE_SPAN_RE = re.compile(r"(?<!\d)(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d(?!\d)")


def _plan_year(head: str, doc_year: int | None) -> int | None:
    """The year the plan is for: the latest year its title names ("... năm 2025 và phương hướng năm
    2026": 2026), else the most often named "năm YYYY" of the head that is not a date or a span."""
    title = _TITLE_BLOCK_RE.search(head[:1500])
    if title:
        in_title = _head_years(title.group(1), doc_year)
        if in_title:
            return max(in_title)
        reported = _year_reported_after_it_closed(title.group(0), title.group(1), doc_year)
        if reported:
            return reported
        if _TITLE_SPAN_RE.search(title.group(1)):
            return None  # "NHIỆM KỲ 2025 - 2030": a term's document has no single plan year
    years = _head_years(head[:1500], doc_year)
    if not years:
        return None
    counts = Counter(years)
    return max(counts, key=lambda y: (counts[y], y))


def _year_reported_after_it_closed(block: str, title: str, doc_year: int | None) -> int | None:
    """"BÁO CÁO / Tình hình thực hiện ... năm 2027" signed on 08/01/2028: a year-end report finished after
    its year closed. Its title names only the year before the signing year; that year is the one it
    reports on (its plan year), so its results are of 2027 and its next year's headings set targets."""
    if doc_year is None or not block.lstrip().startswith("BÁO CÁO"):
        return None
    years = [y for y in _head_years(title, None) if y == doc_year - 1]
    return years[0] if years else None


def _head_years(head: str, doc_year: int | None) -> list[int]:
    years = []
    for m in re.finditer(r"(?<!tháng )(?<!\d )năm\s+(\d{4})(?!\s*[-–]\s*\d{4})", head):
        before = head[max(0, m.start() - 14):m.start()]
        # a date, a span, or a horizon ("đến năm 2025": the year by which, not the plan's year)
        if re.search(r"tháng\s+\d{1,2}\s*$", before) or "giai đoạn" in before or _HORIZON_RE.search(before):
            continue
        years.append(int(m.group(1)))
    if doc_year is not None:
        years = [y for y in years if doc_year <= y <= doc_year + 1]
    return years
