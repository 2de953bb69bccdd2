"""Render the consolidated report as DOCX, laid out per Decree 30/2020, Appendix I.

The header block, title and signature block come from a docxtpl template the
province may replace (`REPORT_TEMPLATE_DIR/bao_cao.docx`); the body sections
and the annex of all targets are inserted by code where `{{ body }}` stands.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph
from docxtpl import DocxTemplate

from theodoi.exports import docx_style as ds
from theodoi.exports.data import ReportData, Section
from theodoi.exports.drafting import draft_sections
from theodoi.exports.errors import ReportRenderError
from theodoi.exports.formatting import date_short, place_date_line, vn_number, vn_percent

TEMPLATE_NAME = "bao_cao.docx"
PACKAGED_TEMPLATES = Path(__file__).resolve().parent / "templates_docx"
BODY_MARKER = "\u2063THEODOI-BODY\u2063"

ANNEX_HEADINGS = [
    "STT",
    "Chỉ tiêu",
    "Đơn vị tính",
    "Kế hoạch",
    "Thực hiện",
    "% kế hoạch",
    "Đánh giá",
    "Đơn vị chủ trì",
]
# Landscape A4 text width: 297 - 30 - 15 = 252 mm.
ANNEX_WIDTHS_MM = [13.0, 78.0, 20.0, 24.0, 24.0, 22.0, 29.0, 42.0]
ANNEX_FONT_PT = 11.0
BODY_FONT_PT = 14.0


def render_docx(data: ReportData, *, template: Path | None = None) -> bytes:
    """The report as .docx bytes; `data.sections` empty means the drafted body."""
    path = template or template_path()
    try:
        tpl = DocxTemplate(str(path))
        tpl.render(template_context(data), autoescape=True)
    except Exception as exc:  # docxtpl raises Jinja and XML errors of many kinds
        raise ReportRenderError(f"Không dựng được báo cáo từ mẫu {path.name}: {exc}") from exc
    doc: DocumentObject = tpl.docx  # type: ignore[assignment]
    _insert_body(doc, data.sections or draft_sections(data))
    _append_annex(doc, data)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def template_path(name: str = TEMPLATE_NAME) -> Path:
    """The province's template if `settings.REPORT_TEMPLATE_DIR` has one, else the packaged one."""
    custom = _setting("REPORT_TEMPLATE_DIR")
    if custom:
        candidate = Path(custom) / name
        if candidate.is_file():
            return candidate
    return PACKAGED_TEMPLATES / name


def _setting(name: str) -> Any:
    # Read lazily so the renderer also works outside a configured Django project.
    try:
        from django.conf import settings

        return getattr(settings, name, None) if settings.configured else None
    except ImportError:
        return None


def template_context(data: ReportData) -> dict[str, Any]:
    """The Jinja variables a template may use (documented in docs/report-templates.md)."""
    h = data.header
    return {
        "parent_body": h.parent_body or "",
        "issuing_body": h.issuing_body,
        "issuing_body_lines": [line.strip() for line in h.issuing_body.splitlines() if line.strip()],
        "number_symbol": number_symbol(h.number_symbol),
        "place_date": place_date_line(h.place, h.date),
        "place": h.place,
        "date": date_short(h.date),
        "doc_type": h.doc_type,
        "title_summary": h.title_summary,
        "addressee": h.addressee or "",
        "signer_authority": h.signer_authority,
        "signer_title": h.signer_title,
        "signer_name": h.signer_name,
        "recipients": [r.strip().rstrip(";.") for r in h.recipients if r.strip()],
        "archive": h.archive,
        "period_label": data.period_label,
        "scope_label": data.scope_label,
        "body": BODY_MARKER,
    }


def number_symbol(raw: str) -> str:
    """Leave room for the number the clerk writes in: "/BC-UBND" -> "      /BC-UBND"."""
    raw = raw.strip()
    if raw.startswith("/"):
        return "\u00a0" * 8 + raw
    return raw


# --- body -----------------------------------------------------------------


def _insert_body(doc: DocumentObject, sections: list[Section]) -> None:
    marker = next((p for p in doc.paragraphs if BODY_MARKER in p.text), None)
    if marker is None:
        raise ReportRenderError("Mẫu báo cáo thiếu chỗ đặt nội dung {{ body }}.")
    for section in sections:
        _write_section(marker, section, level=1)
    previous = marker._p.getprevious()
    if previous is not None and previous.tag == qn("w:p"):
        # the closing sentence stays on the page of the signature block
        Paragraph(previous, marker._parent).paragraph_format.keep_with_next = True
    marker._p.getparent().remove(marker._p)


def _write_section(anchor: Paragraph, section: Section, *, level: int) -> None:
    if section.title:
        _body_paragraph(anchor, section.title, bold=True, italic=level > 2)
    for text in section.paragraphs:
        _body_paragraph(anchor, text)
    for sub in section.subsections:
        _write_section(anchor, sub, level=level + 1)


def _body_paragraph(anchor: Paragraph, text: str, *, bold: bool = False, italic: bool = False) -> None:
    paragraph = anchor.insert_paragraph_before()
    fmt = paragraph.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    fmt.first_line_indent = ds.BODY_INDENT
    fmt.space_before = Pt(6)
    fmt.space_after = Pt(6)
    fmt.line_spacing = 1.15
    ds.write(paragraph, text, BODY_FONT_PT, bold=bold, italic=italic)


# --- annex ----------------------------------------------------------------


def _append_annex(doc: DocumentObject, data: ReportData) -> None:
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = ds.PAGE_HEIGHT, ds.PAGE_WIDTH
    section.top_margin, section.bottom_margin = ds.MARGIN_TOP, ds.MARGIN_BOTTOM
    section.left_margin, section.right_margin = ds.MARGIN_LEFT, ds.MARGIN_RIGHT
    # The annex continues the page numbering, on its first page too.
    section.different_first_page_header_footer = False
    section.header.is_linked_to_previous = True

    h = data.header
    heading = [
        ("PHỤ LỤC", True, False),
        (f"KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU {data.period_label.upper()}", True, False),
        (f"(Kèm theo Báo cáo số {number_symbol(h.number_symbol)} ngày {date_short(h.date)})", False, True),
    ]
    for text, bold, italic in heading:
        ds.write(ds.tight(doc.add_paragraph()), text, 13, bold=bold, italic=italic)
    ds.tight(doc.add_paragraph())
    _annex_table(doc, data)
    ds.tight(doc.add_paragraph())


def _annex_table(doc: DocumentObject, data: ReportData) -> None:
    table = doc.add_table(rows=1, cols=len(ANNEX_HEADINGS))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    ds.grid_borders(table)
    ds.fixed_widths(table, ANNEX_WIDTHS_MM)
    header = table.rows[0]
    _repeat_header(header._tr)
    for cell, text in zip(header.cells, ANNEX_HEADINGS, strict=True):
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        ds.write(ds.tight(cell.paragraphs[0]), text, ANNEX_FONT_PT, bold=True)

    for number, row in enumerate(data.targets, start=1):
        values = [
            str(number),
            row.name,
            row.unit,
            vn_number(row.plan_value),
            vn_number(row.actual_value),
            vn_percent(row.pct_of_plan),
            row.status_label,
            row.responsible_unit,
        ]
        table._tbl.append(parse_xml(_annex_row_xml(values)))


# Annex rows are written as XML text: setting the same properties cell by cell
# through python-docx takes seconds for a few hundred targets.
_ANNEX_ALIGNS = ["center", "left", "center", "right", "right", "right", "center", "left"]
_ANNEX_RPR = (
    f'<w:rPr><w:rFonts w:ascii="{ds.FONT}" w:hAnsi="{ds.FONT}" w:cs="{ds.FONT}" w:eastAsia="{ds.FONT}"/>'
    f'<w:color w:val="000000"/><w:sz w:val="{int(ANNEX_FONT_PT * 2)}"/>'
    f'<w:szCs w:val="{int(ANNEX_FONT_PT * 2)}"/></w:rPr>'
)


def _annex_row_xml(values: list[str]) -> str:
    cells = []
    for text, align, width in zip(values, _ANNEX_ALIGNS, ANNEX_WIDTHS_MM, strict=True):
        twips = int(width * 1440 / 25.4)
        cells.append(
            f'<w:tc><w:tcPr><w:tcW w:w="{twips}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr><w:p><w:pPr>'
            f'<w:spacing w:before="20" w:after="20" w:line="240" w:lineRule="auto"/>'
            f'<w:ind w:firstLine="0"/><w:jc w:val="{align}"/>{_ANNEX_RPR}</w:pPr>'
            f'<w:r>{_ANNEX_RPR}<w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p></w:tc>'
        )
    return f'<w:tr {nsdecls("w")}><w:trPr><w:cantSplit w:val="true"/></w:trPr>{"".join(cells)}</w:tr>'


def _repeat_header(tr: Any) -> None:
    tr_pr = tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)
    _cant_split(tr)


def _cant_split(tr: Any) -> None:
    el = OxmlElement("w:cantSplit")
    el.set(qn("w:val"), "true")
    tr.get_or_add_trPr().insert(0, el)
