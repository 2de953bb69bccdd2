"""Generate the table fixtures: DOCX files with merged headers, their LibreOffice PDFs, a scan.

Run from the repository root (needs python-docx; `soffice` for the PDFs, `pdftoppm` and Pillow
for the scanned copy):

    .venv/bin/python tests/extract/samples/tables/make_fixtures.py

Every document is invented (provinces, figures and wording are ours). Each value column is
declared by hand below with the kind and year it stands for, and the expected `<name>.json` is
written from those declarations, never from what the extractor reads: the extractor has to work
the same out of the header text. Generated files are committed so the tests need none of the
tools above.
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

import docx
from docx.enum.section import WD_ORIENT
from docx.shared import Cm, Pt

HERE = Path(__file__).resolve().parent


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


@dataclass
class Doc:
    name: str
    head: list[str]
    table: Table
    tail: list[str]
    landscape: bool = False


def _value(cell: str) -> tuple[str, float, float | None, str] | None:
    """(number_text, value, value_max, comparator) of a body value cell, by hand-simple parsing."""
    t = cell.strip()
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
        cells = list(row)
        indicator = next(c for c, col in zip(cells, cols, strict=True) if col.role == "indicator")
        unit = next((c for c, col in zip(cells, cols, strict=True) if col.role == "unit"), "")
        agency = next((c for c, col in zip(cells, cols, strict=True) if col.role == "agency"), None)
        agency = agency or agency_above
        agency_above = agency
        for cell, col in zip(cells, cols, strict=True):
            if col.role != "value":
                continue
            v = _value(cell)
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
                table.cell(r, c).text = text
    agency_col = next(i for i, col in enumerate(t.cols) if col.role == "agency") if t.merge_agency else 0
    for first, last in t.merge_agency:
        top = table.cell(n_header + first, agency_col)
        keep = top.text
        top.merge(table.cell(n_header + last, agency_col)).text = keep
    for line in doc.tail:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


BACLIEU = Doc(
    name="baclieu-2025-quyetdinh-bang",
    head=["ỦY BAN NHÂN DÂN", "TỈNH BẠC LIÊU", "Số: 35/QĐ-UBND", "Bạc Liêu, ngày 20 tháng 12 năm 2024", "",
          "QUYẾT ĐỊNH", "Về việc giao chỉ tiêu kế hoạch phát triển kinh tế - xã hội năm 2025", "",
          "Điều 1. Giao các sở, ban, ngành tỉnh chủ trì theo dõi các chỉ tiêu kế hoạch năm 2025 như bảng sau:"],
    table=Table(
        cols=[Col("stt", width_cm=1.0), Col("indicator", width_cm=4.2), Col("unit", width_cm=1.8),
              Col("value", "target", "2024", 1.8), Col("value", "actual", "2024", 1.8),
              Col("value", "target", "2025", 1.8), Col("skip", width_cm=1.6), Col("skip", width_cm=1.6),
              Col("agency", width_cm=3.4)],
        header=[[("STT", 1, 2), ("Chỉ tiêu", 1, 2), ("Đơn vị tính", 1, 2), ("Năm 2024", 2, 1),
                 ("Kế hoạch năm 2025", 1, 2), ("So sánh (%)", 2, 1), ("Cơ quan chủ trì", 1, 2)],
                [("Kế hoạch", 1, 1), ("Ước thực hiện", 1, 1), ("ƯTH 2024/KH 2024", 1, 1),
                 ("KH 2025/ƯTH 2024", 1, 1)]],
        body=[
            ["1", "Tốc độ tăng trưởng tổng sản phẩm trên địa bàn tỉnh (GRDP)", "%", "7,0", "6,8", "7,5", "97,1",
             "110,3", "Sở Kế hoạch và Đầu tư"],
            ["2", "Tổng thu ngân sách nhà nước trên địa bàn", "tỷ đồng", "5.200", "5.650", "6.000", "108,7",
             "106,2", "Sở Tài chính"],
            ["3", "Tổng kim ngạch xuất khẩu hàng hóa", "triệu USD", "1.450", "1.520", "1.600", "104,8", "105,3",
             "Sở Công Thương"],
            ["4", "Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều", "%", "2,5", "2,3", "1,8", "-", "-",
             "Sở Lao động - Thương binh và Xã hội"],
            ["5", "Số bác sĩ trên một vạn dân", "bác sĩ", "11", "11,2", "12", "101,8", "107,1", "Sở Y tế"],
            ["6", "Số giường bệnh trên một vạn dân", "giường", "30", "31", "32", "103,3", "103,2", ""],
            ["7", "Tỷ lệ dân số nông thôn được dùng nước sạch theo quy chuẩn", "%", "65", "66,5", "70", "-",
             "-", "Sở Nông nghiệp và Phát triển nông thôn"],
        ],
        merge_agency=[(4, 5)],
    ),
    tail=["Điều 2. Quyết định này có hiệu lực kể từ ngày ký.", "CHỦ TỊCH"],
)

TUYENQUANG = Doc(
    name="tuyenquang-2025-kehoach-bang",
    head=["ỦY BAN NHÂN DÂN", "TỈNH TUYÊN QUANG", "Số: 210/KH-UBND", "Tuyên Quang, ngày 28 tháng 12 năm 2024", "",
          "KẾ HOẠCH", "Thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2025", "",
          "I. CÁC CHỈ TIÊU CHỦ YẾU", "Các chỉ tiêu chủ yếu của năm 2025 và kết quả các năm trước như sau:"],
    table=Table(
        cols=[Col("stt", width_cm=1.0), Col("indicator", width_cm=4.0), Col("unit", width_cm=1.6),
              Col("value", "actual", "2023", 1.8), Col("value", "target", "2024", 1.6),
              Col("value", "actual", "2024", 1.6), Col("value", "target", "2025", 1.8),
              Col("agency", width_cm=3.2)],
        header=[[("TT", 1, 2), ("Tên chỉ tiêu", 1, 2), ("ĐVT", 1, 2), ("Thực hiện năm 2023", 1, 2),
                 ("Năm 2024", 2, 1), ("KH 2025", 1, 2), ("Đơn vị thực hiện", 1, 2)],
                [("KH", 1, 1), ("Ước TH", 1, 1)]],
        numbering=True,
        body=[
            ("I", "Các chỉ tiêu về kinh tế"),
            ["1", "Tốc độ tăng trưởng kinh tế (GRDP)", "%", "6,1", "6,5", "6,6", "7,0-7,5", "Sở Kế hoạch và Đầu tư"],
            ["2", "GRDP bình quân đầu người", "triệu đồng", "55", "60", "61,2", "67", "Sở Kế hoạch và Đầu tư"],
            ["3", "Tổng vốn đầu tư toàn xã hội", "tỷ đồng", "21.300", "23.000", "23.400", "25.500",
             "Sở Kế hoạch và Đầu tư"],
            ("II", "Các chỉ tiêu về xã hội và môi trường"),
            ["4", "Tỷ lệ lao động qua đào tạo", "%", "68", "70", "70,5", "≥72", "Sở Lao động - Thương binh và Xã hội"],
            ["5", "Số xã đạt chuẩn nông thôn mới (lũy kế)", "xã", "60", "68", "70", "78",
             "Sở Nông nghiệp và Phát triển nông thôn"],
            ["6", "Tỷ lệ che phủ rừng", "%", "65,2", "65,3", "65,3", "65,4", "Sở Nông nghiệp và Phát triển nông thôn"],
        ],
    ),
    tail=["II. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU", "Các sở, ngành tập trung triển khai các nhiệm vụ được giao."],
)

CAMAU = Doc(
    name="camau-2025-bang-ngang",
    head=["ỦY BAN NHÂN DÂN", "TỈNH CÀ MAU", "Số: 18/BC-UBND", "Cà Mau, ngày 10 tháng 01 năm 2025", "",
          "BÁO CÁO", "Kết quả thực hiện các chỉ tiêu năm 2024 và kế hoạch năm 2025", "",
          "Phụ lục: Kết quả và kế hoạch các chỉ tiêu"],
    table=Table(
        cols=[Col("group", width_cm=2.6), Col("indicator", width_cm=5.0), Col("unit", width_cm=1.8),
              Col("value", "actual", "2023", 2.0), Col("value", "target", "2024", 2.0),
              Col("value", "actual", "2024", 2.2), Col("value", "target", "2025", 2.0), Col("skip", width_cm=3.0)],
        header=[[("Chỉ tiêu", 2, 1), ("Đơn vị tính", 1, 1), ("Thực hiện 2023", 1, 1), ("Kế hoạch 2024", 1, 1),
                 ("Ước thực hiện 2024", 1, 1), ("Kế hoạch 2025", 1, 1), ("Ghi chú", 1, 1)]],
        body=[
            ["Kinh tế", "Giá trị sản xuất ngành thủy sản tăng so với năm trước", "%", "5,2", "5,5", "5,8", "6,0", ""],
            ["", "Sản lượng tôm nuôi thương phẩm toàn tỉnh", "tấn", "215.000", "225.000", "228.500", "235.000", ""],
            ["", "Diện tích nuôi tôm ứng dụng công nghệ cao", "ha", "2.450", "2.700", "2.760", "3.000",
             "Tăng nhờ dự án mới"],
            ["Xã hội", "Số lao động được giải quyết việc làm trong năm", "người", "33.000", "34.000", "34.600",
             "35.000", ""],
            ["", "Tỷ lệ người dân tham gia bảo hiểm y tế", "%", "92,5", "93", "93,4", "94", ""],
        ],
    ),
    tail=["Nơi nhận:", "- Như trên;", "- Lưu: VT."],
    landscape=True,
)

DOCS = [BACLIEU, TUYENQUANG, CAMAU]
META = {
    "baclieu-2025-quyetdinh-bang": {"kind": "quyet_dinh", "plan_year": 2025},
    "tuyenquang-2025-kehoach-bang": {"kind": "ke_hoach", "plan_year": 2025},
    "camau-2025-bang-ngang": {"kind": "bao_cao", "plan_year": 2025},
}


PHUYEN_TWO_COLUMNS = [
    "1. Phấn đấu tốc độ tăng trưởng kinh tế đạt từ 7% trở lên so với năm trước.",
    "2. Thu ngân sách nhà nước trên địa bàn đạt 5.400 tỷ đồng, trong đó thu nội địa chiếm phần lớn.",
    "3. Tỷ lệ hộ nghèo giảm còn dưới 2,5% theo chuẩn nghèo đa chiều của giai đoạn mới.",
    "4. Số bác sĩ trên một vạn dân đạt 12 bác sĩ; số giường bệnh đạt 32 giường bệnh trên vạn dân.",
    "5. Tỷ lệ che phủ rừng đạt 44,5% vào cuối năm; trồng mới 3.000 ha rừng tập trung.",
    "6. Tỷ lệ lao động qua đào tạo đạt 70%, trong đó có bằng cấp, chứng chỉ đạt 30%.",
    "7. Kim ngạch xuất khẩu hàng hóa đạt 420 triệu USD, tăng so với năm trước.",
    "8. Đón 5,2 triệu lượt khách du lịch; doanh thu từ du lịch đạt 9.800 tỷ đồng.",
    "9. Có thêm 6 xã đạt chuẩn nông thôn mới và 2 xã đạt chuẩn nông thôn mới nâng cao.",
    "10. Tỷ lệ trường học đạt chuẩn quốc gia đạt 75%; tỷ lệ dân số tham gia bảo hiểm y tế đạt 95%.",
]


def two_column_docx() -> bytes:
    """A plan page set in two text columns (a newsletter-like layout) under a full-width title."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    document.add_paragraph("ỦY BAN NHÂN DÂN TỈNH PHÚ YÊN - MỤC TIÊU NĂM 2025")
    sect_pr = document.sections[0]._sectPr
    cols = sect_pr.find(qn("w:cols"))
    if cols is None:
        cols = OxmlElement("w:cols")
        sect_pr.append(cols)
    cols.set(qn("w:num"), "2")
    cols.set(qn("w:space"), "720")
    for line in PHUYEN_TWO_COLUMNS:
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


def to_scan(pdf: Path, target: Path, dpi: int = 200) -> None:
    """An image-only PDF that looks scanned: grey page, slight tilt and speckle, no text layer."""
    from PIL import Image, ImageFilter

    rng = random.Random(15)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", str(pdf), f"{tmp}/p"], check=True, timeout=180)
        pages = []
        for png in sorted(Path(tmp).glob("p*.png")):
            image = Image.open(png).convert("L")
            image = image.rotate(0.4, resample=Image.BICUBIC, expand=False, fillcolor=255)
            pixels = image.load()
            w, h = image.size
            for _ in range(w * h // 400):
                x, y = rng.randrange(w), rng.randrange(h)
                pixels[x, y] = rng.choice((90, 140, 200))
            pages.append(image.filter(ImageFilter.GaussianBlur(0.5)))
        pages[0].save(target, "PDF", resolution=dpi, save_all=True, append_images=pages[1:])


def main() -> None:
    for doc in DOCS:
        path = HERE / f"{doc.name}.docx"
        path.write_bytes(build_docx(doc))
        meta = META[doc.name]
        (HERE / f"{doc.name}.json").write_text(json.dumps(expected(doc, meta), ensure_ascii=False, indent=1) + "\n",
                                               encoding="utf-8")
        pdf = to_pdf(path, HERE)
        if pdf is not None and doc is TUYENQUANG:
            to_scan(pdf, HERE / f"{doc.name}-scan.pdf")
    two = HERE / "phuyen-2025-hai-cot.docx"
    two.write_bytes(two_column_docx())
    to_pdf(two, HERE)
    print("written:", ", ".join(sorted(p.name for p in HERE.iterdir() if p.suffix in {".docx", ".pdf", ".json"})))


if __name__ == "__main__":
    main()
