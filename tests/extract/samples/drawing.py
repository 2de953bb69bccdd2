"""Drawing helpers shared by the sample generators: declared tables as DOCX, their PDFs, scans.

Used by `tables/make_fixtures.py` and `genres/make_pdf_samples.py` (each adds this folder to
`sys.path`). A table is declared cell by cell (`Doc`, `Table`, `Col`) with each value column's
kind and year given by hand, and the expected targets are written from those declarations
(`expected`, `table_expected`), never from what the extractor reads. `build_docx` lays the table
out with python-docx (merged header cells, merged agency cells), `to_pdf` exports it with
LibreOffice, `to_scan` makes an image-only copy that looks scanned.
"""

from __future__ import annotations

import io
import json
import random
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import docx
from docx.enum.section import WD_ORIENT
from docx.shared import Cm, Pt


@dataclass
class Col:
    """One grid column: its role and, for value columns, what the figures under it are."""

    role: str  # stt | indicator | group | unit | value | skip | agency
    kind: str | None = None
    period: str | None = None
    width_cm: float = 2.0


@dataclass
class Table:
    cols: list[Col]
    # header rows: lists of (text, colspan, rowspan); cells covered by a rowspan from above are left out
    header: list[list[tuple[str, int, int]]]
    numbering: bool = False
    # body rows: list of cell texts (one per grid column), or ("section", text) rows spanning all but column 0
    body: list[object] = field(default_factory=list)
    merge_agency: list[tuple[int, int]] = field(default_factory=list)  # body row ranges whose agency cell is merged
    merge_group: list[tuple[int, int]] = field(default_factory=list)  # body row ranges whose group cell is merged
    repeat_header: bool = False  # header rows repeated at the top of every page the table runs onto


@dataclass
class Doc:
    name: str
    head: list[str]
    table: Table
    tail: list[str]
    landscape: bool = False


MARK = "^"  # "3.480^1": the cell's text, then a footnote marker set as a superscript


def expected_target(kind: str, comparator: str, number_text: str, unit: str, period: str | None,
                    agency: str | None, context: str, indicator: str) -> dict[str, Any]:
    """One expected target of a sample, declared by hand (the value read from its text as written)."""
    value = float(number_text.replace(".", "").replace(",", "."))
    return {"kind": kind, "indicator": indicator, "comparator": comparator,
            "value": int(value) if value.is_integer() else value, "value_max": None, "unit": unit,
            "period": period, "agency": agency, "number_text": number_text, "context": context}


def cell_text(cell: str) -> str:
    """A declared cell's text without its superscript footnote marker."""
    return cell.split(MARK, 1)[0]


def cell_value(cell: str) -> tuple[str, float, float | None, str] | None:
    """(number_text, value, value_max, comparator) of a body value cell, by hand-simple parsing."""
    t = cell_text(cell).strip()
    comparator = "="
    for sign, comp in (("≥", ">="), (">=", ">="), ("≤", "<="), ("<=", "<="), (">", ">"), ("<", "<")):
        if t.startswith(sign):
            comparator, t = comp, t[len(sign):].strip()
            break
    if not t or not t[0].isdigit():
        return None
    parts = [p.strip() for p in t.split("-")]
    num = lambda s: float(s.replace(".", "").replace(",", "."))  # noqa: E731
    if len(parts) == 2:
        return parts[0], num(parts[0]), num(parts[1]), "between"
    return parts[0], num(parts[0]), None, comparator


def expected(doc: Doc, meta: dict[str, object]) -> dict[str, object]:
    targets = []
    cols = doc.table.cols
    agency_above = None
    for row in doc.table.body:
        if isinstance(row, tuple):
            continue
        cells = [cell_text(c) for c in row]
        indicator = next(c for c, col in zip(cells, cols, strict=True) if col.role == "indicator")
        unit = next((c for c, col in zip(cells, cols, strict=True) if col.role == "unit"), "")
        agency = next((c for c, col in zip(cells, cols, strict=True) if col.role == "agency"), None)
        agency = agency or agency_above
        agency_above = agency
        for cell, col in zip(cells, cols, strict=True):
            if col.role != "value":
                continue
            v = cell_value(cell)
            if v is None:
                continue
            number_text, value, value_max, comparator = v
            targets.append({"kind": col.kind, "indicator": indicator, "comparator": comparator, "value": value,
                            "value_max": value_max, "unit": unit, "period": col.period, "agency": agency,
                            "number_text": number_text})
    return {"document": doc.name + ".docx", "meta": meta, "targets": targets}


def build_docx(doc: Doc) -> bytes:
    document = docx.Document()
    style = document.styles["Normal"]
    style.font.name = "Liberation Serif"
    style.font.size = Pt(11)
    section = document.sections[0]
    if doc.landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    section.left_margin = section.right_margin = Cm(1.5)
    for line in doc.head:
        document.add_paragraph(line)
    t = doc.table
    n_header = len(t.header) + (1 if t.numbering else 0)
    n_rows = n_header + len(t.body)
    table = document.add_table(rows=n_rows, cols=len(t.cols))
    table.style = "Table Grid"
    table.autofit = False
    for c, col in enumerate(t.cols):
        for r in range(n_rows):
            table.cell(r, c).width = Cm(col.width_cm)
    covered: set[tuple[int, int]] = set()
    for r, header_row in enumerate(t.header):
        c = 0
        for text, colspan, rowspan in header_row:
            while (r, c) in covered:
                c += 1
            cell = table.cell(r, c)
            if colspan > 1 or rowspan > 1:
                cell = cell.merge(table.cell(r + rowspan - 1, c + colspan - 1))
            cell.text = text
            for rr in range(r, r + rowspan):
                for cc in range(c, c + colspan):
                    covered.add((rr, cc))
            c += colspan
    if t.numbering:
        for c in range(len(t.cols)):
            table.cell(len(t.header), c).text = f"({c + 1})"
    for i, row in enumerate(t.body):
        r = n_header + i
        if isinstance(row, tuple):
            table.cell(r, 0).text = row[0]
            table.cell(r, 1).merge(table.cell(r, len(t.cols) - 1)).text = row[1]
            continue
        for c, text in enumerate(row):
            if text:
                paragraph = table.cell(r, c).paragraphs[0]
                paragraph.add_run(cell_text(text))
                if MARK in text:
                    paragraph.add_run(text.split(MARK, 1)[1]).font.superscript = True
    for role, ranges in (("agency", t.merge_agency), ("group", t.merge_group)):
        col_index = next((i for i, col in enumerate(t.cols) if col.role == role), 0)
        for first, last in ranges:
            top = table.cell(n_header + first, col_index)
            keep = top.text
            top.merge(table.cell(n_header + last, col_index)).text = keep
    if t.repeat_header:
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        for row in table.rows[:n_header]:
            flag = OxmlElement("w:tblHeader")
            flag.set(qn("w:val"), "true")
            row._tr.get_or_add_trPr().append(flag)
    for line in doc.tail:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def to_pdf(source: Path, out_dir: Path) -> Path | None:
    soffice = shutil.which("soffice")
    if soffice is None:
        print("soffice not found: PDFs not regenerated", file=sys.stderr)
        return None
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                        "--outdir", str(out_dir), str(source)], check=True, capture_output=True, timeout=180)
    return out_dir / (source.stem + ".pdf")


def to_scan(pdf: Path, target: Path, *, dpi: int = 200, tilt: float = 0.4, seed: int = 15,
            speckle_every: int = 400, blur: float = 0.5, jpeg_quality: int | None = None) -> None:
    """An image-only PDF that looks scanned: grey pages tilted by `tilt` degrees, one speck per
    `speckle_every` pixels, blurred by `blur`, at `dpi`, each page through JPEG at `jpeg_quality`
    when given (a cheap office scanner's artefacts); no text layer."""
    from PIL import Image, ImageFilter

    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", str(pdf), f"{tmp}/p"], check=True, timeout=180)
        pages = []
        for png in sorted(Path(tmp).glob("p*.png")):
            image = Image.open(png).convert("L")
            image = image.rotate(tilt, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)
            pixels = image.load()
            w, h = image.size
            for _ in range(w * h // speckle_every):
                x, y = rng.randrange(w), rng.randrange(h)
                pixels[x, y] = rng.choice((90, 140, 200))
            image = image.filter(ImageFilter.GaussianBlur(blur))
            if jpeg_quality is not None:
                buffer = io.BytesIO()
                image.save(buffer, "JPEG", quality=jpeg_quality)
                image = Image.open(io.BytesIO(buffer.getvalue())).convert("L")
            pages.append(image)
        pages[0].save(target, "PDF", resolution=dpi, save_all=True, append_images=pages[1:])


def stored_turned(pdf: bytes) -> bytes:
    """The same PDF as a printer driver writes a landscape page: the content drawn turned a
    quarter-turn onto a portrait page, and `/Rotate 90` to show it upright (looks the same)."""
    from pypdf import PdfWriter, Transformation
    from pypdf.generic import RectangleObject

    writer = PdfWriter(clone_from=io.BytesIO(pdf))
    for page in writer.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        page.add_transformation(Transformation().rotate(90).translate(height, 0))
        page.mediabox = RectangleObject([0, 0, height, width])
        page.cropbox = RectangleObject([0, 0, height, width])
        page.rotate(90)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def borderless(data: bytes) -> bytes:
    """The same DOCX with its tables drawn without any border (the "Normal Table" style)."""
    document = docx.Document(io.BytesIO(data))
    for table in document.tables:
        table.style = document.styles["Normal Table"]
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def table_expected(doc: Any, meta: dict[str, Any], document: str) -> dict[str, Any]:
    """Expected targets of a declared table, each anchored on its cell as a row prints ("| 7,4 |")."""
    base = expected(doc, meta)
    cols = doc.table.cols
    anchors = []
    for row in doc.table.body:
        if isinstance(row, tuple):
            continue
        for cell, col in zip(row, cols, strict=True):
            if col.role == "value" and cell_value(cell) is not None:
                anchors.append(f"| {cell_text(cell)} |")
    assert len(anchors) == len(base["targets"])
    for target, anchor in zip(base["targets"], anchors, strict=True):
        target["context"] = anchor
    return {"document": document, "meta": meta, "targets": base["targets"], "assignments": [], "deadlines": []}


def two_column_docx(head: list[str], body: list[str], *, full_width_head: bool = True) -> bytes:
    """A page set in two text columns; the head lines span the page (a continuous section break
    before the body) unless `full_width_head` is False."""
    from docx.enum.section import WD_SECTION
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    document.styles["Normal"].font.name = "Liberation Serif"
    document.styles["Normal"].font.size = Pt(11)
    for line in head:
        document.add_paragraph(line)
    section = document.add_section(WD_SECTION.CONTINUOUS) if full_width_head else document.sections[0]
    sect_pr = section._sectPr
    cols = sect_pr.find(qn("w:cols"))
    if cols is None:
        cols = OxmlElement("w:cols")
        sect_pr.append(cols)
    cols.set(qn("w:num"), "2")
    cols.set(qn("w:space"), "720")
    for line in body:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# A ruled table with the periods as rows and one column per indicator, "Năm" in the corner:
# (indicator, unit) across the top; (row label, kind, year, figures) down the side.
Indicators = list[tuple[str, str]]
PeriodRows = list[tuple[str, str, str, list[str]]]


def periods_down_docx(head: list[str], indicators: Indicators, rows: PeriodRows, tail: list[str]) -> bytes:
    """The DOCX of a table read across: each indicator's column carries its unit in brackets."""
    document = docx.Document()
    document.styles["Normal"].font.name = "Liberation Serif"
    document.styles["Normal"].font.size = Pt(11)
    for line in head:
        document.add_paragraph(line)
    table = document.add_table(rows=1 + len(rows), cols=1 + len(indicators))
    table.style = "Table Grid"
    table.cell(0, 0).text = "Năm"
    for c, (indicator, unit) in enumerate(indicators, start=1):
        table.cell(0, c).text = f"{indicator} ({unit})"
    for r, (label, _, _, figures) in enumerate(rows, start=1):
        table.cell(r, 0).text = label
        for c, figure in enumerate(figures, start=1):
            table.cell(r, c).text = figure
    for line in tail:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def periods_down_expected(document: str, meta: dict[str, Any], indicators: Indicators,
                          rows: PeriodRows) -> dict[str, Any]:
    """One target per (period, indicator), anchored on its cell as a row prints once the table is
    read indicator by indicator ("| 9,5 |"; the last period's cell ends its line)."""
    targets = []
    for c, (indicator, unit) in enumerate(indicators):
        for r, (_, kind, year, figures) in enumerate(rows):
            figure = figures[c]
            last = r == len(rows) - 1
            targets.append({"kind": kind, "indicator": indicator, "comparator": "=",
                            "value": float(figure.replace(",", ".")), "value_max": None, "unit": unit,
                            "period": year, "agency": None, "number_text": figure,
                            "context": f"| {figure}\n" if last else f"| {figure} |"})
    return {"document": document, "meta": meta, "targets": targets, "assignments": [], "deadlines": []}


def write_json(here: Path, name: str, data: dict[str, Any]) -> None:
    """A set's expected output, as every set writes it (one-space indent, UTF-8, final newline)."""
    (here / f"{name}.json").write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def check_text_anchors(here: Path, name: str, data: dict[str, Any]) -> None:
    """Each hand-written context of a text document occurs once and holds its number."""
    text = (here / f"{name}.txt").read_text(encoding="utf-8")
    for item in data["targets"]:
        assert text.count(item["context"]) == 1, item["context"]
        assert item["number_text"] in item["context"], item["context"]
    for block in data["assignments"]:
        assert text.count(block["head"]) == 1, block["head"]
