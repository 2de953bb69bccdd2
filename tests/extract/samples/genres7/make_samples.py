"""Generate the DOCX of the seventh genre set and its expected JSON.

Run from the repository root (needs python-docx):

    PYTHONPATH=$PWD .venv/bin/python tests/extract/samples/genres7/make_samples.py

The document is invented (province, figures and wording are ours):

- `tinh-namvan-2029-quyetdinh-giao-chitieu-huyen.docx`: a province's decision handing next year's
  targets to its districts, a short body of `Điều` articles around one table with a row per district and
  the indicators across the top, under a two-row merged header whose upper cell states the kind and
  the year once (`Chỉ tiêu kế hoạch năm 2029`) and whose lower cells name each indicator with its unit
  in brackets; a `Toàn tỉnh` sum row; an implementation article of agency list headings with bullets.

The expected targets are declared by hand below (each table column's indicator and unit, each prose
figure with its attributes), never read back from the extractor. The generated file is committed so
the tests do not need python-docx.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # the shared drawing helpers in samples/

from drawing import Col, Doc, Table, build_docx  # noqa: E402
from drawing import expected_target as t  # noqa: E402

NV_NAME = "tinh-namvan-2029-quyetdinh-giao-chitieu-huyen"
# indicator, unit: the lower header row, in column order
NV_COLUMNS = [
    ("Thu ngân sách nhà nước trên địa bàn", "tỷ đồng"),
    ("Số lao động được tạo việc làm mới", "người"),
    ("Tỷ lệ che phủ rừng", "%"),
    ("Số xã đạt chuẩn nông thôn mới tăng thêm", "xã"),
]
NV_DISTRICTS = [
    # district, budget revenue, new jobs, forest cover, new NTM communes
    ("Thành phố Nam Vân", "1.420", "4.600", "18,5", "-"),  # no commune left: no figure
    ("Huyện Tràng Sơn", "418", "2.150", "61,7", "3"),
    ("Huyện Hạ Khê", "196", "1.840", "47,6", "2"),
    ("Huyện Đông Mỹ", "231", "1.390", "55,9", "4"),
    ("Thị xã Bến Cát Vàng", "530", "2.720", "29,8", "1"),
]
NV_TOTAL = ("Toàn tỉnh", "2.795", "12.700", "44,3", "10")
UB = "Ủy ban nhân dân các huyện, thị xã, thành phố"
NV = Doc(
    name=NV_NAME,
    head=[
        "ỦY BAN NHÂN DÂN", "TỈNH NAM VÂN", "Số: 2145/QĐ-UBND", "Nam Vân, ngày 15 tháng 12 năm 2028", "",
        "QUYẾT ĐỊNH",
        "Về việc giao chỉ tiêu kế hoạch phát triển kinh tế - xã hội năm 2029 cho các huyện, thị xã, thành phố",
        "", "ỦY BAN NHÂN DÂN TỈNH NAM VÂN",
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
        "Căn cứ Nghị quyết số 47/NQ-HĐND ngày 08 tháng 12 năm 2028 của Hội đồng nhân dân tỉnh về kế hoạch phát "
        "triển kinh tế - xã hội năm 2029;",
        "Theo đề nghị của Giám đốc Sở Tài chính tại Tờ trình số 318/TTr-STC ngày 10 tháng 12 năm 2028.",
        "QUYẾT ĐỊNH:",
        "Điều 1. Giao chỉ tiêu kế hoạch phát triển kinh tế - xã hội năm 2029 cho Ủy ban nhân dân các huyện, thị "
        "xã, thành phố theo Biểu dưới đây. Các chỉ tiêu giao là mức tối thiểu; các địa phương phấn đấu thực "
        "hiện vượt mức được giao.",
        "Biểu: Chỉ tiêu giao cho các huyện, thị xã, thành phố năm 2029",
    ],
    table=Table(
        cols=[Col("stt", width_cm=1.0), Col("indicator", width_cm=3.6), Col("value", width_cm=2.6),
              Col("value", width_cm=2.6), Col("value", width_cm=2.4), Col("value", width_cm=2.6),
              Col("skip", width_cm=1.8)],
        header=[[("STT", 1, 2), ("Đơn vị", 1, 2), ("Chỉ tiêu kế hoạch năm 2029", 4, 1), ("Ghi chú", 1, 2)],
                [(f"{name} ({unit})", 1, 1) for name, unit in NV_COLUMNS]],
        body=[[str(i + 1), *row, ""] for i, row in enumerate(NV_DISTRICTS)] + [["", *NV_TOTAL, ""]],
    ),
    tail=[
        "Điều 2. Tổ chức thực hiện",
        f"1. {UB}:",
        "- Giao chỉ tiêu cho các xã, phường, thị trấn, hoàn thành trước ngày 31/12/2028;",
        "- Tổ chức 2 đợt kiểm tra tiến độ thực hiện trong năm;",
        "- Định kỳ hằng quý báo cáo kết quả thực hiện về Sở Tài chính.",
        "2. Sở Tài chính:",
        "- Theo dõi, đôn đốc việc thực hiện các chỉ tiêu được giao; tổng hợp, báo cáo Ủy ban nhân dân tỉnh.",
        "Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc các sở, Thủ trưởng các ban, ngành và Chủ tịch "
        "Ủy ban nhân dân các huyện, thị xã, thành phố chịu trách nhiệm thi hành Quyết định này./.",
        "Nơi nhận:", "- Như Điều 3;", "- TT Tỉnh ủy, TT HĐND tỉnh;", "- Lưu: VT, KT.",
        "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH",
    ],
)


def nv_expected() -> dict[str, Any]:
    targets = []
    for row in [*NV_DISTRICTS, NV_TOTAL]:
        district = None if row is NV_TOTAL else row[0]
        cells = row[1:]
        for i, ((indicator, unit), cell) in enumerate(zip(NV_COLUMNS, cells, strict=True)):
            # anchored on the row as the DOCX reader prints it ("name | a | b | c"): the cell is the first
            # occurrence of its digits in that prefix (the values are chosen so)
            if cell == "-":
                continue
            context = " | ".join([row[0], *cells[:i + 1]])
            assert context.index(cell) == len(context) - len(cell), context
            targets.append(t("target", "=", cell, unit, "2029", district, context, indicator))
    targets.append(t("target", "=", "2", "đợt", "2029", UB, "Tổ chức 2 đợt", "Số đợt kiểm tra tiến độ thực hiện"))
    return {
        "document": f"{NV_NAME}.docx",
        "meta": {"kind": "quyet_dinh", "number": "2145/QĐ-UBND", "date": "2028-12-15", "plan_year": 2029},
        "targets": targets,
        "assignments": [
            {"ref": "1", "lead": [UB], "head": f"1. {UB}:", "tasks": 3},
            {"ref": "2", "lead": ["Sở Tài chính"], "head": "2. Sở Tài chính:", "tasks": 1},
        ],
        "deadlines": [{"rule": "once", "date": "2028-12-31", "day": None},
                      {"rule": "quarterly", "date": None, "day": None}],
    }


def write_json(name: str, data: dict[str, Any]) -> None:
    (HERE / f"{name}.json").write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def main() -> None:
    (HERE / f"{NV_NAME}.docx").write_bytes(build_docx(NV))
    write_json(NV_NAME, nv_expected())


if __name__ == "__main__":
    main()
