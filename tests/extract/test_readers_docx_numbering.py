"""Automatic numbering in Word: labels that exist only in numbering.xml are printed, and the
structure they carry (headings, agency list items) reaches the extraction. Documents are built at
run time, in our own words (invented provinces)."""

from __future__ import annotations

import io

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from theodoi_extract import extract_text
from theodoi_extract.readers import read_bytes
from theodoi_extract.readers.docx_numbering import format_number


def _list(document: docx.document.Document, abstract_id: int, levels: list[tuple[str, str]],
          num_id: int, start_override: int | None = None) -> None:
    numbering = document.part.numbering_part.element
    lvls = "".join(f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'
                   for i, (fmt, text) in enumerate(levels))
    abstract = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">{lvls}</w:abstractNum>')
    first = numbering.find(qn("w:num"))
    if first is not None:
        first.addprevious(abstract)
    else:
        numbering.append(abstract)
    override = (f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{start_override}"/></w:lvlOverride>'
                if start_override else "")
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>'
                               f'{override}</w:num>'))


def _para(document: docx.document.Document, text: str, num_id: int | None = None, level: int = 0) -> None:
    p = document.add_paragraph(text)
    if num_id is not None:
        p._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))


def _read(document: docx.document.Document) -> str:
    buffer = io.BytesIO()
    document.save(buffer)
    return read_bytes(buffer.getvalue(), filename="ke-hoach.docx").text


def test_labels_of_each_level_restart_under_the_level_above() -> None:
    d = docx.Document()
    _list(d, 61, [("upperRoman", "%1."), ("decimal", "%2."), ("lowerLetter", "%3)"), ("bullet", "")], 61)
    _para(d, "MỤC TIÊU", 61, 0)
    _para(d, "Về kinh tế", 61, 1)
    _para(d, "Về xã hội", 61, 1)
    _para(d, "Giảm nghèo", 61, 2)
    _para(d, "Việc làm", 61, 2)
    _para(d, "NHIỆM VỤ", 61, 0)
    _para(d, "Về hạ tầng", 61, 1)
    _para(d, "Làm đường", 61, 3)
    _para(d, "Không đánh số")
    assert _read(d).split("\n") == ["I. MỤC TIÊU", "1. Về kinh tế", "2. Về xã hội", "a) Giảm nghèo", "b) Việc làm",
                                    "II. NHIỆM VỤ", "1. Về hạ tầng", "- Làm đường", "Không đánh số"]


def test_multi_part_labels_start_override_and_numbering_switched_off() -> None:
    d = docx.Document()
    _list(d, 62, [("decimal", "%1."), ("decimal", "%1.%2.")], 62)
    _list(d, 63, [("decimal", "Điều %1.")], 63, start_override=4)
    _para(d, "Chỉ tiêu", 62, 0)
    _para(d, "Kinh tế", 62, 1)
    _para(d, "Xã hội", 62, 1)
    _para(d, "Hiệu lực", 63, 0)
    _para(d, "Không số", 0, 0)  # numId 0: numbering switched off
    assert _read(d).split("\n") == ["1. Chỉ tiêu", "1.1. Kinh tế", "1.2. Xã hội", "Điều 4. Hiệu lực", "Không số"]


def test_number_formats() -> None:
    assert [format_number(n, "upperRoman") for n in (1, 4, 9, 14)] == ["I", "IV", "IX", "XIV"]
    assert [format_number(n, "lowerLetter") for n in (1, 26, 27)] == ["a", "z", "aa"]
    assert format_number(3, "decimalZero") == "03"


def test_agency_list_items_from_numbering_give_blocks_and_agencies() -> None:
    """The class: a plan typed in Word whose "1." items name the lead agency ("Sở Công Thương chủ
    trì, phối hợp ...:") and whose "a)" items hold its figures."""
    d = docx.Document()
    _list(d, 64, [("upperRoman", "%1."), ("decimal", "%2."), ("lowerLetter", "%3)")], 64)
    # a second instance of the same list definition continues its counters
    d.part.numbering_part.element.append(parse_xml(
        f'<w:num {nsdecls("w")} w:numId="65"><w:abstractNumId w:val="64"/></w:num>'))
    for line in ("ỦY BAN NHÂN DÂN", "TỈNH HẢI LĂNG", "Số: 41/KH-UBND", "Hải Lăng, ngày 10 tháng 02 năm 2026",
                 "KẾ HOẠCH", "Phát triển thương mại năm 2026"):
        _para(d, line)
    _para(d, "PHÂN CÔNG THỰC HIỆN", 64, 0)
    _para(d, "Sở Công Thương chủ trì, phối hợp với Sở Tài chính:", 64, 1)
    _para(d, "Tổ chức 6 phiên chợ hàng Việt về nông thôn;", 64, 2)
    _para(d, "Hỗ trợ 120 doanh nghiệp tham gia sàn thương mại điện tử.", 64, 2)
    _para(d, "Công an tỉnh chủ trì:", 65, 1)
    _para(d, "Giảm 15% số vụ buôn lậu so với năm 2025.", 65, 2)
    text = _read(d)
    assert "1. Sở Công Thương chủ trì" in text and "2. Công an tỉnh chủ trì:" in text
    ex = extract_text(text, fmt="docx")
    assert [(a.ref, a.lead, a.tasks) for a in ex.assignments] == [
        ("1", ("Sở Công Thương",), 2), ("2", ("Công an tỉnh",), 1)]
    by_number = {t.number_text: t.agency for t in ex.targets}
    assert by_number == {"6": "Sở Công Thương", "120": "Sở Công Thương", "15": "Công an tỉnh"}
