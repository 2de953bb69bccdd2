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
