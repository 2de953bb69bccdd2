"""Low-level python-docx helpers shared by the template builder and the renderer.

Decree 30/2020/NĐ-CP, Appendix I, asks for Times New Roman in black; python-docx
only sets the ascii/hAnsi fonts, so `font_run` also sets cs and eastAsia, or
Vietnamese text can fall back to another font in some viewers.
"""

from __future__ import annotations

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Cm, Mm, Pt, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from docx.text.run import Run

FONT = "Times New Roman"
BLACK = RGBColor(0, 0, 0)

# A4 and the margins of Appendix I (top/bottom 20-25, left 30-35, right 15-20 mm).
PAGE_WIDTH = Mm(210)
PAGE_HEIGHT = Mm(297)
MARGIN_TOP = Mm(20)
MARGIN_BOTTOM = Mm(20)
MARGIN_LEFT = Mm(30)
MARGIN_RIGHT = Mm(15)
BODY_INDENT = Cm(1.27)


def set_fonts(rpr_parent: BaseOxmlElement, name: str = FONT) -> None:
    """Set all four w:rFonts slots on a w:rPr (or anything holding one)."""
    rpr = rpr_parent if rpr_parent.tag == qn("w:rPr") else rpr_parent.get_or_add_rPr()  # type: ignore[attr-defined]
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for slot in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(slot), name)


def font_run(run: Run, size: float, *, bold: bool = False, italic: bool = False) -> Run:
    """Times New Roman, black, `size` pt."""
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.italic = italic
    run.font.color.rgb = BLACK
    set_fonts(run._r)
    # complex-script size too, so the cs slot matches
    szcs = run._r.get_or_add_rPr().find(qn("w:szCs"))
    if szcs is None:
        szcs = OxmlElement("w:szCs")
        run._r.get_or_add_rPr().append(szcs)
    szcs.set(qn("w:val"), str(int(size * 2)))
    return run


def tight(paragraph: Paragraph, *, align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.CENTER) -> Paragraph:
    """No spacing, single line: for header blocks and table cells."""
    fmt = paragraph.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.line_spacing = 1.0
    fmt.first_line_indent = Pt(0)
    paragraph.alignment = align
    return paragraph


def write(
    paragraph: Paragraph, text: str, size: float, *, bold: bool = False, italic: bool = False
) -> Paragraph:
    font_run(paragraph.add_run(text), size, bold=bold, italic=italic)
    mark_size(paragraph, size)
    return paragraph


def mark_size(paragraph: Paragraph, size: float) -> None:
    """Size and font of the paragraph mark, which sets the height of an empty line."""
    ppr = paragraph._p.get_or_add_pPr()
    rpr = ppr.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        ppr.append(rpr)
    set_fonts(rpr)
    for tag in ("w:sz", "w:szCs"):
        el = rpr.find(qn(tag))
        if el is None:
            el = OxmlElement(tag)
            rpr.append(el)
        el.set(qn("w:val"), str(int(size * 2)))


def short_rule(
    paragraph: Paragraph, *, line_width_mm: float, box_width_mm: float, space_before_pt: float = 2
) -> Paragraph:
    """Turn an empty paragraph into a centred rule `line_width_mm` long.

    The rule is the paragraph's bottom border; left and right indents shorten it.
    """
    tight(paragraph)
    # a little air so the rule never touches the descenders of the line above
    paragraph.paragraph_format.space_before = Pt(space_before_pt)
    side = Mm(max(0.0, (box_width_mm - line_width_mm) / 2))
    paragraph.paragraph_format.left_indent = side
    paragraph.paragraph_format.right_indent = side
    mark_size(paragraph, 1)
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    # w:pBdr must come before w:spacing/w:ind/w:jc in w:pPr
    anchor = ppr.find(qn("w:spacing"))
    if anchor is None:
        anchor = ppr.find(qn("w:ind"))
    if anchor is not None:
        anchor.addprevious(borders)
    else:
        ppr.append(borders)
    return paragraph


# Schema order of w:tblPr children; Word refuses files whose children are out of order.
_TBLPR_ORDER = [
    "tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize",
    "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar",
    "tblLook", "tblCaption", "tblDescription",
]  # fmt: skip


def set_tblpr_child(table: Table, element: BaseOxmlElement) -> None:
    """Put `element` into w:tblPr at its schema position, replacing one of the same name."""
    tbl_pr = table._tbl.tblPr
    name = element.tag.split("}")[1]
    old = tbl_pr.find(qn(f"w:{name}"))
    if old is not None:
        old.addprevious(element)
        tbl_pr.remove(old)
        return
    later = {qn(f"w:{n}") for n in _TBLPR_ORDER[_TBLPR_ORDER.index(name) + 1 :]}
    for child in tbl_pr:
        if child.tag in later:
            child.addprevious(element)
            return
    tbl_pr.append(element)


def no_borders(table: Table) -> None:
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    set_tblpr_child(table, borders)


def side_cell_margins(table: Table, mm: float) -> None:
    """Left/right cell padding for the whole table (Word's default is 1.9 mm)."""
    margins = OxmlElement("w:tblCellMar")
    for edge in ("left", "right"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:w"), str(int(mm * 1440 / 25.4)))
        el.set(qn("w:type"), "dxa")
        margins.append(el)
    set_tblpr_child(table, margins)


def grid_borders(table: Table) -> None:
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        for key, value in (("w:val", "single"), ("w:sz", "4"), ("w:space", "0"), ("w:color", "000000")):
            el.set(qn(key), value)
        borders.append(el)
    set_tblpr_child(table, borders)


def fixed_widths(table: Table, widths_mm: list[float]) -> None:
    """Fixed layout with explicit column and cell widths (Word and LibreOffice agree)."""
    table.autofit = False
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    set_tblpr_child(table, layout)
    tbl_w = OxmlElement("w:tblW")
    set_tblpr_child(table, tbl_w)
    tbl_w.set(qn("w:type"), "dxa")
    tbl_w.set(qn("w:w"), str(int(sum(widths_mm) * 1440 / 25.4)))
    for col, width in zip(table.columns, widths_mm, strict=True):
        col.width = Mm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(width)


def first_paragraph(cell: _Cell) -> Paragraph:
    return cell.paragraphs[0]


def page_field(paragraph: Paragraph, size: float) -> None:
    """Append a PAGE field (the current page number)."""

    def fld_char(kind: str) -> BaseOxmlElement:
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        return el

    for part in ("begin", "instr", "separate", "text", "end"):
        run = font_run(paragraph.add_run(), size)
        if part == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = " PAGE "
            run._r.append(instr)
        elif part == "text":
            run.text = "2"
        else:
            run._r.append(fld_char(part))
