"""Generate the table fixtures: DOCX files with merged headers, their LibreOffice PDFs, a scan.

Run from the repository root (needs python-docx; `soffice` for the PDFs, `pdftoppm` and Pillow
for the scanned copy; the drawing helpers are `../drawing.py`, shared with the PDF genre samples):

    .venv/bin/python tests/extract/samples/tables/make_fixtures.py

Every document is invented (provinces, figures and wording are ours). Each value column is
declared by hand below with the kind and year it stands for, and the expected `<name>.json` is
written from those declarations, never from what the extractor reads: the extractor has to work
the same out of the header text. Generated files are committed so the tests need none of the
tools above.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # the shared drawing helpers in samples/

from drawing import Col, Doc, Table, build_docx, expected, to_pdf, to_scan, two_column_docx  # noqa: E402

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
    two.write_bytes(two_column_docx(["ỦY BAN NHÂN DÂN TỈNH PHÚ YÊN - MỤC TIÊU NĂM 2025"], PHUYEN_TWO_COLUMNS,
                                    full_width_head=False))
    to_pdf(two, HERE)
    print("written:", ", ".join(sorted(p.name for p in HERE.iterdir() if p.suffix in {".docx", ".pdf", ".json"})))


if __name__ == "__main__":
    main()
