"""Regenerate the packaged report templates (`python -m theodoi.exports.templates_docx.build_templates`).

The templates hold what a province may want to change without code: the
header block (cơ quan ban hành, Quốc hiệu, Tiêu ngữ, số, địa danh - ngày),
the title, the signature block and "Nơi nhận". They are docxtpl (Jinja)
templates; the placeholders are listed in docs/report-templates.md. The body
sections and the annex table are inserted by `theodoi.exports.docx_report`
where the paragraph `{{ body }}` stands.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from theodoi.exports import docx_style as ds

HERE = Path(__file__).resolve().parent

# Text width is 210 - 30 - 15 = 165 mm. The right column must hold the Quốc hiệu on one
# line (12 pt bold is about 88 mm); the left one "SỞ KẾ HOẠCH VÀ ĐẦU TƯ" (13 pt bold, about 60 mm).
HEADER_WIDTHS_MM = [68.0, 97.0]
HEADER_CELL_PADDING_MM = 1.0
SIGNATURE_WIDTHS_MM = [85.0, 80.0]


def build_bao_cao(path: Path) -> None:
    doc = Document()
    _page_setup(doc)
    _styles(doc)
    body = doc.paragraphs[0] if doc.paragraphs else doc.add_paragraph()
    body._p.getparent().remove(body._p)

    _header_table(doc)
    _title(doc)
    marker = doc.add_paragraph()
    ds.write(ds.tight(marker, align=WD_ALIGN_PARAGRAPH.JUSTIFY), "{{ body }}", 14)
    _signature_table(doc)
    doc.save(str(path))


def _page_setup(doc) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width = ds.PAGE_WIDTH
    section.page_height = ds.PAGE_HEIGHT
    section.top_margin = ds.MARGIN_TOP
    section.bottom_margin = ds.MARGIN_BOTTOM
    section.left_margin = ds.MARGIN_LEFT
    section.right_margin = ds.MARGIN_RIGHT
    section.header_distance = Mm(10)
    section.footer_distance = Mm(10)
    # Page numbers at the top centre, none on page 1 (Appendix I).
    section.different_first_page_header_footer = True
    number = section.header.paragraphs[0]
    ds.tight(number)
    ds.mark_size(number, 13)
    ds.page_field(number, 13)
    ds.tight(section.first_page_header.paragraphs[0])


def _styles(doc) -> None:
    normal = doc.styles["Normal"]
    normal.font.name = ds.FONT
    normal.font.size = Pt(14)
    normal.font.color.rgb = ds.BLACK
    ds.set_fonts(normal.element.get_or_add_rPr())
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        rpr = defaults.find(qn("w:rPrDefault") + "/" + qn("w:rPr"))
        if rpr is not None:
            ds.set_fonts(rpr)


def _header_table(doc) -> None:
    table = doc.add_table(rows=2, cols=2)
    ds.no_borders(table)
    ds.side_cell_margins(table, HEADER_CELL_PADDING_MM)
    ds.fixed_widths(table, HEADER_WIDTHS_MM)
    left, right = table.rows[0].cells

    lines = [
        ("{%p if parent_body %}", 13, False),
        ("{{ parent_body }}", 13, False),
        ("{%p endif %}", 13, False),
        ("{%p for line in issuing_body_lines %}", 13, True),
        ("{{ line }}", 13, True),
        ("{%p endfor %}", 13, True),
    ]
    _fill(left, lines)
    ds.short_rule(
        left.add_paragraph(), line_width_mm=22, box_width_mm=HEADER_WIDTHS_MM[0] - 2 * HEADER_CELL_PADDING_MM
    )

    _fill(
        right, [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, True), ("Độc lập - Tự do - Hạnh phúc", 13, True)]
    )
    ds.short_rule(
        right.add_paragraph(), line_width_mm=60, box_width_mm=HEADER_WIDTHS_MM[1] - 2 * HEADER_CELL_PADDING_MM
    )

    number_cell, date_cell = table.rows[1].cells
    _fill(number_cell, [("Số: {{ number_symbol }}", 13, False)], space_before=6)
    _fill(date_cell, [("{{ place_date }}", 14, False)], space_before=6, italic=True)


def _fill(cell, lines, *, space_before: float = 0, italic: bool = False) -> None:
    for index, (text, size, bold) in enumerate(lines):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        ds.write(ds.tight(paragraph), text, size, bold=bold, italic=italic)
        if index == 0 and space_before:
            paragraph.paragraph_format.space_before = Pt(space_before)


def _title(doc) -> None:
    title = ds.tight(doc.add_paragraph())
    title.paragraph_format.space_before = Pt(18)
    ds.write(title, "{{ doc_type }}", 14, bold=True)
    ds.write(ds.tight(doc.add_paragraph()), "{{ title_summary }}", 14, bold=True)
    ds.short_rule(doc.add_paragraph(), line_width_mm=40, box_width_mm=165, space_before_pt=5)
    for text in ("{%p if addressee %}", "Kính gửi: {{ addressee }}", "{%p endif %}"):
        paragraph = ds.tight(doc.add_paragraph())
        paragraph.paragraph_format.space_before = Pt(6)
        ds.write(paragraph, text, 14)
    ds.tight(doc.add_paragraph())


def _signature_table(doc) -> None:
    table = doc.add_table(rows=1, cols=2)
    ds.no_borders(table)
    ds.fixed_widths(table, SIGNATURE_WIDTHS_MM)
    left, right = table.rows[0].cells
    left_lines = [
        ("Nơi nhận:", 12, True, True),
        ("{%p for recipient in recipients %}", 11, False, False),
        ("- {{ recipient }};", 11, False, False),
        ("{%p endfor %}", 11, False, False),
        ("- {{ archive }}", 11, False, False),
    ]
    for index, (text, size, bold, italic) in enumerate(left_lines):
        paragraph = left.paragraphs[0] if index == 0 else left.add_paragraph()
        ds.write(ds.tight(paragraph, align=WD_ALIGN_PARAGRAPH.LEFT), text, size, bold=bold, italic=italic)
    left.paragraphs[0].paragraph_format.space_before = Pt(12)

    right_lines = [
        ("{{ signer_authority }}", True),
        ("{{ signer_title }}", True),
        ("", False),
        ("", False),
        ("", False),
        ("", False),
        ("{{ signer_name }}", True),
    ]
    for index, (text, bold) in enumerate(right_lines):
        paragraph = right.paragraphs[0] if index == 0 else right.add_paragraph()
        ds.write(ds.tight(paragraph), text, 14, bold=bold)
    right.paragraphs[0].paragraph_format.space_before = Pt(12)


def main() -> None:
    build_bao_cao(HERE / "bao_cao.docx")
    print(f"wrote {HERE / 'bao_cao.docx'}")


if __name__ == "__main__":
    main()
