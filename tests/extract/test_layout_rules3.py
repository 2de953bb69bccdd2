"""Rules found with the third blind genre set (`samples/genres3/`), each on short texts written for
these tests (other invented provinces than the genre documents), so a rule that passes them is about
a class of layout or phrasing, not about one document.
"""

from __future__ import annotations

from rule_texts import check, target_at

from theodoi_extract import extract_text
from theodoi_extract.tables import GridCell, grid_lines

_at = target_at
_check = check


# --- how far a result went past its base ---------------------------------------------------------

REPORT = """ỦY BAN NHÂN DÂN TỈNH THÁI KHÊ
Số: 301/BC-UBND
Thái Khê, ngày 15 tháng 12 năm 2027

BÁO CÁO
Tình hình kinh tế - xã hội năm 2027

Thu nội địa ước đạt 3.120 tỷ đồng, vượt 7,5% kế hoạch; kim ngạch nhập khẩu vượt 4% so với cùng kỳ.
Năm 2028, giá trị sản xuất công nghiệp phấn đấu vượt 10 nghìn tỷ đồng.
"""


def test_a_margin_over_a_named_base_is_the_figure_itself() -> None:
    _check(_at(REPORT, "7,5"), kind="actual", comparator="=", unit="%")
    _check(_at(REPORT, "4", after="nhập khẩu"), kind="actual", comparator="=")


def test_over_with_no_base_after_it_stays_more_than() -> None:
    _check(_at(REPORT, "10", after="phấn đấu"), kind="target", comparator=">")


# --- an estimate in brackets inside a goal's sentence --------------------------------------------

PLAN = """HỘI ĐỒNG NHÂN DÂN TỈNH NAM PHÚ
Số: 20/NQ-HĐND
Nam Phú, ngày 08 tháng 12 năm 2027

NGHỊ QUYẾT
Về nhiệm vụ năm 2028

- Phấn đấu tổng thu ngân sách đạt 6.400 tỷ đồng (năm 2027 ước thực hiện 6.050 tỷ đồng, bằng 104% dự toán).
- Phấn đấu có thêm 3 xã đạt chuẩn nông thôn mới (lũy kế 41 xã).
"""


def test_a_result_cue_in_brackets_is_the_brackets_own() -> None:
    _check(_at(PLAN, "6.400"), kind="target", period="2028")
    _check(_at(PLAN, "6.050"), kind="actual", period="2027")
    _check(_at(PLAN, "104"), kind="actual", period="2027")


def test_a_bracket_with_no_cue_of_its_own_keeps_the_sentences() -> None:
    _check(_at(PLAN, "3", after="thêm"), kind="target", period="2028")


# --- the lead agency written in brackets after the figure ----------------------------------------

DIGITAL = """ỦY BAN NHÂN DÂN TỈNH THÁI KHÊ
Số: 12/KH-UBND
Thái Khê, ngày 10 tháng 01 năm 2028

KẾ HOẠCH
Phát triển du lịch năm 2028

II. CHỈ TIÊU
- Đón 2,4 triệu lượt khách du lịch (Sở Văn hóa, Thể thao và Du lịch chủ trì, phối hợp với các huyện).
- Tỷ lệ cơ sở lưu trú thanh toán không dùng tiền mặt đạt 75%, doanh thu du lịch đạt 3.900 tỷ đồng (Sở Công Thương chủ trì).
- Thời gian giải quyết thủ tục cấp phép lữ hành không quá 5 ngày làm việc.
III. PHÂN CÔNG
1. Sở Tài chính:
- Bảo đảm 100% kinh phí xúc tiến du lịch (Trung tâm Xúc tiến đầu tư chủ trì).
- Cân đối 20 tỷ đồng cho quảng bá.
"""


def test_an_agency_in_brackets_after_the_figure_leads_it() -> None:
    _check(_at(DIGITAL, "2,4"), agency="Sở Văn hóa, Thể thao và Du lịch")
    _check(_at(DIGITAL, "75"), agency="Sở Công Thương")
    _check(_at(DIGITAL, "3.900"), agency="Sở Công Thương")


def test_the_bracket_outranks_the_enclosing_block() -> None:
    _check(_at(DIGITAL, "100"), agency="Trung tâm Xúc tiến đầu tư")
    _check(_at(DIGITAL, "20", after="Cân đối"), agency="Sở Tài chính")


def test_working_days_are_a_unit() -> None:
    _check(_at(DIGITAL, "5", after="không quá"), comparator="<=", unit="ngày làm việc", value=5)


# --- the standing body of a council leads an assignment ------------------------------------------

ARTICLE = """HỘI ĐỒNG NHÂN DÂN TỈNH NAM PHÚ
Số: 21/NQ-HĐND
Nam Phú, ngày 08 tháng 12 năm 2027

NGHỊ QUYẾT

Điều 2. Tổ chức thực hiện
1. Giao Ủy ban nhân dân tỉnh chủ trì tổ chức thực hiện Nghị quyết.
2. Giao Thường trực Hội đồng nhân dân tỉnh chủ trì, phối hợp với các Tổ đại biểu giám sát việc thực hiện.
3. Thường trực Hội đồng nhân dân các huyện chủ trì giám sát tại địa phương.
"""


def test_a_standing_committee_leads_its_item() -> None:
    leads = {a.ref: list(a.lead) for a in extract_text(ARTICLE).assignments}
    assert leads.get("2") == ["Thường trực Hội đồng nhân dân tỉnh"], leads
    assert leads.get("3") == ["Thường trực Hội đồng nhân dân các huyện"], leads


# --- a header row that names months is a header row ----------------------------------------------

def _grid(rows: list[list[str]]) -> list[list[GridCell]]:
    """Rows of texts; a cell equal to the one to its left or above ("<" / "^") is merged with it."""
    out: list[list[GridCell]] = []
    owner = 0
    for r, row in enumerate(rows):
        cells: list[GridCell] = []
        for c, text in enumerate(row):
            if text == "<":
                cells.append(cells[c - 1])
            elif text == "^":
                cells.append(out[r - 1][c])
            else:
                owner += 1
                cells.append(GridCell(owner, text))
        out.append(cells)
    return out


def test_month_labels_in_a_merged_header_are_no_figures() -> None:
    lines = grid_lines(_grid([
        ["Chỉ tiêu", "ĐVT", "Thực hiện tháng 11/2027", "Quý IV", "So với cùng kỳ (%)", "<"],
        ["^", "^", "^", "^", "Tháng 11", "11 tháng"],
        ["Sản lượng điện", "triệu kWh", "210,4", "615", "104,2", "103,8"],
    ]))
    assert lines[0].split(" | ")[4:] == ["So với cùng kỳ (%) / Tháng 11", "So với cùng kỳ (%) / 11 tháng"], lines
    assert len(lines) == 2, lines


# --- floor area per person -----------------------------------------------------------------------

HOUSING = """ỦY BAN NHÂN DÂN TỈNH NAM PHÚ
Số: 40/KH-UBND
Nam Phú, ngày 05 tháng 01 năm 2028

KẾ HOẠCH
Phát triển nhà ở năm 2028

Diện tích nhà ở bình quân toàn tỉnh đạt 27,8 m2 sàn/người; khu vực nông thôn đạt 25 m2 sàn/người.
"""


def test_floor_area_keeps_its_qualifier() -> None:
    _check(_at(HOUSING, "27,8"), unit="m2 sàn/người")
    _check(_at(HOUSING, "25", after="nông thôn"), unit="m2 sàn/người")
