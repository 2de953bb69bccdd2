"""Tables with the indicators across the top and the periods down the side (`readers/table_shape.py`)."""

from __future__ import annotations

from theodoi_extract.readers.table_shape import indicators_down
from theodoi_extract.tables import GridCell, grid_lines


def _grid(rows: list[list[str]]) -> list[list[GridCell]]:
    return [[GridCell(r * 10 + c, t) for c, t in enumerate(row)] for r, row in enumerate(rows)]


def test_periods_down_the_side_are_turned_into_columns() -> None:
    grid = _grid([["Năm", "Số trạm y tế đạt chuẩn (trạm)", "Tỷ lệ tiêm chủng đầy đủ (%)"],
                  ["Kết quả 2024", "21", "96,5"],
                  ["Mục tiêu 2025", "24", "≥97"]])
    assert grid_lines(indicators_down(grid)) == [
        "Chỉ tiêu | Kết quả 2024 | Mục tiêu 2025",
        "Số trạm y tế đạt chuẩn (trạm) | 21 | 24",
        "Tỷ lệ tiêm chủng đầy đủ (%) | 96,5 | ≥97",
    ]


def test_a_corner_that_names_the_indicators_is_kept() -> None:
    grid = _grid([["Chỉ tiêu / Năm", "Diện tích lúa (ha)", "Sản lượng (tấn)"],
                  ["Thực hiện 2023", "5.100", "31.000"], ["Kế hoạch 2024", "5.000", "31.500"]])
    assert grid_lines(indicators_down(grid))[0] == "Chỉ tiêu / Năm | Thực hiện 2023 | Kế hoạch 2024"


def test_tables_of_the_usual_shape_stay_as_they_are() -> None:
    usual = _grid([["Chỉ tiêu", "Thực hiện 2024", "Kế hoạch 2025"],
                   ["Số xã đạt chuẩn (xã)", "12", "15"], ["Diện tích rừng trồng (ha)", "400", "450"]])
    assert indicators_down(usual) is usual
    # body rows that name no period, or hold words, or a header that names a year: not this shape
    for rows in ([["Năm", "A (%)", "B (%)"], ["Quý I", "1", "2"], ["Quý II", "3", "4"]],
                 [["Năm", "A (%)", "B (%)"], ["Thực hiện 2024", "1", "Sở Y tế"], ["Kế hoạch 2025", "3", "4"]],
                 [["Năm", "A 2024", "B (%)"], ["Thực hiện 2024", "1", "2"], ["Kế hoạch 2025", "3", "4"]],
                 [["Năm", "A (%)", "B (%)"], ["Kế hoạch 2025", "3", "4"]]):
        grid = _grid(rows)
        assert indicators_down(grid) is grid


def test_a_units_row_under_the_names_becomes_a_unit_column() -> None:
    grid = _grid([["Chỉ tiêu", "Diện tích cây ăn quả", "Đàn bò"], ["ĐVT", "ha", "con"],
                  ["Thực hiện 2024", "2.310", "14.800"], ["Kế hoạch 2025", "2.450", "15.200"]])
    assert grid_lines(indicators_down(grid)) == [
        "Chỉ tiêu | ĐVT | Thực hiện 2024 | Kế hoạch 2025",
        "Diện tích cây ăn quả | ha | 2.310 | 2.450",
        "Đàn bò | con | 14.800 | 15.200",
    ]


def test_a_group_cell_merged_over_its_indicators_is_a_group_row() -> None:
    # corner merged down two rows (one owner), "Văn hóa" merged over two indicator columns
    grid = [[GridCell(1, "Năm"), GridCell(2, "Văn hóa"), GridCell(2, "Văn hóa"), GridCell(3, "Lao động")],
            [GridCell(1, "Năm"), GridCell(4, "Số thôn có nhà văn hóa (thôn)"), GridCell(5, "Số di tích được tu bổ (di tích)"),
             GridCell(6, "Số lao động có việc làm mới (người)")],
            [GridCell(7, "Thực hiện năm 2024"), GridCell(8, "210"), GridCell(9, "6"), GridCell(10, "2.900")],
            [GridCell(11, "Kế hoạch năm 2025"), GridCell(12, "225"), GridCell(13, "8"), GridCell(14, "≥ 3.000")]]
    assert grid_lines(indicators_down(grid)) == [
        "Chỉ tiêu | Thực hiện năm 2024 | Kế hoạch năm 2025",
        "Văn hóa |  | ",
        "Số thôn có nhà văn hóa (thôn) | 210 | 225",
        "Số di tích được tu bổ (di tích) | 6 | 8",
        "Lao động |  | ",
        "Số lao động có việc làm mới (người) | 2.900 | ≥ 3.000",
    ]


def test_a_first_header_row_of_periods_is_the_usual_shape() -> None:
    """Two header rows whose upper one is a merged period ("Năm 2025" over "KH | TH"): not turned."""
    grid = [[GridCell(1, "Chỉ tiêu"), GridCell(2, "Năm 2025"), GridCell(2, "Năm 2025")],
            [GridCell(1, "Chỉ tiêu"), GridCell(3, "KH"), GridCell(4, "TH")],
            [GridCell(5, "Số xã đạt chuẩn (xã)"), GridCell(6, "12"), GridCell(7, "13")],
            [GridCell(8, "Diện tích rừng trồng (ha)"), GridCell(9, "400"), GridCell(10, "410")]]
    assert indicators_down(grid) is grid
