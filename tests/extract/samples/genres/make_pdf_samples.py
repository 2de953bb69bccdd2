"""Generate the PDF genre documents: a landscape LibreOffice table, two columns, a borderless table, a scan.

Run from the repository root (needs python-docx and `soffice`; `pdftoppm` and Pillow for the scan;
the drawing helpers are `../drawing.py`, shared with the table fixtures):

    PYTHONPATH=$PWD .venv/bin/python tests/extract/samples/genres/make_pdf_samples.py

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


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        sources = {
            KIMSON.name: build_docx(KIMSON),
            HOASON.name: borderless(build_docx(HOASON)),
            "huyen-longhai-2025-nghiquyet-hai-cot": two_column_docx(LONGHAI_HEAD, LONGHAI_BODY),
        }
        for name, data in sources.items():
            (out / f"{name}.docx").write_bytes(data)
            pdf = to_pdf(out / f"{name}.docx", out)
            if pdf is None:
                return
            (HERE / f"{name}.pdf").write_bytes(pdf.read_bytes())
    _write_json(KIMSON.name, table_expected(KIMSON, KIMSON_META, f"{KIMSON.name}.pdf"))
    _write_json(HOASON.name, table_expected(HOASON, HOASON_META, f"{HOASON.name}.pdf"))
    _write_json("huyen-longhai-2025-nghiquyet-hai-cot", two_column_expected("huyen-longhai-2025-nghiquyet-hai-cot.pdf"))
    # The scan lives in scans/: its anchors depend on the installed Tesseract, so it is scored by
    # test_genres_pdf.py (a garbled anchor is a miss there), not by test_genres.py's exact anchors.
    scan_name = f"{HOASON.name}-scan"
    (HERE / "scans").mkdir(exist_ok=True)
    to_scan(HERE / f"{HOASON.name}.pdf", HERE / "scans" / f"{scan_name}.pdf", tilt=0.3, seed=25, speckle_every=500)
    (HERE / "scans" / f"{scan_name}.json").write_text(
        json.dumps(table_expected(HOASON, HOASON_META, f"{scan_name}.pdf"), ensure_ascii=False, indent=1) + "\n",
        encoding="utf-8")
    print("written:", ", ".join(sorted(p.name for p in HERE.glob("*.pdf"))))


if __name__ == "__main__":
    main()
