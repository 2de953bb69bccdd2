"""Rules learnt from the tenth blind set (`samples/genres10/`), each shown on a text of another
invented province and another layout than the document that revealed it."""

from __future__ import annotations

from rule_texts import check, target_at

from theodoi_extract import extract_text
from theodoi_extract.readers.ocr_repair import repair_figure_columns
from theodoi_extract.table_layout import column_unit
from theodoi_extract.tables import GridCell

# A list heading naming a group of indicators is no agency: the bullets under it have none.
GROUPS = """ỦY BAN NHÂN DÂN TỈNH BÌNH GIANG
Số: 77/KH-UBND                     Bình Giang, ngày 05 tháng 12 năm 2028

KẾ HOẠCH
Phát triển kinh tế - xã hội năm 2029

I. CÁC CHỈ TIÊU CHỦ YẾU NĂM 2029
1. Nhóm chỉ tiêu kinh tế:
- Tổng sản phẩm trên địa bàn tăng 7,8%;
- Thu ngân sách nhà nước trên địa bàn đạt 6.450 tỷ đồng.
2. Các mục tiêu xã hội:
- Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi dưới 17%.
"""


def test_a_heading_naming_a_group_of_indicators_is_no_agency() -> None:
    check(target_at(GROUPS, "7,8"), kind="target", period="2029", agency=None)
    check(target_at(GROUPS, "6.450"), agency=None)
    check(target_at(GROUPS, "17"), comparator="<", agency=None)


# A submission (TỜ TRÌNH) is of a kind the format does not list, even when a later heading names the
# resolution it asks for.
SUBMISSION = """HỘI ĐỒNG NHÂN DÂN HUYỆN ĐÔNG BÌNH
Số: 12/TT-HĐND                     Đông Bình, ngày 01 tháng 12 năm 2028

TỜ TRÌNH
Đề nghị thông qua dự thảo văn bản về nhiệm vụ năm 2029

I. SỰ CẦN THIẾT BAN HÀNH NGHỊ QUYẾT
Năm 2029, huyện phấn đấu thu ngân sách đạt 310 tỷ đồng.
"""


def test_a_submission_title_makes_the_kind_other() -> None:
    assert extract_text(SUBMISSION).document.kind == "other"


# A sentence that counts up to a date on or before the signing date states what has been reached;
# a date after it is a milestone still to reach.
SO_FAR = """ỦY BAN NHÂN DÂN TỈNH BÌNH GIANG
Số: 2210/UBND-TH                     Bình Giang, ngày 10 tháng 8 năm 2029
V/v đẩy nhanh tiến độ thu ngân sách năm 2029

Tính đến ngày 31/7/2029, thu ngân sách trên địa bàn đạt 3.120 tỷ đồng, bằng 48,2% dự toán.
Các cơ quan thuế bảo đảm đến ngày 31/10/2029 thu đạt tối thiểu 80% dự toán năm.
"""


def test_a_count_up_to_a_past_date_is_a_result_and_a_later_one_a_milestone() -> None:
    check(target_at(SO_FAR, "3.120"), kind="actual")
    check(target_at(SO_FAR, "48,2"), kind="actual")
    check(target_at(SO_FAR, "80"), kind="target", comparator=">=")


# "Các chủ đầu tư:" heads an addressee block as "Các sở, ngành:" does.
INVESTORS = """ỦY BAN NHÂN DÂN HUYỆN ĐÔNG BÌNH
Số: 415/UBND-KT                     Đông Bình, ngày 02 tháng 9 năm 2029

Ủy ban nhân dân huyện yêu cầu:
1. Các chủ đầu tư:
- Hoàn thành giải ngân tối thiểu 70% kế hoạch vốn năm 2029 trước ngày 30/11/2029.
2. Phòng Tài chính - Kế hoạch:
- Tổng hợp, báo cáo tiến độ giải ngân vào ngày 5 hằng tháng.
"""


def test_the_investors_head_an_assignment_block() -> None:
    result = extract_text(INVESTORS)
    assert [a.lead for a in result.assignments][:1] == [("Các chủ đầu tư",)]
    check(target_at(INVESTORS, "70"), agency="Các chủ đầu tư", comparator=">=")


def test_a_bracketed_unit_opening_with_a_vietnamese_letter_is_the_columns_unit() -> None:
    assert column_unit("Tỷ lệ hộ nghèo giảm (điểm phần trăm)", "") == ("Tỷ lệ hộ nghèo giảm", "điểm phần trăm")
    assert column_unit("Số lượt kiểm tra (đợt)", "") == ("Số lượt kiểm tra", "đợt")
    assert column_unit("Tỷ lệ che phủ (%)", "") == ("Tỷ lệ che phủ", "%")
    assert column_unit("Số xã (Đông Bình)", "x") == ("Số xã (Đông Bình)", "x")  # a capital: a name, no unit


def test_a_semicolon_between_digits_of_a_figure_column_is_a_decimal_comma() -> None:
    grid = [[GridCell(0, "2,4")], [GridCell(0, "1;7")], [GridCell(0, "3,05")]]
    assert [r[0].text for r in repair_figure_columns(grid)] == ["2,4", "1,7", "3,05"]
