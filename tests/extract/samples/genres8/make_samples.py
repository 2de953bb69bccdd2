"""Generate the eighth genre set's DOCX, PDF and scan, and every expected JSON of the set.

Run from the repository root (needs python-docx, LibreOffice, pdftoppm and Pillow):

    PYTHONPATH=$PWD .venv/bin/python tests/extract/samples/genres8/make_samples.py

The documents are invented (provinces, figures and wording are ours); the two text documents
(`so-yte-ngockhe-...txt`, `tinh-mailinh-...txt`) are written by hand beside this script:

- `huyen-dongque-2029-baocao-6thang.docx`: a district People's Committee's six-month report, results
  in prose (`cùng kỳ`, `đạt x% kế hoạch`) under `I. KẾT QUẢ THỰC HIỆN 6 THÁNG ĐẦU NĂM 2029`, one table
  `Chỉ tiêu | ĐVT | Kế hoạch năm | Thực hiện 6 tháng | So với KH (%)`, the second half's tasks under
  `II. NHIỆM VỤ, GIẢI PHÁP 6 THÁNG CUỐI NĂM` (no year in the heading);
- `tinh-tuongan-2029-kehoach-chitieu-ngang.pdf`: a landscape table exported by LibreOffice, cells
  wrapping over two or three lines, a two-row header `Thực hiện năm 2028 | Kế hoạch năm 2029` (the
  latter over `Cả năm | 6 tháng đầu năm`) and an agency column `Cơ quan chủ trì`;
- `...-scan.pdf`: an image-only copy of it (200 dpi, tilted, specks), expected to give the same figures.

The expected targets are declared by hand below (each table column's kind and year, each prose figure
with its attributes), never read back from the extractor. The generated files are committed so the
tests do not need python-docx or LibreOffice.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # the shared drawing helpers in samples/

from drawing import Col, Doc, Table, build_docx, to_pdf, to_scan  # noqa: E402
from drawing import expected_target as t  # noqa: E402

# ---------------------------------------------------------------------------------------------- district DOCX
DQ_NAME = "huyen-dongque-2029-baocao-6thang"
DQ_ROWS = [
    # STT, indicator, unit, plan for the year, done in six months, share of plan (a ratio: no figure)
    ["1", "Giá trị sản xuất nông, lâm nghiệp và thủy sản", "tỷ đồng", "2.680", "1.264", "47,2"],
    ["2", "Thu ngân sách nhà nước trên địa bàn", "tỷ đồng", "175", "96,8", "55,3"],
    ["3", "Số lao động được tạo việc làm mới", "người", "2.200", "1.150", "52,3"],
    ["4", "Tỷ lệ dân số tham gia bảo hiểm y tế", "%", "94,5", "93,6", "99,0"],
    ["5", "Số trường đạt chuẩn quốc gia", "trường", "44", "41", "93,2"],
    ["6", "Tỷ lệ hộ nghèo", "%", "3,1", "3,4", "-"],
]
DQ = Doc(
    name=DQ_NAME,
    head=[
        "ỦY BAN NHÂN DÂN", "HUYỆN ĐỒNG QUẾ", "Số: 142/BC-UBND", "Đồng Quế, ngày 28 tháng 6 năm 2029", "",
        "BÁO CÁO",
        "Kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội 6 tháng đầu năm, nhiệm vụ và giải pháp 6 tháng "
        "cuối năm 2029", "",
        "I. KẾT QUẢ THỰC HIỆN 6 THÁNG ĐẦU NĂM 2029",
        "1. Về kinh tế",
        "Giá trị sản xuất nông, lâm nghiệp và thủy sản 6 tháng ước đạt 1.264 tỷ đồng, tăng 3,9% so với cùng kỳ, "
        "đạt 47,2% kế hoạch năm. Vụ Đông Xuân gieo trồng được 8.420 ha, đạt 101,4% kế hoạch; năng suất lúa bình "
        "quân đạt 63,5 tạ/ha, tăng 1,2 tạ/ha so với cùng kỳ.",
        "Thu ngân sách nhà nước trên địa bàn đạt 96,8 tỷ đồng, bằng 55,3% dự toán tỉnh giao và bằng 112,6% cùng "
        "kỳ; chi ngân sách huyện 214,5 tỷ đồng, đạt 46,1% dự toán.",
        "2. Về văn hóa - xã hội",
        "Giải quyết việc làm mới cho 1.150 lao động, đạt 52,3% kế hoạch năm; có thêm 2 trường được công nhận đạt "
        "chuẩn quốc gia, nâng tổng số trường đạt chuẩn lên 41 trường. Tỷ lệ dân số tham gia bảo hiểm y tế đạt "
        "93,6%, tăng 0,8 điểm phần trăm so với cùng kỳ.",
        "Kết quả thực hiện một số chỉ tiêu chủ yếu:",
    ],
    table=Table(
        cols=[Col("stt", width_cm=1.0), Col("indicator", width_cm=6.0), Col("unit", width_cm=1.8),
              Col("value", "target", "2029", 2.4), Col("value", "actual", "2029", 2.4), Col("skip", width_cm=2.2)],
        header=[[("STT", 1, 1), ("Chỉ tiêu", 1, 1), ("ĐVT", 1, 1), ("Kế hoạch năm", 1, 1),
                 ("Thực hiện 6 tháng", 1, 1), ("So với KH (%)", 1, 1)]],
        body=DQ_ROWS,
    ),
    tail=[
        "II. NHIỆM VỤ, GIẢI PHÁP 6 THÁNG CUỐI NĂM",
        "1. Tập trung chỉ đạo sản xuất vụ Mùa, phấn đấu diện tích gieo trồng đạt 7.900 ha; giá trị sản xuất nông, "
        "lâm nghiệp và thủy sản cả năm đạt 2.680 tỷ đồng trở lên.",
        "2. Đẩy mạnh các biện pháp chống thất thu, phấn đấu thu ngân sách cả năm đạt 180 tỷ đồng.",
        "3. Giải quyết việc làm mới cho 1.050 lao động trong 6 tháng cuối năm; hoàn thành công nhận thêm 3 trường "
        "đạt chuẩn quốc gia trước ngày 31/12/2029.",
        "4. Các cơ quan, đơn vị báo cáo kết quả thực hiện về Văn phòng HĐND và UBND huyện trước ngày 15 hằng tháng.",
        "Nơi nhận:", "- UBND tỉnh Vạn Xuân (b/c);", "- TT Huyện ủy, TT HĐND huyện;", "- Lưu: VT.",
        "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH",
    ],
)


def dq_expected() -> dict[str, Any]:
    a, g = "actual", "target"
    targets = [
        t(a, "=", "1.264", "tỷ đồng", "2029", None, "đạt 1.264", "Giá trị sản xuất nông, lâm nghiệp và thủy sản 6 tháng"),
        t(a, "=", "3,9", "%", "2029", None, "tăng 3,9%", "Giá trị sản xuất nông, lâm nghiệp và thủy sản tăng so với cùng kỳ"),
        t(a, "=", "47,2", "%", "2029", None, "đạt 47,2%", "Giá trị sản xuất nông, lâm nghiệp và thủy sản so với kế hoạch năm"),
        t(a, "=", "8.420", "ha", "2029", None, "được 8.420", "Diện tích gieo trồng vụ Đông Xuân"),
        t(a, "=", "101,4", "%", "2029", None, "đạt 101,4%", "Diện tích gieo trồng vụ Đông Xuân so với kế hoạch"),
        t(a, "=", "63,5", "tạ/ha", "2029", None, "đạt 63,5", "Năng suất lúa bình quân"),
        t(a, "=", "1,2", "tạ/ha", "2029", None, "tăng 1,2", "Năng suất lúa tăng so với cùng kỳ"),
        t(a, "=", "96,8", "tỷ đồng", "2029", None, "đạt 96,8", "Thu ngân sách nhà nước trên địa bàn"),
        t(a, "=", "55,3", "%", "2029", None, "bằng 55,3%", "Thu ngân sách so với dự toán tỉnh giao"),
        t(a, "=", "112,6", "%", "2029", None, "bằng 112,6%", "Thu ngân sách so với cùng kỳ"),
        t(a, "=", "214,5", "tỷ đồng", "2029", None, "huyện 214,5", "Chi ngân sách huyện"),
        t(a, "=", "46,1", "%", "2029", None, "đạt 46,1%", "Chi ngân sách huyện so với dự toán"),
        t(a, "=", "1.150", "lao động", "2029", None, "cho 1.150", "Số lao động được giải quyết việc làm mới"),
        t(a, "=", "52,3", "%", "2029", None, "đạt 52,3%", "Giải quyết việc làm so với kế hoạch năm"),
        t(a, "=", "2", "trường", "2029", None, "thêm 2 trường", "Số trường được công nhận đạt chuẩn quốc gia thêm"),
        t(a, "=", "41", "trường", "2029", None, "lên 41", "Tổng số trường đạt chuẩn quốc gia"),
        t(a, "=", "93,6", "%", "2029", None, "đạt 93,6%", "Tỷ lệ dân số tham gia bảo hiểm y tế"),
        t(a, "=", "0,8", "điểm phần trăm", "2029", None, "tăng 0,8", "Tỷ lệ tham gia bảo hiểm y tế tăng so với cùng kỳ"),
    ]
    for row in DQ_ROWS:
        for index, kind in ((3, g), (4, a)):
            targets.append(t(kind, "=", row[index], row[2], "2029", None, f"| {row[index]} |", row[1]))
    targets += [
        t(g, "=", "7.900", "ha", "2029", None, "đạt 7.900", "Diện tích gieo trồng vụ Mùa"),
        t(g, ">=", "2.680", "tỷ đồng", "2029", None, "đạt 2.680", "Giá trị sản xuất nông, lâm nghiệp và thủy sản cả năm"),
        t(g, "=", "180", "tỷ đồng", "2029", None, "đạt 180", "Thu ngân sách cả năm"),
        t(g, "=", "1.050", "lao động", "2029", None, "cho 1.050", "Số lao động được giải quyết việc làm mới 6 tháng cuối năm"),
        t(g, "=", "3", "trường", "2029", None, "thêm 3 trường", "Số trường được công nhận đạt chuẩn quốc gia thêm"),
    ]
    return {
        "document": f"{DQ_NAME}.docx",
        "meta": {"kind": "bao_cao", "number": "142/BC-UBND", "date": "2029-06-28", "plan_year": 2029},
        "targets": targets,
        "assignments": [],
        "deadlines": [{"rule": "once", "date": "2029-12-31", "day": None},
                      {"rule": "monthly", "date": None, "day": 15}],
    }


# ---------------------------------------------------------------------------------------------- landscape PDF
TA_NAME = "tinh-tuongan-2029-kehoach-chitieu-ngang"
SF, NN, NV, GD = "Sở Tài chính", "Sở Nông nghiệp và Môi trường", "Sở Nội vụ", "Sở Giáo dục và Đào tạo"
TA_ROWS = [
    # STT, indicator, unit, done in 2028, plan 2029 whole year, plan 2029 first half, agency
    ["1", "Tốc độ tăng trưởng tổng sản phẩm trên địa bàn tỉnh (GRDP)", "%", "6,8", "7,2", "6,5", SF],
    ["2", "Thu ngân sách nhà nước trên địa bàn", "tỷ đồng", "9.460", "10.200", "5.100", SF],
    ["3", "Tổng vốn đầu tư phát triển toàn xã hội thực hiện trên địa bàn", "tỷ đồng", "41.300", "45.000", "19.800", SF],
    ["4", "Tỷ lệ che phủ rừng", "%", "42,6", "43,0", "-", NN],
    ["5", "Số xã đạt chuẩn nông thôn mới nâng cao (lũy kế)", "xã", "37", "45", "40", NN],
    ["6", "Số lao động được tạo việc làm mới trong năm", "người", "21.750", "22.000", "10.500", NV],
    ["7", "Tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ", "%", "31,4", "33,0", "-", NV],
    ["8", "Tỷ lệ trường mầm non và phổ thông đạt chuẩn quốc gia", "%", "68,5", "71,0", "-", GD],
]
TA = Doc(
    name=TA_NAME,
    landscape=True,
    head=[
        "ỦY BAN NHÂN DÂN", "TỈNH TƯỜNG AN", "Số: 215/KH-UBND", "Tường An, ngày 20 tháng 12 năm 2028", "",
        "KẾ HOẠCH",
        "Theo dõi, đôn đốc thực hiện các chỉ tiêu chủ yếu về phát triển kinh tế - xã hội năm 2029", "",
        "Ủy ban nhân dân tỉnh phân công các sở, ngành chủ trì theo dõi các chỉ tiêu chủ yếu năm 2029 theo Phụ lục "
        "dưới đây; cơ quan chủ trì gửi báo cáo kết quả thực hiện về Sở Tài chính trước ngày 20 hằng tháng.",
        "Phụ lục: Các chỉ tiêu chủ yếu năm 2029 và cơ quan chủ trì theo dõi",
    ],
    table=Table(
        cols=[Col("stt", width_cm=1.0), Col("indicator", width_cm=5.2), Col("unit", width_cm=1.8),
              Col("value", "actual", "2028", 2.6), Col("value", "target", "2029", 2.4),
              Col("value", "target", "2029", 2.4), Col("agency", width_cm=2.6)],
        header=[[("STT", 1, 2), ("Chỉ tiêu", 1, 2), ("Đơn vị tính", 1, 2), ("Thực hiện năm 2028", 1, 2),
                 ("Kế hoạch năm 2029", 2, 1), ("Cơ quan chủ trì", 1, 2)],
                [("Cả năm", 1, 1), ("6 tháng đầu năm", 1, 1)]],
        body=TA_ROWS,
    ),
    tail=["Nơi nhận:", "- Các sở, ban, ngành tỉnh;", "- Lưu: VT, TH.", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH",
          "PHÓ CHỦ TỊCH"],
)


def ta_expected(document: str) -> dict[str, Any]:
    targets = []
    for row in TA_ROWS:
        for index, kind, period in ((3, "actual", "2028"), (4, "target", "2029"), (5, "target", "2029")):
            if row[index] == "-":
                continue
            targets.append(t(kind, "=", row[index], row[2], period, row[6], f"| {row[index]} |", row[1]))
    return {
        "document": document,
        "meta": {"kind": "ke_hoach", "number": "215/KH-UBND", "date": "2028-12-20", "plan_year": 2029},
        "targets": targets,
        "assignments": [],
        "deadlines": [{"rule": "monthly", "date": None, "day": 20}],
    }


# ---------------------------------------------------------------------------------------------- text documents
def yte_expected() -> dict[str, Any]:
    g = "target"
    kh, ny, nd, cdc = ("Phòng Kế hoạch - Tài chính", "Phòng Nghiệp vụ Y", "Phòng Nghiệp vụ Dược",
                       "Trung tâm Kiểm soát bệnh tật tỉnh")
    return {
        "document": "so-yte-ngockhe-2029-kehoach-phancong.txt",
        "meta": {"kind": "ke_hoach", "number": "86/KH-SYT", "date": "2029-03-12", "plan_year": 2029},
        "targets": [
            t(g, ">=", "96", "%", "2029", None, "từ 96%", "Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ"),
            t(g, "=", "32", "giường bệnh/1 vạn dân", "2029", None, "đạt 32", "Số giường bệnh trên vạn dân"),
            t(g, "=", "100", "%", "2029", None, "đạt 100%;", "Tỷ lệ trạm y tế xã có bác sĩ làm việc"),
            t(g, "<", "18,5", "%", "2029", None, "dưới 18,5%", "Tỷ lệ suy dinh dưỡng thể thấp còi ở trẻ em dưới 5 tuổi"),
            t(g, "=", "45", "tỷ đồng", "2029", kh, "phí 45", "Kinh phí phân bổ cho các đơn vị"),
            t(g, "=", "24", "cơ sở", "2029", ny, "lượng 24", "Số cơ sở khám, chữa bệnh được kiểm tra chất lượng"),
            t(g, "=", "100", "%", "2029", ny, "tại 100%", "Tỷ lệ bệnh viện công lập triển khai bệnh án điện tử"),
            t(g, "=", "150", "cơ sở", "2029", nd, "tra 150", "Số cơ sở kinh doanh dược được kiểm tra"),
            t(g, ">=", "96", "%", "2029", cdc, "đạt 96%", "Tỷ lệ tiêm chủng đầy đủ"),
            t(g, "=", "100", "%", "2029", cdc, "sát 100%", "Tỷ lệ ổ dịch sốt xuất huyết được giám sát"),
            t(g, "=", "48", "giờ", "2029", cdc, "vòng 48", "Thời gian phát hiện, xử lý ổ dịch"),
        ],
        "assignments": [
            {"ref": "1", "lead": [kh], "head": f"1. {kh}:", "tasks": 2},
            {"ref": "2", "lead": [ny], "head": f"2. {ny}:", "tasks": 2},
            {"ref": "3", "lead": [nd], "head": f"3. Giao {nd} chủ trì", "tasks": 1},
            {"ref": "4", "lead": [cdc], "head": f"4. Giao {cdc} chủ trì", "tasks": 2},
        ],
        "deadlines": [{"rule": "once", "date": "2029-04-15", "day": None},
                      {"rule": "quarterly", "date": None, "day": None},
                      {"rule": "once", "date": "2029-09-30", "day": None},
                      {"rule": "once", "date": "2029-12-31", "day": None},
                      {"rule": "monthly", "date": None, "day": 20}],
    }


def giaingan_expected() -> dict[str, Any]:
    a, g = "actual", "target"
    ub = "Ủy ban nhân dân các huyện, thị xã, thành phố"
    bv, ke, km, lh, td = ("Dự án nâng cấp Bệnh viện đa khoa tỉnh", "Dự án kè chống sạt lở sông Mai",
                          "Dự án hồ chứa nước Khe Mây", "Dự án đường liên huyện Tân Mỹ - Đồng Lạc",
                          "Dự án khu tái định cư phường Bến Ngự")
    return {
        "document": "tinh-mailinh-2029-baocao-giaingan-dtc-6thang.txt",
        "meta": {"kind": "bao_cao", "number": "174/BC-UBND", "date": "2029-07-08", "plan_year": 2029},
        "targets": [
            t(g, "=", "3.870", "tỷ đồng", "2029", None, "là 3.870", "Kế hoạch vốn đầu tư công năm 2029"),
            t(g, "=", "1.240", "tỷ đồng", "2029", None, "ương 1.240", "Vốn ngân sách trung ương trong kế hoạch vốn"),
            t(a, "=", "1.548", "tỷ đồng", "2029", None, "được 1.548", "Vốn đầu tư công đã giải ngân đến 30/6/2029"),
            t(a, "=", "40", "%", "2029", None, "đạt 40%", "Tỷ lệ giải ngân kế hoạch vốn"),
            t(a, "=", "36,2", "%", "2028", None, "đạt 36,2%", "Tỷ lệ giải ngân cùng kỳ năm 2028"),
            t(g, "=", "420", "tỷ đồng", "2029", None, "vốn 420", "Kế hoạch vốn Dự án đường ven biển đoạn Bắc Mai Lĩnh"),
            t(a, "=", "231", "tỷ đồng", "2029", None, "ngân 231", "Giải ngân Dự án đường ven biển đoạn Bắc Mai Lĩnh"),
            t(a, "=", "55", "%", "2029", None, "đạt 55%", "Tỷ lệ giải ngân Dự án đường ven biển đoạn Bắc Mai Lĩnh"),
            t(g, "=", "185", "tỷ đồng", "2029", None, "vốn 185", f"Kế hoạch vốn {bv}"),
            t(a, "=", "48,1", "tỷ đồng", "2029", None, "ngân 48,1", f"Giải ngân {bv}"),
            t(a, "=", "26", "%", "2029", None, "đạt 26%", f"Tỷ lệ giải ngân {bv}"),
            t(g, "=", "96", "tỷ đồng", "2029", None, "vốn 96", f"Kế hoạch vốn {ke}"),
            t(a, "=", "33,6", "tỷ đồng", "2029", None, "ngân 33,6", f"Giải ngân {ke}"),
            t(a, "=", "35", "%", "2029", None, "đạt 35%", f"Tỷ lệ giải ngân {ke}"),
            t(g, "=", "74", "tỷ đồng", "2029", None, "vốn 74", "Kế hoạch vốn Dự án trường trung học phổ thông chuyên"),
            t(a, "=", "51,8", "tỷ đồng", "2029", None, "ngân 51,8", "Giải ngân Dự án trường trung học phổ thông chuyên"),
            t(a, "=", "70", "%", "2029", None, "đạt 70%", "Tỷ lệ giải ngân Dự án trường trung học phổ thông chuyên"),
            t(a, "=", "5", "dự án", "2029", None, "Còn 5 dự án", "Số dự án giải ngân dưới 40% kế hoạch vốn"),
            t(a, "=", "26", "%", "2029", None, "(26%)", f"Tỷ lệ giải ngân {bv}"),
            t(a, "=", "35", "%", "2029", None, "(35%)", f"Tỷ lệ giải ngân {ke}"),
            t(a, "=", "12,5", "%", "2029", None, "(12,5%)", f"Tỷ lệ giải ngân {km}"),
            t(a, "=", "18", "%", "2029", None, "(18%)", f"Tỷ lệ giải ngân {lh}"),
            t(a, "=", "31,4", "%", "2029", None, "(31,4%)", f"Tỷ lệ giải ngân {td}"),
            t(g, ">=", "65", "%", "2029", None, "thiểu 65%", "Tỷ lệ giải ngân đến ngày 30/9/2029"),
            t(g, ">", "95", "%", "2029", None, "trên 95%", "Tỷ lệ giải ngân cả năm"),
            t(g, "=", "126", "ha", "2029", ub, "giao 126", f"Diện tích mặt bằng bàn giao cho {km}"),
        ],
        "assignments": [
            {"ref": "3", "lead": ["Sở Tài chính"], "head": "3. Giao Sở Tài chính chủ trì", "tasks": 1},
            {"ref": "4", "lead": [ub], "head": f"4. Giao {ub} chủ trì", "tasks": 1},
        ],
        "deadlines": [{"rule": "once", "date": "2029-09-30", "day": None},
                      {"rule": "once", "date": "2029-06-30", "day": None},
                      {"rule": "once", "date": "2029-08-15", "day": None},
                      {"rule": "monthly", "date": None, "day": 5}],
    }


def write_json(name: str, data: dict[str, Any]) -> None:
    (HERE / f"{name}.json").write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def main() -> None:
    (HERE / f"{DQ_NAME}.docx").write_bytes(build_docx(DQ))
    write_json(DQ_NAME, dq_expected())
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / f"{TA_NAME}.docx"
        source.write_bytes(build_docx(TA))
        pdf = to_pdf(source, Path(tmp))
        if pdf is not None:
            (HERE / f"{TA_NAME}.pdf").write_bytes(pdf.read_bytes())
            to_scan(HERE / f"{TA_NAME}.pdf", HERE / f"{TA_NAME}-scan.pdf", dpi=200, tilt=0.5, seed=8)
    write_json(TA_NAME, ta_expected(f"{TA_NAME}.pdf"))
    write_json(f"{TA_NAME}-scan", ta_expected(f"{TA_NAME}-scan.pdf"))
    write_json("so-yte-ngockhe-2029-kehoach-phancong", yte_expected())
    write_json("tinh-mailinh-2029-baocao-giaingan-dtc-6thang", giaingan_expected())


if __name__ == "__main__":
    main()
