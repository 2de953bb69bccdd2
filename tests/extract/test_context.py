"""Attributes from context and phrase classes, on short texts written for these tests.

Each class of phrasing or layout has cases from at least two invented provinces or districts, so a
rule that passes them is a rule about the class, not about one document. A case gives the text, the
number as written (`number_text`, unique in the text, or `None` for "no item at all") and the
attributes expected of the item that holds it.
"""

from __future__ import annotations

from typing import Any

import pytest

from theodoi_extract import Target, extract_text


def _find(text: str, number_text: str, after: str = "") -> Target | None:
    """The extracted item whose number is `number_text` (the first one after the words `after`)."""
    ex = extract_text(text)
    pos = text.index(after) if after else 0
    anchor = text.index(number_text, pos)
    for t in ex.targets:
        if t.start <= anchor < t.end and t.number_text.lstrip("-−").split("/")[0] == number_text.lstrip("-−"):
            return t
    return None


def _check(t: Target | None, expected: dict[str, Any]) -> None:
    assert t is not None, "no item found"
    for key, value in expected.items():
        assert getattr(t, key) == value, f"{key}: {getattr(t, key)!r} != {value!r}"


# --- kind and period from the report's own sections -------------------------------------------

YEAR_END_A = """ỦY BAN NHÂN DÂN TỈNH HÀ GIANG
Số: 88/BC-UBND
BÁO CÁO
Tình hình thực hiện kế hoạch năm 2023, phương hướng, nhiệm vụ năm 2024
I. KẾT QUẢ THỰC HIỆN NĂM 2023
1. Về kinh tế
Tốc độ tăng trưởng kinh tế đạt 6,8% so với năm 2022. Thu ngân sách trên địa bàn 3.150 tỷ đồng.
II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024
1. Chỉ tiêu chủ yếu
Tốc độ tăng trưởng kinh tế 7,2%. Thu ngân sách nhà nước 3.400 tỷ đồng.
"""

YEAR_END_B = """UBND HUYỆN ĐỨC LINH
BÁO CÁO
Đánh giá tình hình kinh tế - xã hội năm 2022 và kế hoạch năm 2023
Đức Linh, ngày 20 tháng 12 năm 2022
A. ĐÁNH GIÁ TÌNH HÌNH THỰC HIỆN NĂM 2022
I. Lĩnh vực nông nghiệp
Tổng sản lượng lương thực 61.200 tấn, tăng 3,1% so với năm 2021.
B. KẾ HOẠCH NĂM 2023
I. Các chỉ tiêu
Tổng sản lượng lương thực 62.000 tấn; tỷ lệ hộ nghèo còn 1,9%.
"""


@pytest.mark.parametrize(
    ("text", "number", "expected"),
    [
        (YEAR_END_A, "6,8", {"kind": "actual", "period": "2023"}),
        (YEAR_END_A, "3.150", {"kind": "actual", "period": "2023"}),
        (YEAR_END_A, "7,2", {"kind": "target", "period": "2024"}),
        (YEAR_END_A, "3.400", {"kind": "target", "period": "2024"}),
        (YEAR_END_B, "61.200", {"kind": "actual", "period": "2022"}),
        (YEAR_END_B, "3,1", {"kind": "actual", "period": "2022"}),
        (YEAR_END_B, "62.000", {"kind": "target", "period": "2023"}),
        (YEAR_END_B, "1,9", {"kind": "target", "period": "2023"}),
    ],
)
def test_year_end_report_sections(text: str, number: str, expected: dict[str, Any]) -> None:
    _check(_find(text, number), expected)


# --- a base year and a price base are never the period ---------------------------------------

@pytest.mark.parametrize(
    ("text", "number", "expected"),
    [
        ("BÁO CÁO\nI. KẾT QUẢ NĂM 2023\nGiá trị sản xuất (theo giá so sánh năm 2010) đạt 18.250 tỷ đồng.\n",
         "18.250", {"period": "2023", "kind": "actual"}),
        ("UBND TỈNH SƠN LA\nBÁO CÁO\nI. KẾT QUẢ THỰC HIỆN NĂM 2024\nTổng sản phẩm theo giá so sánh 2010 đạt 41.900 tỷ đồng.\n",
         "41.900", {"period": "2024"}),
        ("BÁO CÁO\nI. KẾT QUẢ THỰC HIỆN NĂM 2023\nKim ngạch xuất khẩu đạt 410 triệu USD, tăng 12% so với năm 2022.\n",
         "12", {"period": "2023"}),
        ("UBND HUYỆN TAM NÔNG\nBÁO CÁO\nI. ĐÁNH GIÁ NĂM 2021\nSố doanh nghiệp thành lập mới 96 doanh nghiệp, bằng 110% so với năm 2020.\n",
         "110", {"period": "2021"}),
    ],
)
def test_base_years_are_not_periods(text: str, number: str, expected: dict[str, Any]) -> None:
    _check(_find(text, number), expected)


# --- "ước đạt" is an estimate of a result, not "about" ----------------------------------------

@pytest.mark.parametrize(
    ("text", "number", "expected"),
    [
        ("BÁO CÁO\nI. KẾT QUẢ NĂM 2024\nSản lượng cà phê ước đạt 95.000 tấn.\n", "95.000",
         {"kind": "actual", "comparator": "="}),
        ("UBND HUYỆN CƯ JÚT\nBÁO CÁO 6 tháng đầu năm 2025\nThu ngân sách ước thực hiện 210 tỷ đồng.\n", "210",
         {"kind": "actual", "comparator": "="}),
        ("BÁO CÁO\nI. KẾT QUẢ NĂM 2022\nTổng mức bán lẻ hàng hóa ước tăng 8,4%.\n", "8,4",
         {"kind": "actual", "comparator": "="}),
        ("BÁO CÁO\nI. KẾT QUẢ NĂM 2022\nDân số trung bình ước khoảng 312 nghìn người.\n", "312",
         {"comparator": "~"}),
    ],
)
def test_estimate_is_not_about(text: str, number: str, expected: dict[str, Any]) -> None:
    _check(_find(text, number), expected)


# --- counts of indicators ---------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("KẾ HOẠCH\nNghị quyết đề ra 15 chỉ tiêu chủ yếu, gồm: tăng trưởng kinh tế 7%.\n", "15"),
        ("UBND TỈNH BẮC KẠN\nKẾ HOẠCH năm 2024\nKế hoạch có 12 chỉ tiêu về kinh tế, xã hội và môi trường.\n", "12"),
        ("BÁO CÁO\nHệ thống gồm 20 chỉ tiêu, được giao cho các sở, ngành.\n", "20"),
        # the total, with the count of those met after it in the same clause
        ("UBND TỈNH HÀ GIANG\nKẾT LUẬN\nTrong tổng số 18 chỉ tiêu chủ yếu, có 15 chỉ tiêu đạt.\n", "18"),
        ("HUYỆN ĐẦM DƠI\nBÁO CÁO\nNăm 2024 thực hiện 20 chỉ tiêu, trong đó 16 chỉ tiêu đạt và vượt.\n", "20"),
    ],
)
def test_count_of_indicators_is_no_item(text: str, number: str) -> None:
    assert _find(text, number) is None


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("UBND TỈNH YÊN BÁI\nKẾ HOẠCH năm 2024\nI. MỤC TIÊU\nNăm 2023 có 11/13 chỉ tiêu đạt và vượt kế hoạch.\n", "11"),
        ("UBND HUYỆN MỘC HÓA\nKẾT LUẬN\nTrong năm, 14 chỉ tiêu đạt và vượt, 2 chỉ tiêu không đạt.\n", "14"),
    ],
)
def test_count_of_indicators_met_is_a_result(text: str, number: str) -> None:
    _check(_find(text, number), {"kind": "actual", "unit": "chỉ tiêu"})


# --- signs and glued words ---------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "number", "expected"),
    [
        ("BÁO CÁO\nI. KẾT QUẢ NĂM 2023\nChỉ số sản xuất công nghiệp (-0,99%) so với cùng kỳ.\n", "-0,99",
         {"value": -0.99, "unit": "%"}),
        ("UBND HUYỆN PHÙ CÁT\nBÁO CÁO\nI. KẾT QUẢ NĂM 2022\nVốn đầu tư khu vực ngoài nhà nước (-2,4%) so với năm 2021.\n",
         "-2,4", {"value": -2.4, "unit": "%", "period": "2022"}),
        ("BÁO CÁO\nI. KẾT QUẢ NĂM 2023\nGiá trị sản xuất nông nghiệp tăng1,36% so với cùng kỳ.\n", "1,36",
         {"value": 1.36, "unit": "%"}),
        ("UBND TỈNH TRÀ VINH\nBÁO CÁO\nI. KẾT QUẢ NĂM 2024\nTổng thu ngân sách đạt2.150 tỷ đồng.\n", "2.150",
         {"value": 2150, "unit": "tỷ đồng"}),
    ],
)
def test_signs_and_glued_numbers(text: str, number: str, expected: dict[str, Any]) -> None:
    _check(_find(text, number), expected)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Căn cứ Quyết định số QĐ-2 ngày 3 tháng 4, phân bổ vốn.\n", "2"),
        ("Diện tích 20 km2 đất rừng.\n", "2"),
    ],
)
def test_codes_are_not_glued_numbers(text: str, number: str) -> None:
    ex = extract_text(text)
    anchor = text.index(number, text.index(number) + 1) if text.count(number) > 1 else text.index(number)
    assert not any(t.start == anchor for t in ex.targets)


# --- units outside the vocabulary kept whole --------------------------------------------------

@pytest.mark.parametrize(
    ("text", "number", "unit"),
    [
        ("KẾ HOẠCH năm 2025\nTỷ lệ hộ nghèo giảm 1,5 điểm phần trăm.\n", "1,5", "điểm phần trăm"),
        ("UBND HUYỆN KRÔNG BÚK\nKẾ HOẠCH\nTỷ lệ lao động qua đào tạo tăng 2 điểm phần trăm so với năm 2024.\n", "2",
         "điểm phần trăm"),
        ("KẾ HOẠCH năm 2025\nĐạt 32 giường bệnh/1 vạn dân.\n", "32", "giường bệnh/1 vạn dân"),
        ("UBND TỈNH ĐIỆN BIÊN\nKẾ HOẠCH\nPhấn đấu đạt 12 bác sĩ/10.000 dân.\n", "12", "bác sĩ/10.000 dân"),
    ],
)
def test_units_kept_whole(text: str, number: str, unit: str) -> None:
    _check(_find(text, number), {"unit": unit})


# --- agency from a list heading or an assignment block, inherited by the targets under it -----

AGENCY_A = """ỦY BAN NHÂN DÂN TỈNH PHÚ YÊN
KẾ HOẠCH
Thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2025
III. NHIỆM VỤ CỤ THỂ
1. Sở Y tế:
- Nâng tỷ lệ dân số tham gia bảo hiểm y tế đạt 95,5%.
- Đạt 11,5 bác sĩ/vạn dân.
2. Sở Giáo dục và Đào tạo:
- Tỷ lệ trường đạt chuẩn quốc gia 72%.
"""

AGENCY_B = """UBND HUYỆN KRÔNG PA
KẾ HOẠCH năm 2024
II. NHIỆM VỤ CỤ THỂ
1. Phòng Tài chính - Kế hoạch:
- Tổng thu ngân sách trên địa bàn đạt 85 tỷ đồng.
2. Phòng Nông nghiệp và Phát triển nông thôn:
- Trồng mới 300 ha rừng sản xuất.
3. Giao Phòng Văn hóa và Thông tin chủ trì, phối hợp với Ủy ban nhân dân các xã:
- Tỷ lệ thôn có nhà văn hóa đạt 96%.
"""

NO_AGENCY = """KẾ HOẠCH năm 2024
II. CHỈ TIÊU
1. Về kinh tế:
- Tốc độ tăng trưởng kinh tế đạt 7,4%.
2. Phòng, chống dịch bệnh:
- Tỷ lệ tiêm chủng mở rộng đạt 98,2%.
"""


@pytest.mark.parametrize(
    ("text", "number", "agency"),
    [
        (AGENCY_A, "95,5", "Sở Y tế"),
        (AGENCY_A, "11,5", "Sở Y tế"),
        (AGENCY_A, "72", "Sở Giáo dục và Đào tạo"),
        (AGENCY_B, "85", "Phòng Tài chính - Kế hoạch"),
        (AGENCY_B, "300", "Phòng Nông nghiệp và Phát triển nông thôn"),
        (AGENCY_B, "96", "Phòng Văn hóa và Thông tin"),
        (NO_AGENCY, "7,4", None),
        (NO_AGENCY, "98,2", None),
    ],
)
def test_agency_from_list_heading(text: str, number: str, agency: str | None) -> None:
    _check(_find(text, number), {"agency": agency})


# --- a 6-month report: results of the first half, tasks of the second; "cùng kỳ" is a base ----

HALF_A = """UBND HUYỆN BẢO LÂM
BÁO CÁO
Tình hình kinh tế - xã hội 6 tháng đầu năm 2024
I. KẾT QUẢ 6 THÁNG ĐẦU NĂM 2024
Tổng thu ngân sách trên địa bàn 61,4 tỷ đồng, bằng 112% cùng kỳ năm 2023.
II. NHIỆM VỤ 6 THÁNG CUỐI NĂM 2024
Tổng thu ngân sách trên địa bàn 70 tỷ đồng.
"""

HALF_B = """ỦY BAN NHÂN DÂN THỊ XÃ BA ĐỒN
BÁO CÁO
Sơ kết 6 tháng đầu năm 2025
A. ƯỚC THỰC HIỆN 6 THÁNG ĐẦU NĂM 2025
Giá trị sản xuất thủy sản 540 tỷ đồng, tăng 4,6% so với cùng kỳ năm 2024.
B. NHIỆM VỤ TRỌNG TÂM 6 THÁNG CUỐI NĂM 2025
Giá trị sản xuất thủy sản 600 tỷ đồng.
"""


@pytest.mark.parametrize(
    ("text", "number", "expected"),
    [
        (HALF_A, "61,4", {"kind": "actual", "period": "2024"}),
        (HALF_A, "112", {"kind": "actual", "period": "2024"}),
        (HALF_A, "70", {"kind": "target", "period": "2024"}),
        (HALF_B, "540", {"kind": "actual", "period": "2025"}),
        (HALF_B, "4,6", {"kind": "actual", "period": "2025"}),
        (HALF_B, "600", {"kind": "target", "period": "2025"}),
    ],
)
def test_half_year_report(text: str, number: str, expected: dict[str, Any]) -> None:
    _check(_find(text, number), expected)


@pytest.mark.parametrize(
    ("text", "number", "unit"),
    [
        ("UBND TỈNH LẠNG SƠN\nKẾ HOẠCH năm 2025\nĐạt 28 thuê bao internet/100 dân.\n", "28", "thuê bao internet/100 dân"),
        ("UBND HUYỆN ĐĂK GLEI\nKẾ HOẠCH\nPhấn đấu có 3,2 nhân viên y tế thôn/1.000 dân.\n", "3,2", "nhân viên y tế thôn/1.000 dân"),
    ],
)
def test_unit_outside_vocabulary_from_its_shape(text: str, number: str, unit: str) -> None:
    t = _find(text, number)
    _check(t, {"unit": unit})
    assert t is not None and "unit outside vocabulary" in t.reason


# --- an estimate written after a figure belongs to the next figure -----------------------------

BESIDE_A = """HỘI ĐỒNG NHÂN DÂN HUYỆN ĐẮK GLEI
NGHỊ QUYẾT
Về nhiệm vụ năm 2026
Đắk Glei, ngày 12 tháng 12 năm 2025
- Tổng vốn đầu tư phát triển năm 2026 đạt khoảng 640 tỷ đồng (ước thực hiện năm 2025 là 598 tỷ đồng).
- Sản lượng cà phê nhân năm 2026 đạt 21.500 tấn, ước thực hiện năm 2025 đạt 20.800 tấn.
"""

BESIDE_B = """ỦY BAN NHÂN DÂN TỈNH AN NHƠN
KẾ HOẠCH
Phát triển du lịch năm 2025
An Nhơn, ngày 05 tháng 01 năm 2025
Đón 3,2 triệu lượt khách trong năm 2025 (năm 2024 ước đạt 2,9 triệu lượt khách).
"""


@pytest.mark.parametrize(
    ("text", "number", "expected"),
    [
        (BESIDE_A, "640", {"kind": "target", "period": "2026", "comparator": "~"}),
        (BESIDE_A, "598", {"kind": "actual", "period": "2025"}),
        (BESIDE_A, "21.500", {"kind": "target", "period": "2026"}),
        (BESIDE_A, "20.800", {"kind": "actual", "period": "2025"}),
        (BESIDE_B, "3,2", {"kind": "target", "period": "2025"}),
        (BESIDE_B, "2,9", {"kind": "actual", "period": "2024"}),
    ],
)
def test_estimate_after_a_figure_is_the_next_figures(text: str, number: str, expected: dict[str, Any]) -> None:
    """"năm 2026 đạt khoảng 640 tỷ đồng (ước thực hiện năm 2025 là 598 tỷ đồng)": the estimate cue
    after the plan figure names the bracketed result, not the plan figure before it."""
    _check(_find(text, number), expected)
