"""Rules learnt from the fifth blind set (`samples/genres5/`), each shown on a text of another
invented province and another layout than the document that revealed it."""

from __future__ import annotations

from rule_texts import check, target_at

from theodoi_extract import extract_text

# A table of localities by indicator whose column headers name the year they are for, with a sum row.
ANNEX_BY_COMMUNE = """ỦY BAN NHÂN DÂN HUYỆN KHE SẢNG
Số: 12/KH-UBND                     Khe Sảng, ngày 10 tháng 2 năm 2028

KẾ HOẠCH
Phát triển giáo dục và trồng rừng năm 2028

Biểu 02
TT | Xã, thị trấn | Số trường đạt chuẩn quốc gia đến năm 2030 (trường) | Diện tích rừng trồng mới năm 2028 (ha) | Số lớp học xây mới (phòng)
1 | Xã Pà Vầy | 3 | 45 | 6
2 | Thị trấn Khe Sảng | 5 | 12 | 9
 | Toàn huyện | 8 | 57 | 15
"""


def test_a_locality_column_header_naming_its_year_keeps_it_as_the_period() -> None:
    check(target_at(ANNEX_BY_COMMUNE, "3", "Pà Vầy"), agency="Xã Pà Vầy", unit="trường", period="2030", kind="target")
    check(target_at(ANNEX_BY_COMMUNE, "45"), agency="Xã Pà Vầy", unit="ha", period="2028")
    # a column naming no year takes the plan year, as before
    check(target_at(ANNEX_BY_COMMUNE, "9", "Thị trấn Khe Sảng |"), agency="Thị trấn Khe Sảng", unit="phòng",
          period="2028")


def test_a_sum_row_of_a_locality_table_has_no_agency() -> None:
    check(target_at(ANNEX_BY_COMMUNE, "57"), agency=None, unit="ha", period="2028")
    check(target_at(ANNEX_BY_COMMUNE, "15", "Toàn huyện"), agency=None)


def test_a_header_naming_only_a_year_is_no_indicator_column() -> None:
    text = ANNEX_BY_COMMUNE.replace("Số lớp học xây mới (phòng)", "Năm 2029")
    t = target_at(text, "9", "Thị trấn Khe Sảng |")
    assert t is None or t.indicator != "Năm 2029"


# A directive whose tasks stand under agency list headings, one of them a tax office of the 2025
# organisation ("Thuế tỉnh X", "Thuế cơ sở ...").
DIRECTIVE = """ỦY BAN NHÂN DÂN TỈNH NGÂN THỦY
Số: 05/CT-UBND                     Ngân Thủy, ngày 02 tháng 3 năm 2028

CHỈ THỊ
Về chống thất thu thuế năm 2028

1. Thuế cơ sở 3 tỉnh Ngân Thủy:
- Đôn đốc thu nợ, bảo đảm số nợ có khả năng thu không vượt quá 4% tổng thu.
- Kiểm tra 120 hộ kinh doanh trước ngày 30/10/2028.

2. Sở Công Thương:
- Kiểm tra 60 cơ sở kinh doanh xăng dầu.
"""


def test_a_tax_office_list_heading_leads_its_bullets() -> None:
    ex = extract_text(DIRECTIVE)
    leads = [(a.ref, a.lead, a.tasks) for a in ex.assignments]
    assert ("1", ("Thuế cơ sở 3 tỉnh Ngân Thủy",), 2) in leads, leads
    check(target_at(DIRECTIVE, "120"), agency="Thuế cơ sở 3 tỉnh Ngân Thủy", period="2028")


# Items of the implementation section that open with an agency and go straight on with the task:
# no colon, no "chủ trì".
ORGANISATION = """ỦY BAN NHÂN DÂN TỈNH TRÀ VÂN
Số: 40/KH-UBND                     Trà Vân, ngày 15 tháng 4 năm 2028

KẾ HOẠCH
Phòng, chống thiên tai năm 2028

II. TỔ CHỨC THỰC HIỆN
1. Ủy ban nhân dân các xã, phường rà soát các điểm có nguy cơ sạt lở, báo cáo trước ngày 31/5/2028.
2. Giao Sở Xây dựng kiểm tra an toàn các công trình đang thi công trong mùa mưa bão.
3. Giao Văn phòng Ủy ban nhân dân tỉnh theo dõi, tổng hợp tình hình thực hiện Kế hoạch này.
"""


def test_an_item_opening_with_an_agency_and_its_task_is_an_assignment() -> None:
    ex = extract_text(ORGANISATION)
    found = {a.ref: a.lead for a in ex.assignments}
    assert found.get("1") == ("Ủy ban nhân dân các xã, phường",), found
    assert found.get("2") == ("Sở Xây dựng",), found
    # the section's closing follow-up item stays no block (the development gold's convention)
    assert "3" not in found, found


def test_without_an_assignment_section_such_an_item_is_no_block() -> None:
    text = ORGANISATION.replace("II. TỔ CHỨC THỰC HIỆN", "II. TÌNH HÌNH CHUNG")
    assert [a.ref for a in extract_text(text).assignments] == []


# Left open by the fourth blind set, shown here on other texts.
REPORTING = """ỦY BAN NHÂN DÂN TỈNH ĐÔNG KHÊ
Số: 71/QĐ-UBND                     Đông Khê, ngày 08 tháng 1 năm 2028

Điều 3. Chánh Văn phòng, Thủ trưởng các cơ quan được phân công chủ trì nhiệm vụ tổ chức thực hiện; gửi báo cáo về Sở Nội vụ định kỳ 6 tháng và báo cáo tổng kết trước ngày 05 tháng 12 năm 2028.
"""


def test_those_given_the_lead_are_no_assignment_block() -> None:
    # "được phân công chủ trì" says who, it is no lead verb
    assert extract_text(REPORTING).assignments == ()


def test_a_routine_duty_takes_no_day_from_a_full_date_after_it() -> None:
    got = {(d.rule, d.day, d.date) for d in extract_text(REPORTING).deadlines}
    assert ("semiannual", None, None) in got, got
    assert ("once", None, "2028-12-05") in got, got
    assert not any(d.rule == "semiannual" and d.day is not None for d in extract_text(REPORTING).deadlines)


# A total over a span stated before its figure; a target handed out, quoted in a later report.
TERM_AND_REPORT = """ĐẢNG BỘ HUYỆN MƯỜNG LAO
NGHỊ QUYẾT
Đại hội đại biểu Đảng bộ huyện lần thứ XX, nhiệm kỳ 2025 - 2030

II. CÁC CHỈ TIÊU CHỦ YẾU
- Tổng thu ngân sách trên địa bàn giai đoạn 2026 - 2030 đạt 2.400 tỷ đồng.
- Thu ngân sách năm 2030 đạt 560 tỷ đồng.
"""

REPORT = """ỦY BAN NHÂN DÂN TỈNH HẠ SƠN
Số: 301/BC-UBND                    Hạ Sơn, ngày 02 tháng 12 năm 2027

BÁO CÁO
Tình hình kinh tế - xã hội năm 2027 và kế hoạch năm 2028

I. KẾT QUẢ THỰC HIỆN NĂM 2027
Tỷ lệ đô thị hóa ước đạt 41,5%2.
_______________
2 Hội đồng nhân dân tỉnh đề ra chỉ tiêu tỷ lệ đô thị hóa năm 2027 là 42%.
"""


def test_a_total_names_the_span_it_sums_before_its_figure() -> None:
    check(target_at(TERM_AND_REPORT, "2.400"), period="2026-2030", kind="target")
    # a single year in the same layout stays that year
    check(target_at(TERM_AND_REPORT, "560"), period="2030")


def test_a_target_handed_out_and_quoted_in_a_report_stays_a_target() -> None:
    check(target_at(REPORT, "42"), kind="target", period="2027")
    check(target_at(REPORT, "41,5"), kind="actual", period="2027")
