"""Rules learnt from the seventh blind set (`samples/genres7/`), each shown on a text of another
invented province and another layout than the document that revealed it."""

from __future__ import annotations

from rule_texts import check, target_at

# A decision's annex of communes by indicator whose merged header states the kind and the year once,
# above the indicators ("Kế hoạch năm 2030 / Số hộ thoát nghèo (hộ)"), as the DOCX and PDF readers
# print such a header: the reverse of "Số hộ nghèo (hộ) / Kế hoạch năm 2029".
COMMUNES_KIND_ON_TOP = """ỦY BAN NHÂN DÂN HUYỆN MƯỜNG KHOA
Số: 412/QĐ-UBND                     Mường Khoa, ngày 20 tháng 12 năm 2029

QUYẾT ĐỊNH
Giao chỉ tiêu năm 2030 cho các xã, thị trấn

STT | Xã, thị trấn | Kế hoạch năm 2030 / Số hộ thoát nghèo (hộ) | Kế hoạch năm 2030 / Diện tích lúa chất lượng cao (ha) | Ghi chú
1 | Xã Pá Vầy | 64 | 215 |
2 | Xã Nậm Cang | 38 | 140,5 | Xã biên giới
 | Tổng cộng | 102 | 355,5 |
"""


def test_a_locality_table_whose_merged_header_states_kind_and_year_above_the_indicators() -> None:
    check(target_at(COMMUNES_KIND_ON_TOP, "64"), agency="Xã Pá Vầy", unit="hộ", kind="target", period="2030")
    check(target_at(COMMUNES_KIND_ON_TOP, "140,5"), agency="Xã Nậm Cang", unit="ha", kind="target", period="2030")
    check(target_at(COMMUNES_KIND_ON_TOP, "355,5"), agency=None, unit="ha", kind="target", period="2030")
    t = target_at(COMMUNES_KIND_ON_TOP, "215")
    assert t is not None and t.indicator == "Diện tích lúa chất lượng cao", t


# The same with a year alone on top ("Năm 2028 / ..." in a report of 2029: results of the year before)
COMMUNES_YEAR_ON_TOP = """ỦY BAN NHÂN DÂN HUYỆN MƯỜNG KHOA
Số: 15/BC-UBND                     Mường Khoa, ngày 10 tháng 01 năm 2029

BÁO CÁO
Kết quả năm 2028 của các xã

STT | Xã, thị trấn | Năm 2028 / Số hộ thoát nghèo (hộ) | Năm 2028 / Số lao động có việc làm mới (người) | Ghi chú
1 | Xã Pá Vầy | 71 | 320 |
2 | Xã Nậm Cang | 45 | 185 |
"""


def test_a_locality_table_with_a_year_alone_above_the_indicators() -> None:
    check(target_at(COMMUNES_YEAR_ON_TOP, "71"), agency="Xã Pá Vầy", unit="hộ", kind="actual", period="2028")
    check(target_at(COMMUNES_YEAR_ON_TOP, "185"), agency="Xã Nậm Cang", unit="người", period="2028")


# The first locality under the header has nothing to do for one indicator, written as a dash: the
# header is still the header (a town with no commune left to bring to the new-countryside standard).
TOWN_FIRST = """ỦY BAN NHÂN DÂN TỈNH KIM ĐÀI
Số: 77/KH-UBND                     Kim Đài, ngày 05 tháng 01 năm 2030

KẾ HOẠCH
Phân bổ chỉ tiêu năm 2030

TT | Huyện, thành phố | Số xã đạt chuẩn nông thôn mới tăng thêm (xã) | Số hộ được hỗ trợ nhà ở (hộ) | Số lao động được đào tạo nghề (người)
1 | Thành phố Kim Đài | - | 35 | 1.250
2 | Huyện Tân Kỳ | 2 | 118 | 960
"""


def test_a_dash_under_the_header_does_not_hide_the_table() -> None:
    check(target_at(TOWN_FIRST, "35"), agency="Thành phố Kim Đài", unit="hộ", kind="target", period="2030")
    check(target_at(TOWN_FIRST, "2", "Tân Kỳ"), agency="Huyện Tân Kỳ", unit="xã", period="2030")
    check(target_at(TOWN_FIRST, "960"), agency="Huyện Tân Kỳ", unit="người")


# A report of a meeting whose conclusions hand tasks out ("2. Giao Sở Công Thương chủ trì ..."): under a
# heading that tells no kind ("III. Ý KIẾN KẾT LUẬN"), a figure of an assignment block is what the
# agency is to reach, not a result of the report.
MEETING_CONCLUSIONS = """ỦY BAN NHÂN DÂN TỈNH LỘC VIÊN
VĂN PHÒNG
Số: 31/BC-VP                     Lộc Viên, ngày 14 tháng 02 năm 2030

BÁO CÁO
Kết quả buổi làm việc của Chủ tịch Ủy ban nhân dân tỉnh với các doanh nghiệp năm 2030

I. TÌNH HÌNH CHUNG
Năm 2029, kim ngạch xuất khẩu của tỉnh đạt 412 triệu USD.

II. Ý KIẾN KẾT LUẬN
1. Giao Sở Công Thương chủ trì, phối hợp với các hiệp hội doanh nghiệp tổ chức 4 hội chợ xúc tiến thương mại, bảo đảm kim ngạch xuất khẩu năm 2030 đạt trên 450 triệu USD.
2. Giao Sở Tài chính chủ trì rà soát thủ tục, bảo đảm giải ngân vốn hỗ trợ doanh nghiệp đạt 100% kế hoạch.
"""


def test_a_figure_of_an_assignment_block_under_a_heading_without_kind_is_a_target() -> None:
    check(target_at(MEETING_CONCLUSIONS, "4", "tổ chức 4"), kind="target", agency="Sở Công Thương", unit="hội chợ")
    check(target_at(MEETING_CONCLUSIONS, "100"), kind="target", agency="Sở Tài chính")
    check(target_at(MEETING_CONCLUSIONS, "450"), kind="target", comparator=">", period="2030")
    check(target_at(MEETING_CONCLUSIONS, "412"), kind="actual", period="2029")


# A task to finish what is left of the year's plan: "còn lại" after the figure says which part of the
# plan the figure is (the remainder still to do), not that it is a result.
REMAINDER_TASK = """SỞ XÂY DỰNG TỈNH ĐÔNG NGẠN
Số: 604/BC-SXD                     Đông Ngạn, ngày 02 tháng 10 năm 2029

BÁO CÁO
Kết quả Quý III và nhiệm vụ Quý IV năm 2029

I. KẾT QUẢ QUÝ III NĂM 2029
Lũy kế 9 tháng hoàn thành 38 km đường giao thông nông thôn; số km còn lại 14 km.

II. NHIỆM VỤ QUÝ IV NĂM 2029
1. Phòng Quản lý hạ tầng chủ trì:
- Hoàn thành 14,5 km đường giao thông nông thôn còn lại của kế hoạch năm;
- Kiểm tra chất lượng các công trình.
"""


def test_a_remainder_after_the_figure_of_a_task_is_no_result_cue() -> None:
    check(target_at(REMAINDER_TASK, "14,5"), kind="target", agency="Phòng Quản lý hạ tầng", period="2029")
    check(target_at(REMAINDER_TASK, "14 km"[:2], "còn lại"), kind="actual")


# A statistics office's yearly report: a comparison base qualified by a word or two before its year
# ("so với bình quân năm 2028", "so với mức thực hiện năm 2028") is a base, and lends no year to the
# next clause; a year owned by an earlier figure ("mức tăng 6,2% của năm 2028") is that figure's only.
STATISTICS_YEAR = """CỤC THỐNG KÊ TỈNH SA ĐÌNH
Số: 301/BC-CTK                     Sa Đình, ngày 27 tháng 12 năm 2029

BÁO CÁO
Tình hình kinh tế - xã hội năm 2029

Chỉ số giá tiêu dùng bình quân năm 2029 tăng 2,94% so với bình quân năm 2028; chỉ số giá vàng tháng 12 tăng 1,15% so với tháng trước.
Tổng vốn đầu tư thực hiện tăng 8,6% so với mức thực hiện năm 2028; vốn nhà nước chiếm 31,7%.
Tốc độ tăng GRDP ước đạt 7,35%, cao hơn mức tăng 6,2% của năm 2028 và vượt kế hoạch đề ra (kế hoạch 7%).
"""


def test_a_qualified_comparison_base_and_a_figures_own_year_lend_no_year_to_what_follows() -> None:
    check(target_at(STATISTICS_YEAR, "1,15"), kind="actual", period="2029")
    check(target_at(STATISTICS_YEAR, "8,6"), kind="actual", period="2029")
    check(target_at(STATISTICS_YEAR, "31,7"), kind="actual", period="2029")
    check(target_at(STATISTICS_YEAR, "6,2"), kind="actual", period="2028")
    check(target_at(STATISTICS_YEAR, "7", "kế hoạch 7"), kind="target", period="2029")


# Units of a department's quarterly report: doses given, permits issued.
DOSES_PERMITS = """SỞ Y TẾ TỈNH SA ĐÌNH
Số: 88/BC-SYT                     Sa Đình, ngày 03 tháng 10 năm 2029

BÁO CÁO
Kết quả Quý III năm 2029

Trong Quý III, đã tiêm 52.400 liều vắc xin sởi - rubella cho trẻ em; cấp mới 46 giấy phép hoạt động khám bệnh, chữa bệnh.
"""


def test_units_of_doses_and_permits() -> None:
    check(target_at(DOSES_PERMITS, "52.400"), kind="actual", unit="liều", period="2029")
    check(target_at(DOSES_PERMITS, "46"), kind="actual", unit="giấy phép", period="2029")
