"""Generate the DOCX and the LibreOffice PDF of the sixth genre set and their expected JSON.

Run from the repository root (needs python-docx; the PDF also `soffice`):

    PYTHONPATH=$PWD .venv/bin/python tests/extract/samples/genres6/make_samples.py

Both documents are invented (provinces, figures and wording are ours):

- `tinh-vinhphong-2028-kehoach-ntm-bang.docx`: a province's new-countryside plan for 2028 whose
  per-district table has a two-row merged header (`Số xã đạt chuẩn nông thôn mới (xã)` over `Lũy kế
  đến hết năm 2027 | Kế hoạch năm 2028`), a `Tổng cộng` row, and an implementation section of agency
  list headings (`1. Sở Nông nghiệp và Môi trường:`) with bullets.
- `huyen-banglang-2027-baocao-9thang-phuluc-ngang.pdf`: a district's 9-month report exported to PDF by
  LibreOffice from a DOCX, its annex a landscape table `Năm 2027` over `Kế hoạch | Thực hiện 9 tháng |
  Ước thực hiện cả năm`, a ratio column, `Kế hoạch năm 2028`, group rows.

The expected targets are declared by hand below (each table column's kind and year, each prose
figure with its attributes), never read back from the extractor. The generated files are committed
so the tests need neither python-docx nor LibreOffice.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # the shared drawing helpers in samples/

from drawing import Col, Doc, Table, build_docx, to_pdf  # noqa: E402
from drawing import expected_target as t  # noqa: E402

# ---------------------------------------------------------------------------------------------- NTM DOCX
NTM_NAME = "tinh-vinhphong-2028-kehoach-ntm-bang"
NTM_DISTRICTS = [
    # district, NTM communes to end 2027, plan 2028, advanced NTM to end 2027, plan 2028
    ("Huyện Sông Mây", "18", "20", "7", "9"),
    ("Huyện Đồi Thông", "14", "17", "3", "5"),
    ("Huyện Khánh Lâm", "21", "24", "6", "8"),
    ("Thị xã Bình Nguyên", "11", "12", "4", "6"),
]
NTM_TOTAL = ("Tổng cộng", "64", "73", "20", "28")
NTM = Doc(
    name=NTM_NAME,
    head=[
        "ỦY BAN NHÂN DÂN", "TỈNH VĨNH PHONG", "Số: 96/KH-UBND", "Vĩnh Phong, ngày 20 tháng 01 năm 2028", "",
        "KẾ HOẠCH", "Thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới năm 2028", "",
        "I. KẾT QUẢ THỰC HIỆN NĂM 2027",
        "Năm 2027, toàn tỉnh có thêm 7 xã đạt chuẩn nông thôn mới, nâng tổng số lên 64/92 xã, chiếm 69,6%; "
        "20 xã đạt chuẩn nông thôn mới nâng cao; bình quân mỗi xã đạt 17,2 tiêu chí. Huyện Sông Mây được "
        "Thủ tướng Chính phủ công nhận đạt chuẩn nông thôn mới theo Quyết định số 1125/QĐ-TTg ngày 18/9/2027.",
        "II. MỤC TIÊU NĂM 2028",
        "Phấn đấu năm 2028 có thêm 9 xã đạt chuẩn nông thôn mới, 8 xã đạt chuẩn nông thôn mới nâng cao "
        "và 3 xã đạt chuẩn nông thôn mới kiểu mẫu; bình quân mỗi xã đạt 17,8 tiêu chí.",
        "Chỉ tiêu của từng huyện, thị xã tại Biểu 01 dưới đây.",
        "Biểu 01. Số xã đạt chuẩn nông thôn mới theo đơn vị cấp huyện",
    ],
    table=Table(
        cols=[Col("stt", width_cm=1.0), Col("indicator", width_cm=4.0), Col("value", width_cm=2.4),
              Col("value", width_cm=2.4), Col("value", width_cm=2.4), Col("value", width_cm=2.4),
              Col("skip", width_cm=2.0)],
        header=[[("STT", 1, 2), ("Huyện, thị xã", 1, 2), ("Số xã đạt chuẩn nông thôn mới (xã)", 2, 1),
                 ("Số xã đạt chuẩn nông thôn mới nâng cao (xã)", 2, 1), ("Ghi chú", 1, 2)],
                [("Lũy kế đến hết năm 2027", 1, 1), ("Kế hoạch năm 2028", 1, 1),
                 ("Lũy kế đến hết năm 2027", 1, 1), ("Kế hoạch năm 2028", 1, 1)]],
        body=[[str(i + 1), *row, ""] for i, row in enumerate(NTM_DISTRICTS)] + [["", *NTM_TOTAL, ""]],
    ),
    tail=[
        "III. TỔ CHỨC THỰC HIỆN",
        "1. Sở Nông nghiệp và Môi trường:",
        "- Chủ trì hướng dẫn, thẩm định hồ sơ xét công nhận xã đạt chuẩn; tổng hợp, báo cáo Ủy ban nhân dân "
        "tỉnh trước ngày 20/12/2028;",
        "- Tổ chức 12 lớp tập huấn cho cán bộ làm công tác nông thôn mới cấp xã.",
        "2. Sở Tài chính:",
        "- Tham mưu bố trí 1.250 tỷ đồng vốn ngân sách tỉnh thực hiện Chương trình.",
        "3. Ủy ban nhân dân các huyện, thị xã:",
        "- Xây dựng kế hoạch chi tiết của địa phương, hoàn thành trước ngày 28/02/2028;",
        "- Định kỳ hằng quý báo cáo kết quả thực hiện về Sở Nông nghiệp và Môi trường.",
        "Nơi nhận:", "- Bộ Nông nghiệp và Môi trường;", "- Lưu: VT, KTN.",
        "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH",
    ],
)


def ntm_expected() -> dict[str, Any]:
    ntm, ntm_nc = "Số xã đạt chuẩn nông thôn mới", "Số xã đạt chuẩn nông thôn mới nâng cao"
    nn, tc = "Sở Nông nghiệp và Môi trường", "Sở Tài chính"
    targets = [
        t("actual", "=", "7", "xã", "2027", None, "thêm 7 xã", "Số xã đạt chuẩn nông thôn mới tăng thêm"),
        t("actual", "=", "64", "xã", "2027", None, "lên 64/92", "Tổng số xã đạt chuẩn nông thôn mới"),
        t("actual", "=", "69,6", "%", "2027", None, "chiếm 69,6%", "Tỷ lệ xã đạt chuẩn nông thôn mới"),
        t("actual", "=", "20", "xã", "2027", None, "20 xã đạt", "Số xã đạt chuẩn nông thôn mới nâng cao"),
        t("actual", "=", "17,2", "tiêu chí", "2027", None, "đạt 17,2", "Số tiêu chí bình quân mỗi xã đạt"),
        t("target", "=", "9", "xã", "2028", None, "thêm 9 xã", "Số xã đạt chuẩn nông thôn mới tăng thêm"),
        t("target", "=", "8", "xã", "2028", None, "8 xã đạt", "Số xã đạt chuẩn nông thôn mới nâng cao tăng thêm"),
        t("target", "=", "3", "xã", "2028", None, "3 xã đạt", "Số xã đạt chuẩn nông thôn mới kiểu mẫu"),
        t("target", "=", "17,8", "tiêu chí", "2028", None, "đạt 17,8", "Số tiêu chí bình quân mỗi xã đạt"),
    ]
    columns = [("actual", "2027", ntm), ("target", "2028", ntm), ("actual", "2027", ntm_nc), ("target", "2028", ntm_nc)]
    for row in [*NTM_DISTRICTS, NTM_TOTAL]:
        district = None if row is NTM_TOTAL else row[0]
        cells = row[1:]
        for i, ((kind, period, indicator), cell) in enumerate(zip(columns, cells, strict=True)):
            # anchored on the row as the DOCX reader prints it ("name | a | b | c"): the cell is the first
            # occurrence of its digits in that prefix (the values are chosen so)
            context = " | ".join([row[0], *cells[:i + 1]])
            assert context.index(cell) == len(context) - len(cell), context
            targets.append(t(kind, "=", cell, "xã", period, district, context, indicator))
    targets += [
        t("target", "=", "12", "lớp", "2028", nn, "Tổ chức 12 lớp", "Số lớp tập huấn cán bộ nông thôn mới cấp xã"),
        t("target", "=", "1.250", "tỷ đồng", "2028", tc, "trí 1.250", "Vốn ngân sách tỉnh bố trí thực hiện Chương trình"),
    ]
    return {
        "document": f"{NTM_NAME}.docx",
        "meta": {"kind": "ke_hoach", "number": "96/KH-UBND", "date": "2028-01-20", "plan_year": 2028},
        "targets": targets,
        "assignments": [
            {"ref": "1", "lead": [nn], "head": "1. Sở Nông nghiệp và Môi trường:", "tasks": 2},
            {"ref": "2", "lead": [tc], "head": "2. Sở Tài chính:", "tasks": 1},
            {"ref": "3", "lead": ["Ủy ban nhân dân các huyện, thị xã"], "head": "3. Ủy ban nhân dân các huyện, thị xã:",
             "tasks": 2},
        ],
        "deadlines": [{"rule": "once", "date": "2028-12-20", "day": None},
                      {"rule": "once", "date": "2028-02-28", "day": None},
                      {"rule": "quarterly", "date": None, "day": None}],
    }


# ---------------------------------------------------------------------------------------------- 9-month PDF
BL_NAME = "huyen-banglang-2027-baocao-9thang-phuluc-ngang"
# STT, indicator, unit, KH 2027, TH 9 tháng, ƯTH cả năm, ratio ƯTH/KH (skipped), KH 2028, note
BL_ROWS: list[object] = [
    ("I", "CHỈ TIÊU KINH TẾ"),
    ["1", "Tổng giá trị sản xuất (giá so sánh 2010)", "tỷ đồng", "7.650", "5.842", "7.810", "102,1", "8.420", ""],
    ["2", "Tốc độ tăng giá trị sản xuất", "%", "8,5", "8,3", "8,7", "102,4", "9,0", ""],
    ["3", "Thu ngân sách nhà nước trên địa bàn", "tỷ đồng", "270", "214,6", "276,5", "102,4", "295", ""],
    ["4", "Diện tích trồng rừng tập trung", "ha", "1.150", "938", "1.165", "101,3", "1.200", "Rừng sản xuất"],
    ("II", "CHỈ TIÊU XÃ HỘI"),
    ["5", "Số lao động được giải quyết việc làm mới", "người", "2.400", "1.962", "2.455", "102,3", "2.500", ""],
    ["6", "Tỷ lệ hộ nghèo (theo chuẩn nghèo đa chiều)", "%", "6,8", "7,3", "6,6", "97,1", "5,6", "Giảm 1 điểm"],
    ["7", "Số trường đạt chuẩn quốc gia tăng thêm", "trường", "4", "2", "3", "75", "5", ""],
]
BL = Doc(
    name=BL_NAME,
    landscape=True,
    head=[
        "ỦY BAN NHÂN DÂN", "HUYỆN BẰNG LÃNG", "Số: 318/BC-UBND", "Bằng Lãng, ngày 05 tháng 10 năm 2027", "",
        "BÁO CÁO",
        "Tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội 9 tháng đầu năm và nhiệm vụ trọng tâm 3 tháng "
        "cuối năm 2027", "",
        "I. KẾT QUẢ THỰC HIỆN 9 THÁNG ĐẦU NĂM 2027",
        "Tổng giá trị sản xuất ước đạt 5.842 tỷ đồng, tăng 8,3% so với cùng kỳ.",
        "Thu ngân sách nhà nước trên địa bàn đạt 214,6 tỷ đồng, bằng 79,5% dự toán tỉnh giao.",
        "Có 9/14 chỉ tiêu chủ yếu ước thực hiện cả năm đạt và vượt kế hoạch.",
        "II. NHIỆM VỤ TRỌNG TÂM 3 THÁNG CUỐI NĂM 2027",
        "Phấn đấu cả năm thu ngân sách nhà nước trên địa bàn đạt 276,5 tỷ đồng trở lên.",
        "Ủy ban nhân dân các xã, thị trấn báo cáo kết quả về Văn phòng HĐND và UBND huyện trước ngày 25 hằng tháng.",
        "Phụ lục: Các chỉ tiêu kinh tế - xã hội chủ yếu năm 2027 và dự kiến năm 2028",
    ],
    table=Table(
        cols=[Col("stt", width_cm=1.2), Col("indicator", width_cm=6.0), Col("unit", width_cm=1.9),
              Col("value", "target", "2027", 2.3), Col("value", "actual", "2027", 2.3),
              Col("value", "actual", "2027", 2.3), Col("skip", width_cm=2.2),
              Col("value", "target", "2028", 2.4), Col("skip", width_cm=3.0)],
        header=[[("STT", 1, 2), ("Chỉ tiêu", 1, 2), ("Đơn vị tính", 1, 2), ("Năm 2027", 3, 1),
                 ("So sánh ƯTH/KH (%)", 1, 2), ("Kế hoạch năm 2028", 1, 2), ("Ghi chú", 1, 2)],
                [("Kế hoạch", 1, 1), ("Thực hiện 9 tháng", 1, 1), ("Ước thực hiện cả năm", 1, 1)]],
        body=BL_ROWS,
    ),
    tail=["Nơi nhận:", "- UBND tỉnh Bằng Lãng (b/c);", "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
)


def bl_expected() -> dict[str, Any]:
    targets = [
        t("actual", "=", "5.842", "tỷ đồng", "2027", None, "đạt 5.842", "Tổng giá trị sản xuất"),
        t("actual", "=", "8,3", "%", "2027", None, "tăng 8,3%", "Tổng giá trị sản xuất so với cùng kỳ"),
        t("actual", "=", "214,6", "tỷ đồng", "2027", None, "đạt 214,6", "Thu ngân sách nhà nước trên địa bàn"),
        t("actual", "=", "79,5", "%", "2027", None, "bằng 79,5%", "Thu ngân sách so với dự toán tỉnh giao"),
        t("actual", "=", "9", "chỉ tiêu", "2027", None, "Có 9/14", "Số chỉ tiêu chủ yếu đạt và vượt kế hoạch"),
        t("target", ">=", "276,5", "tỷ đồng", "2027", None, "đạt 276,5", "Thu ngân sách nhà nước trên địa bàn"),
    ]
    columns = [(3, "target", "2027"), (4, "actual", "2027"), (5, "actual", "2027"), (7, "target", "2028")]
    for row in BL_ROWS:
        if isinstance(row, tuple):
            continue
        assert isinstance(row, list)
        for index, kind, period in columns:
            cell = row[index].strip()
            targets.append(t(kind, "=", cell, row[2], period, None, f"| {row[index]} |", row[1]))
    return {
        "document": f"{BL_NAME}.pdf",
        "meta": {"kind": "bao_cao", "number": "318/BC-UBND", "date": "2027-10-05", "plan_year": 2027},
        "targets": targets,
        "assignments": [],
        "deadlines": [{"rule": "monthly", "date": None, "day": 25}],
    }


def write_json(name: str, data: dict[str, Any]) -> None:
    (HERE / f"{name}.json").write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def main() -> None:
    (HERE / f"{NTM_NAME}.docx").write_bytes(build_docx(NTM))
    write_json(NTM_NAME, ntm_expected())
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / f"{BL_NAME}.docx"
        source.write_bytes(build_docx(BL))
        pdf = to_pdf(source, Path(tmp))
        if pdf is not None:
            (HERE / f"{BL_NAME}.pdf").write_bytes(pdf.read_bytes())
    write_json(BL_NAME, bl_expected())


if __name__ == "__main__":
    main()
