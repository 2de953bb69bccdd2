"""Generate the DOCX documents of the third genre set and their expected JSON (needs python-docx).

Run from the repository root:

    .venv/bin/python tests/extract/samples/genres3/make_samples.py

Both documents are invented (provinces, figures and wording are ours), written with their expected
targets before the extractor was run on them:

- `thongke-binhloc-2026-thang10-baocao.docx`: a provincial statistics office's monthly report. Prose
  full of results (`ước tăng`, `tăng1,36%` with the space dropped, `(-0,99%)`, `điểm phần trăm`,
  `vượt 12% dự toán`, `giá so sánh năm 2010`, `so với tháng 12 năm 2025`), then a table whose header
  has cells merged down over two rows and a `So với cùng kỳ năm trước (%)` cell merged across its
  two ratio columns. Every figure is a result of 2026; none is a target.
- `huyen-hungthanh-2026-baocao-tongket-bieu.docx`: a district's year-end report, `Phần I` results of
  2026 and `Phần II` the plan for 2027 in prose, then an annex `Biểu số 01` with `Thực hiện 2025 |
  Năm 2026 (Kế hoạch, Ước TH) | Kế hoạch 2027 | So sánh (%)` columns (two-row merged header) and
  group rows `I | Kinh tế`.

The expected targets are declared by hand below, never read back from the extractor; the generated
files are committed so the tests need no python-docx run.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import docx
from docx.shared import Pt

HERE = Path(__file__).resolve().parent


def _target(kind: str, comparator: str, value: float, unit: str, period: str, agency: str | None,
            number_text: str, context: str, indicator: str, value_max: float | None = None) -> dict[str, Any]:
    return {"kind": kind, "indicator": indicator, "comparator": comparator, "value": value, "value_max": value_max,
            "unit": unit, "period": period, "agency": agency, "number_text": number_text, "context": context}


def _num(s: str) -> float:
    return float(s.replace(".", "").replace(",", "."))


def _save(document: Any, name: str, expected: dict[str, Any]) -> None:
    out = io.BytesIO()
    document.save(out)
    (HERE / f"{name}.docx").write_bytes(out.getvalue())
    (HERE / f"{name}.json").write_text(json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


# --- a statistics office's monthly report -------------------------------------------------------

NAME_A = "thongke-binhloc-2026-thang10-baocao"

# (paragraph, expected results in it: comparator, value, unit, number_text, context, indicator)
PROSE_A = [
    ("1. Sản xuất nông nghiệp", []),
    ("Tính đến ngày 25/10/2026, toàn tỉnh thu hoạch được 38.640 ha lúa mùa, đạt 92,3% diện tích gieo cấy; "
     "năng suất ước đạt 52,8 tạ/ha, tăng 0,6 tạ/ha so với vụ mùa năm 2025.",
     [("=", 38640, "ha", "38.640", "được 38.640", "Diện tích lúa mùa thu hoạch"),
      ("=", 92.3, "%", "92,3", "đạt 92,3", "Tỷ lệ diện tích lúa mùa đã thu hoạch"),
      ("=", 52.8, "tạ/ha", "52,8", "ước đạt 52,8", "Năng suất lúa mùa"),
      ("=", 0.6, "tạ/ha", "0,6", "tăng 0,6", "Mức tăng năng suất lúa mùa")]),
    ("2. Sản xuất công nghiệp", []),
    ("Chỉ số sản xuất công nghiệp (IIP) tháng 10 ước tăng1,36% so với tháng trước và tăng 8,05% so với cùng kỳ "
     "năm trước; tính chung 10 tháng, IIP tăng 7,42%, trong đó ngành chế biến, chế tạo tăng 9,1%, sản xuất và "
     "phân phối điện tăng 4,3%, khai khoáng (-0,99%).",
     [("=", 1.36, "%", "1,36", "tăng1,36", "IIP tháng 10 so với tháng trước"),
      ("=", 8.05, "%", "8,05", "tăng 8,05", "IIP tháng 10 so với cùng kỳ"),
      ("=", 7.42, "%", "7,42", "tăng 7,42", "IIP 10 tháng"),
      ("=", 9.1, "%", "9,1", "tăng 9,1", "IIP ngành chế biến, chế tạo"),
      ("=", 4.3, "%", "4,3", "tăng 4,3", "IIP ngành sản xuất và phân phối điện"),
      ("=", -0.99, "%", "-0,99", "(-0,99%)", "IIP ngành khai khoáng")]),
    ("3. Giá cả", []),
    ("Chỉ số giá tiêu dùng (CPI) tháng 10/2026 tăng 0,21% so với tháng trước, tăng 3,48% so với tháng 12 năm "
     "2025; bình quân 10 tháng, CPI tăng 3,36% so với cùng kỳ.",
     [("=", 0.21, "%", "0,21", "tăng 0,21", "CPI tháng 10 so với tháng trước"),
      ("=", 3.48, "%", "3,48", "tăng 3,48", "CPI tháng 10 so với tháng 12 năm trước"),
      ("=", 3.36, "%", "3,36", "tăng 3,36", "CPI bình quân 10 tháng")]),
    ("4. Thu, chi ngân sách", []),
    ("Thu ngân sách nhà nước trên địa bàn 10 tháng ước đạt 8.734,5 tỷ đồng, vượt 12% dự toán năm; chi ngân sách "
     "địa phương ước 9.120 tỷ đồng, bằng 71,4% dự toán.",
     [("=", 8734.5, "tỷ đồng", "8.734,5", "ước đạt 8.734,5", "Thu ngân sách nhà nước trên địa bàn 10 tháng"),
      ("=", 12, "%", "12", "vượt 12%", "Mức vượt dự toán thu ngân sách"),
      ("=", 9120, "tỷ đồng", "9.120", "ước 9.120", "Chi ngân sách địa phương 10 tháng"),
      ("=", 71.4, "%", "71,4", "bằng 71,4", "Chi ngân sách so với dự toán")]),
    ("5. Lao động, việc làm", []),
    ("Tỷ lệ thất nghiệp khu vực thành thị quý III ước 2,41%, giảm 0,12 điểm phần trăm so với cùng kỳ.",
     [("=", 2.41, "%", "2,41", "ước 2,41", "Tỷ lệ thất nghiệp khu vực thành thị quý III"),
      ("=", 0.12, "điểm phần trăm", "0,12", "giảm 0,12", "Mức giảm tỷ lệ thất nghiệp khu vực thành thị")]),
]

# indicator, unit, estimate of the month, total of 10 months, ratio month, ratio 10 months
ROWS_A = [
    ("Giá trị sản xuất công nghiệp (giá so sánh năm 2010)", "tỷ đồng", "4.215,8", "39.602", "108,1", "107,5"),
    ("Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng", "tỷ đồng", "3.872", "36.904,2", "112,6", "111,9"),
    ("Kim ngạch xuất khẩu hàng hóa", "triệu USD", "215,3", "1.987", "106,4", "104,8"),
    ("Vốn đầu tư thực hiện từ nguồn ngân sách nhà nước", "tỷ đồng", "612", "4.950", "95,2", "97,3"),
    ("Khách du lịch lưu trú", "nghìn lượt", "84,5", "812", "115,0", "113,2"),
]


def build_a() -> None:
    document = docx.Document()
    document.styles["Normal"].font.size = Pt(12)
    for line in ("CỤC THỐNG KÊ TỈNH BÌNH LỘC", "Số: 142/BC-CTK", "Bình Lộc, ngày 06 tháng 11 năm 2026", "",
                 "BÁO CÁO", "Tình hình kinh tế - xã hội tháng 10 và 10 tháng năm 2026", "",
                 "I. TÌNH HÌNH CÁC NGÀNH, LĨNH VỰC"):
        document.add_paragraph(line)
    targets = []
    for text, expected in PROSE_A:
        document.add_paragraph(text)
        for comparator, value, unit, number_text, context, indicator in expected:
            targets.append(_target("actual", comparator, value, unit, "2026", None, number_text, context, indicator))
    document.add_paragraph("II. MỘT SỐ CHỈ TIÊU KINH TẾ CHỦ YẾU THÁNG 10 NĂM 2026")
    table = document.add_table(rows=2 + len(ROWS_A), cols=6)
    table.style = "Table Grid"
    for c, text in ((0, "Chỉ tiêu"), (1, "Đơn vị tính"), (2, "Ước tính tháng 10/2026"), (3, "Cộng dồn 10 tháng")):
        table.cell(0, c).merge(table.cell(1, c)).text = text
    table.cell(0, 4).merge(table.cell(0, 5)).text = "So với cùng kỳ năm trước (%)"
    table.cell(1, 4).text = "Tháng 10"
    table.cell(1, 5).text = "10 tháng"
    for i, row in enumerate(ROWS_A):
        for c, text in enumerate(row):
            table.cell(2 + i, c).text = text
        for c, suffix in ((2, " tháng 10"), (3, " 10 tháng")):
            context = " | ".join(row[c:c + 2])  # the value cell and its neighbour: unique in the text
            targets.append(_target("actual", "=", _num(row[c]), row[1], "2026", None, row[c], context, row[0] + suffix))
    document.add_paragraph("(*) Số liệu tháng 10 là số ước tính; số liệu cộng dồn đã cập nhật số chính thức các tháng trước.")
    for line in ("Nơi nhận:", "- Tổng cục Thống kê;", "- Thường trực Tỉnh ủy;", "- Lưu: VT, TKTH.", "CỤC TRƯỞNG",
                 "Nguyễn Văn Thành"):
        document.add_paragraph(line)
    _save(document, NAME_A, {"document": f"{NAME_A}.docx",
                             "meta": {"kind": "bao_cao", "number": "142/BC-CTK", "date": "2026-11-06"},
                             "targets": targets, "assignments": [], "deadlines": []})


# --- a district's year-end report with a plan annex -----------------------------------------------

NAME_B = "huyen-hungthanh-2026-baocao-tongket-bieu"

# (paragraph, expected: kind, comparator, value, value_max, unit, period, number_text, context, indicator)
PROSE_B = [
    ("Phần I. KẾT QUẢ THỰC HIỆN KẾ HOẠCH NĂM 2026", []),
    ("1. Kinh tế", []),
    ("Tổng giá trị sản xuất (giá so sánh năm 2010) ước đạt 13.620 tỷ đồng, tăng 9,1% so với năm 2025. Thu ngân sách "
     "nhà nước trên địa bàn ước đạt 455,2 tỷ đồng, vượt 5,9% dự toán tỉnh giao.",
     [("actual", "=", 13620, None, "tỷ đồng", "2026", "13.620", "ước đạt 13.620", "Tổng giá trị sản xuất"),
      ("actual", "=", 9.1, None, "%", "2026", "9,1", "tăng 9,1", "Tốc độ tăng tổng giá trị sản xuất"),
      ("actual", "=", 455.2, None, "tỷ đồng", "2026", "455,2", "ước đạt 455,2", "Thu ngân sách nhà nước trên địa bàn"),
      ("actual", "=", 5.9, None, "%", "2026", "5,9", "vượt 5,9", "Mức vượt dự toán thu ngân sách")]),
    ("2. Văn hóa - xã hội", []),
    ("Tỷ lệ hộ nghèo giảm còn 3,72%, giảm 1,13 điểm phần trăm so với năm 2025; 76,2% trường học đạt chuẩn quốc gia.",
     [("actual", "=", 3.72, None, "%", "2026", "3,72", "còn 3,72", "Tỷ lệ hộ nghèo"),
      ("actual", "=", 1.13, None, "điểm phần trăm", "2026", "1,13", "giảm 1,13", "Mức giảm tỷ lệ hộ nghèo"),
      ("actual", "=", 76.2, None, "%", "2026", "76,2", "; 76,2%", "Tỷ lệ trường học đạt chuẩn quốc gia")]),
    ("Phần II. KẾ HOẠCH NĂM 2027", []),
    ("1. Chỉ tiêu chủ yếu", []),
    ("Tổng giá trị sản xuất tăng từ 9% đến 9,5%; thu ngân sách nhà nước trên địa bàn không dưới 480 tỷ đồng; tỷ lệ "
     "hộ nghèo giảm xuống dưới 3%; có thêm 2 xã đạt chuẩn nông thôn mới nâng cao.",
     [("target", "between", 9, 9.5, "%", "2027", "9", "từ 9% đến 9,5%", "Tốc độ tăng tổng giá trị sản xuất"),
      ("target", ">=", 480, None, "tỷ đồng", "2027", "480", "không dưới 480", "Thu ngân sách nhà nước trên địa bàn"),
      ("target", "<", 3, None, "%", "2027", "3", "dưới 3%", "Tỷ lệ hộ nghèo"),
      ("target", "=", 2, None, "xã", "2027", "2", "thêm 2 xã", "Số xã đạt chuẩn nông thôn mới nâng cao tăng thêm")]),
    ("2. Tổ chức thực hiện", []),
    ("Các cơ quan, đơn vị báo cáo kết quả thực hiện về Ủy ban nhân dân huyện trước ngày 15/01/2027.", []),
]

# group or (ref, indicator, unit, TH 2025, KH 2026, ƯTH 2026, KH 2027, ratio, ratio)
ROWS_B: list[tuple[str, ...]] = [
    ("I", "Kinh tế"),
    ("1", "Tổng giá trị sản xuất (giá so sánh năm 2010)", "tỷ đồng", "12.480", "13.500", "13.640", "14.850", "109,3", "108,9"),
    ("2", "Thu ngân sách nhà nước trên địa bàn", "tỷ đồng", "412,6", "430", "455,8", "482", "110,5", "105,7"),
    ("3", "Diện tích lúa cả năm", "ha", "8.120", "8.000", "8.065", "7.950", "99,3", "98,6"),
    ("II", "Xã hội"),
    ("4", "Tỷ lệ hộ nghèo", "%", "4,85", "3,9", "3,71", "2,9", "-", "-"),
    ("5", "Số xã đạt chuẩn nông thôn mới nâng cao", "xã", "4", "6", "7", "9", "175,0", "128,6"),
    ("6", "Tỷ lệ trường đạt chuẩn quốc gia", "%", "71,4", "75", "76,5", "80,5", "-", "-"),
]
COLUMNS_B = ((3, "actual", "2025"), (4, "target", "2026"), (5, "actual", "2026"), (6, "target", "2027"))


def build_b() -> None:
    document = docx.Document()
    document.styles["Normal"].font.size = Pt(12)
    for line in ("ỦY BAN NHÂN DÂN", "HUYỆN HƯNG THẠNH", "Số: 215/BC-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                 "Độc lập - Tự do - Hạnh phúc", "Hưng Thạnh, ngày 10 tháng 12 năm 2026", "", "BÁO CÁO",
                 "Tình hình thực hiện kế hoạch phát triển kinh tế - xã hội năm 2026 và kế hoạch năm 2027", ""):
        document.add_paragraph(line)
    targets = []
    for text, expected in PROSE_B:
        document.add_paragraph(text)
        for kind, comparator, value, value_max, unit, period, number_text, context, indicator in expected:
            targets.append(_target(kind, comparator, value, unit, period, None, number_text, context, indicator,
                                   value_max))
    for line in ("Nơi nhận:", "- Ủy ban nhân dân tỉnh;", "- Thường trực Huyện ủy;", "- Lưu: VT.",
                 "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Đỗ Quang Vinh", "",
                 "Biểu số 01", "MỘT SỐ CHỈ TIÊU CHỦ YẾU NĂM 2026 VÀ KẾ HOẠCH NĂM 2027",
                 "(Kèm theo Báo cáo số 215/BC-UBND ngày 10/12/2026 của Ủy ban nhân dân huyện)"):
        document.add_paragraph(line)
    table = document.add_table(rows=2 + len(ROWS_B), cols=9)
    table.style = "Table Grid"
    for c, text in ((0, "TT"), (1, "Chỉ tiêu"), (2, "ĐVT"), (3, "Thực hiện 2025"), (6, "Kế hoạch 2027")):
        table.cell(0, c).merge(table.cell(1, c)).text = text
    table.cell(0, 4).merge(table.cell(0, 5)).text = "Năm 2026"
    table.cell(1, 4).text = "Kế hoạch"
    table.cell(1, 5).text = "Ước TH"
    table.cell(0, 7).merge(table.cell(0, 8)).text = "So sánh (%)"
    table.cell(1, 7).text = "ƯTH 2026/TH 2025"
    table.cell(1, 8).text = "KH 2027/ƯTH 2026"
    for i, row in enumerate(ROWS_B):
        r = 2 + i
        if len(row) == 2:
            table.cell(r, 0).text = row[0]
            table.cell(r, 1).merge(table.cell(r, 8)).text = row[1]
            continue
        for c, text in enumerate(row):
            table.cell(r, c).text = text
        for c, kind, year in COLUMNS_B:
            context = " | ".join(row[c:c + 2])  # the value cell and the next one: unique in the text
            targets.append(_target(kind, "=", _num(row[c]), row[2], year, None, row[c], context, row[1]))
    _save(document, NAME_B, {"document": f"{NAME_B}.docx",
                             "meta": {"kind": "bao_cao", "number": "215/BC-UBND", "date": "2026-12-10",
                                      "plan_year": 2027},
                             "targets": targets, "assignments": [],
                             "deadlines": [{"rule": "once", "date": "2027-01-15", "day": None}]})


if __name__ == "__main__":
    build_a()
    build_b()
