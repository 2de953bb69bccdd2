"""Agency names: strip heads' titles, expand abbreviations, split lists, canonical spelling.

"Giám đốc Sở Văn hóa, thể thao và Du lịch" and "Sở VH-TT&DL" are the same agency; the lists in
assignment headers separate agencies with commas and "và", which also occur inside names, so a
list is only cut where the next piece starts with a capitalised agency word (vocab/agencies.json).
"""

from __future__ import annotations

import re
from functools import cache

from theodoi_extract import vocabulary

_WS = re.compile(r"\s+")


def _key(name: str) -> str:
    return " ".join(re.findall(r"\w+", name.lower()))


@cache
def _canonical() -> dict[str, str]:
    return {_key(n): n for n in vocabulary.words("agencies", "canonical")}


@cache
def _title_re() -> re.Pattern[str]:
    titles = sorted(vocabulary.words("agencies", "titles"), key=len, reverse=True)
    return re.compile(r"^(?:các\s+)?(?P<t>" + "|".join(re.escape(t) for t in titles) + r")\s+(?=\S)")


@cache
def _starter_re() -> re.Pattern[str]:
    starters = sorted(vocabulary.words("agencies", "starters"), key=len, reverse=True)
    return re.compile(r"(?:" + "|".join(re.escape(s) for s in starters) + r")(?!\w)")


@cache
def _abbrev() -> list[tuple[re.Pattern[str], str]]:
    pairs = sorted(vocabulary.mapping("agencies", "abbreviations").items(), key=lambda kv: len(kv[0]), reverse=True)
    return [(re.compile(r"(?<!\w)" + re.escape(k) + r"(?!\w)"), str(v)) for k, v in pairs]


def expand(name: str) -> str:
    """Expand abbreviations ("Sở KH&ĐT" -> "Sở Kế hoạch và Đầu tư", "UBND" -> "Ủy ban nhân dân")."""
    for pattern, full in _abbrev():
        name = pattern.sub(full, name)
    return name


def strip_title(name: str) -> str:
    """"Giám đốc Sở Y tế" -> "Sở Y tế"; "Trưởng Ban Dân tộc" -> "Ban Dân tộc"; "Thủ trưởng các Sở" -> "các Sở"."""
    keep = vocabulary.mapping("agencies", "title_keep_agency")
    m = _title_re().match(name)
    if not m:
        return name
    title = m.group("t")
    rest = name[m.end():]
    if title in keep and not rest.startswith(str(keep[title])):
        rest = f"{keep[title]} {rest}"
    prefix = "các " if name.lower().startswith("các ") and not rest.lower().startswith("các ") else ""
    return (prefix + rest).strip()


def canonical(name: str) -> str:
    """The agency's canonical display name, without the head's title."""
    clean = _WS.sub(" ", expand(name)).strip(" ,;:.-")
    clean = strip_title(clean)
    clean = re.sub(r"^Uỷ", "Ủy", clean)
    clean = re.sub(r"\bchi nhánh (?=[A-ZĐ])", "chi nhánh tỉnh ", clean)
    key = _key(clean)
    for candidate in (key, key.removesuffix(" tỉnh"), key + " tỉnh"):
        known = _canonical().get(candidate)
        if known:
            return known
    return clean


def is_agency_start(text: str) -> bool:
    """Does this text begin with an agency or a head's title?"""
    return bool(_starter_re().match(text.lstrip()))


def split_list(text: str) -> list[str]:
    """Split "Sở A, Sở B, Ủy ban nhân dân các huyện, thành phố và Thủ trưởng ..." into agencies."""
    text = _WS.sub(" ", text).strip(" ,;:")
    pieces: list[str] = []
    current = ""
    text = re.sub(r"\s*;\s*", ", ", text)
    for part in re.split(r"(,\s*|\s+và\s+|\s+cùng\s+)", text):
        if not part:
            continue
        if re.fullmatch(r",\s*|\s+và\s+|\s+cùng\s+", part):
            current += part
            continue
        if current and re.search(r"(?:,\s*|\s+và\s+|\s+cùng\s+)$", current) and _starts_capital_agency(part):
            pieces.append(re.sub(r"(?:,\s*|\s+và\s+|\s+cùng\s+)$", "", current))
            current = part
        else:
            current += part
    if current.strip():
        pieces.append(current)
    return [p.strip(" ,;:.") for p in pieces if p.strip(" ,;:.")]


def _starts_capital_agency(part: str) -> bool:
    part = part.lstrip()
    if part.startswith("các ") or part.startswith("Các "):
        rest = part[4:]
        return bool(rest) and (rest[0].isupper() or rest.startswith("đơn vị") or rest.startswith("cơ quan"))
    return bool(part) and part[0].isupper() and is_agency_start(part)


@cache
def _generic_keys() -> tuple[str, ...]:
    return tuple(_key(g) for g in vocabulary.words("agencies", "generic_partners"))


def is_generic_partner(name: str) -> bool:
    """Catch-all coordinating phrases ("Thủ trưởng các đơn vị liên quan")."""
    low = _key(strip_title(name))
    return low.endswith(_generic_keys())


@cache
def _section_re() -> re.Pattern[str]:
    words = sorted(vocabulary.words("agencies", "assignment_sections"), key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)


def is_assignment_section(title: str) -> bool:
    """Is this heading the section that hands out tasks ("Phân công thực hiện", "Tổ chức thực hiện")?"""
    return bool(title) and _section_re().search(title) is not None


@cache
def _qualifier_re() -> re.Pattern[str]:
    words = sorted(vocabulary.words("agencies", "qualifiers"), key=len, reverse=True)
    return re.compile(r"\s+(?:" + "|".join(re.escape(w) for w in words) + r")\b.*$", re.IGNORECASE | re.DOTALL)


def parse_header(header: str) -> tuple[list[str], list[str]]:
    """Lead and partner agencies of an assignment header ("Giám đốc Sở X chủ trì, phối hợp với Y, Z")."""
    header = _qualifier_re().sub("", _WS.sub(" ", header))
    m = re.search(r"\bchủ trì\b", header)
    if m:
        lead_part = header[: m.start()]
        rest = header[m.end():]
        pm = re.search(r"\bphối hợp(?: chặt chẽ)?(?: với)?\b", rest)
        partner_part = rest[pm.end():] if pm else ""
        leads = [canonical(x) for x in split_list(lead_part)]
        partners = [_partner_name(x) for x in split_list(partner_part)]
        return leads, partners
    pm = re.search(r"[,;]?\s*\bphối hợp(?: chặt chẽ)?(?: với)?\b", header)
    if pm:
        leads = [canonical(x) for x in split_list(header[: pm.start()])]
        partners = [_partner_name(x) for x in split_list(header[pm.end():])]
        return leads, partners
    names = split_list(re.sub(r"\b(?:chịu trách nhiệm|có trách nhiệm|thực hiện)\b.*$", "", header))
    leads = [canonical(x) for x in names if not is_generic_partner(x)]
    partners = [_partner_name(x) for x in names if is_generic_partner(x)]
    return leads, partners


def _partner_name(name: str) -> str:
    """Partners keep generic phrases as written; named agencies get their canonical name."""
    return _WS.sub(" ", name).strip() if is_generic_partner(name) else canonical(name)
