"""Figures in OCR'd table cells mended against their row and their glyphs (`readers/ocr_cells.py`).

The classes come from 150 dpi scans of `so-congthuong-baotan-2025-kehoach-nguong` and two other
tuning scans (`benchmarks/scan_gap.py tuning`): `12,5¹` read `12,5)`, `4,8°`, `21.350'`; `7,2`
read `72` beside `6,85`; `≥ 13` read `>13`, `≤ 4,5` read `<4,5`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from theodoi_extract.readers.ocr_cells import mend_comparator_signs, restore_lost_decimals, strip_cell_markers
from theodoi_extract.tables import GridCell, grid_lines


def _grid(rows: list[list[str]]) -> list[list[GridCell]]:
    return [[GridCell(r * 10 + c, t) for c, t in enumerate(row)] for r, row in enumerate(rows)]


def test_a_footnote_marker_read_as_punctuation_leaves_the_figure() -> None:
    grid = _grid([["TT", "Chỉ tiêu", "ĐVT", "TH 2024", "KH 2025"],
                  ["1", "Sản lượng thủy sản", "tấn", "8.420'", "8.600°"],
                  ["2", "Tỷ lệ che phủ rừng”", "%", "41,2)", "(-0,5)"],
                  ["3", "Số hợp tác xã", "hợp tác xã", "37!", "40"]])
    assert grid_lines(strip_cell_markers(grid))[1:] == [
        "1 | Sản lượng thủy sản | tấn | 8.420 | 8.600",
        "2 | Tỷ lệ che phủ rừng” | % | 41,2 | (-0,5)",  # words keep their marks; a bracketed figure its bracket
        "3 | Số hợp tác xã | hợp tác xã | 37 | 40",
    ]


def test_a_decimal_comma_lost_is_put_back_against_the_rows_decimals() -> None:
    grid = _grid([["STT", "Chỉ tiêu", "Đơn vị tính", "KH 2024", "ƯTH 2024", "KH 2025"],
                  ["1", "Tốc độ tăng trưởng GRDP", "%", "72", "6,85", "74"],
                  ["2", "Tỷ lệ hộ nghèo", "%", "3,1", "2,9", "25"],
                  ["3", "Thu nhập bình quân", "triệu đồng", "48", "49,3", "53"],  # of one size: kept
                  ["4", "Tỷ lệ xã đạt chuẩn", "%", "92,5", "95", "100"],  # no tenth agrees: kept
                  ["5", "Số doanh nghiệp", "doanh nghiệp", "410", "436", "460"]])  # no decimals: kept
    assert grid_lines(restore_lost_decimals(grid))[1:] == [
        "1 | Tốc độ tăng trưởng GRDP | % | 7,2 | 6,85 | 7,4",
        "2 | Tỷ lệ hộ nghèo | % | 3,1 | 2,9 | 2,5",
        "3 | Thu nhập bình quân | triệu đồng | 48 | 49,3 | 53",
        "4 | Tỷ lệ xã đạt chuẩn | % | 92,5 | 95 | 100",
        "5 | Số doanh nghiệp | doanh nghiệp | 410 | 436 | 460",
    ]


def test_rows_of_a_table_without_a_unit_column_are_not_compared() -> None:
    """One indicator per column (districts by indicator): a row's figures are of different sizes."""
    grid = _grid([["Đơn vị", "Tỷ lệ tiêm chủng (%)", "Số ca sinh (ca)"], ["Xã An Phú", "9,8", "96"]])
    assert restore_lost_decimals(grid) is grid


def _word_image(text: str) -> tuple[object, tuple[int, int, int, int]]:
    from PIL import Image, ImageDraw, ImageFont

    font_path = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
    if not font_path.exists():
        pytest.skip("DejaVu Serif is not installed")
    font = ImageFont.truetype(str(font_path), 40)
    image = Image.new("L", (260, 80), 255)
    ImageDraw.Draw(image).text((20, 15), text, font=font, fill=0)
    box = image.point(lambda v: 255 - v).getbbox()
    assert box is not None
    return image, box


@pytest.mark.parametrize(("drawn", "read", "want"), [("≥ 13", ">13", "≥13"), ("≤ 4,5", "<4,5", "≤4,5"),
                                                     ("> 13", ">13", ">13"), ("< 4,5", "<4,5", "<4,5"),
                                                     ("≥", ">", "≥")])
def test_a_sign_with_a_bar_under_it_is_read_as_or_equal(drawn: str, read: str, want: str) -> None:
    image, (left, top, right, bottom) = _word_image(drawn)
    row = "\t".join(["5", "1", "1", "1", "1", "1", str(left), str(top), str(right - left), str(bottom - top), "91", read])
    head = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
    assert mend_comparator_signs(f"{head}\n{row}", image).split("\n")[1].split("\t")[11] == want


def test_a_ratio_column_is_in_another_unit_and_never_compared() -> None:
    """`So với KH (%)` beside figures in lao động: 47,8 (a percentage) says nothing of 468."""
    grid = [[GridCell(1, "Chỉ tiêu"), GridCell(2, "Đơn vị tính"), GridCell(3, "Kế hoạch 2025"),
             GridCell(4, "6 tháng"), GridCell(4, "6 tháng")],
            [GridCell(1, "Chỉ tiêu"), GridCell(2, "Đơn vị tính"), GridCell(3, "Kế hoạch 2025"),
             GridCell(5, "Thực hiện"), GridCell(6, "So với KH (%)")],
            [GridCell(7, "Kim ngạch xuất khẩu"), GridCell(8, "triệu USD"), GridCell(9, "980"),
             GridCell(10, "468"), GridCell(11, "47,8")]]
    assert restore_lost_decimals(grid)[2][3].text == "468"


def test_specks_beside_words_are_dropped_and_a_lone_dash_stays() -> None:
    from theodoi_extract.readers.ocr_cells import drop_cell_specks

    grid = _grid([["STT", "Chỉ tiêu", "ĐVT _~ -", "KH 2025"],
                  ["5 __", "Số trẻ em được trợ giúp „ |", "trẻ em:", "-"],
                  ["6", "Số hộ được hỗ trợ", "hộ", "|"]])
    assert grid_lines(drop_cell_specks(grid)) == [
        "STT | Chỉ tiêu | ĐVT | KH 2025", "5 | Số trẻ em được trợ giúp | trẻ em | -", "6 | Số hộ được hỗ trợ | hộ | |"]


def test_a_three_digit_figure_ten_times_its_neighbours_lost_its_comma() -> None:
    grid = _grid([["STT", "Chỉ tiêu", "Đơn vị tính", "KH 2024", "ƯTH 2024", "KH 2025"],
                  ["5", "Tỷ lệ trường đạt chuẩn", "%", "71", "724", "75"]])
    rows = grid_lines(restore_lost_decimals(grid))[1:]
    assert rows[0] == "5 | Tỷ lệ trường đạt chuẩn | % | 71 | 72,4 | 75"
    grid = _grid([["STT", "Chỉ tiêu", "Đơn vị tính", "TH 2024", "KH 2025"], ["1", "Số hộ", "hộ", "120", "1.300"]])
    assert grid_lines(restore_lost_decimals(grid))[1] == "1 | Số hộ | hộ | 120 | 1.300"  # one neighbour only


def test_an_ordinal_header_read_as_digits_and_unit_cells_read_loosely() -> None:
    """Seen on the held-out tanha scan (so measured again on a fresh set): `TT` read `17`,
    `‰` read `%o`, `xã` read `xa`, specks after `%`."""
    from theodoi_extract.readers.ocr_cells import mend_header_and_units

    grid = _grid([["17", "Chỉ tiêu", "Đơn vị tính", "KH 2025"],
                  ["1", "Tỷ suất sinh thô", "%o", "15,5"], ["2", "Số xã đạt chuẩn", "xa", "19"],
                  ["3", "Tỷ lệ hộ nghèo", "% l", "2,1"], ["4", "Số trạm y tế", "trạm", "12"]])
    assert grid_lines(mend_header_and_units(grid)) == [
        "TT | Chỉ tiêu | Đơn vị tính | KH 2025", "1 | Tỷ suất sinh thô | ‰ | 15,5", "2 | Số xã đạt chuẩn | xã | 19",
        "3 | Tỷ lệ hộ nghèo | % | 2,1", "4 | Số trạm y tế | trạm | 12"]
    # a first header cell that is a year over no counting column stays
    other = _grid([["2024", "Chỉ tiêu", "Đơn vị tính"], ["a", "Số xã", "xã"], ["b", "Số hộ", "hộ"]])
    assert grid_lines(mend_header_and_units(other))[0] == "2024 | Chỉ tiêu | Đơn vị tính"


def test_a_marker_read_as_a_question_mark_leaves_the_figure() -> None:
    grid = _grid([["TT", "Chỉ tiêu", "ĐVT", "TH 2024"], ["1", "Số giường bệnh", "giường bệnh", "27,4?"],
                  ["2", "Số bác sĩ", "bác sĩ", "310"]])
    assert grid_lines(strip_cell_markers(grid))[1] == "1 | Số giường bệnh | giường bệnh | 27,4"


def test_a_column_counting_the_rows_is_ordinal_whatever_its_header_was_read_as() -> None:
    """Held-out hoason scan (`TT` read `SN`) and the lamthuy repair scan (`TT` read `TỶ`, `4` read
    `A`): the row numbers were read as figures in the row's unit."""
    from theodoi_extract.readers.ocr_cells import mend_header_and_units

    grid = _grid([["TỶ", "Nội dung", "ĐVT", "Ước TH 2025", "KH 2026"],
                  ["1", "Cầu yếu được thay thế", "cầu", "7", "9"], ["2", "Điểm đen được xử lý", "điểm", "5", "8"],
                  ["A", "Tuyến xe buýt mở mới", "tuyến", "2", "3"], ["4", "Số vụ tai nạn", "vụ", "18", "15"]])
    assert grid_lines(mend_header_and_units(grid))[0] == "TT | Nội dung | ĐVT | Ước TH 2025 | KH 2026"
    # a short header over figures that do not count the rows stays
    other = _grid([["Xã", "Chỉ tiêu", "ĐVT"], ["12", "Số hộ", "hộ"], ["15", "Số thôn", "thôn"], ["9", "Số trạm", "trạm"]])
    assert grid_lines(mend_header_and_units(other))[0] == "Xã | Chỉ tiêu | ĐVT"
    # nor does a header that names its column
    named = _grid([["Số xã", "Chỉ tiêu", "ĐVT"], ["1", "Số hộ", "hộ"], ["2", "Số thôn", "thôn"], ["3", "Số trạm", "trạm"]])
    assert grid_lines(mend_header_and_units(named))[0] == "Số xã | Chỉ tiêu | ĐVT"


def test_a_table_turned_back_from_indicators_across_the_top_has_its_decimals_compared() -> None:
    """Held-out phuoclam and thachlam scans, and the dongson repair scan: `9,1` read `91` in a
    table with one indicator per column (unit in brackets), once turned back a row of one unit."""
    grid = _grid([["Năm", "Thực hiện năm 2024", "Ước thực hiện năm 2025", "Kế hoạch năm 2026"],
                  ["Tốc độ tăng giá trị sản xuất (%)", "3,8", "41", "4,6"],
                  ["Tỷ lệ hộ cận nghèo (%)", "5,7", "49", "4,2"],
                  ["Số xã đạt chuẩn (xã)", "9", "11", "13"]])
    assert grid_lines(restore_lost_decimals(grid, rows_are_indicators=True))[1:] == [
        "Tốc độ tăng giá trị sản xuất (%) | 3,8 | 4,1 | 4,6", "Tỷ lệ hộ cận nghèo (%) | 5,7 | 4,9 | 4,2",
        "Số xã đạt chuẩn (xã) | 9 | 11 | 13"]
    assert restore_lost_decimals(grid) is grid  # not known to be turned: no unit column, never compared
