"""The DOCX follows Decree 30/2020/NĐ-CP, Appendix I."""

import io
from dataclasses import replace
from datetime import date

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from theodoi.exports.docx_report import render_docx
from theodoi.exports.samples import sample_report


def _mm(length) -> float:
    """Word stores lengths in twips, so compare to a tenth of a millimetre."""
    return round(length.mm, 1)


def _paragraphs(document):
    """Every paragraph, table cells included, in document order."""
    yield from document.element.body.iter(qn("w:p"))


def _texts(document) -> list[str]:
    return ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in _paragraphs(document)]


def _find(document, text):
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                for p in cell.paragraphs:
                    if p.text.strip() == text:
                        return p
    for p in document.paragraphs:
        if p.text.strip() == text:
            return p
    raise AssertionError(f"{text!r} not found")


def test_page_is_a4_portrait_with_decree_margins(document):
    section = document.sections[0]
    assert (_mm(section.page_width), _mm(section.page_height)) == (210, 297)
    assert (_mm(section.top_margin), _mm(section.bottom_margin)) == (20, 20)
    assert (_mm(section.left_margin), _mm(section.right_margin)) == (30, 15)


def test_every_run_is_times_new_roman_in_black(document):
    runs = list(document.element.body.iter(qn("w:r")))
    assert runs
    for r in runs:
        fonts = r.find(qn("w:rPr") + "/" + qn("w:rFonts"))
        assert fonts is not None
        for slot in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            assert fonts.get(qn(slot)) == "Times New Roman"
        color = r.find(qn("w:rPr") + "/" + qn("w:color"))
        assert color is not None and color.get(qn("w:val")) == "000000"


def test_header_has_issuing_body_national_title_and_motto(document):
    left, right = document.tables[0].rows[0].cells
    assert [p.text for p in left.paragraphs if p.text] == ["ỦY BAN NHÂN DÂN", "TỈNH KON TUM"]
    assert all(r.font.bold and r.font.size == Pt(13) for p in left.paragraphs for r in p.runs)
    national, motto = (p for p in right.paragraphs if p.text)
    assert national.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert national.runs[0].font.bold and Pt(12) <= national.runs[0].font.size <= Pt(13)
    assert motto.text == "Độc lập - Tự do - Hạnh phúc"
    assert motto.runs[0].font.bold and Pt(13) <= motto.runs[0].font.size <= Pt(14)


def test_header_rules_are_short_bottom_borders(document):
    for cell in document.tables[0].rows[0].cells:
        rule = cell.paragraphs[-1]
        assert rule.text == ""
        assert rule._p.find(f"{qn('w:pPr')}/{qn('w:pBdr')}/{qn('w:bottom')}") is not None
        assert rule.paragraph_format.left_indent > 0


def test_header_table_has_no_borders(document):
    borders = document.tables[0]._tbl.tblPr.find(qn("w:tblBorders"))
    assert {el.get(qn("w:val")) for el in borders} == {"nil"}


def test_parent_body_is_regular_above_a_bold_issuing_body():
    data = sample_report(2)
    data = replace(
        data,
        header=replace(data.header, parent_body="UBND TỈNH KON TUM", issuing_body="SỞ KẾ HOẠCH VÀ ĐẦU TƯ"),
    )
    doc = Document(io.BytesIO(render_docx(data)))
    parent, body = (p for p in doc.tables[0].rows[0].cells[0].paragraphs if p.text)
    assert (parent.text, parent.runs[0].font.bold) == ("UBND TỈNH KON TUM", False)
    assert (body.text, body.runs[0].font.bold) == ("SỞ KẾ HOẠCH VÀ ĐẦU TƯ", True)


def test_number_and_place_date_share_a_row(document):
    number, place_date = document.tables[0].rows[1].cells
    assert number.text.startswith("Số:") and number.text.endswith("/BC-UBND")
    assert number.paragraphs[0].runs[0].font.size == Pt(13)
    assert place_date.text == "Kon Tum, ngày 05 tháng 01 năm 2021"
    run = place_date.paragraphs[0].runs[0]
    assert run.font.italic and Pt(13) <= run.font.size <= Pt(14)


@pytest.mark.parametrize(
    ("day", "expected"),
    [(date(2021, 1, 5), "ngày 05 tháng 01 năm 2021"), (date(2021, 11, 20), "ngày 20 tháng 11 năm 2021")],
)
def test_place_date_is_zero_padded_as_the_decree_says(day, expected):
    doc = Document(io.BytesIO(render_docx(sample_report(1, day=day))))
    assert expected in doc.tables[0].rows[1].cells[1].text


def test_title_is_bold_caps_14_with_bold_summary(document):
    title = _find(document, "BÁO CÁO")
    assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert title.runs[0].font.bold and title.runs[0].font.size == Pt(14)
    summary = next(p for p in document.paragraphs if p.text.startswith("Tình hình thực hiện"))
    assert summary.runs[0].font.bold


def test_body_is_14pt_justified_with_first_line_indent(document):
    body = [p for p in document.paragraphs if p.text.startswith("Trong 6 tháng đầu năm 2021")]
    assert body
    p = body[0]
    assert p.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert p.paragraph_format.first_line_indent == Cm(1.27)
    assert p.paragraph_format.space_before >= Pt(6) and p.paragraph_format.space_after >= Pt(6)
    assert p.paragraph_format.line_spacing == pytest.approx(1.15)
    assert p.runs[0].font.size == Pt(14)


def test_section_headings_are_bold(document):
    heading = _find(document, "I. ĐÁNH GIÁ CHUNG")
    assert heading.runs[0].font.bold


def test_no_template_placeholder_is_left(document):
    text = "\n".join(_texts(document))
    assert "{{" not in text and "{%" not in text and "THEODOI-BODY" not in text


def test_signature_block_has_authority_title_and_name_in_bold(document):
    right = document.tables[1].rows[0].cells[1]
    lines = [p for p in right.paragraphs if p.text]
    assert [p.text for p in lines] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn An"]
    assert all(p.runs[0].font.bold for p in lines)


def test_recipients_list_is_12pt_bold_italic_heading_and_11pt_lines(document):
    left = document.tables[1].rows[0].cells[0]
    heading, *lines = (p for p in left.paragraphs if p.text)
    assert heading.text == "Nơi nhận:"
    font = heading.runs[0].font
    assert font.bold and font.italic and font.size == Pt(12)
    assert lines[0].text == "- Bộ Kế hoạch và Đầu tư (b/c);"
    assert lines[-1].text == "- Lưu: VT, KTTH."
    assert all(p.runs[0].font.size == Pt(11) for p in lines)
    assert all(p.text.endswith(";") for p in lines[:-1])


def test_page_numbers_are_top_centre_13pt_and_absent_on_page_one(document):
    section = document.sections[0]
    assert section.different_first_page_header_footer
    assert section.first_page_header.paragraphs[0].text == ""
    number = section.header.paragraphs[0]
    assert number.alignment == WD_ALIGN_PARAGRAPH.CENTER
    instr = [el.text for el in number._p.iter(qn("w:instrText"))]
    assert instr == [" PAGE "]
    assert all(r.font.size == Pt(13) for r in number.runs)


def test_annex_is_a_landscape_section_numbered_from_page_one(document):
    annex = document.sections[-1]
    assert len(document.sections) == 2
    assert annex.orientation == WD_ORIENT.LANDSCAPE
    assert (_mm(annex.page_width), _mm(annex.page_height)) == (297, 210)
    assert annex.header.is_linked_to_previous
    assert not annex.different_first_page_header_footer


def test_annex_table_lists_every_target_under_a_repeating_header(report, document):
    table = document.tables[-1]
    assert [c.text for c in table.rows[0].cells] == [
        "STT",
        "Chỉ tiêu",
        "Đơn vị tính",
        "Kế hoạch",
        "Thực hiện",
        "% kế hoạch",
        "Đánh giá",
        "Đơn vị chủ trì",
    ]
    assert len(table.rows) - 1 == len(report.targets)
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    second = [c.text for c in table.rows[2].cells]
    assert second[:4] == ["2", "Tổng thu ngân sách nhà nước trên địa bàn", "tỷ đồng", "3.150"]
    sizes = {r.font.size for row in table.rows for c in row.cells for p in c.paragraphs for r in p.runs}
    assert sizes == {Pt(11)}


def test_annex_table_fits_the_landscape_text_width(document):
    annex = document.sections[-1]
    text_width = annex.page_width - annex.left_margin - annex.right_margin
    widths = [int(gc.get(qn("w:w"))) for gc in document.tables[-1]._tbl.tblGrid.iter(qn("w:gridCol"))]
    assert sum(widths) * 635 <= text_width  # twips -> EMU


def test_edited_sections_replace_the_draft(report):
    from theodoi.exports.data import Section

    data = replace(report, sections=[Section("I. NỘI DUNG ĐÃ SỬA", ["Đoạn do chuyên viên viết lại."])])
    texts = [p.text for p in Document(io.BytesIO(render_docx(data))).paragraphs]
    assert "Đoạn do chuyên viên viết lại." in texts
    assert "I. ĐÁNH GIÁ CHUNG" not in texts


def test_text_with_ampersand_and_angle_brackets_is_escaped():
    data = sample_report(1)
    data = replace(data, header=replace(data.header, recipients=["Sở KH&ĐT <b/c>"]))
    doc = Document(io.BytesIO(render_docx(data)))
    assert "- Sở KH&ĐT <b/c>;" in doc.tables[1].rows[0].cells[0].text
