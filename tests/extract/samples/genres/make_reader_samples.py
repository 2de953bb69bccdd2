"""Reader test documents, second round (issue 15): tables turned round in DOCX, harder scans.

Run from the repository root (python-docx, and `soffice` for the PDF copies; `pdftoppm` and
Pillow for the scans):

    PYTHONPATH=$PWD .venv/bin/python tests/extract/samples/genres/make_reader_samples.py [thachlam thresholds tuning heldout]

Every document is invented (province, figures, wording are ours). The expected `<name>.json` is
written from the declarations below, never from what the extractor reads: each row's period and
kind and each column's indicator and unit are declared by hand. Anchors (`context`) are the cell
as the readers print a table row once it is turned indicator by indicator (`| 9,5 |`, the
last period's cell ending its line).
"""

from __future__ import annotations

import io
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # the shared drawing helpers in samples/

from drawing import Col, Doc, Table, build_docx, table_expected, to_pdf, to_scan  # noqa: E402

# A provincial resolution whose annex has three tables with the indicators across the top:
# (1) a corner "Năm", units in brackets in the indicator cells; (2) the units in a row of their
# own under the indicator names; (3) a group header ("Y tế", "Giáo dục") merged over the
# indicators it holds, the corner merged down two rows, and a "≥ 95" cell.
THACHLAM_HEAD = ["HỘI ĐỒNG NHÂN DÂN", "TỈNH THẠCH LAM", "Số: 45/NQ-HĐND", "Thạch Lam, ngày 10 tháng 12 năm 2025", "",
                 "NGHỊ QUYẾT", "Về kế hoạch phát triển kinh tế - xã hội năm 2026", "",
                 "Điều 1. Thông qua các chỉ tiêu chủ yếu theo các biểu kèm theo.", "Biểu 1. Kinh tế và giảm nghèo"]
THACHLAM_META = {"kind": "nghi_quyet", "number": "45/NQ-HĐND", "date": "2025-12-10", "plan_year": 2026}
# (caption above, group header or None per indicator, [(indicator, unit)], [(row label, kind, year, cells)], units row)
THACHLAM_TABLES: list[tuple[str, list[str] | None, list[tuple[str, str]], list[tuple[str, str, str, list[str]]], bool]] = [
    ("", None,
     [("Tốc độ tăng trưởng kinh tế", "%"), ("Thu ngân sách nhà nước trên địa bàn", "tỷ đồng"),
      ("Tỷ lệ hộ nghèo", "%"), ("Số xã đạt chuẩn nông thôn mới", "xã")],
     [("Thực hiện năm 2024", "actual", "2024", ["7,1", "4.260", "2,9", "58"]),
      ("Ước thực hiện năm 2025", "actual", "2025", ["7,6", "4.515", "2,2", "63"]),
      ("Kế hoạch năm 2026", "target", "2026", ["8", "4.800", "1,7", "67"])], False),
    ("Biểu 2. Sản xuất nông, lâm nghiệp", None,
     [("Diện tích gieo trồng lúa", "ha"), ("Sản lượng lương thực có hạt", "tấn"), ("Diện tích trồng rừng mới", "ha")],
     [("Thực hiện 2025", "actual", "2025", ["18.450", "96.300", "1.120"]),
      ("Kế hoạch 2026", "target", "2026", ["18.200", "97.000", "1.250"])], True),
    ("Biểu 3. Y tế và giáo dục", ["Y tế", "Y tế", "Giáo dục", "Giáo dục"],
     [("Số trạm y tế xã có bác sĩ", "trạm"), ("Tỷ lệ dân số tham gia bảo hiểm y tế", "%"),
      ("Tỷ lệ trường đạt chuẩn quốc gia", "%"), ("Số phòng học được kiên cố hóa", "phòng học")],
     [("Ước thực hiện năm 2025", "actual", "2025", ["96", "93,4", "68,5", "140"]),
      ("Kế hoạch năm 2026", "target", "2026", ["104", "≥ 95", "72", "180"])], False),
]
THACHLAM_TAIL = ["Điều 2. Nghị quyết này có hiệu lực kể từ ngày thông qua.", "CHỦ TỊCH"]


def _document() -> Any:
    import docx
    from docx.shared import Pt

    document = docx.Document()
    document.styles["Normal"].font.name = "Liberation Serif"
    document.styles["Normal"].font.size = Pt(11)
    return document


def thachlam_docx() -> bytes:
    document = _document()
    for line in THACHLAM_HEAD:
        document.add_paragraph(line)
    for caption, groups, indicators, rows, units_row in THACHLAM_TABLES:
        if caption:
            document.add_paragraph(caption)
        head_rows = 1 + (1 if groups else 0) + (1 if units_row else 0)
        table = document.add_table(rows=head_rows + len(rows), cols=1 + len(indicators))
        table.style = "Table Grid"
        r = 0
        if groups:
            corner = table.cell(0, 0).merge(table.cell(1, 0))
            corner.text = "Năm"
            c = 1
            while c <= len(groups):
                last = c
                while last < len(groups) and groups[last] == groups[c - 1]:
                    last += 1
                table.cell(0, c).merge(table.cell(0, last)).text = groups[c - 1]
                c = last + 1
            r = 1
        else:
            table.cell(0, 0).text = "Chỉ tiêu" if units_row else "Năm"
        for c, (indicator, unit) in enumerate(indicators, start=1):
            table.cell(r, c).text = indicator if units_row else f"{indicator} ({unit})"
        r += 1
        if units_row:
            table.cell(r, 0).text = "Đơn vị tính"
            for c, (_, unit) in enumerate(indicators, start=1):
                table.cell(r, c).text = unit
            r += 1
        for label, _, _, cells in rows:
            table.cell(r, 0).text = label
            for c, cell in enumerate(cells, start=1):
                table.cell(r, c).text = cell
            r += 1
    for line in THACHLAM_TAIL:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _figure(cell: str) -> tuple[str, str, float]:
    comparator = "="
    if cell.startswith("≥"):
        comparator, cell = ">=", cell[1:].strip()
    return comparator, cell, float(cell.replace(".", "").replace(",", "."))


def thachlam_expected(document: str) -> dict[str, Any]:
    targets = []
    for _, _, indicators, rows, _ in THACHLAM_TABLES:
        for c, (indicator, unit) in enumerate(indicators):
            for r, (_, kind, year, cells) in enumerate(rows):
                comparator, number, value = _figure(cells[c])
                last = r == len(rows) - 1
                written = cells[c]
                targets.append({"kind": kind, "indicator": indicator, "comparator": comparator, "value": value,
                                "value_max": None, "unit": unit, "period": year, "agency": None,
                                "number_text": number,
                                "context": f"| {written}\n" if last else f"| {written} |"})
    return {"document": document, "meta": THACHLAM_META, "targets": targets, "assignments": [], "deadlines": []}


def _write_json(name: str, data: dict[str, Any]) -> None:
    (HERE / f"{name}.json").write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def make_thachlam() -> None:
    """The DOCX (scored by test_genres.py) and its LibreOffice PDF (test_genres_pdf.py)."""
    name = "tinh-thachlam-2026-nghiquyet-bang-theo-cot"
    data = thachlam_docx()
    (HERE / f"{name}.docx").write_bytes(data)
    _write_json(name, thachlam_expected(f"{name}.docx"))
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / f"{name}-pdf.docx"
        source.write_bytes(data)
        pdf = to_pdf(source, Path(tmp))
        if pdf is not None:
            (HERE / f"{name}-pdf.pdf").write_bytes(pdf.read_bytes())
            _write_json(f"{name}-pdf", thachlam_expected(f"{name}-pdf.pdf"))


# Thresholds and footnote markers in cells, the figures a poor scan damages most: "≥ 98" and
# "≤ 1,5" (the sign read ">" / "<"), decimal commas ("12,5" read "125" at 150 dpi), a superscript
# marker glued to its figure ("12,5¹" read "12,51"). One for tuning the OCR repairs, one held out.
BAOTAN = Doc(
    name="so-congthuong-baotan-2025-kehoach-nguong",
    head=["UBND TỈNH BẢO TÂN", "SỞ CÔNG THƯƠNG", "Số: 18/KH-SCT", "Bảo Tân, ngày 09 tháng 01 năm 2025", "",
          "KẾ HOẠCH", "Phát triển công nghiệp và thương mại năm 2025", "", "I. CHỈ TIÊU",
          "Các chỉ tiêu của ngành công thương năm 2025 như sau:"],
    table=Table(
        cols=[Col("stt", width_cm=1.0), Col("indicator", width_cm=6.2), Col("unit", width_cm=2.0),
              Col("value", "actual", "2024", 2.6), Col("value", "target", "2025", 2.6),
              Col("agency", width_cm=3.6)],
        header=[[("STT", 1, 1), ("Chỉ tiêu", 1, 1), ("ĐVT", 1, 1), ("Thực hiện 2024", 1, 1),
                 ("Kế hoạch 2025", 1, 1), ("Đơn vị chủ trì", 1, 1)]],
        body=[
            ["1", "Chỉ số sản xuất công nghiệp tăng", "%", "12,5^1", "≥ 13", "Phòng Quản lý công nghiệp"],
            ["2", "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ", "tỷ đồng", "38.640", "42.500",
             "Phòng Quản lý thương mại"],
            ["3", "Kim ngạch xuất khẩu hàng hóa", "triệu USD", "1.275,4", "1.400", "Phòng Xuất nhập khẩu"],
            ["4", "Tỷ lệ hộ dân nông thôn được sử dụng điện lưới quốc gia", "%", "99,6", "≥ 99,8",
             "Phòng Năng lượng"],
            ["5", "Tổn thất điện năng trên lưới phân phối", "%", "4,8^2", "≤ 4,5", "Phòng Năng lượng"],
            ["6", "Số chợ nông thôn được cải tạo, nâng cấp", "chợ", "14", "18", "Phòng Quản lý thương mại"],
        ],
    ),
    tail=["1 Theo giá so sánh.", "2 Số liệu của Công ty Điện lực tỉnh.", "II. GIẢI PHÁP",
          "Các phòng chuyên môn triển khai theo chức năng, nhiệm vụ.", "GIÁM ĐỐC"],
)
BAOTAN_META = {"kind": "ke_hoach", "number": "18/KH-SCT", "date": "2025-01-09", "plan_year": 2025}
TANHA = Doc(
    name="huyen-tanha-2025-baocao-y-te-nguong",
    head=["ỦY BAN NHÂN DÂN", "HUYỆN TÂN HÀ", "Số: 203/BC-UBND", "Tân Hà, ngày 20 tháng 12 năm 2024", "",
          "BÁO CÁO", "Kết quả công tác y tế năm 2024 và nhiệm vụ năm 2025", "",
          "Phụ lục: Các chỉ tiêu y tế, dân số"],
    table=Table(
        cols=[Col("stt", width_cm=1.0), Col("indicator", width_cm=6.4), Col("unit", width_cm=2.2),
              Col("value", "actual", "2024", 2.6), Col("value", "target", "2025", 2.6), Col("skip", width_cm=3.2)],
        header=[[("TT", 1, 1), ("Chỉ tiêu", 1, 1), ("Đơn vị tính", 1, 1), ("Ước thực hiện năm 2024", 1, 1),
                 ("Kế hoạch năm 2025", 1, 1), ("Ghi chú", 1, 1)]],
        body=[
            ["1", "Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ", "%", "96,2^1", "≥ 97", ""],
            ["2", "Tỷ suất sinh thô", "‰", "15,8", "≤ 15,5", "Giảm dần"],
            ["3", "Tỷ lệ suy dinh dưỡng thể thấp còi ở trẻ em dưới 5 tuổi", "%", "18,7", "≤ 18", ""],
            ["4", "Số giường bệnh trên 1 vạn dân", "giường bệnh", "27,4^2", "28,5", "Kể cả y tế tư nhân"],
            ["5", "Tỷ lệ dân số được quản lý sức khỏe", "%", "88,5", "≥ 90", ""],
            ["6", "Số xã đạt Bộ tiêu chí quốc gia về y tế", "xã", "17", "19", ""],
        ],
    ),
    tail=["1 Số liệu đến hết tháng 11.", "2 Theo số giường thực kê.", "Nơi nhận:", "- Sở Y tế;", "- Lưu: VT."],
)
TANHA_META = {"kind": "bao_cao", "number": "203/BC-UBND", "date": "2024-12-20", "plan_year": 2025}

# A LibreOffice landscape annex over two pages: abbreviated merged headers ("Năm 2025" over
# "KH | TH", "Năm 2026" over "KH"), indicator and agency cells wrapping over 2-3 lines, the header
# repeated on the second page (w:tblHeader), a row group ("II") and agency cells merged down.
_HAMLONG_ROWS = [
    ("Tốc độ tăng trưởng tổng sản phẩm trên địa bàn tỉnh theo giá so sánh", "%", "7,5", "7,8", "8", "Sở Tài chính"),
    ("Thu ngân sách nhà nước trên địa bàn (không kể thu tiền sử dụng đất)", "tỷ đồng", "5.600", "5.912", "6.200",
     "Sở Tài chính"),
    ("Tổng vốn đầu tư phát triển toàn xã hội trên địa bàn", "tỷ đồng", "31.000", "31.850", "34.500", "Sở Tài chính"),
    ("Giá trị sản xuất nông, lâm nghiệp và thủy sản tăng so với năm trước", "%", "3,2", "3,4", "3,5",
     "Sở Nông nghiệp và Môi trường"),
    ("Tỷ lệ che phủ rừng (kể cả cây phân tán)", "%", "52,5", "52,6", "53", "Sở Nông nghiệp và Môi trường"),
    ("Số xã đạt chuẩn nông thôn mới nâng cao trong năm", "xã", "4", "5", "9", "Sở Nông nghiệp và Môi trường"),
    ("Tỷ lệ chất thải rắn sinh hoạt ở đô thị được thu gom, xử lý đúng quy định", "%", "94", "94,6", "96",
     "Sở Xây dựng"),
    ("Số khách du lịch đến tỉnh trong năm", "lượt khách", "1.850.000", "1.920.000", "2.100.000",
     "Sở Văn hóa, Thể thao và Du lịch"),
    ("Tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ", "%", "31", "31,5", "33", "Sở Nội vụ"),
    ("Số lao động được tạo việc làm mới trong năm", "lao động", "21.000", "21.640", "22.500", "Sở Nội vụ"),
    ("Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều giai đoạn 2026-2030", "%", "3,8", "3,3", "2,8", "Sở Nội vụ"),
    ("Số bác sĩ trên một vạn dân tại các cơ sở y tế công lập", "bác sĩ", "10,5", "11,4", "12", "Sở Y tế"),
    ("Tỷ lệ dân số tham gia bảo hiểm y tế trên tổng dân số", "%", "94,5", "94,8", "95,5", "Sở Y tế"),
    ("Tỷ lệ trường mầm non và phổ thông đạt chuẩn quốc gia", "%", "66", "67,2", "70", "Sở Giáo dục và Đào tạo"),
    ("Số phòng học được xây mới, cải tạo và kiên cố hóa", "phòng học", "210", "226", "240",
     "Sở Giáo dục và Đào tạo"),
]
HAMLONG = Doc(
    name="tinh-hamlong-2026-quyetdinh-phuluc-kh-th",
    head=["ỦY BAN NHÂN DÂN", "TỈNH HÀM LONG", "Số: 3107/QĐ-UBND", "Hàm Long, ngày 22 tháng 12 năm 2025", "",
          "QUYẾT ĐỊNH", "Về việc giao chỉ tiêu kế hoạch phát triển kinh tế - xã hội năm 2026", "",
          "Phụ lục: Chỉ tiêu chủ yếu (kèm theo Quyết định này)"],
    table=Table(
        cols=[Col("stt", width_cm=1.0), Col("indicator", width_cm=4.2), Col("unit", width_cm=1.8),
              Col("value", "target", "2025", 2.0), Col("value", "actual", "2025", 2.0),
              Col("value", "target", "2026", 2.0), Col("agency", width_cm=3.0), Col("skip", width_cm=3.0)],
        header=[[("TT", 1, 2), ("Chỉ tiêu", 1, 2), ("ĐVT", 1, 2), ("Năm 2025", 2, 1), ("Năm 2026", 1, 1),
                 ("Cơ quan chủ trì theo dõi", 1, 2), ("Ghi chú", 1, 2)],
                [("KH", 1, 1), ("TH", 1, 1), ("KH", 1, 1)]],
        body=[[str(i + 1), ind, unit, a, b, c, agency, "HĐND tỉnh giao" if i % 2 else "UBND tỉnh giao"] for i, (ind, unit, a, b, c, agency) in enumerate(_HAMLONG_ROWS)],
        repeat_header=True,
    ),
    tail=["Nơi nhận:", "- Như Điều 3;", "- Lưu: VT, KT."],
    landscape=True,
)
HAMLONG_META = {"kind": "quyet_dinh", "number": "3107/QĐ-UBND", "date": "2025-12-22", "plan_year": 2026}


def make_hamlong() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / f"{HAMLONG.name}.docx"
        source.write_bytes(build_docx(HAMLONG))
        pdf = to_pdf(source, Path(tmp))
        if pdf is not None:
            (HERE / f"{HAMLONG.name}.pdf").write_bytes(pdf.read_bytes())
            _write_json(HAMLONG.name, table_expected(HAMLONG, HAMLONG_META, f"{HAMLONG.name}.pdf"))


# Harsh scans (150 dpi, tilted up to 1.5°, speckled, blurred, JPEG): a tuning set the OCR repairs
# may be tuned on, and a held-out set only scored at the end (`benchmarks/scan_gap.py`). Each entry:
# (folder of the text PDF, its name, tilt in degrees, seed).
HARSH: dict[str, Any] = {"dpi": 150, "speckle_every": 150, "blur": 0.6, "jpeg_quality": 45}
TUNING = [("genres", "so-congthuong-baotan-2025-kehoach-nguong", 1.5, 31),
          ("genres", "so-ldtbxh-ngoclam-2025-kehoach-chu-thich", -1.2, 32),
          ("genres", "tinh-kimson-2025-phuluc-bang-ngang", 1.0, 33)]
HARSHER: dict[str, Any] = {**HARSH, "speckle_every": 120, "blur": 0.8, "jpeg_quality": 35}
TUNING_HARSHER = [("genres", "so-congthuong-baotan-2025-kehoach-nguong", -1.5, 7),
                  ("genres", "so-ldtbxh-ngoclam-2025-kehoach-chu-thich", 1.5, 8),
                  ("genres", "tinh-kimson-2025-phuluc-bang-ngang", -1.5, 9)]
HELD_OUT = [("genres", "huyen-tanha-2025-baocao-y-te-nguong", 1.5, 41),
            ("genres", "so-tnmt-hoason-2025-kehoach-bang-khong-ke", -1.5, 42),
            ("genres", "tinh-vankhe-2025-baocao-6thang-bang-ke", 1.3, 43),
            ("genres", "huyen-phuoclam-2025-kehoach-chi-tieu-theo-cot", -1.0, 44),
            ("genres", "tinh-sonkhe-2025-quyetdinh-trang-xoay", 1.5, 45),
            ("genres", "huyen-longhai-2025-nghiquyet-hai-cot", -1.3, 46),
            ("genres", "tinh-thachlam-2026-nghiquyet-bang-theo-cot-pdf", 1.2, 47),
            ("tables", "baclieu-2025-quyetdinh-bang", -1.4, 48),
            ("tables", "camau-2025-bang-ngang", 0.8, 49)]


def make_threshold_tables() -> None:
    for doc, meta in ((BAOTAN, BAOTAN_META), (TANHA, TANHA_META)):
        with tempfile.TemporaryDirectory() as tmp:
            source = Path(tmp) / f"{doc.name}.docx"
            source.write_bytes(build_docx(doc))
            pdf = to_pdf(source, Path(tmp))
            if pdf is not None:
                (HERE / f"{doc.name}.pdf").write_bytes(pdf.read_bytes())
                _write_json(doc.name, table_expected(doc, meta, f"{doc.name}.pdf"))


def make_harsh_scans(which: str) -> None:
    """`scans-harsh/<which>/<name>-h150.pdf` with the text version's expected output, and
    `<name>-text.json` scoring the text version it was made from (the gap's other side)."""
    out = HERE / "scans-harsh" / which
    out.mkdir(parents=True, exist_ok=True)
    entries = ([(e, HARSH, "") for e in TUNING] + [(e, HARSHER, "-b") for e in TUNING_HARSHER]
               if which == "tuning" else [(e, HARSH, "") for e in HELD_OUT])
    for (folder, name, tilt, seed), look, variant in entries:
        source = HERE.parent / folder / f"{name}.pdf"
        gold = json.loads((HERE.parent / folder / f"{name}.json").read_text(encoding="utf-8"))
        for target in gold["targets"]:  # the table fixtures have no anchors: the cell as a row prints it
            target.setdefault("context", f"| {target['number_text']} |")
        to_scan(source, out / f"{name}{variant}-h150.pdf", tilt=tilt, seed=seed, **look)
        for suffix, document in (("-h150", f"{name}{variant}-h150.pdf"), ("-text", f"../../../{folder}/{name}.pdf")):
            (out / f"{name}{variant}{suffix}.json").write_text(
                json.dumps({**gold, "document": document}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


MAKERS = {"thachlam": make_thachlam, "thresholds": make_threshold_tables, "hamlong": make_hamlong,
          "tuning": lambda: make_harsh_scans("tuning"), "heldout": lambda: make_harsh_scans("heldout")}


def main(names: list[str]) -> None:
    for key in names or list(MAKERS):
        MAKERS[key]()


if __name__ == "__main__":
    main(sys.argv[1:])
