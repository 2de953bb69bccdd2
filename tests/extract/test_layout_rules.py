"""Rules found with the second blind genre set (`samples/genres2/`), each on short texts written for
these tests (other invented provinces and districts than the genre documents), so a rule that passes
them is about a class of layout or phrasing, not about one document.
"""

from __future__ import annotations

from rule_texts import check, target_at

from theodoi_extract import extract_text
from theodoi_extract.numbers import find_quantities
from theodoi_extract.table_layout import Cell, caption_unit_before, names_header
from theodoi_extract.tables import table_rows

_at = target_at
_check = check


# --- a report signed before the year it sets targets for -------------------------------------

SUMMARY_A = """TỈNH ỦY LONG GIANG
Số: 77-BC/TU
Long Giang, ngày 20 tháng 12 năm 2027

BÁO CÁO TÓM TẮT
Kết quả hội nghị tổng kết năm 2027, bàn nhiệm vụ năm 2028

Tổng thu ngân sách trên địa bàn đạt 5.340 tỷ đồng. Năm 2028 giải ngân vốn đầu tư công đạt trên 93% kế hoạch.
"""

SUMMARY_B = """HUYỆN ỦY TÂN HÒA
Số: 12-BC/HU
Tân Hòa, ngày 28 tháng 12 năm 2024

BÁO CÁO
Kết quả thực hiện nghị quyết năm 2024 và nhiệm vụ năm 2025

Tỷ lệ che phủ rừng đạt 44,5%; năm 2025 tỷ lệ hộ nghèo đạt dưới 2,8%.
"""


def test_results_of_a_report_signed_before_its_plan_year_are_of_the_signing_year() -> None:
    _check(_at(SUMMARY_A, "5.340"), kind="actual", period="2027")
    _check(_at(SUMMARY_B, "44,5"), kind="actual", period="2024")


def test_a_year_after_the_signing_year_is_a_target() -> None:
    _check(_at(SUMMARY_A, "93"), kind="target", period="2028")
    _check(_at(SUMMARY_B, "2,8"), kind="target", period="2025")


# --- a list heading that is an agency name alone, without a colon ----------------------------

DECISION_A = """ỦY BAN NHÂN DÂN TỈNH BẮC HÀ
Số: 301/QĐ-UBND
QUYẾT ĐỊNH
Giao chỉ tiêu kế hoạch năm 2027

Điều 1. Giao chỉ tiêu cho các sở như sau:
1. Chỉ tiêu giao các sở
1.1. Sở Xây dựng
1.1.1. Tỷ lệ đô thị hóa: 41%;
1.1.2. Diện tích sàn nhà ở bình quân: 27 m2.
1.2. Sở Nội vụ
1.2.1. Tỷ lệ lao động qua đào tạo: 72%.
"""

DECISION_B = """ỦY BAN NHÂN DÂN HUYỆN MỸ LỘC
Số: 45/KH-UBND
KẾ HOẠCH
Năm 2026

II. CHỈ TIÊU GIAO CÁC PHÒNG
a) Phòng Kinh tế
- Giá trị sản xuất nông nghiệp tăng 3,5%;
b) Phòng Văn hóa và Thông tin
- Tỷ lệ gia đình văn hóa đạt 90%.
"""


def test_a_bare_agency_heading_gives_its_items_their_agency() -> None:
    _check(_at(DECISION_A, "41"), agency="Sở Xây dựng")
    _check(_at(DECISION_A, "27", "bình quân"), agency="Sở Xây dựng")
    _check(_at(DECISION_A, "72"), agency="Sở Nội vụ")
    _check(_at(DECISION_B, "3,5"), agency="Phòng Kinh tế")
    _check(_at(DECISION_B, "90"), agency="Phòng Văn hóa và Thông tin")


def test_a_bare_agency_heading_handing_out_figures_is_no_task_assignment() -> None:
    assert extract_text(DECISION_A).assignments == ()


def test_an_agency_line_that_ends_a_sentence_is_no_heading() -> None:
    text = "I. NHIỆM VỤ\n1.1. Sở Tài chính.\n- Thu ngân sách đạt 900 tỷ đồng.\n"
    _check(_at(text, "900"), agency=None)


# --- tab-separated tables and cumulative columns ----------------------------------------------

STATS_A = ("CỤC THỐNG KÊ TỈNH NAM ĐỊNH HẢI\nSố: 5/BC-CTK\nNam Định Hải, ngày 30 tháng 6 năm 2027\n\nBÁO CÁO\n"
           "Chỉ tiêu\tĐơn vị tính\tThực hiện tháng 6\tLũy kế 6 tháng\tSo với cùng kỳ (%)\n"
           "Sản lượng thủy sản\tnghìn tấn\t12,4\t70,2\t104,1\n"
           "Vốn đầu tư công thực hiện\ttỷ đồng\t512\t2.488\t97,3\n")

STATS_B = ("THỐNG KÊ HUYỆN ĐỒNG XUÂN\nSố: 9/BC-TK\nĐồng Xuân, ngày 29 tháng 3 năm 2026\n\nBÁO CÁO\n"
           "Chỉ tiêu\tĐVT\tCộng dồn quý I\n"
           "Diện tích lúa gieo cấy\tha\t8.930\t\n")


def test_tab_separated_rows_are_read_as_a_table() -> None:
    _check(_at(STATS_A, "12,4"), kind="actual", unit="nghìn tấn", period="2027", indicator="Sản lượng thủy sản")
    _check(_at(STATS_A, "2.488"), unit="tỷ đồng", value=2488)
    assert _at(STATS_A, "104,1") is None and _at(STATS_A, "97,3") is None  # the ratio column


def test_cumulative_columns_are_results() -> None:
    _check(_at(STATS_A, "70,2"), kind="actual")
    _check(_at(STATS_B, "8.930"), kind="actual", unit="ha")


def test_a_tab_indented_paragraph_is_no_table_row() -> None:
    assert table_rows("\tTỷ lệ hộ nghèo giảm còn 3%.\n\t\tGhi chú") == []


# --- a table of agencies by indicator, the unit in its caption ---------------------------------

ANNEX_A = """ỦY BAN NHÂN DÂN TỈNH ĐÔNG SƠN
Số: 1201/QĐ-UBND
Đông Sơn, ngày 22 tháng 12 năm 2026
QUYẾT ĐỊNH
Giao dự toán thu năm 2027

Biểu số 02
DỰ TOÁN THU GIAO CÁC HUYỆN NĂM 2027
(Đơn vị tính: triệu đồng)
TT | Địa phương | Thu nội địa | Thu tiền sử dụng đất
1 | Huyện Sơn Hà | 182.000 | 95.500
2 | Huyện Đông Triều Mới | 76.300 | 41.000
"""

ANNEX_B = """SỞ Y TẾ TỈNH HẠ LONG GIANG
Số: 14/KH-SYT
KẾ HOẠCH
Năm 2026

STT | Đơn vị | Số lượt khám bệnh (lượt) | Số ca phẫu thuật (ca)
1 | Bệnh viện Đa khoa tỉnh | 410.000 | 12.500
2 | Trung tâm Y tế huyện Kim Bôi | 96.000 | 1.800
"""


def test_a_table_of_agencies_by_indicator() -> None:
    _check(_at(ANNEX_A, "182.000"), indicator="Thu nội địa", unit="triệu đồng", agency="Huyện Sơn Hà",
           kind="target", period="2027")
    _check(_at(ANNEX_A, "41.000"), indicator="Thu tiền sử dụng đất", agency="Huyện Đông Triều Mới")
    _check(_at(ANNEX_B, "12.500"), indicator="Số ca phẫu thuật", unit="ca", agency="Bệnh viện Đa khoa tỉnh")
    _check(_at(ANNEX_B, "96.000"), unit="lượt", agency="Trung tâm Y tế huyện Kim Bôi")


def test_a_usual_header_is_no_table_of_agencies() -> None:
    header = [Cell(t, 0, 0) for t in ("TT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch 2027")]
    below = [Cell(t, 0, 0) for t in ("1", "Tỷ lệ hộ nghèo", "%", "2,5")]
    assert names_header(header, below) is None


def test_caption_unit() -> None:
    assert caption_unit_before("Biểu 1\n(Đơn vị: tỷ đồng)\n", 25) == "tỷ đồng"
    assert caption_unit_before("Biểu 1\nĐVT: ha\n", 15) == "ha"
    assert caption_unit_before("Biểu 1\n(Đơn vị: các sở, ngành)\n", 32) == ""


# --- small phrase classes -------------------------------------------------------------------


def test_a_heading_in_capitals_after_a_line_break_is_no_unit() -> None:
    assert list(find_quantities("Phụ lục số 03\nHỢP TÁC XÃ KIỂU MỚI\n")) == []
    assert [(q.value, q.unit) for q in find_quantities("đạt 1,2\nUSD")] == [(1.2, "USD")]


def test_per_one_unit_is_a_denominator() -> None:
    text = "Năm 2026 phấn đấu giá trị thu hoạch trên 1 ha mặt nước nuôi trồng đạt 210 triệu đồng."
    assert _at(text, "1") is None
    _check(_at(text, "210"), unit="triệu đồng")
    text = "Phấn đấu mỗi 1 hộ có 1 lao động qua đào tạo; có trên 1 ha rừng trồng mỗi hộ."
    assert _at(text, "1", "trên") is not None  # no figure follows in the clause: a quantity


def test_times_and_fair_units() -> None:
    assert [(q.value, q.unit) for q in find_quantities("tăng gấp 1,8 lần; tổ chức 3 hội chợ")] == [
        (1.8, "lần"), (3.0, "hội chợ")]


def test_the_level_a_change_started_from_is_last_years() -> None:
    text = ("ỦY BAN NHÂN DÂN TỈNH KHÁNH LÂM\nSố: 9/BC-UBND\nKhánh Lâm, ngày 10 tháng 12 năm 2027\nBÁO CÁO\n\n"
            "Tỷ lệ hộ nghèo giảm từ 4,4% xuống còn 3,6%. Năm 2028 phấn đấu nâng tỷ lệ che phủ rừng từ 52% lên trên 53%.")
    _check(_at(text, "4,4"), kind="actual", period="2026")
    _check(_at(text, "3,6"), kind="actual", period="2027")
    _check(_at(text, "52"), kind="actual", period="2027")
    _check(_at(text, "53"), kind="target", period="2028", comparator=">")
    text = "Năm 2027, dân số đô thị tăng từ 210 nghìn người năm 2020 lên 265 nghìn người."
    _check(_at(text, "210"), period="2020")


def test_the_recipients_list_closes_the_last_item() -> None:
    text = ("KẾ HOẠCH\nNăm 2027\nIII. TỔ CHỨC THỰC HIỆN\n1. Phòng Nội vụ chủ trì rà soát biên chế.\n"
            "2. Phòng Y tế chủ trì kiểm tra 12 trạm y tế.\n\nNơi nhận:\n- UBND tỉnh;\n- Lưu: VT.\n")
    last = extract_text(text).assignments[-1]
    assert last.ref == "2" and last.tasks == 1 and "Nơi nhận" not in text[last.start:last.end]


# --- "1)" and lower-case Roman items, comparison bases in an item's title ----------------------

ROMAN_A = """HỘI ĐỒNG NHÂN DÂN XÃ TÂN PHÚ
Số: 7/NQ-HĐND
Tân Phú, ngày 20 tháng 12 năm 2026
NGHỊ QUYẾT
Nhiệm vụ năm 2027

1) Chỉ tiêu kinh tế
i) Giá trị sản xuất tăng 9% so với năm 2026.
ii) Thu ngân sách đạt 14 tỷ đồng.
iii) Có thêm 3 thôn đạt chuẩn văn hóa.
2) Chỉ tiêu xã hội
a) Tỷ lệ hộ nghèo dưới 1%.
"""


def test_lower_case_roman_items_are_siblings() -> None:
    from theodoi_extract.structure import find_headings

    refs = [(h.ref, h.level) for h in find_headings(ROMAN_A)]
    assert ("i", 6) in refs and ("ii", 6) in refs and ("iii", 6) in refs and ("1", 5) in refs
    _check(_at(ROMAN_A, "14"), period="2027", kind="target", indicator="Thu ngân sách")


def test_a_comparison_base_in_an_item_title_is_not_its_period() -> None:
    _check(_at(ROMAN_A, "9"), period="2027")
    _check(_at(ROMAN_A, "3", "thêm"), period="2027", unit="thôn")
    _check(_at(ROMAN_A, "1", "dưới"), period="2027", comparator="<")


# --- round 3: ratio columns, the title's year, more units --------------------------------------

TH_KH = """SỞ CÔNG THƯƠNG TỈNH LÂM BÌNH
Số: 3/BC-SCT
Lâm Bình, ngày 10 tháng 12 năm 2026
BÁO CÁO
Kết quả năm 2026 và kế hoạch năm 2027

I. KẾT QUẢ NĂM 2026
TT | Chỉ tiêu | ĐVT | KH 2026 | TH 2026 | TH/KH (%)
1 | Sản lượng điện | triệu kWh | 900 | 936 | 104,0
2 | Số chợ nâng cấp | chợ | 5 | 4 | 80,0
"""


def test_a_ratio_column_holds_no_figures() -> None:
    _check(_at(TH_KH, "900"), kind="target", period="2026")
    _check(_at(TH_KH, "936"), kind="actual", period="2026")
    assert _at(TH_KH, "104,0") is None and _at(TH_KH, "80,0") is None


def test_the_plan_year_is_the_latest_year_of_the_title() -> None:
    assert extract_text(TH_KH).document.plan_year == 2027
    text = ("ỦY BAN NHÂN DÂN TỈNH AN PHÚ\nSố: 5/BC-UBND\nAn Phú, ngày 30 tháng 6 năm 2026\nBÁO CÁO\n"
            "Tình hình 6 tháng đầu năm 2026\n\nI. KẾT QUẢ 6 THÁNG NĂM 2026\nĐạt 5 tỷ đồng. Năm 2027 đạt 9 tỷ đồng.\n")
    assert extract_text(text).document.plan_year == 2026


def test_per_mille_age_round_and_sex_ratio_units() -> None:
    got = [(q.value, q.unit) for q in find_quantities(
        "giảm 0,15‰; đạt 73,9 tuổi; mở 3 đợt; không quá 110 bé trai/100 bé gái")]
    assert got == [(0.15, "‰"), (73.9, "tuổi"), (3.0, "đợt"), (110.0, "bé trai/100 bé gái")]


def test_an_age_describes_who_is_counted() -> None:
    text = "Năm 2027 phấn đấu tỷ lệ trẻ em dưới 6 tuổi được cấp thẻ đạt 100%; tuổi thọ bình quân đạt 75,2 tuổi."
    assert _at(text, "6") is None
    _check(_at(text, "75,2"), unit="tuổi", period="2027")
    assert _at("Tổ chức khám cho người từ 60 tuổi trở lên.", "60") is None


# --- round 4: space-aligned tables, a header's verb, the paragraph's year ---------------------

LAYOUT_A = """CỤC THỐNG KÊ TỈNH HÀ BẮC
Số: 3/BC-CTK
Hà Bắc, ngày 27 tháng 2 năm 2027
BÁO CÁO
Tình hình tháng 2 năm 2027

Chỉ tiêu                   ĐVT          Thực hiện tháng 2     Lũy kế 2 tháng
Sản lượng gỗ khai thác     nghìn m3     41,2                  88,9
Vốn đầu tư công            tỷ đồng      615                   1.102
"""


def test_space_aligned_lines_are_a_table() -> None:
    _check(_at(LAYOUT_A, "41,2"), kind="actual", unit="nghìn m3", period="2027", indicator="Sản lượng gỗ khai thác")
    _check(_at(LAYOUT_A, "1.102"), kind="actual", unit="tỷ đồng", value=1102)


def test_spaced_prose_and_indented_lines_are_no_table() -> None:
    assert table_rows("Năm 2027   tăng   5%.\n") == []  # one line alone is no table
    assert table_rows("      Thu ngân sách   đạt   10 tỷ đồng\n      Chi   là   8 tỷ đồng\n") == []


def test_a_verb_after_the_agency_ends_its_name() -> None:
    text = ("ĐẢNG BỘ TỈNH QUANG TRUNG\nSố: 9-KL/TU\nKẾT LUẬN\nNhiệm vụ năm 2027\n"
            "1. Ban Dân tộc tỉnh chỉ đạo:\n- Hỗ trợ 8.400 hộ đồng bào dân tộc thiểu số;\n")
    _check(_at(text, "8.400"), agency="Ban Dân tộc")  # its canonical name


def test_a_sentence_with_no_year_takes_its_paragraphs() -> None:
    text = ("TỈNH ỦY BÌNH ĐÔNG\nSố: 40-KL/TU\nBình Đông, ngày 05 tháng 01 năm 2027\nKẾT LUẬN\nVề nhiệm vụ năm 2027\n\n"
            "Năm 2026, kinh tế tăng 7,1%. Toàn tỉnh cấp mới 48 dự án. Phấn đấu thu hút thêm 60 dự án.\n")
    _check(_at(text, "48"), kind="actual", period="2026")
    _check(_at(text, "60"), kind="target", period="2027")


def test_respectively_is_no_unit_and_a_compared_quarter_is_a_base() -> None:
    assert list(find_quantities("Số thực hiện năm 2015 lần lượt là: 12 tỷ đồng")) != []
    assert all(q.unit != "lần" for q in find_quantities("năm 2015 lần lượt là"))
    text = ("THỐNG KÊ TỈNH AN BÌNH\nSố: 2/BC-TK\nAn Bình, ngày 05 tháng 4 năm 2027\nBÁO CÁO\n\n"
            "CPI quý I tăng 2,1% so với quý I năm 2026. Khách du lịch đạt 9.300 lượt.\n")
    _check(_at(text, "9.300"), period="2027")
