"""Generate the DOCX and the scan of the tenth genre set and the expected JSON of all five documents.

Run from the repository root (needs python-docx; the scan also `soffice` and `pdftoppm`):

    PYTHONPATH=$PWD .venv/bin/python tests/extract/samples/genres10/make_samples.py

All documents are invented (provinces, figures and wording are ours):

- `tinh-tankhanh-2027-totrinh-kehoach-2028.txt` (written by hand beside this script): a province People's
  Committee's submission (`TỜ TRÌNH`, `Số: .../TTr-UBND`) to the council on next year's plan: this year's
  results in the "why" section (`ước đạt ..., thấp hơn mục tiêu 8% Nghị quyết đề ra`), then the draft
  resolution's targets under `2. Các chỉ tiêu chủ yếu năm 2028` with `a) / b) / c)` groups of bullets.
- `tinh-hoaphu-2027-baocao-thamtra-ktns.txt` (by hand): a council committee's review report (`BÁO CÁO THẨM
  TRA`) quoting the year's results against their plan (`chưa đạt kế hoạch (kế hoạch 7,5%)`), counts of
  indicators, next year's targets with the committee's proposal (`nâng ... lên trên 95% (dự thảo trình
  90%)`), letter-numbered assignments `a) Sở ... chủ trì`.
- `tinh-mynhon-2028-congvan-dondoc-giaingan.txt` (by hand): a short official letter (`V/v đôn đốc ...`)
  with the disbursement so far, milestone thresholds (`đến ngày 30/9/2028 đạt tối thiểu 65%`), conditions
  that are not goals (`dưới 50%` triggers a transfer) and a monthly report day.
- `tinh-thuanloc-2026-dean-hatang-thuongmai.docx`: a scheme (`ĐỀ ÁN`, `Số: .../ĐA-UBND`) whose table has
  phase columns `Giai đoạn 2026 - 2028 | Giai đoạn 2029 - 2030 | Cả giai đoạn 2026 - 2030` under a merged
  `Mục tiêu theo giai đoạn` header, group rows, a merged agency column; amounts per phase in the text.
- `huyen-caophong-2028-kehoach-giao-xa-scan.pdf`: an image-only scan of a district's plan handing next
  year's targets to its communes, a matrix (rows communes, columns indicators with their unit in
  brackets), made as DOCX, exported by LibreOffice and scanned (`drawing.to_scan`).

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

from drawing import Col, Doc, Table, build_docx, check_text_anchors, to_pdf, to_scan, write_json  # noqa: E402
from drawing import expected_target as t  # noqa: E402

G, A = "target", "actual"

# ---------------------------------------------------------------------------------------------- submission TXT
TK_NAME = "tinh-tankhanh-2027-totrinh-kehoach-2028"


def tk_expected() -> dict[str, Any]:
    y, n = "2027", "2028"
    targets = [
        t(A, "=", "7,6", "%", y, None, "ước đạt 7,6%", "Tốc độ tăng trưởng kinh tế (GRDP)"),
        t(G, "=", "8", "%", y, None, "mục tiêu 8%", "Mục tiêu tăng trưởng kinh tế Nghị quyết đề ra"),
        t(A, "=", "9.350", "tỷ đồng", y, None, "ước đạt 9.350", "Thu ngân sách nhà nước trên địa bàn"),
        t(A, "=", "4,1", "%", y, None, "vượt 4,1%", "Thu ngân sách vượt dự toán"),
        t(G, "between", "8", "%", n, None, "đạt 8 - 8,5%", "Tốc độ tăng trưởng kinh tế (GRDP)"),
        t(G, "=", "96", "triệu đồng", n, None, "đạt 96 triệu", "GRDP bình quân đầu người"),
        t(G, "~", "41.000", "tỷ đồng", n, None, "khoảng 41.000", "Tổng vốn đầu tư phát triển toàn xã hội"),
        t(G, "=", "10.200", "tỷ đồng", n, None, "bàn 10.200", "Thu ngân sách nhà nước trên địa bàn"),
        t(G, "=", "0,8", "điểm phần trăm", n, None, "giảm 0,8", "Tỷ lệ hộ nghèo theo chuẩn đa chiều giảm"),
        t(G, "=", "71", "%", n, None, "đạt 71%", "Tỷ lệ lao động qua đào tạo"),
        t(G, "=", "34", "giường", n, None, "đạt 34", "Số giường bệnh trên một vạn dân"),
        t(G, "=", "54,2", "%", n, None, "mức 54,2%", "Tỷ lệ che phủ rừng"),
        t(G, "=", "96", "%", n, None, "đạt 96%", "Tỷ lệ chất thải rắn sinh hoạt đô thị được thu gom, xử lý"),
    ]
    targets[4]["value_max"] = 8.5
    return {
        "document": f"{TK_NAME}.txt",
        "meta": {"kind": "other", "number": "214/TTr-UBND", "date": "2027-11-20", "plan_year": 2028},
        "targets": targets,
        "assignments": [
            {"ref": "1", "lead": ["Sở Tài chính"], "head": "1. Sở Tài chính chủ trì", "tasks": 1},
            {"ref": "2", "lead": ["Sở Nội vụ"], "head": "2. Sở Nội vụ chủ trì", "tasks": 1},
        ],
        "deadlines": [{"rule": "once", "date": "2028-09-30", "day": None},
                      {"rule": "once", "date": "2027-12-15", "day": None}],
    }


# ---------------------------------------------------------------------------------------------- review TXT
HP_NAME = "tinh-hoaphu-2027-baocao-thamtra-ktns"


def hp_expected() -> dict[str, Any]:
    y, n = "2027", "2028"
    ct = "Sở Công Thương"
    targets = [
        t(A, "=", "6,9", "%", y, None, "ước đạt 6,9%", "Tốc độ tăng trưởng kinh tế"),
        t(G, "=", "7,5", "%", y, None, "(kế hoạch 7,5%)", "Kế hoạch tốc độ tăng trưởng kinh tế"),
        t(A, "=", "1.480", "triệu USD", y, None, "ước đạt 1.480", "Tổng kim ngạch xuất khẩu"),
        t(G, "=", "1.600", "triệu USD", y, None, "tiêu 1.600", "Chỉ tiêu kim ngạch xuất khẩu Nghị quyết đề ra"),
        t(A, "=", "61,4", "%", y, None, "đạt 61,4%", "Tỷ lệ giải ngân vốn đầu tư công"),
        t(A, "=", "7.920", "tỷ đồng", y, None, "ước đạt 7.920", "Thu ngân sách nhà nước trên địa bàn"),
        t(A, "=", "103,5", "%", y, None, "bằng 103,5%", "Thu ngân sách so với dự toán"),
        t(A, "=", "860", "doanh nghiệp", y, None, "đạt 860", "Số doanh nghiệp thành lập mới"),
        t(G, "=", "800", "doanh nghiệp", y, None, "(kế hoạch 800", "Kế hoạch số doanh nghiệp thành lập mới"),
        t(G, ">=", "7,5", "%", n, None, "từ 7,5%", "Tốc độ tăng trưởng kinh tế"),
        t(G, "=", "1.650", "triệu USD", n, None, "khẩu 1.650", "Tổng kim ngạch xuất khẩu"),
        t(G, "=", "8.300", "tỷ đồng", n, None, "bàn 8.300", "Thu ngân sách nhà nước trên địa bàn"),
        t(G, ">", "95", "%", n, None, "trên 95%", "Tỷ lệ giải ngân vốn đầu tư công"),
        t(G, "=", "90", "%", n, None, "trình 90%", "Tỷ lệ giải ngân vốn đầu tư công trong dự thảo"),
        t(G, "=", "1", "điểm phần trăm", n, None, "giảm 1 điểm", "Tỷ lệ hộ nghèo giảm"),
        t(G, "=", "25", "sản phẩm", n, ct, "thêm 25", "Số sản phẩm OCOP vào hệ thống phân phối hiện đại"),
    ]
    return {
        "document": f"{HP_NAME}.txt",
        "meta": {"kind": "bao_cao", "number": "38/BC-KTNS", "date": "2027-12-02", "plan_year": 2028},
        "targets": targets,
        "assignments": [
            {"ref": "a", "lead": ["Sở Tài chính"], "head": "a) Sở Tài chính chủ trì", "tasks": 1},
            {"ref": "b", "lead": [ct], "head": "b) Sở Công Thương chủ trì", "tasks": 1},
        ],
        "deadlines": [{"rule": "once", "date": "2028-03-31", "day": None}],
    }


# ---------------------------------------------------------------------------------------------- letter TXT
MN_NAME = "tinh-mynhon-2028-congvan-dondoc-giaingan"


def mn_expected() -> dict[str, Any]:
    y = "2028"
    cdt, ub = "Các chủ đầu tư", "Ủy ban nhân dân các huyện, thị xã, thành phố"
    targets = [
        t(A, "=", "1.912", "tỷ đồng", y, None, "được 1.912", "Vốn đầu tư công đã giải ngân đến 30/6"),
        t(A, "=", "34,7", "%", y, None, "đạt 34,7%", "Tỷ lệ giải ngân so với kế hoạch vốn năm"),
        t(G, ">", "95", "%", y, None, "trên 95%", "Tỷ lệ giải ngân kế hoạch vốn năm"),
        t(G, ">=", "65", "%", y, cdt, "tối thiểu 65%", "Tỷ lệ giải ngân đến ngày 30/9"),
        t(G, ">", "85", "%", y, cdt, "trên 85%", "Tỷ lệ giải ngân đến ngày 31/12"),
        t(G, ">=", "120", "ha", y, ub, "tối thiểu 120", "Diện tích mặt bằng sạch bàn giao cho dự án trọng điểm"),
    ]
    return {
        "document": f"{MN_NAME}.txt",
        "meta": {"kind": "other", "number": "1876/UBND-KT", "date": "2028-07-04", "plan_year": 2028},
        "targets": targets,
        "assignments": [
            {"ref": "1", "lead": [cdt], "head": "1. Các chủ đầu tư:", "tasks": 3},
            {"ref": "2", "lead": ["Sở Tài chính"], "head": "2. Sở Tài chính:", "tasks": 2},
            {"ref": "3", "lead": [ub], "head": f"3. {ub} tập trung", "tasks": 1},
        ],
        "deadlines": [{"rule": "once", "date": "2028-07-15", "day": None},
                      {"rule": "monthly", "date": None, "day": 25}],
    }


# ---------------------------------------------------------------------------------------------- scheme DOCX
TL_NAME = "tinh-thuanloc-2026-dean-hatang-thuongmai"
SCT, SNN, STC = "Sở Công Thương", "Sở Nông nghiệp và Môi trường", "Sở Tài chính"
PHASES = ["2026-2028", "2029-2030", "2026-2030"]
# TT, indicator, unit, phase 1, phase 2, whole span, lead ("" under a merged cell)
TL_ROWS: list[object] = [
    ("I", "Hạ tầng chợ và bán lẻ"),
    ["1", "Số chợ nông thôn được xây mới", "chợ", "12", "9", "21", SCT],
    ["2", "Số chợ được cải tạo, nâng cấp", "chợ", "26", "20", "46", ""],
    ["3", "Số cửa hàng tiện lợi phát triển mới", "cửa hàng", "150", "110", "260", ""],
    ("II", "Hạ tầng logistics và nguồn lực"),
    ["4", "Công suất kho lạnh nông sản đầu tư mới", "tấn", "3.000", "2.500", "5.500", SNN],
    ["5", "Kinh phí ngân sách tỉnh hỗ trợ", "tỷ đồng", "84", "61", "145", STC],
]
TL = Doc(
    name=TL_NAME,
    head=[
        "ỦY BAN NHÂN DÂN", "TỈNH THUẬN LỘC", "Số: 09/ĐA-UBND", "Thuận Lộc, ngày 14 tháng 4 năm 2026", "",
        "ĐỀ ÁN",
        "Phát triển hạ tầng thương mại nông thôn tỉnh Thuận Lộc giai đoạn 2026 - 2030", "",
        "I. SỰ CẦN THIẾT XÂY DỰNG ĐỀ ÁN",
        "Đến cuối năm 2025, toàn tỉnh có 118 chợ nông thôn, trong đó 46 chợ xuống cấp; tỷ lệ xã có chợ đạt chuẩn "
        "mới đạt 38%.",
        "II. MỤC TIÊU",
        "1. Mục tiêu chung: hình thành mạng lưới chợ, cửa hàng tiện lợi và điểm bán hàng phù hợp quy hoạch, phục "
        "vụ tiêu thụ nông sản của Nhân dân.",
        "2. Mục tiêu cụ thể: đến năm 2030, tỷ lệ xã có chợ đạt chuẩn đạt 70%; tổng mức bán lẻ hàng hóa khu vực "
        "nông thôn tăng bình quân 9%/năm giai đoạn 2026 - 2030. Các chỉ tiêu theo từng giai đoạn tại Biểu 01.",
        "Biểu 01. Chỉ tiêu của Đề án theo giai đoạn",
    ],
    table=Table(
        cols=[Col("stt", width_cm=1.0), Col("indicator", width_cm=5.6), Col("unit", width_cm=1.8)]
             + [Col("value", G, p, 2.2) for p in PHASES] + [Col("agency", width_cm=3.0)],
        header=[[("STT", 1, 2), ("Chỉ tiêu", 1, 2), ("Đơn vị tính", 1, 2), ("Mục tiêu theo giai đoạn", 3, 1),
                 ("Cơ quan chủ trì", 1, 2)],
                [("Giai đoạn 2026 - 2028", 1, 1), ("Giai đoạn 2029 - 2030", 1, 1),
                 ("Cả giai đoạn 2026 - 2030", 1, 1)]],
        body=TL_ROWS,
        merge_agency=[(1, 3)],
    ),
    tail=[
        "III. NHIỆM VỤ VÀ GIẢI PHÁP",
        f"1. {SCT} chủ trì, phối hợp với Ủy ban nhân dân các huyện rà soát quy hoạch mạng lưới chợ, hoàn thành "
        "trước ngày 31/12/2026.",
        f"2. {STC} chủ trì tham mưu bố trí vốn; phấn đấu tỷ lệ vốn xã hội hóa đạt tối thiểu 60% tổng vốn đầu tư "
        "của Đề án.",
        "IV. KINH PHÍ THỰC HIỆN",
        "Tổng kinh phí thực hiện Đề án là 1.240 tỷ đồng, trong đó giai đoạn 2026 - 2028 là 730 tỷ đồng, giai đoạn "
        "2029 - 2030 là 510 tỷ đồng.",
        "V. TỔ CHỨC THỰC HIỆN",
        "Các sở, ngành, địa phương định kỳ 6 tháng báo cáo kết quả thực hiện Đề án về Sở Công Thương để tổng hợp, "
        "báo cáo Ủy ban nhân dân tỉnh.",
        "Nơi nhận:", "- Bộ Công Thương;", "- TT Tỉnh ủy, TT HĐND tỉnh;", "- Lưu: VT, KT.",
        "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH",
    ],
)


def tl_expected() -> dict[str, Any]:
    span = "2026-2030"
    targets = [
        t(A, "=", "118", "chợ", "2025", None, "có 118", "Số chợ nông thôn"),
        t(A, "=", "46", "chợ", "2025", None, "đó 46 chợ", "Số chợ nông thôn xuống cấp"),
        t(A, "=", "38", "%", "2025", None, "đạt 38%", "Tỷ lệ xã có chợ đạt chuẩn"),
        t(G, "=", "70", "%", "2030", None, "đạt 70%", "Tỷ lệ xã có chợ đạt chuẩn"),
        t(G, "=", "9", "%", span, None, "bình quân 9%", "Tổng mức bán lẻ hàng hóa khu vực nông thôn tăng bình quân"),
    ]
    lead = None
    for row in TL_ROWS:
        if isinstance(row, tuple):
            continue
        assert isinstance(row, list)
        indicator, unit, cells, lead = row[1], row[2], row[3:6], row[6] or lead
        for i, cell in enumerate(cells):
            # anchored on the row as the DOCX reader prints it ("indicator | unit | a | b"): the number is
            # the first occurrence of its digits in that prefix (the values are chosen so)
            context = " | ".join([indicator, unit, *cells[:i + 1]])
            assert context.index(cell) == len(context) - len(cell), context
            targets.append(t(G, "=", cell, unit, PHASES[i], lead, context, indicator))
    targets += [
        t(G, ">=", "60", "%", span, STC, "tối thiểu 60%", "Tỷ lệ vốn xã hội hóa trong tổng vốn đầu tư"),
        t(G, "=", "1.240", "tỷ đồng", span, None, "là 1.240", "Tổng kinh phí thực hiện Đề án"),
        t(G, "=", "730", "tỷ đồng", "2026-2028", None, "là 730", "Kinh phí giai đoạn 2026 - 2028"),
        t(G, "=", "510", "tỷ đồng", "2029-2030", None, "là 510", "Kinh phí giai đoạn 2029 - 2030"),
    ]
    return {
        "document": f"{TL_NAME}.docx",
        "meta": {"kind": "other", "number": "09/ĐA-UBND", "date": "2026-04-14", "plan_year": None},
        "targets": targets,
        "assignments": [
            {"ref": "1", "lead": [SCT], "head": f"1. {SCT} chủ trì", "tasks": 1},
            {"ref": "2", "lead": [STC], "head": f"2. {STC} chủ trì", "tasks": 1},
        ],
        "deadlines": [{"rule": "once", "date": "2026-12-31", "day": None},
                      {"rule": "semiannual", "date": None, "day": None}],
    }


# ---------------------------------------------------------------------------------------------- matrix scan
CP_NAME = "huyen-caophong-2028-kehoach-giao-xa"
CP_COLUMNS = [("Thu ngân sách trên địa bàn", "triệu đồng"), ("Tỷ lệ hộ nghèo giảm", "điểm phần trăm"),
              ("Tỷ lệ dân số tham gia bảo hiểm y tế", "%")]
CP_COMMUNES = [
    ("Thị trấn Cao Phong", "8.640", "0,6", "97,5"),
    ("Xã Bình Thanh", "2.315", "1,2", "94,8"),
    ("Xã Tây Phong", "1.870", "1,5", "93,2"),
    ("Xã Thu Phong", "1.265", "1,8", "92,6"),
]
CP_TOTAL = ("Toàn huyện", "14.090", "1,1", "95,1")
CP = Doc(
    name=CP_NAME,
    head=[
        "ỦY BAN NHÂN DÂN", "HUYỆN CAO PHONG", "Số: 97/KH-UBND", "Cao Phong, ngày 26 tháng 12 năm 2027", "",
        "KẾ HOẠCH",
        "Giao chỉ tiêu phát triển kinh tế - xã hội năm 2028 cho các xã, thị trấn", "",
        "Căn cứ Nghị quyết của Hội đồng nhân dân huyện về kế hoạch phát triển kinh tế - xã hội năm 2028, Ủy ban "
        "nhân dân huyện giao chỉ tiêu năm 2028 cho các xã, thị trấn như Biểu dưới đây.",
        "Biểu: Chỉ tiêu giao các xã, thị trấn năm 2028",
    ],
    table=Table(
        cols=[Col("stt", width_cm=1.0), Col("indicator", width_cm=4.4)]
             + [Col("value", G, "2028", 3.4) for _ in CP_COLUMNS],
        header=[[("STT", 1, 1), ("Xã, thị trấn", 1, 1)] + [(f"{name} ({unit})", 1, 1) for name, unit in CP_COLUMNS]],
        body=[[str(i + 1), *row] for i, row in enumerate(CP_COMMUNES)] + [["", *CP_TOTAL]],
    ),
    tail=[
        "Chủ tịch Ủy ban nhân dân các xã, thị trấn tổ chức thực hiện các chỉ tiêu được giao; báo cáo kết quả về Ủy "
        "ban nhân dân huyện trước ngày 15 hằng tháng.",
        "Phòng Tài chính - Kế hoạch huyện theo dõi, tổng hợp, báo cáo Ủy ban nhân dân huyện định kỳ hằng quý.",
        "Nơi nhận:", "- UBND tỉnh (b/c);", "- TT Huyện ủy, TT HĐND huyện;", "- Lưu: VT, TCKH.",
        "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH",
    ],
)


def cp_expected() -> dict[str, Any]:
    targets = []
    for row in [*CP_COMMUNES, CP_TOTAL]:
        commune = None if row is CP_TOTAL else row[0]
        for (indicator, unit), cell in zip(CP_COLUMNS, row[1:], strict=True):
            # a scan's rows print as "name | a | b | c": the cell after its bar (values chosen unique)
            targets.append(t(G, "=", cell, unit, "2028", commune, f"| {cell}", indicator))
    return {
        "document": f"{CP_NAME}-scan.pdf",
        "meta": {"kind": "ke_hoach", "number": "97/KH-UBND", "date": "2027-12-26", "plan_year": 2028},
        "targets": targets,
        "assignments": [],
        "deadlines": [{"rule": "monthly", "date": None, "day": 15},
                      {"rule": "quarterly", "date": None, "day": None}],
    }


# ---------------------------------------------------------------------------------------------- writing
def check_matrix_values() -> None:
    """The scan's anchors are a bar and the figure: no figure may start another one."""
    cells = [c for row in [*CP_COMMUNES, CP_TOTAL] for c in row[1:]]
    for cell in cells:
        assert sum(other.startswith(cell) for other in cells) == 1, cell


def main() -> None:
    for name, expected in ((TK_NAME, tk_expected()), (HP_NAME, hp_expected()), (MN_NAME, mn_expected())):
        check_text_anchors(HERE, name, expected)
        write_json(HERE, name, expected)
    (HERE / f"{TL_NAME}.docx").write_bytes(build_docx(TL))
    write_json(HERE, TL_NAME, tl_expected())
    check_matrix_values()
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / f"{CP_NAME}.docx"
        source.write_bytes(build_docx(CP))
        pdf = to_pdf(source, Path(tmp))
        if pdf is not None:
            to_scan(pdf, HERE / f"{CP_NAME}-scan.pdf", dpi=200, tilt=0.4, seed=10)
    write_json(HERE, f"{CP_NAME}-scan", cp_expected())


if __name__ == "__main__":
    main()
