"""Rules learnt from the ninth blind set (`samples/genres9/`), each shown on a text of another
invented province and another layout than the document that revealed it."""

from __future__ import annotations

from rule_texts import check, target_at

from theodoi_extract import extract_text

# A programme's yearly roadmap: year columns under a merged "Kế hoạch thực hiện" / "Lộ trình thực
# hiện" header. "thực hiện" there is the object of the plan word (what is to be done), not a result.
ROADMAP = """ỦY BAN NHÂN DÂN TỈNH QUẢNG MINH
Số: 118/KH-UBND                     Quảng Minh, ngày 04 tháng 4 năm 2027

KẾ HOẠCH
Thực hiện Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số giai đoạn 2027 - 2030

TT | Chỉ tiêu | Đơn vị tính | Ước thực hiện năm 2026 | Kế hoạch thực hiện / Năm 2027 | Kế hoạch thực hiện / Năm 2028 | Kế hoạch thực hiện / Năm 2029
1 | Số thôn, bản có đường ô tô đến trung tâm được cứng hóa | thôn | 212 | 230 | 248 | 265
2 | Tỷ lệ hộ dân tộc thiểu số dùng nước sạch | % | 61,5 | ≥ 64 | ≥ 67 | ≥ 70
"""


def test_year_columns_under_a_plan_of_what_is_to_be_done_are_targets() -> None:
    check(target_at(ROADMAP, "212"), kind="actual", period="2026", unit="thôn")
    check(target_at(ROADMAP, "248"), kind="target", period="2028", unit="thôn")
    check(target_at(ROADMAP, "70"), kind="target", period="2029", comparator=">=")


# The same with "Lộ trình thực hiện" over the years, in a plan of a district
ROADMAP_DISTRICT = """ỦY BAN NHÂN DÂN HUYỆN YÊN KHÊ
Số: 40/KH-UBND                     Yên Khê, ngày 12 tháng 5 năm 2027

KẾ HOẠCH
Giảm nghèo bền vững giai đoạn 2027 - 2029

TT | Chỉ tiêu | Đơn vị tính | Lộ trình thực hiện / Năm 2027 | Lộ trình thực hiện / Năm 2028 | Lộ trình thực hiện / Năm 2029
1 | Số hộ thoát nghèo | hộ | 410 | 385 | 350
"""


def test_a_roadmap_header_is_a_plan() -> None:
    check(target_at(ROADMAP_DISTRICT, "385"), kind="target", period="2028", unit="hộ")


# A task table's figures are for the year the task's own text names, else the year (or span) of its
# completion-time cell, not the signing year of the document.
TASKS = """ỦY BAN NHÂN DÂN TỈNH TÂN NINH
SỞ CÔNG THƯƠNG
Số: 22/CTr-SCT                     Tân Ninh, ngày 10 tháng 02 năm 2027

CHƯƠNG TRÌNH HÀNH ĐỘNG
Thực hiện Nghị quyết của Tỉnh ủy về phát triển công nghiệp đến năm 2030

TT | Nội dung công việc | Đơn vị chủ trì | Đơn vị phối hợp | Thời hạn | Kết quả
1 | Thu hút đầu tư hạ tầng, lấp đầy 3 cụm công nghiệp trong giai đoạn 2027 - 2030 | Phòng Quản lý công nghiệp | Sở Tài chính | Quý IV/2027 | Báo cáo
2 | Hỗ trợ 120 cơ sở công nghiệp nông thôn đổi mới thiết bị; đến năm 2030 có 35 sản phẩm công nghiệp nông thôn tiêu biểu cấp tỉnh | Trung tâm Khuyến công | Các huyện | 2027 - 2030 | Quyết định hỗ trợ
3 | Tổ chức 6 hội chợ hàng công nghiệp | Phòng Quản lý thương mại | Các hiệp hội | Tháng 10/2028 | Hội chợ
"""


def test_a_task_cell_figure_takes_the_year_of_its_text_then_of_its_time_cell() -> None:
    check(target_at(TASKS, "3", "lấp đầy"), period="2027-2030", agency="Phòng Quản lý công nghiệp", kind="target")
    check(target_at(TASKS, "120"), period="2027-2030", agency="Trung tâm Khuyến công")
    check(target_at(TASKS, "35"), period="2030")
    check(target_at(TASKS, "6", "Tổ chức"), period="2028", agency="Phòng Quản lý thương mại")


# A narrow text column (a PDF set in two columns) wraps an upper-case heading onto a second line: the
# year on that line is still the heading's ("II. NHIỆM VỤ TRỌNG TÂM QUÝ IV" / "NĂM 2028").
WRAPPED_HEADING = """ỦY BAN NHÂN DÂN HUYỆN SA ĐÉC THƯỢNG
Số: 205/BC-UBND                     Sa Đéc Thượng, ngày 02 tháng 10 năm 2028

BÁO CÁO
Tình hình kinh tế - xã hội 9 tháng năm 2028

I. KẾT QUẢ THỰC HIỆN 9 THÁNG
NĂM 2028
Thu ngân sách trên địa bàn ước đạt 312 tỷ đồng, tăng 5,4% so với cùng kỳ.
II. NHIỆM VỤ TRỌNG TÂM QUÝ IV
NĂM 2028
Phấn đấu thu ngân sách cả năm đạt 425 tỷ đồng.
"""


def test_an_upper_case_heading_wrapped_onto_a_second_line_keeps_its_year() -> None:
    check(target_at(WRAPPED_HEADING, "425"), kind="target", period="2028")
    check(target_at(WRAPPED_HEADING, "312"), kind="actual", period="2028")


# "dự toán" (the budget estimate) names a plan as "kế hoạch" does: "(dự toán năm 2029 là ...)" beside
# a result, "Dự toán thu ngân sách năm 2029 được giao ..." as a clause's subject.
BUDGET_PLAN = """SỞ TÀI CHÍNH TỈNH YÊN THẠCH
Số: 77/BC-STC                     Yên Thạch, ngày 05 tháng 7 năm 2029

BÁO CÁO
Tình hình thu, chi ngân sách 6 tháng đầu năm 2029

Thu ngân sách nhà nước 6 tháng ước đạt 2.150 tỷ đồng, bằng 47,8% dự toán (dự toán năm 2029 là 4.500 tỷ đồng).
Dự toán chi đầu tư phát triển năm 2029 được giao 1.320 tỷ đồng; đã giải ngân 540 tỷ đồng.
"""


def test_a_budget_estimate_is_a_plan_figure() -> None:
    check(target_at(BUDGET_PLAN, "4.500"), kind="target", period="2029")
    check(target_at(BUDGET_PLAN, "1.320"), kind="target", period="2029")
    check(target_at(BUDGET_PLAN, "2.150"), kind="actual")


# A goal cue written after a result in the same sentence ("đạt 88%, năm 2029 phấn đấu đạt 90%; ...")
# reaches the end of its clause, not the next clause's result.
MIXED_SENTENCE = """ỦY BAN NHÂN DÂN XÃ TÂN BỬU
Số: 96/BC-UBND                     Tân Bửu, ngày 10 tháng 12 năm 2028

BÁO CÁO
Kết quả năm 2028 và phương hướng năm 2029

Phần thứ nhất
KẾT QUẢ NĂM 2028
1. Văn hóa: tỷ lệ thôn có nhà văn hóa đạt 88%, năm 2029 phấn đấu đạt 90%; tỷ lệ hộ dùng nước hợp vệ sinh tăng lên 97,2%.
"""


def test_a_goal_cue_after_a_result_ends_with_its_clause() -> None:
    check(target_at(MIXED_SENTENCE, "90"), kind="target", period="2029")
    check(target_at(MIXED_SENTENCE, "97,2"), kind="actual", period="2028")
    check(target_at(MIXED_SENTENCE, "88"), kind="actual", period="2028")


# A figure followed in its clause by "trong giai đoạn X - Y" is a total (or share) over that span, as
# "bình quân ... giai đoạn X - Y" is; with no span written, the year by which stays the rule.
SPAN_AFTER = """ỦY BAN NHÂN DÂN TỈNH THANH KHÊ
Số: 64/KH-UBND                     Thanh Khê, ngày 09 tháng 4 năm 2027

KẾ HOẠCH
Phát triển lâm nghiệp bền vững giai đoạn 2027 - 2031

II. NHIỆM VỤ
1. Sở Nông nghiệp và Môi trường:
- Chủ trì trồng mới 4.800 ha rừng sản xuất trong giai đoạn 2027 - 2031;
- Bảo đảm tỷ lệ cây giống chất lượng cao đạt tối thiểu 70% cho cả giai đoạn 2027 - 2031;
- Đến năm 2031, tỷ lệ che phủ rừng đạt 52%.
"""


def test_a_span_written_after_the_figure_is_its_period() -> None:
    check(target_at(SPAN_AFTER, "4.800"), period="2027-2031", kind="target")
    check(target_at(SPAN_AFTER, "70"), period="2027-2031", comparator=">=")
    check(target_at(SPAN_AFTER, "52"), period="2031")


# An agency list heading with a remark on the agency's role in brackets ("(cơ quan thường trực)"): the
# remark is no part of the lead's name, for the block and for its figures.
ROLE_REMARK = """ỦY BAN NHÂN DÂN TỈNH PHÚ KHANG
Số: 31/KH-UBND                     Phú Khang, ngày 18 tháng 3 năm 2028

KẾ HOẠCH
Phòng, chống tác hại của thuốc lá năm 2028

III. TỔ CHỨC THỰC HIỆN
1. Sở Y tế (cơ quan thường trực Ban Chỉ đạo):
- Chủ trì tổ chức truyền thông tại 100% trạm y tế xã;
- Kiểm tra 240 cơ sở kinh doanh thuốc lá.
2. Sở Giáo dục và Đào tạo:
- Lồng ghép nội dung phòng, chống tác hại thuốc lá vào 95% trường học.
"""


def test_a_remark_in_brackets_after_the_lead_is_dropped() -> None:
    check(target_at(ROLE_REMARK, "240"), agency="Sở Y tế")
    ex = extract_text(ROLE_REMARK)
    assert [a.lead for a in ex.assignments] == [("Sở Y tế",), ("Sở Giáo dục và Đào tạo",)], ex.assignments


# Units: citizens called up ("28 công dân nhập ngũ"), research tasks and projects ("14 nhiệm vụ khoa học",
# "9 đề tài cấp tỉnh").
UNITS = """ỦY BAN NHÂN DÂN HUYỆN ĐẦM SEN
Số: 12/BC-UBND                     Đầm Sen, ngày 20 tháng 02 năm 2029

BÁO CÁO
Kết quả công tác năm 2028

Năm 2028, huyện giao 28 công dân nhập ngũ, đạt 100% chỉ tiêu; triển khai 14 nhiệm vụ khoa học và công nghệ, trong đó nghiệm thu 9 đề tài cấp tỉnh.
"""


def test_units_of_citizens_and_research_tasks() -> None:
    check(target_at(UNITS, "28", "giao"), unit="công dân", kind="actual", period="2028")
    check(target_at(UNITS, "14"), unit="nhiệm vụ")
    check(target_at(UNITS, "9", "nghiệm thu"), unit="đề tài")


# What the two rules above must leave alone: a span compared with ("tăng 4% so với giai đoạn 2021 -
# 2025") is the base, not the period; a year that opens a result clause after other results of the
# sentence ("...; thực hiện năm 2028: 2.350 tỷ đồng; tăng 11,9% ...") still reaches the next clause.
LEFT_ALONE = """ỦY BAN NHÂN DÂN TỈNH BẢO NINH
Số: 09/BC-UBND                     Bảo Ninh, ngày 12 tháng 01 năm 2031

BÁO CÁO
Tổng kết giai đoạn 2026 - 2030

Tổng số hộ đạt danh hiệu gia đình văn hóa đạt 91%, tăng 4% so với giai đoạn 2021 - 2025.
Thu ngân sách năm 2027 thực hiện 2.100 tỷ đồng, tăng 9% so với năm 2026; thực hiện năm 2028: 2.350 tỷ đồng; tăng 11,9% so với năm 2027.
"""


def test_a_compared_span_and_a_result_clause_year_are_left_alone() -> None:
    t = target_at(LEFT_ALONE, "4%"[:1], "tăng")
    assert t is not None and t.period != "2021-2025", t
    check(target_at(LEFT_ALONE, "11,9"), period="2028")
