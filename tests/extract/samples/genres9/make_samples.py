"""Generate the DOCX and PDF of the ninth genre set and the expected JSON of all five documents.

Run from the repository root (needs python-docx; the PDF also `soffice`):

    PYTHONPATH=$PWD .venv/bin/python tests/extract/samples/genres9/make_samples.py

All documents are invented (provinces, figures and wording are ours):

- `xa-hoaloi-2026-baocao-nam.txt` (written by hand beside this script): a commune People's Committee's
  year-end report in two parts (`Phần thứ nhất` results, `Phần thứ hai` next year), roman-numbered
  fields, results and next year's goals in one paragraph (`năm 2026 ... đạt ...; năm 2027 phấn đấu ...`).
- `huyen-benlo-2025-nghiquyet-kehoach-5nam.txt` (by hand): a district council's resolution on the
  five-year plan 2026-2030, `Điều 1` bullets under `a) Về kinh tế:`, averages, `đến năm 2030`, totals
  over `giai đoạn 2026 - 2030`, `Điều 2. Tổ chức thực hiện` tasks.
- `so-khcn-vanninh-2026-chuongtrinh-bang-nhiemvu.docx`: a department's action programme implementing a
  provincial resolution, a task table `TT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp |
  Thời gian hoàn thành | Sản phẩm` with group rows (`I.`, `II.`) and figures inside the task cells.
- `tinh-xuanhoa-2026-kehoach-ctmtqg-giamngheo.docx`: a national target programme plan whose target
  table has year columns `Năm 2026 ... Năm 2030` under a merged `Lộ trình thực hiện` header, a
  `Thực hiện năm 2025` column, units in their own column, `≥`, `≤`, `dưới`, `trên` in cells, a merged
  agency column.
- `tinh-phuoctuy-2027-baocao-thang5-hai-cot.pdf`: a province's monthly socio-economic report set in
  two text columns under a full-width head, exported by LibreOffice (`tháng 5 ... ước tăng`, `lũy kế 5
  tháng`, `so với cùng kỳ`).

The expected targets are declared by hand below, never read back from the extractor. The generated
files are committed so the tests need neither python-docx nor LibreOffice.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # the shared drawing helpers in samples/

from drawing import Col, Doc, Table, build_docx, check_text_anchors, to_pdf, two_column_docx, write_json  # noqa: E402
from drawing import expected_target as t  # noqa: E402

# ---------------------------------------------------------------------------------------------- commune TXT
HL_NAME = "xa-hoaloi-2026-baocao-nam"


def hl_expected() -> dict[str, Any]:
    a, g = "actual", "target"
    ca, qs = "Công an xã", "Ban Chỉ huy Quân sự xã"
    targets = [
        t(a, "=", "1.284", "ha", "2026", None, "đạt 1.284", "Tổng diện tích gieo trồng cây hằng năm"),
        t(a, "=", "101,2", "%", "2026", None, "bằng 101,2%", "Diện tích gieo trồng so với kế hoạch"),
        t(a, "=", "61,5", "tạ/ha", "2026", None, "đạt 61,5", "Năng suất lúa bình quân"),
        t(g, ">=", "1.300", "ha", "2027", None, "đạt 1.300", "Tổng diện tích gieo trồng"),
        t(g, "=", "62", "tạ/ha", "2027", None, "đạt 62", "Năng suất lúa"),
        t(a, "=", "48.600", "con", "2026", None, "đạt 48.600", "Tổng đàn gia súc, gia cầm"),
        t(a, "=", "3,8", "%", "2026", None, "tăng 3,8%", "Tổng đàn gia súc, gia cầm tăng so với năm 2025"),
        t(a, "=", "6,84", "tỷ đồng", "2026", None, "đạt 6,84", "Tổng thu ngân sách trên địa bàn xã"),
        t(a, "=", "114", "%", "2026", None, "bằng 114%", "Thu ngân sách so với dự toán huyện giao"),
        t(g, "=", "7,2", "tỷ đồng", "2027", None, "thu 7,2", "Tổng thu ngân sách trên địa bàn xã"),
        t(a, "=", "5,96", "tỷ đồng", "2026", None, "hiện 5,96", "Chi ngân sách xã"),
        t(a, "=", "19", "tiêu chí", "2026", None, "duy trì 19/19", "Số tiêu chí xã nông thôn mới duy trì"),
        t(a, "=", "3,6", "km", "2026", None, "thêm 3,6", "Đường giao thông nông thôn bê tông hóa thêm"),
        t(a, "=", "92", "%", "2026", None, "lên 92%", "Tỷ lệ đường trục thôn được cứng hóa"),
        t(g, "=", "4", "km", "2027", None, "thêm 4 km", "Đường giao thông nông thôn cứng hóa thêm"),
        t(a, "=", "100", "%", "2026", None, "ra lớp đạt 100%", "Tỷ lệ huy động trẻ 5 tuổi ra lớp"),
        t(a, "=", "2", "trường", "2026", None, "có 2/3", "Số trường đạt chuẩn quốc gia"),
        t(a, "=", "93,4", "%", "2026", None, "đạt 93,4%", "Tỷ lệ người dân tham gia bảo hiểm y tế"),
        t(g, "=", "94,5", "%", "2027", None, "đạt 94,5%", "Tỷ lệ người dân tham gia bảo hiểm y tế"),
        t(a, "=", "12,1", "%", "2026", None, "còn 12,1%", "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi"),
        t(a, "=", "165", "lao động", "2026", None, "cho 165", "Số lao động được giải quyết việc làm"),
        t(a, "=", "2,85", "%", "2026", None, "còn 2,85%", "Tỷ lệ hộ nghèo"),
        t(a, "=", "0,9", "điểm phần trăm", "2026", None, "giảm 0,9", "Tỷ lệ hộ nghèo giảm"),
        t(g, "<", "2", "%", "2027", None, "dưới 2%", "Tỷ lệ hộ nghèo"),
        t(a, "=", "100", "%", "2026", None, "Hoàn thành 100%", "Tỷ lệ hoàn thành chỉ tiêu giao quân"),
        t(a, "=", "12", "công dân", "2026", None, "với 12 công dân", "Số công dân nhập ngũ"),
        t(g, "=", "68", "triệu đồng/người/năm", "2027", None, "đạt 68", "Thu nhập bình quân đầu người"),
        t(g, ">=", "92", "%", "2027", None, "từ 92%", "Tỷ lệ hộ gia đình đạt danh hiệu gia đình văn hóa"),
        t(g, "=", "85", "%", "2027", None, "đạt 85%", "Tỷ lệ rác thải sinh hoạt được thu gom, xử lý"),
        t(g, "=", "8,5", "%", "2027", None, "đạt 8,5%", "Tỷ lệ người dân tham gia bảo hiểm xã hội tự nguyện"),
        t(g, ">=", "5", "%", "2027", ca, "từ 5%", "Số vụ tai nạn giao thông giảm"),
        t(g, "=", "100", "%", "2027", qs, "đạt 100% chỉ tiêu trên", "Tỷ lệ hoàn thành chỉ tiêu tuyển quân"),
    ]
    return {
        "document": f"{HL_NAME}.txt",
        "meta": {"kind": "bao_cao", "number": "142/BC-UBND", "date": "2026-12-08", "plan_year": 2027},
        "targets": targets,
        "assignments": [
            {"ref": "1", "lead": [ca], "head": "1. Giao Công an xã chủ trì", "tasks": 1},
            {"ref": "2", "lead": [qs], "head": "2. Ban Chỉ huy Quân sự xã chủ trì", "tasks": 1},
        ],
        "deadlines": [{"rule": "monthly", "date": None, "day": 20}],
    }


# ---------------------------------------------------------------------------------------------- 5-year TXT
BL_NAME = "huyen-benlo-2025-nghiquyet-kehoach-5nam"


def bl_expected() -> dict[str, Any]:
    g, span, ub = "target", "2026-2030", "Ủy ban nhân dân huyện"
    targets = [
        t(g, "between", "9,5", "%", span, None, "bình quân 9,5 - 10%", "Tốc độ tăng giá trị sản xuất bình quân"),
        t(g, "=", "22", "%", "2030", None, "thủy sản 22%", "Tỷ trọng nông, lâm nghiệp, thủy sản trong cơ cấu kinh tế"),
        t(g, "=", "38", "%", "2030", None, "xây dựng 38%", "Tỷ trọng công nghiệp - xây dựng trong cơ cấu kinh tế"),
        t(g, "=", "40", "%", "2030", None, "dịch vụ 40%", "Tỷ trọng thương mại - dịch vụ trong cơ cấu kinh tế"),
        t(g, "=", "95", "triệu đồng", "2030", None, "đạt 95", "Thu nhập bình quân đầu người"),
        t(g, "=", "8", "%", span, None, "bình quân 8%", "Thu ngân sách nhà nước trên địa bàn tăng bình quân"),
        t(g, "~", "18.500", "tỷ đồng", span, None, "khoảng 18.500", "Tổng vốn đầu tư toàn xã hội"),
        t(g, "between", "1", "%", span, None, "bình quân 1 - 1,5%", "Tỷ lệ hộ nghèo giảm bình quân"),
        t(g, "=", "75", "%", "2030", None, "đạt 75%", "Tỷ lệ lao động qua đào tạo"),
        t(g, "=", "35", "%", "2030", None, "đạt 35%", "Tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ"),
        t(g, "=", "12", "bác sĩ/vạn dân", "2030", None, "Đạt 12", "Số bác sĩ trên vạn dân"),
        t(g, "=", "100", "%", "2030", None, "2030, 100%", "Tỷ lệ xã đạt chuẩn nông thôn mới"),
        t(g, ">=", "5", "xã", "2030", None, "ít nhất 5", "Số xã đạt chuẩn nông thôn mới nâng cao"),
        t(g, "=", "3.200", "ha", span, None, "mới 3.200", "Diện tích trồng mới rừng tập trung"),
        t(g, ">", "46", "%", "2030", None, "trên 46%", "Tỷ lệ che phủ rừng"),
        t(g, "=", "98", "%", "2030", None, "đạt 98%", "Tỷ lệ chất thải rắn sinh hoạt đô thị được thu gom, xử lý"),
        t(g, "between", "3", "dự án", span, None, "thu hút 3 - 5", "Số dự án đầu tư thu hút vào cụm công nghiệp"),
        t(g, ">", "95", "%", span, ub, "trên 95%", "Tỷ lệ giải ngân vốn đầu tư công"),
    ]
    for item, top in ((targets[0], 10), (targets[7], 1.5), (targets[16], 5)):
        item["value_max"] = top
    return {
        "document": f"{BL_NAME}.txt",
        "meta": {"kind": "nghi_quyet", "number": "27/NQ-HĐND", "date": "2025-12-18", "plan_year": None},
        "targets": targets,
        "assignments": [{"ref": "1", "lead": [ub], "head": "1. Ủy ban nhân dân huyện chủ trì", "tasks": 3}],
        "deadlines": [],
    }


# ---------------------------------------------------------------------------------------------- task table DOCX
VN_NAME = "so-khcn-vanninh-2026-chuongtrinh-bang-nhiemvu"
QLKH, VPS, TTTT = "Phòng Quản lý khoa học", "Văn phòng Sở", "Trung tâm Thông tin và Thống kê khoa học"
QLCN, CC = "Phòng Quản lý công nghệ và chuyển đổi số", "Chi cục Tiêu chuẩn Đo lường Chất lượng"
HX = "Ủy ban nhân dân các huyện, thị xã"
# TT, task, lead, partners, time, product
VN_ROWS: list[object] = [
    ("I", "HOÀN THIỆN CƠ CHẾ, CHÍNH SÁCH"),
    ["1", "Tham mưu Ủy ban nhân dân tỉnh trình Hội đồng nhân dân tỉnh ban hành chính sách hỗ trợ doanh nghiệp "
     "đổi mới công nghệ, phấn đấu hỗ trợ ít nhất 60 doanh nghiệp trong giai đoạn 2026 - 2030", QLKH,
     "Sở Tài chính, Sở Công Thương", "Quý III/2026", "Nghị quyết của Hội đồng nhân dân tỉnh"],
    ["2", "Rà soát, đề xuất bãi bỏ thủ tục hành chính không còn phù hợp; cắt giảm tối thiểu 20% thời gian "
     "giải quyết thủ tục hành chính thuộc lĩnh vực khoa học và công nghệ", VPS, "Các phòng, đơn vị thuộc Sở",
     "Tháng 12/2026", "Quyết định của Chủ tịch Ủy ban nhân dân tỉnh"],
    ("II", "PHÁT TRIỂN HẠ TẦNG VÀ NGUỒN NHÂN LỰC"),
    ["3", "Xây dựng cơ sở dữ liệu khoa học và công nghệ của tỉnh, kết nối với 100% sở, ngành và Ủy ban nhân "
     "dân cấp huyện", TTTT, f"Sở Nội vụ; {HX}", "Quý II/2027", "Cơ sở dữ liệu đi vào vận hành"],
    ["4", "Đào tạo, bồi dưỡng kỹ năng số cho tối thiểu 1.500 lượt cán bộ, công chức, viên chức mỗi năm", QLCN,
     "Sở Nội vụ", "2026 - 2030", "Báo cáo kết quả hằng năm"],
    ["5", "Hỗ trợ thành lập mới 15 doanh nghiệp khoa học và công nghệ; đến năm 2030 toàn tỉnh có 45 doanh "
     "nghiệp khoa học và công nghệ", QLKH, "Sở Tài chính", "2026 - 2030",
     "Giấy chứng nhận doanh nghiệp khoa học và công nghệ"],
    ("III", "ỨNG DỤNG, CHUYỂN GIAO TIẾN BỘ KHOA HỌC VÀ CÔNG NGHỆ"),
    ["6", "Triển khai 25 nhiệm vụ khoa học và công nghệ cấp tỉnh gắn với chuỗi giá trị nông sản chủ lực, "
     "trong đó ít nhất 70% kết quả được ứng dụng vào sản xuất", QLKH, f"Sở Nông nghiệp và Môi trường; {HX}",
     "2026 - 2030", "Kết quả nghiệm thu nhiệm vụ"],
    ["7", "Hỗ trợ 40 doanh nghiệp xây dựng, áp dụng hệ thống quản lý chất lượng tiên tiến", CC,
     "Sở Công Thương", "Quý IV/2027", "Báo cáo tổng kết"],
]
VN = Doc(
    name=VN_NAME,
    head=[
        "ỦY BAN NHÂN DÂN TỈNH VẠN NINH", "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "Số: 58/CTr-SKHCN",
        "Vạn Ninh, ngày 16 tháng 3 năm 2026", "",
        "CHƯƠNG TRÌNH HÀNH ĐỘNG",
        "Thực hiện Nghị quyết số 09-NQ/TU ngày 12/01/2026 của Ban Chấp hành Đảng bộ tỉnh về phát triển khoa học, "
        "công nghệ, đổi mới sáng tạo và chuyển đổi số tỉnh Vạn Ninh đến năm 2030", "",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "Cụ thể hóa các nhiệm vụ Nghị quyết giao cho ngành khoa học và công nghệ thành nhiệm vụ có địa chỉ, thời "
        "hạn và sản phẩm cụ thể. Mục tiêu đến năm 2030: đóng góp của năng suất các nhân tố tổng hợp (TFP) vào tăng "
        "trưởng kinh tế của tỉnh đạt trên 50%; kinh tế số chiếm 25% GRDP.",
        "II. NHIỆM VỤ CỤ THỂ",
        "Các nhiệm vụ, cơ quan chủ trì, thời gian hoàn thành và sản phẩm tại Bảng dưới đây.",
    ],
    table=Table(
        cols=[Col("stt", width_cm=1.0), Col("indicator", width_cm=6.0), Col("agency", width_cm=2.8),
              Col("skip", width_cm=2.8), Col("skip", width_cm=2.0), Col("skip", width_cm=2.6)],
        header=[[("TT", 1, 1), ("Nội dung nhiệm vụ", 1, 1), ("Cơ quan chủ trì", 1, 1), ("Cơ quan phối hợp", 1, 1),
                 ("Thời gian hoàn thành", 1, 1), ("Sản phẩm", 1, 1)]],
        body=VN_ROWS,
    ),
    tail=[
        "III. TỔ CHỨC THỰC HIỆN",
        "1. Văn phòng Sở chủ trì, phối hợp với các phòng, đơn vị thuộc Sở theo dõi, đôn đốc việc thực hiện "
        "Chương trình; định kỳ hằng quý tổng hợp, báo cáo Giám đốc Sở.",
        "2. Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các phòng, đơn vị kịp thời báo cáo Giám đốc "
        "Sở xem xét, điều chỉnh./.",
        "Nơi nhận:", "- Thường trực Tỉnh ủy (b/c);", "- UBND tỉnh (b/c);", "- Lưu: VT, VP.", "GIÁM ĐỐC",
    ],
)


def vn_expected() -> dict[str, Any]:
    g, span = "target", "2026-2030"
    targets = [
        t(g, ">", "50", "%", "2030", None, "đạt trên 50%", "Đóng góp của TFP vào tăng trưởng kinh tế"),
        t(g, "=", "25", "%", "2030", None, "chiếm 25%", "Tỷ trọng kinh tế số trong GRDP"),
        t(g, ">=", "60", "doanh nghiệp", span, QLKH, "ít nhất 60", "Số doanh nghiệp được hỗ trợ đổi mới công nghệ"),
        t(g, ">=", "20", "%", "2026", VPS, "tối thiểu 20%", "Thời gian giải quyết thủ tục hành chính cắt giảm"),
        t(g, "=", "100", "%", "2027", TTTT, "với 100%", "Tỷ lệ sở, ngành, huyện kết nối cơ sở dữ liệu"),
        t(g, ">=", "1.500", "lượt", span, QLCN, "tối thiểu 1.500", "Số lượt cán bộ được bồi dưỡng kỹ năng số mỗi năm"),
        t(g, "=", "15", "doanh nghiệp", span, QLKH, "mới 15", "Số doanh nghiệp khoa học và công nghệ thành lập mới"),
        t(g, "=", "45", "doanh nghiệp", "2030", QLKH, "có 45", "Số doanh nghiệp khoa học và công nghệ"),
        t(g, "=", "25", "nhiệm vụ", span, QLKH, "Triển khai 25", "Số nhiệm vụ khoa học và công nghệ cấp tỉnh"),
        t(g, ">=", "70", "%", span, QLKH, "ít nhất 70%", "Tỷ lệ kết quả nhiệm vụ được ứng dụng vào sản xuất"),
        t(g, "=", "40", "doanh nghiệp", "2027", CC, "Hỗ trợ 40", "Số doanh nghiệp áp dụng hệ thống quản lý chất lượng"),
    ]
    heads = {"1": "Tham mưu Ủy ban nhân dân tỉnh trình", "2": "Rà soát, đề xuất bãi bỏ",
             "3": "Xây dựng cơ sở dữ liệu khoa học", "4": "Đào tạo, bồi dưỡng kỹ năng số",
             "5": "Hỗ trợ thành lập mới", "6": "Triển khai 25 nhiệm vụ", "7": "Hỗ trợ 40 doanh nghiệp"}
    assignments = [{"ref": row[0], "lead": [row[2]], "head": heads[row[0]], "tasks": 1}
                   for row in VN_ROWS if isinstance(row, list)]
    assignments.append({"ref": "1", "lead": [VPS], "head": "1. Văn phòng Sở chủ trì", "tasks": 1})
    return {
        "document": f"{VN_NAME}.docx",
        "meta": {"kind": "chuong_trinh", "number": "58/CTr-SKHCN", "date": "2026-03-16", "plan_year": None},
        "targets": targets,
        "assignments": assignments,
        "deadlines": [{"rule": "once", "date": "2026-09-30", "day": None},
                      {"rule": "once", "date": "2026-12-31", "day": None},
                      {"rule": "once", "date": "2027-06-30", "day": None},
                      {"rule": "once", "date": "2027-12-31", "day": None},
                      {"rule": "quarterly", "date": None, "day": None}],
    }


# ---------------------------------------------------------------------------------------------- NTP DOCX
XH_NAME = "tinh-xuanhoa-2026-kehoach-ctmtqg-giamngheo"
SNN, SDT, SNV, SXD, SGD = ("Sở Nông nghiệp và Môi trường", "Sở Dân tộc và Tôn giáo", "Sở Nội vụ", "Sở Xây dựng",
                           "Sở Giáo dục và Đào tạo")
YEARS = ["2026", "2027", "2028", "2029", "2030"]
# indicator, unit, done 2025, 2026..2030, lead (None: the merged cell above)
XH_ROWS: list[object] = [
    ("I", "Chỉ tiêu về giảm nghèo"),
    ["1", "Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều", "%", "6,42", "5,4", "4,6", "3,8", "3,1", "dưới 2,5", SNN],
    ["2", "Số hộ thoát nghèo", "hộ", "3.940", "3.200", "2.900", "2.650", "2.400", "2.100", ""],
    ["3", "Tỷ lệ hộ nghèo dân tộc thiểu số", "%", "18,6", "16,2", "14,1", "12,3", "10,6", "≤ 9", SDT],
    ("II", "Chỉ tiêu về việc làm, đào tạo nghề"),
    ["4", "Số lao động được hỗ trợ đào tạo nghề", "người", "4.150", "4.300", "4.450", "4.600", "4.750", "4.900", SNV],
    ["5", "Tỷ lệ lao động thuộc hộ nghèo có việc làm sau đào tạo", "%", "71", "≥ 72", "≥ 74", "≥ 76", "≥ 78",
     "≥ 80", ""],
    ("III", "Chỉ tiêu về nhà ở và dịch vụ xã hội cơ bản"),
    ["6", "Số nhà ở được hỗ trợ xây mới, sửa chữa cho hộ nghèo", "căn", "1.120", "900", "850", "800", "750", "700",
     SXD],
    ["7", "Tỷ lệ hộ nghèo được tiếp cận nước sinh hoạt hợp vệ sinh", "%", "91,5", "trên 92", "trên 93", "trên 94",
     "trên 95", "trên 96", SNN],
    ["8", "Tỷ lệ trẻ em dưới 16 tuổi thuộc hộ nghèo bỏ học", "%", "1,8", "dưới 1,5", "dưới 1,3", "dưới 1,1",
     "dưới 0,9", "dưới 0,7", SGD],
]
XH = Doc(
    name=XH_NAME,
    landscape=True,
    head=[
        "ỦY BAN NHÂN DÂN", "TỈNH XUÂN HÒA", "Số: 74/KH-UBND", "Xuân Hòa, ngày 25 tháng 3 năm 2026", "",
        "KẾ HOẠCH",
        "Thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững trên địa bàn tỉnh giai đoạn 2026 - 2030", "",
        "I. MỤC TIÊU",
        "1. Mục tiêu chung: giảm nghèo đa chiều, bao trùm, bền vững; hạn chế tái nghèo và phát sinh nghèo.",
        "2. Mục tiêu cụ thể: phấn đấu tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều giảm bình quân 0,8 - 1 điểm phần "
        "trăm/năm; riêng tỷ lệ hộ nghèo dân tộc thiểu số giảm trên 2 điểm phần trăm/năm. Lộ trình từng năm tại "
        "Biểu 01.",
        "Biểu 01. Lộ trình thực hiện các chỉ tiêu của Chương trình",
    ],
    table=Table(
        cols=[Col("stt", width_cm=1.0), Col("indicator", width_cm=6.2), Col("unit", width_cm=1.6),
              Col("value", "actual", "2025", 2.2)] + [Col("value", "target", y, 2.0) for y in YEARS]
             + [Col("agency", width_cm=3.2)],
        header=[[("STT", 1, 2), ("Chỉ tiêu", 1, 2), ("Đơn vị tính", 1, 2), ("Thực hiện năm 2025", 1, 2),
                 ("Lộ trình thực hiện", 5, 1), ("Cơ quan chủ trì", 1, 2)],
                [(f"Năm {y}", 1, 1) for y in YEARS]],
        body=XH_ROWS,
        merge_agency=[(1, 2), (5, 6)],
    ),
    tail=[
        "II. KINH PHÍ THỰC HIỆN",
        "Tổng kinh phí thực hiện Chương trình giai đoạn 2026 - 2030 dự kiến 1.865 tỷ đồng, trong đó ngân sách trung "
        "ương 1.420 tỷ đồng, ngân sách địa phương 245 tỷ đồng, vốn huy động hợp pháp khác 200 tỷ đồng.",
        "III. TỔ CHỨC THỰC HIỆN",
        f"1. {SNN} (cơ quan thường trực Chương trình):",
        "- Chủ trì tổ chức rà soát hộ nghèo, hộ cận nghèo hằng năm; định kỳ 6 tháng tổng hợp, báo cáo Ủy ban nhân "
        "dân tỉnh;",
        "- Phối hợp với Sở Tài chính tham mưu phân bổ vốn, bảo đảm giải ngân vốn Chương trình hằng năm đạt trên "
        "90% kế hoạch.",
        f"2. {SDT}:",
        "- Chủ trì thực hiện các dự án hỗ trợ phát triển sản xuất vùng đồng bào dân tộc thiểu số, phấn đấu hỗ trợ "
        "2.500 hộ trong giai đoạn 2026 - 2030.",
        "3. Ủy ban nhân dân các huyện, thị xã, thành phố:",
        "- Xây dựng kế hoạch thực hiện Chương trình của địa phương, hoàn thành trước ngày 30/4/2026;",
        "- Bố trí vốn đối ứng từ ngân sách cấp huyện tối thiểu 10% tổng vốn ngân sách trung ương phân bổ trong giai "
        "đoạn 2026 - 2030.",
        "Nơi nhận:", "- Bộ Nông nghiệp và Môi trường;", "- Lưu: VT, KGVX.",
        "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH",
    ],
)

_WORD_SIGNS = (("≥", ">="), ("≤", "<="), ("dưới", "<"), ("trên", ">"))


def _cell(text: str) -> tuple[str, str]:
    """(comparator, number_text) of a roadmap cell, read by hand-simple rules."""
    for sign, comparator in _WORD_SIGNS:
        if text.startswith(sign):
            return comparator, text[len(sign):].strip()
    return "=", text


def xh_expected() -> dict[str, Any]:
    g, span, ub = "target", "2026-2030", "Ủy ban nhân dân các huyện, thị xã, thành phố"
    targets = [
        t(g, "between", "0,8", "điểm phần trăm", span, None, "bình quân 0,8 - 1 điểm",
          "Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều giảm bình quân"),
        t(g, ">", "2", "điểm phần trăm", span, None, "trên 2 điểm", "Tỷ lệ hộ nghèo dân tộc thiểu số giảm"),
    ]
    targets[0]["value_max"] = 1
    lead = None
    for row in XH_ROWS:
        if isinstance(row, tuple):
            continue
        assert isinstance(row, list)
        indicator, unit, cells, lead = row[1], row[2], row[3:9], row[9] or lead
        for i, cell in enumerate(cells):
            comparator, number_text = _cell(cell)
            # anchored on the row as the DOCX reader prints it ("indicator | unit | a | b"): the number is
            # the first occurrence of its digits in that prefix (the values are chosen so)
            context = " | ".join([indicator, unit, *cells[:i + 1]])
            assert context.index(number_text) == len(context) - len(number_text), context
            kind, period = ("actual", "2025") if i == 0 else (g, YEARS[i - 1])
            targets.append(t(kind, comparator, number_text, unit, period, lead, context, indicator))
    targets += [
        t(g, "=", "1.865", "tỷ đồng", span, None, "dự kiến 1.865", "Tổng kinh phí thực hiện Chương trình"),
        t(g, "=", "1.420", "tỷ đồng", span, None, "ương 1.420", "Kinh phí từ ngân sách trung ương"),
        t(g, "=", "245", "tỷ đồng", span, None, "phương 245", "Kinh phí từ ngân sách địa phương"),
        t(g, "=", "200", "tỷ đồng", span, None, "khác 200", "Vốn huy động hợp pháp khác"),
        t(g, ">", "90", "%", span, SNN, "trên 90%", "Tỷ lệ giải ngân vốn Chương trình"),
        t(g, "=", "2.500", "hộ", span, SDT, "trợ 2.500", "Số hộ được hỗ trợ phát triển sản xuất"),
        t(g, ">=", "10", "%", span, ub, "tối thiểu 10%", "Tỷ lệ vốn đối ứng từ ngân sách cấp huyện"),
    ]
    return {
        "document": f"{XH_NAME}.docx",
        "meta": {"kind": "ke_hoach", "number": "74/KH-UBND", "date": "2026-03-25", "plan_year": None},
        "targets": targets,
        "assignments": [
            {"ref": "1", "lead": [SNN], "head": f"1. {SNN} (cơ quan", "tasks": 2},
            {"ref": "2", "lead": [SDT], "head": f"2. {SDT}:", "tasks": 1},
            {"ref": "3", "lead": [ub], "head": f"3. {ub}:", "tasks": 2},
        ],
        "deadlines": [{"rule": "semiannual", "date": None, "day": None},
                      {"rule": "once", "date": "2026-04-30", "day": None}],
    }


# ---------------------------------------------------------------------------------------------- monthly PDF
PT_NAME = "tinh-phuoctuy-2027-baocao-thang5-hai-cot"
PT_HEAD = [
    "ỦY BAN NHÂN DÂN", "TỈNH PHƯỚC TUY", "Số: 131/BC-UBND", "Phước Tuy, ngày 29 tháng 5 năm 2027", "",
    "BÁO CÁO", "Tình hình kinh tế - xã hội tháng 5 và 5 tháng đầu năm 2027", "",
]
PT_BODY = [
    "I. TÌNH HÌNH KINH TẾ - XÃ HỘI THÁNG 5 VÀ 5 THÁNG ĐẦU NĂM 2027",
    "1. Sản xuất công nghiệp",
    "Chỉ số sản xuất công nghiệp (IIP) tháng 5 ước tăng 2,4% so với tháng trước và tăng 9,1% so với cùng kỳ; "
    "lũy kế 5 tháng tăng 8,6% so với cùng kỳ năm 2026.",
    "2. Thương mại, dịch vụ",
    "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng tháng 5 ước đạt 6.215 tỷ đồng, tăng 1,7% so với "
    "tháng trước; lũy kế 5 tháng đạt 30.480 tỷ đồng, tăng 11,2% so với cùng kỳ, bằng 42,3% kế hoạch năm.",
    "Kim ngạch xuất khẩu 5 tháng ước đạt 1.126 triệu USD, tăng 14,5% so với cùng kỳ; kim ngạch nhập khẩu đạt "
    "842 triệu USD.",
    "Khách du lịch: tháng 5 đón 318 nghìn lượt khách; lũy kế 5 tháng đón 1,52 triệu lượt khách, tăng 18% so "
    "với cùng kỳ.",
    "3. Thu, chi ngân sách",
    "Tổng thu ngân sách nhà nước trên địa bàn lũy kế 5 tháng ước đạt 4.860 tỷ đồng, bằng 44,6% dự toán (dự toán "
    "năm 2027 là 10.900 tỷ đồng), tăng 6,3% so với cùng kỳ. Tổng chi ngân sách địa phương 5 tháng đạt 5.210 tỷ "
    "đồng.",
    "4. Đầu tư, phát triển doanh nghiệp",
    "Giải ngân vốn đầu tư công đến ngày 25/5/2027 đạt 2.314 tỷ đồng, bằng 31,8% kế hoạch vốn Thủ tướng Chính "
    "phủ giao, cao hơn tỷ lệ giải ngân bình quân cả nước (28,7%).",
    "Trong tháng, cấp mới Giấy chứng nhận đăng ký đầu tư cho 7 dự án với tổng vốn đăng ký 3.950 tỷ đồng; lũy kế "
    "5 tháng có 412 doanh nghiệp thành lập mới, tăng 9,3% so với cùng kỳ.",
    "5. Lao động, việc làm",
    "Trong tháng giải quyết việc làm cho 2.640 lao động; lũy kế 5 tháng 11.850 lao động, đạt 43,9% kế hoạch "
    "năm.",
    "II. NHIỆM VỤ TRỌNG TÂM THÁNG 6 NĂM 2027",
    "1. Các sở, ngành, địa phương tập trung tháo gỡ khó khăn cho các dự án, phấn đấu đến ngày 30/6/2027 giải "
    "ngân vốn đầu tư công đạt trên 45% kế hoạch.",
    "2. Sở Tài chính chủ trì, phối hợp với Thuế tỉnh đôn đốc thu ngân sách, phấn đấu thu 6 tháng đạt trên "
    "52% dự toán.",
    "3. Sở Công Thương chủ trì theo dõi diễn biến thị trường, giá cả; báo cáo Ủy ban nhân dân tỉnh trước ngày "
    "20 hằng tháng.",
    "Nơi nhận:", "- Văn phòng Chính phủ;", "- TT Tỉnh ủy, TT HĐND tỉnh;", "- Lưu: VT, TH.",
    "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH",
]


def pt_expected() -> dict[str, Any]:
    a, y = "actual", "2027"
    targets = [
        t(a, "=", "2,4", "%", y, None, "tăng 2,4%", "Chỉ số sản xuất công nghiệp tháng 5 so với tháng trước"),
        t(a, "=", "9,1", "%", y, None, "tăng 9,1%", "Chỉ số sản xuất công nghiệp tháng 5 so với cùng kỳ"),
        t(a, "=", "8,6", "%", y, None, "tăng 8,6%", "Chỉ số sản xuất công nghiệp lũy kế 5 tháng"),
        t(a, "=", "6.215", "tỷ đồng", y, None, "đạt 6.215", "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tháng 5"),
        t(a, "=", "1,7", "%", y, None, "tăng 1,7%", "Tổng mức bán lẻ tháng 5 so với tháng trước"),
        t(a, "=", "30.480", "tỷ đồng", y, None, "đạt 30.480", "Tổng mức bán lẻ hàng hóa lũy kế 5 tháng"),
        t(a, "=", "11,2", "%", y, None, "tăng 11,2%", "Tổng mức bán lẻ lũy kế so với cùng kỳ"),
        t(a, "=", "42,3", "%", y, None, "bằng 42,3%", "Tổng mức bán lẻ lũy kế so với kế hoạch năm"),
        t(a, "=", "1.126", "triệu USD", y, None, "đạt 1.126", "Kim ngạch xuất khẩu 5 tháng"),
        t(a, "=", "14,5", "%", y, None, "tăng 14,5%", "Kim ngạch xuất khẩu so với cùng kỳ"),
        t(a, "=", "842", "triệu USD", y, None, "đạt 842", "Kim ngạch nhập khẩu"),
        t(a, "=", "318", "nghìn lượt khách", y, None, "đón 318", "Khách du lịch tháng 5"),
        t(a, "=", "1,52", "triệu lượt khách", y, None, "đón 1,52", "Khách du lịch lũy kế 5 tháng"),
        t(a, "=", "18", "%", y, None, "tăng 18%", "Khách du lịch so với cùng kỳ"),
        t(a, "=", "4.860", "tỷ đồng", y, None, "đạt 4.860", "Tổng thu ngân sách nhà nước lũy kế 5 tháng"),
        t(a, "=", "44,6", "%", y, None, "bằng 44,6%", "Thu ngân sách so với dự toán"),
        t("target", "=", "10.900", "tỷ đồng", y, None, "là 10.900", "Dự toán thu ngân sách năm 2027"),
        t(a, "=", "6,3", "%", y, None, "tăng 6,3%", "Thu ngân sách so với cùng kỳ"),
        t(a, "=", "5.210", "tỷ đồng", y, None, "đạt 5.210", "Tổng chi ngân sách địa phương 5 tháng"),
        t(a, "=", "2.314", "tỷ đồng", y, None, "đạt 2.314", "Giải ngân vốn đầu tư công"),
        t(a, "=", "31,8", "%", y, None, "bằng 31,8%", "Tỷ lệ giải ngân vốn đầu tư công"),
        t(a, "=", "28,7", "%", y, None, "(28,7%)", "Tỷ lệ giải ngân bình quân cả nước"),
        t(a, "=", "7", "dự án", y, None, "cho 7 dự án", "Số dự án được cấp mới Giấy chứng nhận đăng ký đầu tư"),
        t(a, "=", "3.950", "tỷ đồng", y, None, "ký 3.950", "Tổng vốn đăng ký của dự án cấp mới"),
        t(a, "=", "412", "doanh nghiệp", y, None, "có 412", "Số doanh nghiệp thành lập mới lũy kế 5 tháng"),
        t(a, "=", "9,3", "%", y, None, "tăng 9,3%", "Số doanh nghiệp thành lập mới so với cùng kỳ"),
        t(a, "=", "2.640", "lao động", y, None, "cho 2.640", "Số lao động được giải quyết việc làm trong tháng"),
        t(a, "=", "11.850", "lao động", y, None, "tháng 11.850", "Số lao động được giải quyết việc làm lũy kế"),
        t(a, "=", "43,9", "%", y, None, "đạt 43,9%", "Giải quyết việc làm so với kế hoạch năm"),
        t("target", ">", "45", "%", y, None, "trên 45%", "Tỷ lệ giải ngân vốn đầu tư công đến 30/6"),
        t("target", ">", "52", "%", y, "Sở Tài chính", "trên 52%", "Thu ngân sách 6 tháng so với dự toán"),
    ]
    return {
        "document": f"{PT_NAME}.pdf",
        "meta": {"kind": "bao_cao", "number": "131/BC-UBND", "date": "2027-05-29", "plan_year": 2027},
        "targets": targets,
        "assignments": [
            {"ref": "2", "lead": ["Sở Tài chính"], "head": "Sở Tài chính chủ", "tasks": 1},
            {"ref": "3", "lead": ["Sở Công Thương"], "head": "Sở Công Thương chủ", "tasks": 1},
        ],
        "deadlines": [{"rule": "monthly", "date": None, "day": 20}],
    }


# ---------------------------------------------------------------------------------------------- writing
def main() -> None:
    for name, expected in ((HL_NAME, hl_expected()), (BL_NAME, bl_expected())):
        check_text_anchors(HERE, name, expected)
        write_json(HERE, name, expected)
    for doc, expected in ((VN, vn_expected()), (XH, xh_expected())):
        (HERE / f"{doc.name}.docx").write_bytes(build_docx(doc))
        write_json(HERE, doc.name, expected)
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / f"{PT_NAME}.docx"
        source.write_bytes(two_column_docx(PT_HEAD, PT_BODY))
        pdf = to_pdf(source, Path(tmp))
        if pdf is not None:
            (HERE / f"{PT_NAME}.pdf").write_bytes(pdf.read_bytes())
    write_json(HERE, PT_NAME, pt_expected())


if __name__ == "__main__":
    main()
