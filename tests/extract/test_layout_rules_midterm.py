"""Rules learnt while measuring the held-out real document (docs/extractor.md, "Held-out real
document"): probes of its genre (a mid-term review and the reports it rests on), each rule shown on
a text of another invented province and another layout."""

from __future__ import annotations

from rule_texts import check, target_at

# A district statistics office's nine-month bulletin: results compared with a base year by a ratio
# written straight after the figure ("bằng 96,5% năm 2027", "bằng 1,4 lần năm 2025"), no "so với".
BULLETIN = """CHI CỤC THỐNG KÊ HUYỆN ĐĂK RƠ
Số: 19/BC-CCTK                     Đăk Rơ, ngày 05 tháng 10 năm 2028

BÁO CÁO
Tình hình kinh tế - xã hội 9 tháng năm 2028

+ Sản lượng cà phê nhân năm 2028 ước đạt 41.200 tấn, bằng 96,5% năm 2027 và vượt 3% kế hoạch.
+ Thu nhập bình quân đầu người năm 2028 đạt 52 triệu đồng, bằng 1,4 lần năm 2025.
+ Vốn tín dụng chính sách năm 2028 giải ngân 310 tỷ đồng, bằng 118% cùng kỳ năm 2027.
+ Tỷ trọng dịch vụ tăng từ 31,2% năm 2026 lên 33,8% năm 2028.
+ Thu ngân sách năm 2028 đạt 640 tỷ đồng, bằng 104% dự toán năm 2028.
"""


def test_a_ratio_to_a_year_written_after_it_keeps_the_result_year() -> None:
    # the year after "bằng N%" / "bằng N lần" is the base the figure is compared with
    check(target_at(BULLETIN, "96,5"), kind="actual", period="2028", unit="%")
    check(target_at(BULLETIN, "1,4"), kind="actual", period="2028", unit="lần")
    check(target_at(BULLETIN, "118"), kind="actual", period="2028", unit="%")
    # and it lends no year to the next figure of the clause
    check(target_at(BULLETIN, "3", "vượt "), period="2028")


def test_a_year_after_a_plain_figure_is_still_its_period() -> None:
    # "từ 31,2% năm 2026 lên 33,8% năm 2028": each figure's own year (the development gold's)
    check(target_at(BULLETIN, "31,2"), kind="actual", period="2026")
    check(target_at(BULLETIN, "33,8"), kind="actual", period="2028")
    # a plan named between the ratio and the year is no base year of its own
    check(target_at(BULLETIN, "104"), period="2028")


# A mid-term review's competitiveness ranking: a move up the national table counted in places.
RANKING = """ỦY BAN NHÂN DÂN TỈNH NAM LỘC
Số: 88/BC-UBND                     Nam Lộc, ngày 12 tháng 5 năm 2028

BÁO CÁO
Đánh giá giữa kỳ cải thiện môi trường đầu tư giai đoạn 2026-2030

- Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) năm 2027 đạt 67,1 điểm, tăng 9 bậc so với năm 2026.
- Chỉ số cải cách hành chính (PAR INDEX) năm 2027 giảm 3 bậc.
"""


def test_places_gained_in_a_ranking_are_a_result_in_bac() -> None:
    check(target_at(RANKING, "9"), kind="actual", unit="bậc", period="2027", comparator="=")
    check(target_at(RANKING, "3", "giảm "), kind="actual", unit="bậc", period="2027")
    check(target_at(RANKING, "67,1"), unit="điểm", period="2027")


def test_levels_of_schooling_or_of_pay_are_no_ranking() -> None:
    text = RANKING + "- Hệ thống giáo dục của tỉnh có đủ 4 bậc học; 35 công chức được nâng 1 bậc lương trước thời hạn.\n"
    assert target_at(text, "4", "đủ ") is None
    assert target_at(text, "1", "nâng ") is None


# A mid-term review whose sentences open with the span they sum ("Giai đoạn 2026-2028, ...") and
# whose remaining targets are set "by the end of the term".
MIDTERM = """HUYỆN ỦY YÊN PHONG
Số 31-KL/HU
Yên Phong, ngày 20 tháng 7 năm 2028

KẾT LUẬN
về sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội Đảng bộ huyện, nhiệm kỳ 2025-2030

I. KẾT QUẢ
Giai đoạn 2026-2028, toàn huyện tạo việc làm mới cho 4.800 lao động. Năm 2027, có 2 xã đạt chuẩn nông thôn mới nâng cao.
Tỷ lệ hộ nghèo theo chuẩn đa chiều giai đoạn 2026-2030 còn 6,4%.

II. NHIỆM VỤ ĐẾN CUỐI NHIỆM KỲ
Phấn đấu đến cuối nhiệm kỳ, tỷ lệ trường đạt chuẩn quốc gia đạt 85%; thu ngân sách năm 2029 đạt 210 tỷ đồng.
"""


def test_a_sentence_opening_with_a_span_sums_its_figures_over_it() -> None:
    check(target_at(MIDTERM, "4.800"), kind="actual", period="2026-2028")
    # the next sentence names its own year
    check(target_at(MIDTERM, "2", "có 2 xã"), period="2027")
    # a span qualifying a word inside the clause is no frame of the figure
    t = target_at(MIDTERM, "6,4")
    assert t is not None and t.period != "2026-2030", t


def test_by_the_end_of_the_term_is_the_last_year_of_the_term() -> None:
    check(target_at(MIDTERM, "85"), kind="target", period="2030")
    check(target_at(MIDTERM, "210"), kind="target", period="2029")


def test_a_level_under_a_fronted_span_is_at_its_end() -> None:
    text = MIDTERM + "Giai đoạn 2026-2030, phấn đấu tỷ lệ che phủ rừng đạt 54% và trồng mới 1.200 ha rừng.\n"
    check(target_at(text, "54"), kind="target", period="2030", indicator="tỷ lệ che phủ rừng")
    check(target_at(text, "1.200"), kind="target", period="2026-2030")
