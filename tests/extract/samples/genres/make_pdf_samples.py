"""Generate the PDF genre documents: a landscape LibreOffice table, two columns, a borderless table, a scan.

Run from the repository root (needs python-docx and `soffice`; `pdftoppm` and Pillow for the scan;
the drawing helpers are `../drawing.py`, shared with the table fixtures):

    PYTHONPATH=$PWD .venv/bin/python tests/extract/samples/genres/make_pdf_samples.py [kimson|hoason|longhai|vankhe|sonkhe|phuoclam|ngoclam ...]

Every document is invented (provinces, figures and wording are ours). The expected `<name>.json`
(format of the other genre samples) is written from the declarations below, never from what the
extractor reads: each value column's kind and year is declared by hand, each prose figure is
listed by hand with its attributes. Anchors (`context`) are the cell as the readers print a table
row (`a | b | c`), or the words around a prose figure on one printed line (an anchor
must not cross a line break of the PDF, which `test_genres.py` matches exactly). The scanned copy has the same expected
output as its text version: a scan that reads worse shows up as a lower score, which is the scan
gap measured by `tests/extract/test_genres_pdf.py` (the scan and its JSON are in `scans/`). Only the PDFs and JSON are committed; the DOCX
sources are built in a temporary folder.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # the shared drawing helpers in samples/

from drawing import (  # noqa: E402
    Col,
    Doc,
    Table,
    borderless,
    build_docx,
    periods_down_docx,
    periods_down_expected,
    stored_turned,
    table_expected,
    to_pdf,
    to_scan,
    two_column_docx,
)

# (a) a landscape annex table: two-row header, narrow columns so indicator and agency cells wrap
KIMSON = Doc(
    name="tinh-kimson-2025-phuluc-bang-ngang",
    head=["ỦY BAN NHÂN DÂN", "TỈNH KIM SƠN", "Số: 57/BC-UBND", "Kim Sơn, ngày 15 tháng 12 năm 2024", "",
          "BÁO CÁO", "Tình hình thực hiện kế hoạch năm 2024 và dự kiến kế hoạch năm 2025", "",
          "Phụ lục I: Các chỉ tiêu chủ yếu (kèm theo Báo cáo này)"],
    table=Table(
        cols=[Col("stt", width_cm=1.0), Col("indicator", width_cm=3.4), Col("unit", width_cm=1.7),
              Col("value", "target", "2024", 2.2), Col("value", "actual", "2024", 2.2),
              Col("value", "target", "2025", 2.4), Col("agency", width_cm=3.0), Col("skip", width_cm=3.6)],
        header=[[("STT", 1, 2), ("Chỉ tiêu", 1, 2), ("Đơn vị tính", 1, 2), ("Năm 2024", 2, 1),
                 ("Kế hoạch năm 2025", 1, 2), ("Cơ quan theo dõi", 1, 2), ("Ghi chú", 1, 2)],
                [("Kế hoạch", 1, 1), ("Ước thực hiện", 1, 1)]],
        body=[
            ["1", "Tốc độ tăng trưởng tổng sản phẩm trên địa bàn (GRDP)", "%", "7,2", "6,85", "7,4",
             "Sở Kế hoạch và Đầu tư", "Theo giá so sánh"],
            ["2", "Thu nhập bình quân đầu người của dân cư nông thôn", "triệu đồng", "48", "49,3", "53",
             "Sở Nông nghiệp và Phát triển nông thôn", ""],
            ["3", "Tổng thu ngân sách nhà nước trên địa bàn tỉnh", "tỷ đồng", "3.150", "3.322", "3.480",
             "Sở Tài chính", "Không kể thu tiền sử dụng đất"],
            ["4", "Số doanh nghiệp thành lập mới trong năm", "doanh nghiệp", "410", "436", "460",
             "Sở Kế hoạch và Đầu tư", ""],
            ["5", "Tỷ lệ trường học các cấp đạt chuẩn quốc gia", "%", "71", "72,4", "75",
             "Sở Giáo dục và Đào tạo", "Tính cả trường ngoài công lập"],
            ["6", "Tỷ lệ chất thải rắn sinh hoạt đô thị được thu gom, xử lý", "%", "93", "93,8", "95",
             "Sở Tài nguyên và Môi trường", ""],
        ],
    ),
    tail=["Nơi nhận:", "- Bộ Kế hoạch và Đầu tư;", "- Lưu: VT, TH."],
    landscape=True,
)

# (c) a department plan whose table has no ruling lines: columns only by word alignment
HOASON = Doc(
    name="so-tnmt-hoason-2025-kehoach-bang-khong-ke",
    head=["UBND TỈNH HÒA SƠN", "SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG", "Số: 112/KH-STNMT",
          "Hòa Sơn, ngày 06 tháng 01 năm 2025", "", "KẾ HOẠCH", "Công tác tài nguyên và môi trường năm 2025", "",
          "I. CHỈ TIÊU CHỦ YẾU", "Bảng dưới đây ghi kết quả năm 2024 và chỉ tiêu năm 2025 của Sở:"],
    table=Table(
        cols=[Col("stt", width_cm=1.0), Col("indicator", width_cm=6.2), Col("unit", width_cm=1.8),
              Col("value", "actual", "2024", 2.2), Col("value", "target", "2025", 2.2),
              Col("agency", width_cm=3.8)],
        header=[[("TT", 1, 1), ("Chỉ tiêu", 1, 1), ("ĐVT", 1, 1), ("Thực hiện 2024", 1, 1),
                 ("Kế hoạch 2025", 1, 1), ("Đơn vị chủ trì", 1, 1)]],
        body=[
            ["1", "Diện tích đất được đo đạc lập bản đồ địa chính", "ha", "12.400", "13.150", "Văn phòng Đăng ký đất đai"],
            ["2", "Số giấy chứng nhận quyền sử dụng đất cấp lần đầu", "giấy", "2.860", "3.100", "Văn phòng Đăng ký đất đai"],
            ["3", "Số điểm quan trắc môi trường tự động", "điểm", "14", "18", "Trung tâm Quan trắc"],
            ["4", "Tỷ lệ khu công nghiệp có hệ thống xử lý nước thải tập trung", "%", "86", "100",
             "Chi cục Bảo vệ môi trường"],
            ["5", "Số giếng khoan được trám lấp theo quy định", "giếng", "37", "45", "Phòng Tài nguyên nước"],
            ["6", "Số giấy phép khai thác khoáng sản được cấp", "giấy phép", "9", "12", "Phòng Khoáng sản"],
        ],
    ),
    tail=["II. NHIỆM VỤ TRỌNG TÂM", "Các phòng, đơn vị thuộc Sở triển khai các nhiệm vụ nêu trên.", "GIÁM ĐỐC"],
)

HOASON_META = {"kind": "ke_hoach", "number": "112/KH-STNMT", "date": "2025-01-06", "plan_year": 2025}
KIMSON_META = {"kind": "bao_cao", "number": "57/BC-UBND", "date": "2024-12-15", "plan_year": 2025}

# (b) a district resolution set in two text columns under a full-width head, as a gazette prints it
LONGHAI_HEAD = ["HỘI ĐỒNG NHÂN DÂN HUYỆN LONG HẢI - NGHỊ QUYẾT SỐ 21/NQ-HĐND NGÀY 18/12/2024",
                "Về kế hoạch phát triển kinh tế - xã hội năm 2025"]
LONGHAI_BODY = [
    "I. MỤC TIÊU CHUNG",
    "Huy động mọi nguồn lực để phát triển kinh tế nhanh và bền vững, chăm lo đời sống nhân dân.",
    "II. CÁC CHỈ TIÊU CHỦ YẾU NĂM 2025",
    "1. Giá trị sản xuất các ngành kinh tế trên địa bàn huyện tăng 9,3% so với năm 2024.",
    "2. Thu ngân sách nhà nước trên địa bàn huyện đạt 640 tỷ đồng.",
    "3. Tổng vốn đầu tư phát triển toàn xã hội đạt 2.750 tỷ đồng.",
    "4. Sản lượng lương thực có hạt đạt 61.500 tấn, giữ ổn định diện tích lúa hai vụ.",
    "5. Trồng mới 420 ha rừng tập trung; tỷ lệ che phủ rừng đạt 38,6%.",
    "6. Có thêm 3 xã đạt chuẩn nông thôn mới nâng cao.",
    "7. Tỷ lệ hộ nghèo giảm 1,4 điểm phần trăm so với cuối năm 2024.",
    "8. Giải quyết việc làm mới cho 1.850 lao động; tỷ lệ lao động qua đào tạo đạt 68%.",
    "9. Tỷ lệ dân số tham gia bảo hiểm y tế đạt 94,2%.",
    "10. Tỷ lệ hộ gia đình được sử dụng nước sạch đạt 97%.",
    "11. Số trường đạt chuẩn quốc gia tăng thêm 5 trường.",
    "III. TỔ CHỨC THỰC HIỆN",
    "Ủy ban nhân dân huyện cụ thể hóa các chỉ tiêu thành kế hoạch của từng lĩnh vực.",
    "Nghị quyết này có hiệu lực kể từ ngày thông qua.",
]
# (indicator, comparator, value, value_max, unit, number_text, context); all target 2025, no agency
LONGHAI_FIGURES = [
    ("Giá trị sản xuất các ngành kinh tế trên địa bàn huyện", "=", 9.3, None, "%", "9,3", "tăng 9,3%"),
    ("Thu ngân sách nhà nước trên địa bàn huyện", "=", 640, None, "tỷ đồng", "640", "đạt 640"),
    ("Tổng vốn đầu tư phát triển toàn xã hội", "=", 2750, None, "tỷ đồng", "2.750", "2.750 tỷ"),
    ("Sản lượng lương thực có hạt", "=", 61500, None, "tấn", "61.500", "đạt 61.500"),
    ("Trồng mới rừng tập trung", "=", 420, None, "ha", "420", "mới 420"),
    ("Tỷ lệ che phủ rừng", "=", 38.6, None, "%", "38,6", "đạt 38,6"),
    ("Xã đạt chuẩn nông thôn mới nâng cao", "=", 3, None, "xã", "3", "thêm 3 xã"),
    ("Tỷ lệ hộ nghèo giảm", "=", 1.4, None, "điểm phần trăm", "1,4", "giảm 1,4"),
    ("Giải quyết việc làm mới", "=", 1850, None, "lao động", "1.850", "cho 1.850"),
    ("Tỷ lệ lao động qua đào tạo", "=", 68, None, "%", "68", "đạt 68%"),
    ("Tỷ lệ dân số tham gia bảo hiểm y tế", "=", 94.2, None, "%", "94,2", "94,2%"),
    ("Tỷ lệ hộ gia đình được sử dụng nước sạch", "=", 97, None, "%", "97", "đạt 97"),
    ("Số trường đạt chuẩn quốc gia tăng thêm", "=", 5, None, "trường", "5", "5 trường"),
]
LONGHAI_META = {"kind": "nghi_quyet", "number": "21/NQ-HĐND", "plan_year": 2025}


def two_column_expected(document: str) -> dict[str, Any]:
    targets = [{"kind": "target", "indicator": ind, "comparator": comp, "value": value, "value_max": vmax,
                "unit": unit, "period": "2025", "agency": None, "number_text": nt, "context": ctx}
               for ind, comp, value, vmax, unit, nt, ctx in LONGHAI_FIGURES]
    return {"document": document, "meta": LONGHAI_META, "targets": targets, "assignments": [], "deadlines": []}


def _write_json(name: str, data: dict[str, Any]) -> None:
    (HERE / f"{name}.json").write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


# (d) a province's 6-month report whose annex is a ruled landscape table over two pages (header rows
# repeated on the second), a group column merged down its rows first, no agency column, a ratio
# column to skip; scanned darker and tilted the other way than the borderless one
VANKHE = Doc(
    name="tinh-vankhe-2025-baocao-6thang-bang-ke",
    head=["ỦY BAN NHÂN DÂN", "TỈNH VÂN KHÊ", "Số: 142/BC-UBND", "Vân Khê, ngày 08 tháng 7 năm 2025", "",
          "BÁO CÁO", "Tình hình thực hiện kế hoạch phát triển kinh tế - xã hội 6 tháng đầu năm 2025", "",
          "Phụ lục: Kết quả thực hiện các chỉ tiêu chủ yếu"],
    table=Table(
        cols=[Col("group", width_cm=2.4), Col("indicator", width_cm=6.4), Col("unit", width_cm=2.2),
              Col("value", "target", "2025", 2.4), Col("value", "actual", "2025", 2.4), Col("skip", width_cm=2.2),
              Col("value", "actual", "2025", 2.6), Col("skip", width_cm=3.6)],
        header=[[("Lĩnh vực", 1, 2), ("Chỉ tiêu", 1, 2), ("Đơn vị tính", 1, 2), ("Kế hoạch năm 2025", 1, 2),
                 ("6 tháng đầu năm 2025", 2, 1), ("Ước thực hiện cả năm 2025", 1, 2), ("Ghi chú", 1, 2)],
                [("Thực hiện", 1, 1), ("So với KH (%)", 1, 1)]],
        body=[
            ["Kinh tế", "Tốc độ tăng tổng sản phẩm trên địa bàn (GRDP)", "%", "8,0", "7,1", "-", "8,1", ""],
            ["", "Thu ngân sách nhà nước trên địa bàn", "tỷ đồng", "4.200", "2.315", "55,1", "4.350",
             "Đạt khá so với cùng kỳ"],
            ["", "Kim ngạch xuất khẩu hàng hóa", "triệu USD", "980", "468", "47,8", "1.010", ""],
            ["", "Tổng vốn đầu tư phát triển toàn xã hội", "tỷ đồng", "18.600", "8.240", "44,3", "18.900", ""],
            ["", "Số doanh nghiệp đăng ký thành lập mới", "doanh nghiệp", "520", "251", "48,3", "540", ""],
            ["", "Sản lượng lương thực có hạt", "tấn", "412.000", "236.800", "57,5", "415.000",
             "Vụ Đông Xuân được mùa"],
            ["Xã hội", "Số lao động được tạo việc làm mới", "lao động", "16.500", "8.920", "54,1", "17.000", ""],
            ["", "Tỷ lệ dân số tham gia bảo hiểm y tế", "%", "93,5", "91,8", "-", "93,6", ""],
            ["", "Số xã đạt chuẩn quốc gia về y tế", "xã", "118", "109", "92,4", "119", ""],
            ["", "Tỷ lệ trường mầm non đạt chuẩn quốc gia", "%", "64", "61,5", "-", "64,5", ""],
            ["Môi trường", "Tỷ lệ che phủ rừng", "%", "47,2", "46,9", "-", "47,3", ""],
            ["", "Diện tích rừng trồng mới tập trung", "ha", "6.800", "3.950", "58,1", "7.000",
             "Chủ yếu rừng sản xuất"],
            ["", "Tỷ lệ chất thải rắn sinh hoạt đô thị được thu gom", "%", "95", "94,2", "-", "95,5", ""],
        ],
        merge_group=[(0, 5), (6, 9), (10, 12)],
        repeat_header=True,
    ),
    tail=["Nơi nhận:", "- Bộ Kế hoạch và Đầu tư;", "- Lưu: VT."],
    landscape=True,
)
VANKHE_META = {"kind": "bao_cao", "number": "142/BC-UBND", "date": "2025-07-08", "plan_year": 2025}


# (e) a decision whose annex table sits on a page stored turned (portrait page, /Rotate 90, the
# content drawn a quarter-turn), as a printer driver writes a landscape page; a ratio column
SONKHE = Doc(
    name="tinh-sonkhe-2025-quyetdinh-trang-xoay",
    head=["ỦY BAN NHÂN DÂN", "TỈNH SƠN KHÊ", "Số: 2315/QĐ-UBND", "Sơn Khê, ngày 19 tháng 12 năm 2024", "",
          "QUYẾT ĐỊNH", "Giao chỉ tiêu kế hoạch phát triển kinh tế - xã hội năm 2025", "",
          "Điều 1. Giao chỉ tiêu kế hoạch năm 2025 cho các sở, ngành theo Phụ lục kèm theo."],
    table=Table(
        cols=[Col("stt", width_cm=1.0), Col("indicator", width_cm=4.2), Col("unit", width_cm=2.0),
              Col("value", "target", "2024", 2.2), Col("value", "actual", "2024", 2.2),
              Col("value", "target", "2025", 2.4), Col("skip", width_cm=2.2), Col("agency", width_cm=3.4)],
        header=[[("TT", 1, 2), ("Chỉ tiêu", 1, 2), ("ĐVT", 1, 2), ("Năm 2024", 2, 1), ("Kế hoạch năm 2025", 1, 2),
                 ("So sánh (%)", 1, 2), ("Cơ quan chủ trì", 1, 2)],
                [("Kế hoạch", 1, 1), ("Ước thực hiện", 1, 1)]],
        body=[
            ["1", "Giá trị tăng thêm ngành công nghiệp - xây dựng", "tỷ đồng", "14.000", "14.250", "15.600",
             "109,5", "Sở Công Thương"],
            ["2", "Sản lượng thủy sản nuôi trồng và khai thác", "tấn", "38.000", "38.400", "40.100", "104,4",
             "Sở Nông nghiệp và Phát triển nông thôn"],
            ["3", "Số lượt khách du lịch đến tỉnh", "lượt khách", "2.800.000", "2.870.000", "3.100.000", "108,0",
             "Sở Văn hóa, Thể thao và Du lịch"],
            ["4", "Tỷ lệ đô thị hóa", "%", "32", "31,6", "33", "104,4", "Sở Xây dựng"],
            ["5", "Số bác sĩ trên một vạn dân", "bác sĩ", "10,5", "10,4", "11", "105,8", "Sở Y tế"],
            ["6", "Tỷ lệ hộ gia đình ở đô thị sử dụng nước sạch theo quy chuẩn", "%", "93", "92", "95",
             "103,3", "Sở Xây dựng"],
        ],
    ),
    tail=["Điều 2. Quyết định này có hiệu lực kể từ ngày ký.", "CHỦ TỊCH"],
    landscape=True,
)
SONKHE_META = {"kind": "quyet_dinh", "number": "2315/QĐ-UBND", "date": "2024-12-19", "plan_year": 2025}


# (f) a district plan whose annex puts the indicators across the top (unit in brackets) and the
# years down the left column: each row is one period, each column one indicator
PHUOCLAM_NAME = "huyen-phuoclam-2025-kehoach-chi-tieu-theo-cot"
PHUOCLAM_HEAD = ["ỦY BAN NHÂN DÂN", "HUYỆN PHƯỚC LÂM", "Số: 64/KH-UBND", "Phước Lâm, ngày 03 tháng 01 năm 2025", "",
                 "KẾ HOẠCH", "Phát triển kinh tế - xã hội năm 2025", "",
                 "Phụ lục: Một số chỉ tiêu qua các năm"]
PHUOCLAM_TAIL = ["Các phòng, ban chuyên môn căn cứ kế hoạch này xây dựng kế hoạch của ngành.", "CHỦ TỊCH"]
# (indicator, unit) across the top; (row label, kind, year, figures) down the side
PHUOCLAM_INDICATORS = [("Tốc độ tăng giá trị sản xuất", "%"), ("Thu ngân sách trên địa bàn", "tỷ đồng"),
                       ("Tỷ lệ hộ nghèo", "%"), ("Số xã đạt chuẩn nông thôn mới", "xã"),
                       ("Tỷ lệ che phủ rừng", "%")]
PHUOCLAM_ROWS = [("Thực hiện năm 2023", "actual", "2023", ["8,6", "412", "6,3", "9", "51,2"]),
                 ("Ước thực hiện năm 2024", "actual", "2024", ["9,1", "455", "4,8", "11", "51,9"]),
                 ("Kế hoạch năm 2025", "target", "2025", ["9,5", "490", "3,5", "13", "52,6"])]
PHUOCLAM_META = {"kind": "ke_hoach", "number": "64/KH-UBND", "date": "2025-01-03", "plan_year": 2025}


def phuoclam_docx() -> bytes:
    """A ruled table with the indicators as columns, a corner cell "Năm", the periods as rows."""
    return periods_down_docx(PHUOCLAM_HEAD, PHUOCLAM_INDICATORS, PHUOCLAM_ROWS, PHUOCLAM_TAIL)


def phuoclam_expected(document: str) -> dict[str, Any]:
    return periods_down_expected(document, PHUOCLAM_META, PHUOCLAM_INDICATORS, PHUOCLAM_ROWS)


# (g) a department's plan whose table cells carry footnote markers set as superscripts after
# figures and after an indicator, the notes under the table
NGOCLAM = Doc(
    name="so-ldtbxh-ngoclam-2025-kehoach-chu-thich",
    head=["UBND TỈNH NGỌC LÂM", "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "Số: 27/KH-SLĐTBXH",
          "Ngọc Lâm, ngày 14 tháng 01 năm 2025", "", "KẾ HOẠCH", "Thực hiện nhiệm vụ lao động, việc làm năm 2025",
          "", "I. CHỈ TIÊU", "Các chỉ tiêu của ngành năm 2025:"],
    table=Table(
        cols=[Col("stt", width_cm=1.0), Col("indicator", width_cm=6.0), Col("unit", width_cm=2.0),
              Col("value", "actual", "2024", 2.6), Col("value", "target", "2025", 2.6),
              Col("agency", width_cm=4.0)],
        header=[[("STT", 1, 1), ("Chỉ tiêu", 1, 1), ("ĐVT", 1, 1), ("Ước thực hiện 2024", 1, 1),
                 ("Kế hoạch 2025", 1, 1), ("Đơn vị chủ trì", 1, 1)]],
        body=[
            ["1", "Số lao động được giải quyết việc làm", "lao động", "21.350^1", "22.000", "Phòng Việc làm"],
            ["2", "Số người đi làm việc ở nước ngoài theo hợp đồng", "người", "1.240", "1.400^2",
             "Phòng Việc làm"],
            ["3", "Tỷ lệ lao động qua đào tạo^3", "%", "71,5", "73", "Phòng Giáo dục nghề nghiệp"],
            ["4", "Tỷ lệ hộ nghèo theo chuẩn đa chiều", "%", "3,2^1", "2,6", "Phòng Bảo trợ xã hội"],
            ["5", "Số trẻ em có hoàn cảnh đặc biệt được trợ giúp", "trẻ em", "860", "900",
             "Phòng Trẻ em và Bình đẳng giới"],
        ],
    ),
    tail=["1 Số liệu ước đến ngày 31/12/2024.", "2 Theo chỉ tiêu Bộ giao.",
          "3 Kể cả đào tạo dưới 3 tháng.", "II. GIẢI PHÁP", "Các phòng triển khai theo chức năng.", "GIÁM ĐỐC"],
)
NGOCLAM_META = {"kind": "ke_hoach", "number": "27/KH-SLĐTBXH", "date": "2025-01-14", "plan_year": 2025}


def _pdf_of(name: str, data: bytes, turn: bool = False) -> bool:
    """Export one generated DOCX to `name.pdf` here (`turn`: stored turned, see `stored_turned`);
    False when LibreOffice is missing."""
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / f"{name}.docx").write_bytes(data)
        pdf = to_pdf(Path(tmp) / f"{name}.docx", Path(tmp))
        if pdf is None:
            return False
        (HERE / f"{name}.pdf").write_bytes(stored_turned(pdf.read_bytes()) if turn else pdf.read_bytes())
    return True


def _scan_of(doc: Doc, meta: dict[str, Any], **look: Any) -> None:
    """The scanned copy in scans/, with the expected output of its text version. Its anchors depend
    on the installed Tesseract, so it is scored by test_genres_pdf.py (a garbled anchor is a miss
    there), not by test_genres.py's exact anchors."""
    scan_name = f"{doc.name}-scan"
    (HERE / "scans").mkdir(exist_ok=True)
    to_scan(HERE / f"{doc.name}.pdf", HERE / "scans" / f"{scan_name}.pdf", **look)
    (HERE / "scans" / f"{scan_name}.json").write_text(
        json.dumps(table_expected(doc, meta, f"{scan_name}.pdf"), ensure_ascii=False, indent=1) + "\n",
        encoding="utf-8")


def make_kimson() -> None:
    if _pdf_of(KIMSON.name, build_docx(KIMSON)):
        _write_json(KIMSON.name, table_expected(KIMSON, KIMSON_META, f"{KIMSON.name}.pdf"))


def make_hoason() -> None:
    if _pdf_of(HOASON.name, borderless(build_docx(HOASON))):
        _write_json(HOASON.name, table_expected(HOASON, HOASON_META, f"{HOASON.name}.pdf"))
        _scan_of(HOASON, HOASON_META, tilt=0.3, seed=25, speckle_every=500)


def make_longhai() -> None:
    name = "huyen-longhai-2025-nghiquyet-hai-cot"
    if _pdf_of(name, two_column_docx(LONGHAI_HEAD, LONGHAI_BODY)):
        _write_json(name, two_column_expected(f"{name}.pdf"))


def make_vankhe() -> None:
    if _pdf_of(VANKHE.name, build_docx(VANKHE)):
        _write_json(VANKHE.name, table_expected(VANKHE, VANKHE_META, f"{VANKHE.name}.pdf"))
        _scan_of(VANKHE, VANKHE_META, tilt=-0.7, seed=35, speckle_every=300)


def make_sonkhe() -> None:
    if _pdf_of(SONKHE.name, build_docx(SONKHE), turn=True):
        _write_json(SONKHE.name, table_expected(SONKHE, SONKHE_META, f"{SONKHE.name}.pdf"))


def make_phuoclam() -> None:
    if _pdf_of(PHUOCLAM_NAME, phuoclam_docx()):
        _write_json(PHUOCLAM_NAME, phuoclam_expected(f"{PHUOCLAM_NAME}.pdf"))


def make_ngoclam() -> None:
    if _pdf_of(NGOCLAM.name, build_docx(NGOCLAM)):
        _write_json(NGOCLAM.name, table_expected(NGOCLAM, NGOCLAM_META, f"{NGOCLAM.name}.pdf"))


MAKERS = {"kimson": make_kimson, "hoason": make_hoason, "longhai": make_longhai, "vankhe": make_vankhe,
          "sonkhe": make_sonkhe, "phuoclam": make_phuoclam, "ngoclam": make_ngoclam}


def main(names: list[str]) -> None:
    """Make the named documents (all when none is named): regenerating one leaves the others'
    committed files as they are."""
    for key in names or list(MAKERS):
        MAKERS[key]()
    print("written:", ", ".join(sorted(p.name for p in HERE.glob("*.pdf"))))


if __name__ == "__main__":
    main(sys.argv[1:])
