"""Classes of error that earlier rounds left open, each shown on a text of an invented province
written for the test (not taken from any document of the sets), in a layout of its own."""

from __future__ import annotations

from rule_texts import check, target_at

from theodoi_extract import Extraction, extract_text


def _assignment(ex: Extraction, ref: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    found = next((a for a in ex.assignments if a.ref == ref), None)
    return (found.lead, found.partners) if found else None


# (a) An item of the section handing out tasks that puts "Giao" before its agency and a colon after
# it, the task after the colon, no "chủ trì": the agency before the colon leads, as in "Sở X:".
GIAO_COLON = """ỦY BAN NHÂN DÂN TỈNH BẮC VÂN
Số: 61/KH-UBND                     Bắc Vân, ngày 09 tháng 3 năm 2027

KẾ HOẠCH
Chuyển đổi số trong cơ quan nhà nước năm 2027

I. MỤC TIÊU
Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng đạt 92%.

II. TỔ CHỨC THỰC HIỆN
1. Giao Sở Khoa học và Công nghệ: làm đầu mối hướng dẫn các cơ quan triển khai Kế hoạch; tổng hợp kết quả gửi Ủy ban nhân dân tỉnh.
2. Giao Sở Tài chính: cân đối, bố trí kinh phí thực hiện các nhiệm vụ của Kế hoạch.
3. Các sở, ban, ngành, Ủy ban nhân dân các huyện căn cứ Kế hoạch này xây dựng kế hoạch của đơn vị.
"""


def test_a_giao_item_with_a_colon_in_the_tasks_section_is_led_by_its_agency() -> None:
    ex = extract_text(GIAO_COLON)
    assert _assignment(ex, "1") == (("Sở Khoa học và Công nghệ",), ())
    assert _assignment(ex, "2") == (("Sở Tài chính",), ())


# The same with letter items under a sub-heading of the tasks section ("1. Trách nhiệm của các sở,
# ngành" / "a) Giao Sở Nội vụ: ..."): the tasks section is an ancestor, not the parent.
GIAO_COLON_NESTED = """ỦY BAN NHÂN DÂN HUYỆN ĐÔNG LĨNH
Số: 14/KH-UBND                     Đông Lĩnh, ngày 20 tháng 4 năm 2027

KẾ HOẠCH
Nâng cao chỉ số hài lòng của người dân năm 2027

III. TỔ CHỨC THỰC HIỆN
1. Trách nhiệm của các cơ quan chuyên môn
a) Giao Phòng Nội vụ: theo dõi, đôn đốc các cơ quan thực hiện Kế hoạch; tổ chức khảo sát sự hài lòng.
b) Phòng Tài chính - Kế hoạch: tham mưu bố trí kinh phí khảo sát.
"""


def test_a_giao_letter_item_with_a_colon_under_a_tasks_subsection() -> None:
    ex = extract_text(GIAO_COLON_NESTED)
    assert _assignment(ex, "a") == (("Phòng Nội vụ",), ())
    assert _assignment(ex, "b") == (("Phòng Tài chính - Kế hoạch",), ())


# (b) "Giao Sở X chủ trì, phối hợp với Sở Y, Ủy ban nhân dân các huyện <task>": no colon; the partners
# run from "phối hợp với" to the end of the last agency named, where the task's verb starts.
INLINE_PARTNERS = """ỦY BAN NHÂN DÂN TỈNH LAM SƠN
Số: 33/KH-UBND                     Lam Sơn, ngày 02 tháng 2 năm 2027

KẾ HOẠCH
Phát triển du lịch cộng đồng năm 2027

II. TỔ CHỨC THỰC HIỆN
1. Giao Sở Văn hóa, Thể thao và Du lịch chủ trì, phối hợp với Sở Tài chính, Ủy ban nhân dân các huyện tổ chức khảo sát các điểm du lịch cộng đồng.
2. Giao Sở Công Thương chủ trì, phối hợp với Sở Nông nghiệp và Môi trường và các đơn vị liên quan xây dựng chuỗi sản phẩm quà tặng.
3. Giao Công an tỉnh chủ trì bảo đảm an ninh tại các điểm du lịch.
"""


def test_partners_of_an_inline_lead_without_a_colon() -> None:
    ex = extract_text(INLINE_PARTNERS)
    assert _assignment(ex, "1") == (("Sở Văn hóa, Thể thao và Du lịch",),
                                    ("Sở Tài chính", "Ủy ban nhân dân các huyện"))
    assert _assignment(ex, "2") == (("Sở Công Thương",), ("Sở Nông nghiệp và Môi trường", "các đơn vị liên quan"))
    assert _assignment(ex, "3") == (("Công an tỉnh",), ())


# (c) A meeting's conclusion hands tasks out in "Giao <agency> <task>" items, with no "chủ trì" and
# no colon, under no "Tổ chức thực hiện" heading: under the conclusion (the document's kind or a
# heading "Kết luận ...") or a "nhiệm vụ" heading those items are assignments.
CONCLUSION = """TỈNH ỦY NAM HÀ
Số: 112-TB/TU                     Nam Hà, ngày 18 tháng 6 năm 2027

THÔNG BÁO KẾT LUẬN
của Ban Thường vụ Tỉnh ủy về tiến độ các công trình trọng điểm

Sau khi nghe báo cáo, Ban Thường vụ Tỉnh ủy kết luận:
1. Giao Ban cán sự đảng Ủy ban nhân dân tỉnh chỉ đạo tháo gỡ vướng mắc về mặt bằng các công trình.
2. Giao Sở Xây dựng rà soát, điều chỉnh tiến độ thi công tuyến đường ven biển.
3. Giao Ban Tuyên giáo Tỉnh ủy định hướng công tác thông tin, tuyên truyền.
"""


def test_giao_items_of_a_conclusion_are_assignments() -> None:
    ex = extract_text(CONCLUSION)
    assert _assignment(ex, "1") == (("Ban cán sự đảng Ủy ban nhân dân tỉnh",), ())
    assert _assignment(ex, "2") == (("Sở Xây dựng",), ())
    assert _assignment(ex, "3") == (("Ban Tuyên giáo Tỉnh ủy",), ())


TASKS_HEADING = """ỦY BAN NHÂN DÂN HUYỆN KỲ PHONG
Số: 210/BC-UBND                     Kỳ Phong, ngày 12 tháng 12 năm 2027

BÁO CÁO
Tình hình kinh tế - xã hội năm 2027

I. KẾT QUẢ ĐẠT ĐƯỢC
Thu ngân sách trên địa bàn ước đạt 186 tỷ đồng.

II. NHIỆM VỤ TRỌNG TÂM NĂM 2028
1. Giao Phòng Kinh tế và Hạ tầng rà soát quy hoạch các cụm công nghiệp.
2. Giao Ủy ban nhân dân các xã đẩy nhanh giải phóng mặt bằng các dự án.
"""


def test_giao_items_under_a_tasks_heading_are_assignments() -> None:
    ex = extract_text(TASKS_HEADING)
    assert _assignment(ex, "1") == (("Phòng Kinh tế và Hạ tầng",), ())
    assert _assignment(ex, "2") == (("Ủy ban nhân dân các xã",), ())


# (d) A year-end report signed in January of the next year: its title's year is the year reported on
# (the plan year of the report), the results are of that year, and the next year's heading gives
# the targets their year.
JANUARY_REPORT = """ỦY BAN NHÂN DÂN TỈNH TRÀ LINH
Số: 06/BC-UBND                     Trà Linh, ngày 08 tháng 01 năm 2028

BÁO CÁO
Tình hình thực hiện kế hoạch phát triển kinh tế - xã hội năm 2027

I. TÌNH HÌNH THỰC HIỆN
Tổng sản phẩm trên địa bàn tăng 6,9%. Thu ngân sách nhà nước đạt 3.150 tỷ đồng.

II. PHƯƠNG HƯỚNG NĂM 2028
Tổng sản phẩm trên địa bàn tăng 7,3%. Thu ngân sách nhà nước đạt 3.400 tỷ đồng.
"""


def test_a_report_signed_in_january_reports_on_the_year_before() -> None:
    ex = extract_text(JANUARY_REPORT)
    assert ex.document.plan_year == 2027
    check(target_at(JANUARY_REPORT, "6,9"), kind="actual", period="2027")
    check(target_at(JANUARY_REPORT, "3.150"), kind="actual", period="2027")
    check(target_at(JANUARY_REPORT, "7,3"), kind="target", period="2028")
    check(target_at(JANUARY_REPORT, "3.400"), kind="target", period="2028")


# (e) A dated threshold for cutting capital, written with the date after the figure or with "chưa
# giải ngân đạt": the rule's trigger, a deadline with its threshold, never a target.
DATED_THRESHOLDS = """ỦY BAN NHÂN DÂN TỈNH HƯNG BÌNH
Số: 19/KH-UBND                     Hưng Bình, ngày 15 tháng 02 năm 2027

KẾ HOẠCH
Giải ngân vốn đầu tư công năm 2027

1. Phấn đấu giải ngân đạt 96% kế hoạch vốn được giao.
2. Dự án có tỷ lệ giải ngân dưới 45% kế hoạch vốn tính đến ngày 30/6 sẽ bị điều chuyển vốn.
3. Dự án đến ngày 30/9 chưa giải ngân đạt 75% kế hoạch vốn thì cắt giảm phần vốn còn lại.
"""


def test_dated_thresholds_are_deadlines_not_targets() -> None:
    ex = extract_text(DATED_THRESHOLDS)
    assert [t.number_text for t in ex.targets] == ["96"]
    rules = sorted((d.date, d.threshold, d.comparator) for d in ex.deadlines if d.threshold is not None)
    assert rules == [("2027-06-30", 45.0, "<"), ("2027-09-30", 75.0, "<")]


# (f) A plan figure in brackets after a verb of change, and a level the result is compared with.
PLAN_IN_BRACKETS = """ỦY BAN NHÂN DÂN TỈNH VĨNH THẠCH
Số: 201/BC-UBND                     Vĩnh Thạch, ngày 04 tháng 12 năm 2027

BÁO CÁO
Tình hình kinh tế - xã hội năm 2027

I. KẾT QUẢ THỰC HIỆN NĂM 2027
Giá trị sản xuất công nghiệp tăng 9,4% (kế hoạch tăng 9-10%). Kim ngạch xuất khẩu giảm 2,1% (kế hoạch giảm không quá 3%).
Thu nhập bình quân đầu người đạt 71 triệu đồng, cao hơn mức 65 triệu đồng của năm 2026.
"""


def test_a_plan_figure_after_a_verb_of_change_in_brackets() -> None:
    check(target_at(PLAN_IN_BRACKETS, "9-10"), kind="target", period="2027",
          indicator="Giá trị sản xuất công nghiệp")
    check(target_at(PLAN_IN_BRACKETS, "3", "giảm không quá"), kind="target", comparator="<=", period="2027")


def test_a_level_compared_with_is_an_actual_of_its_year() -> None:
    check(target_at(PLAN_IN_BRACKETS, "65"), kind="actual", comparator="=", period="2026")
    check(target_at(PLAN_IN_BRACKETS, "71"), kind="actual", comparator="=", period="2027")


# The setting of the document's own meeting, narrated in a sentence that opens with its day, and how
# many times something happened to the province: counts of circumstances, no indicator.
CIRCUMSTANCES = """ỦY BAN NHÂN DÂN TỈNH PHÚ LAM
Số: 09/TB-UBND                     Phú Lam, ngày 09 tháng 01 năm 2028

THÔNG BÁO
Kết luận của Chủ tịch Ủy ban nhân dân tỉnh tại Hội nghị tổng kết năm 2027

Chiều ngày 06/01/2028, Ủy ban nhân dân tỉnh tổ chức Hội nghị trực tuyến tổng kết năm 2027 với 96 điểm cầu cấp xã và 8 ý kiến phát biểu.
Năm 2027, trên địa bàn tỉnh xảy ra 4 đợt rét đậm, rét hại; tổng đàn gia súc đạt 412 nghìn con.
"""


def test_counts_of_circumstances_are_no_items() -> None:
    ex = extract_text(CIRCUMSTANCES)
    assert [t.number_text for t in ex.targets] == ["412"]


# (g) "dự kiến" (expected) states a point value, not an approximation: comparator "=", the kind from
# the use around it (a report's estimate of the year is an actual; a plan's or next year's a target).
EXPECTED = """ỦY BAN NHÂN DÂN TỈNH SƠN KHÊ
Số: 188/BC-UBND                     Sơn Khê, ngày 28 tháng 11 năm 2027

BÁO CÁO
Tình hình kinh tế - xã hội năm 2027 và kế hoạch năm 2028

I. TÌNH HÌNH THỰC HIỆN NĂM 2027
Tốc độ tăng trưởng kinh tế dự kiến đạt 7,6%. Thu ngân sách dự kiến đạt 2.870 tỷ đồng.

II. KẾ HOẠCH NĂM 2028
Tổng vốn đầu tư toàn xã hội dự kiến 41.000 tỷ đồng.
"""


def test_expected_is_an_estimate_with_equal_comparator() -> None:
    check(target_at(EXPECTED, "7,6"), kind="actual", comparator="=", period="2027")
    check(target_at(EXPECTED, "2.870"), kind="actual", comparator="=", period="2027")
    check(target_at(EXPECTED, "41.000"), kind="target", comparator="=", period="2028")
