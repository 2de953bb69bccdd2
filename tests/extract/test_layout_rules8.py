"""Rules learnt from the eighth blind set (`samples/genres8/`), each shown on a text of another
invented province and another layout than the document that revealed it."""

from __future__ import annotations

from rule_texts import check, target_at

from theodoi_extract import extract_text

# A nine-month report whose closing section names the rest of the year without writing the year
# ("NHIỆM VỤ TRỌNG TÂM QUÝ IV", "những tháng cuối năm"): its targets are of the year reported on, not
# of the next year, as a year-end report's closing targets are.
REST_OF_YEAR = """ỦY BAN NHÂN DÂN
THỊ XÃ PHÙ VÂN
Số: 260/BC-UBND                     Phù Vân, ngày 02 tháng 10 năm 2030

BÁO CÁO
Tình hình kinh tế - xã hội 9 tháng năm 2030

I. KẾT QUẢ 9 THÁNG NĂM 2030
Thu ngân sách trên địa bàn ước đạt 88,4 tỷ đồng, bằng 76% dự toán.

II. NHIỆM VỤ TRỌNG TÂM QUÝ IV
1. Phấn đấu thu ngân sách cả năm đạt 118 tỷ đồng.

III. GIẢI PHÁP NHỮNG THÁNG CUỐI NĂM
Hoàn thành trồng mới 35 ha rừng phòng hộ.
"""


def test_a_heading_naming_the_rest_of_the_year_keeps_the_report_year() -> None:
    check(target_at(REST_OF_YEAR, "118"), kind="target", period="2030")
    check(target_at(REST_OF_YEAR, "35"), kind="target", period="2030")
    check(target_at(REST_OF_YEAR, "88,4"), kind="actual", period="2030")


# A disbursement report whose capital plan is named as the clause's subject with the body that handed
# it out between "được" and "giao", its parts after "trong đó", and per-project plans opening the
# part after a colon: each is the plan's figure, whatever the results section around it reports.
CAPITAL_PLAN = """ỦY BAN NHÂN DÂN
TỈNH LỤC KHÊ
Số: 95/BC-UBND                     Lục Khê, ngày 06 tháng 10 năm 2030

BÁO CÁO
Kết quả giải ngân vốn đầu tư công 9 tháng năm 2030

I. KẾT QUẢ GIẢI NGÂN 9 THÁNG NĂM 2030
Kế hoạch vốn năm 2030 được Thủ tướng Chính phủ và Hội đồng nhân dân tỉnh giao là 2.915 tỷ đồng, trong đó vốn nước ngoài 388 tỷ đồng. Đến hết tháng 9, giải ngân được 1.904 tỷ đồng.
Cầu Bến Sỏi: kế hoạch vốn 64,5 tỷ đồng, giải ngân 41,2 tỷ đồng.
"""


def test_a_capital_plan_subject_with_its_giver_and_its_parts_is_a_plan_figure() -> None:
    check(target_at(CAPITAL_PLAN, "2.915"), kind="target", period="2030")
    check(target_at(CAPITAL_PLAN, "388"), kind="target", period="2030")
    check(target_at(CAPITAL_PLAN, "1.904"), kind="actual", period="2030")


def test_a_plan_opening_the_part_after_a_colon_is_a_plan_figure() -> None:
    check(target_at(CAPITAL_PLAN, "64,5"), kind="target", period="2030")
    check(target_at(CAPITAL_PLAN, "41,2"), kind="actual", period="2030")


# A numbered item that reports this year's result and, after a semicolon, last year's: the year of
# the later clause is that clause's, not the year of the whole item line (which read as a heading).
ITEM_WITH_LAST_YEAR = """ỦY BAN NHÂN DÂN
HUYỆN BÍCH VÂN
Số: 77/BC-UBND                     Bích Vân, ngày 05 tháng 7 năm 2030

BÁO CÁO
Kết quả 6 tháng đầu năm 2030

I. KẾT QUẢ 6 THÁNG ĐẦU NĂM 2030
3. Đến hết tháng 6, thu ngân sách trên địa bàn đạt 41,7 tỷ đồng, bằng 52% dự toán; cùng kỳ năm 2029 bằng 47,5% dự toán.
"""


def test_a_year_of_a_later_clause_of_an_item_line_is_not_the_items_year() -> None:
    check(target_at(ITEM_WITH_LAST_YEAR, "41,7"), kind="actual", period="2030")
    check(target_at(ITEM_WITH_LAST_YEAR, "52"), kind="actual", period="2030")
    check(target_at(ITEM_WITH_LAST_YEAR, "47,5"), kind="actual", period="2029")


# A dated rule whose date is written without its year ("đến 30/6", "đến ngày 30/9"): its threshold is
# the rule's trigger (see deadlines), not a goal, as with "đến 30 tháng 6 năm 2030".
SHORT_DATED_RULE = """ỦY BAN NHÂN DÂN
TỈNH LỤC KHÊ
Số: 12/KH-UBND                     Lục Khê, ngày 10 tháng 01 năm 2030

KẾ HOẠCH
Giải ngân vốn đầu tư công năm 2030

1. Phấn đấu giải ngân cả năm đạt trên 95% kế hoạch vốn.
2. Dự án đến ngày 30/9 giải ngân dưới 60% kế hoạch vốn bị điều chuyển vốn.
"""


def test_the_threshold_of_a_rule_dated_without_its_year_is_no_target() -> None:
    ex = extract_text(SHORT_DATED_RULE)
    assert [t.number_text for t in ex.targets] == ["95"], ex.targets


# A time limit in hours ("trong vòng 24 giờ", "không quá 72 giờ") is a figure; an hour of the day
# ("lúc 8 giờ 30", "trước 16 giờ ngày 20/4", "từ 7 giờ đến 11 giờ") is not.
HOURS = """SỞ TƯ PHÁP TỈNH EA LÂM
Số: 31/KH-STP                     Ea Lâm, ngày 02 tháng 4 năm 2030

KẾ HOẠCH
Cải cách thủ tục hành chính năm 2030

1. Giải quyết hồ sơ lý lịch tư pháp trong vòng 24 giờ đối với trường hợp khẩn; thời gian cấp bản sao không quá 72 giờ.
2. Hội nghị triển khai tổ chức lúc 8 giờ 30 ngày 10/4/2030; các đơn vị đăng ký trước 16 giờ ngày 08/4/2030; bộ phận một cửa làm việc từ 7 giờ đến 11 giờ các ngày thứ Bảy.
"""


def test_a_time_limit_in_hours_is_a_figure_and_an_hour_of_the_day_is_not() -> None:
    ex = extract_text(HOURS)
    assert sorted((t.number_text, t.unit) for t in ex.targets) == [("24", "giờ"), ("72", "giờ")], ex.targets
