"""Assignment blocks: "3.1. Giám đốc Sở X chủ trì, phối hợp với Y, Z:" and the bullet tasks under it.

A block is a numbered item whose text opens with an agency (or a head's title) and whose header
ends with a colon. Items that only hand out numeric targets ("1.5. Giám đốc Sở Y tế: Dân số ...")
are kept as agency scopes for the targets but are not task assignments; one-level items of that
kind ("1. Trưởng phòng Tài chính - Kế hoạch: Tổng thu ... đạt 95 tỷ đồng") count under a heading
that hands out targets ("GIAO CHỈ TIÊU").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from theodoi_extract import agencies
from theodoi_extract.model import Assignment, TaskItem
from theodoi_extract.numbers import find_quantities
from theodoi_extract.structure import Heading

_GIAO_RE = re.compile(r"(?:Giao|Yêu cầu|Đề nghị)\s+(?=[A-ZĐÀ-Ỹ])")
_BULLET_RE = re.compile(r"^[ \t]*(?:[-+•–*]|[a-zđ]\)|\d{1,2}\))[ \t]+", re.MULTILINE)
_HEADER_STOP = re.compile(r"[.](?=\s+[A-ZĐÀ-Ỹ])|\n[ \t]*\n[ \t]*[-+•]")
_DEADLINE_RE = re.compile(r"(?:trước|chậm nhất|hoàn thành trong|trong)\s+(?:ngày\s+\d{1,2}[^.;\n]{0,30}|quý\s+[IV]+[^.;\n]{0,12}|tháng\s+\d{1,2}[^.;\n]{0,12})")


@dataclass(frozen=True)
class Block:
    """An agency-headed item: the scope that gives targets their agency, and maybe an assignment."""

    ref: str
    lead: tuple[str, ...]
    partners: tuple[str, ...]
    start: int
    body_start: int
    end: int
    has_lead_verb: bool
    target_only: bool
    level: int = 3


def find_blocks(text: str, headings: list[Heading]) -> list[Block]:
    """Every numbered item that opens with an agency and a colon-terminated header."""
    blocks = []
    stack: list[Heading] = []
    for h in headings:
        while stack and stack[-1].level >= h.level:
            stack.pop()
        parent_title = ""
        if stack:
            p = stack[-1]
            parent_title = text[p.text_start:min(h.start, p.text_start + 300)].split(":")[0]
        stack.append(h)
        body = text[h.text_start:min(h.end, h.text_start + 600)]
        giao = _GIAO_RE.match(body)
        if giao:
            body = body[giao.end():]
        if not agencies.is_agency_start(body):
            continue
        bare = giao is None and _bare_agency_heading(text, h, body)
        found = (body.partition("\n")[0].rstrip(), len(body.partition("\n")[0])) if bare else _header(body)
        named = False
        if found is None and agencies.is_assignment_section(parent_title) and _one_level(h):
            found = _named_lead(body, giao is not None and _closing_item(text, headings, h, stack))
            named = found is not None
        if found is None:
            continue
        header, header_end = found
        body_start = h.text_start + (giao.end() if giao else 0) + header_end
        closing = _CLOSING_RE.search(text, body_start, h.end)
        end = _trim_end(text, h.text_start, closing.start() if closing else h.end)
        targets_only = _targets_only(text, body_start, end, "chủ trì" in header, parent_title)
        # a one-level item ("1.", "a)") is an agency block when it says "chủ trì", sits in the section
        # handing out tasks, or hands out figures under a "giao chỉ tiêu" heading
        if ("." not in h.ref or not h.ref[0].isdigit()) and "chủ trì" not in header \
                and (giao is not None or not agencies.is_assignment_section(parent_title)) \
                and not (targets_only and "chỉ tiêu" in parent_title.lower()) \
                and not bare and not named and not _is_list_heading(text, h, body_start, header):
            continue
        lead, partners = agencies.parse_header(header)
        if not lead:
            continue
        blocks.append(Block(h.ref, tuple(lead), tuple(partners), h.start, body_start, end,
                            "chủ trì" in header, targets_only, h.level))
    return blocks


def _one_level(h: Heading) -> bool:
    return "." not in h.ref or not h.ref[0].isdigit()


def _closing_item(text: str, headings: list[Heading], h: Heading, stack: list[Heading]) -> bool:
    """The last item of its section that opens with an agency (no sibling after it naming one)."""
    section_end = stack[-2].end if len(stack) > 1 else max(o.end for o in headings)
    for o in headings:
        if o.start > h.start and o.level == h.level and o.start < section_end:
            body = text[o.text_start:o.text_start + 200]
            giao = _GIAO_RE.match(body)
            if agencies.is_agency_start(body[giao.end():] if giao else body):
                return False
    return True


def _named_lead(body: str, closing_giao: bool) -> tuple[str, int] | None:
    """"3. Ủy ban nhân dân các huyện, thành phố căn cứ ... " in the section handing out tasks: an item
    that opens with an agency and goes on with its task, no colon and no "chủ trì" (the lead is the
    name, the task follows in lower case). A "Giao X ..." item that is the section's last agency
    item is the document's own follow-up ("Giao Sở X theo dõi, tổng hợp ..."), no block: the
    convention of the development gold."""
    name = agencies.leading_name(body)
    if name is None or closing_giao:
        return None
    rest = body[len(name):]
    if not re.match(r"[ \t]+[a-zđà-ỹ]", rest):
        return None
    return name, len(name)


def _is_list_heading(text: str, h: Heading, body_start: int, header: str) -> bool:
    """"1. Sở Y tế:" on a line of its own, the items on the lines below: a list heading that names
    the agency everything under it belongs to (a layout, whatever the section is called). A short
    header, the colon closing the heading line and the body opening on the next line."""
    if len(header.split()) > 14 or "\n" in header or not agencies.starts_named_agency(header):
        return False
    rest = text[body_start:min(h.end, body_start + 200)]
    line_rest, nl, _ = rest.partition("\n")
    return bool(nl) and not line_rest.strip() and body_start <= h.line_end + 1


# The recipients' list that closes every administrative document ("Nơi nhận:", the layout of
# Decree 30/2020/NĐ-CP) belongs to no item, even when the last item has no heading after it.
_CLOSING_RE = re.compile(r"^[ \t]*Nơi nhận[ \t]*:", re.MULTILINE)
_ITEM_START_RE = re.compile(r"[ \t]*(?:\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ]\)|[-+•–*])[ \t]")


def _bare_agency_heading(text: str, h: Heading, body: str) -> bool:
    """"1.1. Sở Tài chính" alone on its line, with no colon, and numbered items or bullets below it:
    a list heading naming the agency its items belong to, as "1.1. Sở Tài chính:" would."""
    line, nl, rest = body.partition("\n")
    name = line.strip()
    if not nl or not name or name[-1] in ".;:," or len(name.split()) > 12:
        return False
    return agencies.starts_named_agency(name) and bool(_ITEM_START_RE.match(rest)) and h.end > h.line_end + 1


_LEAD_VERB_RE = re.compile(r"\s*chủ trì\b")
_HEADER_END_RE = re.compile(r"[:;.\n]")
# "các đơn vị được giao chủ trì ..." says who (those given the lead), it is no lead verb: "chủ trì"
# after the passive "được" ("được giao", "được phân công") starts no block
_INLINE_LEAD_RE = re.compile(r"^[^:;.\n]{2,160}?(?<!được)(?<!được giao)(?<!được phân công)\schủ trì\b")


def _header(body: str) -> tuple[str, int] | None:
    """The header of an agency item and where its body starts.

    "Sở X chủ trì, phối hợp với Y:" (the usual form); "Sở X: chủ trì, phối hợp với Y, Z ..." (the
    lead before the colon, the verb after it: the partners run to the next colon, semicolon or full
    stop); "Giao Sở X chủ trì, phối hợp với Y <task>", "Công an tỉnh chủ trì <task>" (no colon at
    all: the lead is what stands before "chủ trì", the body starts right after it).
    """
    colon = body.find(":")
    stop = _HEADER_STOP.search(body)
    if 0 <= colon <= 500 and not (stop and stop.start() < colon):
        header = body[:colon]
        verb = _LEAD_VERB_RE.match(body, colon + 1)
        if verb is None or "chủ trì" in header:
            return header, colon + 1
        end = _HEADER_END_RE.search(body, verb.end())
        cut = end.start() if end else len(body)
        after = end.end() if end and end.group() == ":" else verb.end()
        return f"{header} {body[colon + 1:cut]}", after
    inline = _INLINE_LEAD_RE.match(body)
    if inline:
        return inline.group(), inline.end()
    return None


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


_INDICATOR_START = re.compile(
    r"\s*(?:[-+•]\s*)?(?:Phấn đấu\s+)?(?:\d|Tỷ lệ|Tỉ lệ|Tỷ trọng|Tốc độ|Diện tích|Tổng|Số|Giá trị|Thu|Chi|Dân số|Kim ngạch|"
    r"Vốn|GRDP|Sản lượng|Thu nhập|Cơ cấu|Đạt|Có|Trồng|Thành lập|Xây dựng thêm|Đàn|Chỉ số)\b"
)


def _targets_only(text: str, body_start: int, end: int, has_lead_verb: bool, parent_title: str) -> bool:
    """A "Giám đốc Sở X: <targets>" item assigns indicators, not tasks: no "chủ trì", and either the
    enclosing heading is about targets ("chỉ tiêu") or the body opens like a target list with a figure."""
    if has_lead_verb:
        return False
    body = text[body_start:end]
    label = _ITEM_START_RE.match(body.lstrip("\n"))  # the body may open with an item's own number
    first = re.split(r"[.;](?=\s+[A-ZĐÀ-Ỹ])", body.lstrip("\n")[label.end() if label else 0:], maxsplit=1)[0]
    if not any(True for _ in find_quantities(first)):
        return False
    return "chỉ tiêu" in parent_title.lower() or bool(_INDICATOR_START.match(first))


def to_assignments(text: str, blocks: list[Block]) -> list[Assignment]:
    """Task-assignment blocks with their bullet items."""
    out = []
    for b in blocks:
        if b.target_only:
            continue
        items = _items(text, b.body_start, b.end)
        out.append(Assignment(b.ref, b.lead, b.partners, max(1, len(items)), b.start, b.end, tuple(items)))
    return out


def _items(text: str, start: int, end: int) -> list[TaskItem]:
    body = text[start:end]
    marks = list(_BULLET_RE.finditer(body))
    if not marks:
        stripped = body.strip()
        if not stripped:
            return []
        offset = start + body.find(stripped)
        return [_item(text, offset, offset + len(stripped))]
    items = []
    for i, m in enumerate(marks):
        s = start + m.end()
        e = start + (marks[i + 1].start() if i + 1 < len(marks) else len(body))
        e = _trim_end(text, s, e)
        items.append(_item(text, s, e))
    return items


def _item(text: str, start: int, end: int) -> TaskItem:
    snippet = " ".join(text[start:end].split())
    m = _DEADLINE_RE.search(snippet)
    return TaskItem(snippet, start, end, m.group(0).strip() if m else None)
