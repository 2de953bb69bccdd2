"""Rules learnt from the sixth blind set (`samples/genres6/`), each shown on a text of another
invented province and another layout than the document that revealed it."""

from __future__ import annotations

from rule_texts import check, target_at

from theodoi_extract import extract_text

# A table of localities by indicator under a two-row merged header, as the DOCX and PDF readers print
# it: each value column is the path "indicator (unit) / kind and year", and a note column stays empty.
COMMUNES_MERGED = """ỦY BAN NHÂN DÂN HUYỆN LŨNG TÂM
Số: 08/KH-UBND                     Lũng Tâm, ngày 15 tháng 01 năm 2029

KẾ HOẠCH
Giảm nghèo bền vững năm 2029

STT | Xã, thị trấn | Số hộ nghèo (hộ) / Thực hiện năm 2028 | Số hộ nghèo (hộ) / Kế hoạch năm 2029 | Tỷ lệ hộ có nước sạch (%) / Kế hoạch năm 2029 | Ghi chú
1 | Xã Nà Khương | 412 | 356 | 81,5 |
2 | Thị trấn Lũng Tâm | 95 | 71 | 99,2 | Đô thị loại V
 | Toàn huyện | 507 | 427 | 88 |
"""


def test_a_locality_table_under_a_merged_header_reads_indicator_and_kind_from_the_path() -> None:
    check(target_at(COMMUNES_MERGED, "412"), agency="Xã Nà Khương", unit="hộ", kind="actual", period="2028")
    check(target_at(COMMUNES_MERGED, "356"), agency="Xã Nà Khương", unit="hộ", kind="target", period="2029")
    check(target_at(COMMUNES_MERGED, "99,2"), agency="Thị trấn Lũng Tâm", unit="%", kind="target", period="2029")
    check(target_at(COMMUNES_MERGED, "507"), agency=None, unit="hộ", kind="actual", period="2028")
    t = target_at(COMMUNES_MERGED, "356")
    assert t is not None and t.indicator == "Số hộ nghèo", t


# A tab-separated annex of investors: the subject column is headed "Chủ đầu tư" (its cells are
# agencies), the columns name an indicator with a kind and a year ("Kế hoạch vốn năm 2029") or a
# year only ("Giải ngân năm 2028": before the plan year, so a result), a note column.
INVESTORS = """ỦY BAN NHÂN DÂN TỈNH PHONG ĐIỀN
Số: 33/KH-UBND                     Phong Điền, ngày 20 tháng 02 năm 2029

KẾ HOẠCH
Giải ngân vốn đầu tư công năm 2029

(Đơn vị tính: triệu đồng)
TT\tChủ đầu tư\tKế hoạch vốn năm 2029\tGiải ngân năm 2028\tGhi chú
1\tBan Quản lý dự án đầu tư xây dựng tỉnh\t640.000\t588.300\t
2\tSở Y tế\t75.400\t69.120\tVốn ODA
\tTổng cộng\t715.400\t657.420\t
"""


def test_an_investor_table_gives_each_row_its_investor_and_each_column_its_kind() -> None:
    check(target_at(INVESTORS, "640.000"), agency="Ban Quản lý dự án đầu tư xây dựng tỉnh", unit="triệu đồng",
          kind="target", period="2029")
    check(target_at(INVESTORS, "588.300"), agency="Ban Quản lý dự án đầu tư xây dựng tỉnh", kind="actual",
          period="2028")
    check(target_at(INVESTORS, "69.120"), agency="Sở Y tế", kind="actual", period="2028")
    check(target_at(INVESTORS, "715.400"), agency=None, kind="target", period="2029")


# A plan's own figure as the subject of a report's sentence: "Kế hoạch vốn ... năm N được giao X".
PLAN_SUBJECT = """SỞ TÀI CHÍNH TỈNH KHE LAU
Số: 77/BC-STC                     Khe Lau, ngày 12 tháng 8 năm 2029

BÁO CÁO
Tình hình giải ngân vốn đầu tư công 7 tháng năm 2029

1. Kế hoạch vốn đầu tư công năm 2029 được giao 2.310 tỷ đồng. Đến ngày 31/7/2029, giải ngân được 1.020 tỷ đồng, đạt 44,2% kế hoạch.
2. Kế hoạch thu ngân sách năm 2029 của tỉnh là 3.400 tỷ đồng; 7 tháng thu được 2.050 tỷ đồng.
"""


def test_a_plan_named_as_the_subject_is_a_target() -> None:
    check(target_at(PLAN_SUBJECT, "2.310"), kind="target", period="2029")
    check(target_at(PLAN_SUBJECT, "3.400"), kind="target", period="2029")
    # the results beside them stay results
    check(target_at(PLAN_SUBJECT, "1.020"), kind="actual", period="2029")
    check(target_at(PLAN_SUBJECT, "2.050"), kind="actual", period="2029")


# A People's Council resolution whose "Điều" on implementation opens its items with "Giao" and the
# council of the issuing level, no colon and no "chủ trì".
COUNCIL_ARTICLES = """HỘI ĐỒNG NHÂN DÂN TỈNH SƠN LỘC
Số: 12/NQ-HĐND                     Sơn Lộc, ngày 06 tháng 12 năm 2028

NGHỊ QUYẾT
Về kế hoạch phát triển kinh tế - xã hội năm 2029

Điều 1. Chỉ tiêu chủ yếu năm 2029
- Tốc độ tăng trưởng kinh tế đạt 7%.

Điều 2. Tổ chức thực hiện
1. Giao Ủy ban nhân dân tỉnh triển khai thực hiện Nghị quyết, báo cáo kết quả tại kỳ họp cuối năm.
2. Giao Hội đồng nhân dân các huyện, thị xã căn cứ Nghị quyết xây dựng kế hoạch của địa phương.
3. Giao Thường trực Hội đồng nhân dân tỉnh giám sát việc thực hiện Nghị quyết.
"""


def test_an_article_item_giving_the_issuing_levels_council_a_task_is_an_assignment() -> None:
    got = [(a.ref, a.lead) for a in extract_text(COUNCIL_ARTICLES).assignments]
    assert ("1", ("Ủy ban nhân dân tỉnh",)) in got, got
    # the closing "Giao ... giám sát" item is the document's own follow-up, no block (the convention)
    assert all(ref != "3" for ref, _ in got), got


def test_count_units_of_investors_and_criteria() -> None:
    check(target_at("Năm 2028, có 11/15 chủ đầu tư giải ngân đạt kế hoạch.", "11/15"), unit="chủ đầu tư", value=11)
    check(target_at("Năm 2028, bình quân mỗi xã đạt 16,4 tiêu chí.", "16,4"), unit="tiêu chí")


# A share after a count that says which of the counted reached it: "6/11 huyện giải ngân trên 80%" is
# a count of districts, the 80% is the bar they passed, not a figure of its own.
COUNTED_BAR = """Năm 2028, toàn tỉnh có 6/11 huyện giải ngân trên 80% kế hoạch vốn; còn 4 dự án giải ngân dưới 30% phải điều chuyển vốn.
Năm 2028, có 1.250 hộ thoát nghèo, tăng trên 12% so với năm 2027.
"""


def test_a_bar_after_a_count_describes_the_counted() -> None:
    found = {t.number_text for t in extract_text(COUNTED_BAR).targets}
    assert {"6/11", "4", "1.250", "12"} <= found, found
    assert not {"80", "30"} & found, found
