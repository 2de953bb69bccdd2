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
    # "Phòng", "Trạm", "Công chức" start a name only before a capitalised word ("Phòng Nội vụ", not
    # "Phòng, chống dịch bệnh")
    named = sorted(vocabulary.words("agencies", "named_starters"), key=len, reverse=True)
    return re.compile(r"(?:" + "|".join(re.escape(s) for s in starters) + r")(?!\w)|(?:"
                      + "|".join(re.escape(s) for s in named) + r")[ \t]+(?=[A-ZĐÀ-Ỹ])")


@cache
def _abbrev() -> tuple[re.Pattern[str], dict[str, str]]:
    """One alternation of every short form (longest first) and what each stands for."""
    table = {str(k): str(v) for k, v in vocabulary.mapping("agencies", "abbreviations").items()}
    keys = sorted(table, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(k) for k in keys) + r")(?!\w)"), table


def expand(name: str) -> str:
    """Expand abbreviations ("Sở KH&ĐT" -> "Sở Kế hoạch và Đầu tư", "UBND" -> "Ủy ban nhân dân")."""
    pattern, table = _abbrev()
    return pattern.sub(lambda m: table[m.group()], name)


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


_BRANCH_RE = re.compile(r"\bchi nhánh (?=[A-ZĐ])")
_SEP = r",\s*|\s+và\s+|\s+cùng\s+"
_SPLIT_RE = re.compile(rf"({_SEP})")
_SEP_RE = re.compile(_SEP)
_SEMICOLON_RE = re.compile(r"\s*;\s*")


def canonical(name: str) -> str:
    """The agency's canonical display name, without the head's title."""
    clean = _WS.sub(" ", expand(name)).strip(" ,;:.-")
    clean = strip_title(clean)
    if clean.startswith("Uỷ"):
        clean = "Ủy" + clean[2:]
    if "chi nhánh " in clean:
        clean = _BRANCH_RE.sub("chi nhánh tỉnh ", clean)
    key = _key(clean)
    for candidate in (key, key.removesuffix(" tỉnh"), key + " tỉnh"):
        known = _canonical().get(candidate)
        if known:
            return known
    return clean


def from_upper(name: str) -> str:
    """An agency name written in capitals ("BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP") in sentence case, its
    opening words spelled as in `starters` ("Ban Quản lý các khu công nghiệp")."""
    low = name.lower()
    for starter in sorted(vocabulary.words("agencies", "starters"), key=len, reverse=True):
        if low.startswith(starter.lower() + " ") and starter[0].isupper():
            return starter + low[len(starter):]
    return low.capitalize()


@cache
def _leading_name_re() -> re.Pattern[str]:
    """A council of a whole level ("Ủy ban nhân dân các huyện, thị xã, thành phố", "UBND cấp xã") or
    a name of the canonical list, at the start of a text."""
    levels = sorted(set(vocabulary.mapping("agencies", "local_levels").values()), key=len, reverse=True)
    level = "(?:" + "|".join(re.escape(lv) for lv in levels) + ")"
    names = sorted(vocabulary.words("agencies", "canonical"), key=len, reverse=True)
    council = r"(?:Thường trực\s+)?(?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND|Hội đồng nhân dân|HĐND)"
    # the council of one level named by the level alone ("Ủy ban nhân dân tỉnh triển khai ..."): the
    # issuing level's own, its task following in lower case
    one_level = rf"{council}\s+(?:tỉnh|{level})(?=[ \t]+[a-zđà-ỹ])"
    return re.compile(rf"{council}\s+(?:các|cấp)\s+{level}(?:\s*(?:,|và)\s*{level})*(?!\w)"
                      rf"|{one_level}"
                      r"|(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)")


def leading_name(text: str) -> str | None:
    """The agency a text opens with when no colon or "chủ trì" marks where its name ends ("Ủy ban
    nhân dân các huyện, thành phố căn cứ ..."): a whole level's councils or a known name, else None."""
    m = _leading_name_re().match(text)
    return m.group() if m else None


def is_agency_start(text: str) -> bool:
    """Does this text begin with an agency or a head's title?"""
    text = text.lstrip()
    return bool(_starter_re().match(text)) and not names_indicator_group(text)


# A list heading that names a group of the plan's own items, not who does them: "a) Các chỉ tiêu kinh
# tế:", "Nhóm chỉ tiêu xã hội:", "Các mục tiêu cụ thể:", "Các nhiệm vụ trọng tâm:" ("Các" opens an
# agency too: "Các sở, ngành", "Các chủ đầu tư"; what follows it decides).
_INDICATOR_GROUP_RE = re.compile(r"(?:các|nhóm|những)\s+(?:nhóm\s+)?(?:chỉ tiêu|mục tiêu|nhiệm vụ|giải pháp|"
                                 r"lĩnh vực|nội dung)\b", re.IGNORECASE)


def names_indicator_group(text: str) -> bool:
    """Does the text open with a group of indicators, goals or tasks rather than an agency?"""
    return bool(_INDICATOR_GROUP_RE.match(text.lstrip()))


def split_list(text: str) -> list[str]:
    """Split "Sở A, Sở B, Ủy ban nhân dân các huyện, thành phố và Thủ trưởng ..." into agencies."""
    text = _WS.sub(" ", text).strip(" ,;:")
    pieces: list[str] = []
    current = ""
    if ";" in text:
        text = _SEMICOLON_RE.sub(", ", text)
    joined = _compound_re().search(text) if " và " in text or " - " in text else None
    if joined:  # "Văn phòng HĐND và UBND huyện": a joint name, its "và" does not split the list
        text = _compound_re().sub(lambda m: m.group().replace(" ", _JOINER), text)
    last_sep = ""  # the separator `current` ends with, if it ends with one
    for part in _SPLIT_RE.split(text):
        if not part:
            continue
        if _SEP_RE.fullmatch(part):
            current += part
            last_sep = part
            continue
        if current and last_sep and _starts_capital_agency(part):
            pieces.append(current[: len(current) - len(last_sep)])
            current = part
        else:
            current += part
        last_sep = ""
    if current.strip():
        pieces.append(current)
    out = [p.strip(" ,;:.") for p in pieces if p.strip(" ,;:.")]
    return [p.replace(_JOINER, " ") for p in out] if joined else out


_JOINER = "\u2060"  # a word joiner: neither a space nor a word character


@cache
def _compound_re() -> re.Pattern[str]:
    words = sorted(vocabulary.words("agencies", "compounds"), key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in words))


def starts_named_agency(text: str) -> bool:
    """Does the text open with a capitalised agency name ("Sở Y tế", "Phòng Nội vụ", "các Sở, ngành"),
    not merely a word that may start one ("Các chỉ tiêu chủ yếu")?"""
    return _starts_capital_agency(text)


def _starts_capital_agency(part: str) -> bool:
    part = part.lstrip()
    if part.startswith("các ") or part.startswith("Các "):
        rest = part[4:]
        return bool(rest) and (rest[0].isupper() or rest.startswith(("đơn vị", "cơ quan", "chủ đầu tư")))
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


# The verb after the agency in a header without "chủ trì" ("Sở X chịu trách nhiệm", "Ban cán sự đảng
# Ủy ban nhân dân tỉnh chỉ đạo:", "Sở Y tế thực hiện"): the agency's name ends before it.
_DUTY_RE = re.compile(r"\b(?:chịu trách nhiệm|có trách nhiệm|thực hiện|chỉ đạo|lãnh đạo, chỉ đạo)\b.*$")


# "Sở Y tế (cơ quan thường trực Ban Chỉ đạo)": a lower-case remark in brackets after the name says the
# agency's role, it is no part of the name.
_ROLE_REMARK_RE = re.compile(r"\s*\(([^()]*)\)\s*(?=$|[,;:])")


def _drop_role_remark(header: str) -> str:
    return _ROLE_REMARK_RE.sub(lambda m: "" if m.group(1)[:1].islower() else m.group(0), header)


def parse_header(header: str) -> tuple[list[str], list[str]]:
    """Lead and partner agencies of an assignment header ("Giám đốc Sở X chủ trì, phối hợp với Y, Z")."""
    header = _drop_role_remark(_qualifier_re().sub("", _WS.sub(" ", header)))
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
    if "trách nhiệm" in header or "thực hiện" in header or "chỉ đạo" in header:
        header = _DUTY_RE.sub("", header)
    names = split_list(header)
    leads = [canonical(x) for x in names if not is_generic_partner(x)]
    partners = [_partner_name(x) for x in names if is_generic_partner(x)]
    return leads, partners


def _partner_name(name: str) -> str:
    """Partners keep generic phrases as written; named agencies get their canonical name."""
    return _WS.sub(" ", name).strip() if is_generic_partner(name) else canonical(name)
