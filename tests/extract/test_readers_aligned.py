"""Borderless tables from word positions (readers/aligned.py), on hand-placed word boxes."""

from __future__ import annotations

from typing import Any

from theodoi_extract.readers import aligned, ocr_layout
from theodoi_extract.tables import grid_lines


def _line(top: float, *cells: tuple[float, str]) -> list[dict[str, Any]]:
    """Words of one printed line: each (x, phrase) puts the phrase's words from x, 6 pt a letter."""
    words = []
    for x, phrase in cells:
        for word in phrase.split():
            words.append({"x0": x, "x1": x + 6 * len(word), "top": top, "bottom": top + 11, "text": word})
            x += 6 * len(word) + 3
    return words


TABLE = [
    *_line(100, (40, "TT"), (70, "Chỉ tiêu"), (250, "ĐVT"), (310, "Năm 2025"), (420, "Đơn vị")),
    *_line(120, (40, "1"), (70, "Số xã đạt chuẩn"), (250, "xã"), (310, "12"), (420, "Phòng Nông")),
    *_line(134, (70, "nông thôn mới"), (420, "nghiệp")),
    *_line(150, (40, "2"), (70, "Số trường học"), (250, "trường"), (310, "7"), (420, "Phòng Giáo dục")),
]


def test_wrapped_cells_join_their_row() -> None:
    tables = aligned.find_tables(TABLE)
    assert len(tables) == 1
    assert grid_lines(tables[0].grid) == [
        "TT | Chỉ tiêu | ĐVT | Năm 2025 | Đơn vị",
        "1 | Số xã đạt chuẩn nông thôn mới | xã | 12 | Phòng Nông nghiệp",
        "2 | Số trường học | trường | 7 | Phòng Giáo dục",
    ]


def test_rows_without_wrapping_are_split_at_stacked_figures() -> None:
    words = [*_line(100, (70, "Chỉ tiêu"), (250, "ĐVT"), (310, "KH 2025")),
             *_line(120, (70, "Diện tích rừng"), (250, "ha"), (310, "1.200")),
             *_line(134, (70, "Sản lượng lúa"), (250, "tấn"), (310, "41.000"))]
    lines = grid_lines(aligned.find_tables(words)[0].grid)
    assert lines[1:] == ["Diện tích rừng | ha | 1.200", "Sản lượng lúa | tấn | 41.000"]


def test_a_header_over_two_columns_becomes_header_paths() -> None:
    words = [*_line(100, (70, "Chỉ tiêu"), (250, "ĐVT"), (330, "Năm 2024")),
             *_line(114, (300, "KH"), (380, "Ước TH")),
             *_line(130, (70, "Thu ngân sách"), (250, "tỷ đồng"), (300, "5.200"), (380, "5.650")),
             *_line(146, (70, "Vốn đầu tư"), (250, "tỷ đồng"), (300, "21.000"), (380, "23.400"))]
    lines = grid_lines(aligned.find_tables(words)[0].grid)
    assert lines[0] == "Chỉ tiêu | ĐVT | Năm 2024 / KH | Năm 2024 / Ước TH"
    assert lines[1] == "Thu ngân sách | tỷ đồng | 5.200 | 5.650"


def test_prose_and_a_two_part_head_are_no_table() -> None:
    prose = [w for i in range(4) for w in _line(100 + 14 * i, (40, "Phấn đấu tỷ lệ hộ nghèo giảm 1,5% so với năm trước"))]
    head = [*_line(40, (40, "ỦY BAN NHÂN DÂN"), (300, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")),
            *_line(54, (40, "TỈNH KIM SƠN"), (300, "Độc lập - Tự do - Hạnh phúc"))]
    assert aligned.find_tables(prose + head) == []


def test_ocr_word_boxes_go_through_the_same_table_builder() -> None:
    header = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
    rows = [header]
    # the layout mode puts each word in its own block: reading order lost
    for block, w in enumerate([*_line(10, (40, "Tỷ lệ che phủ rừng")), *TABLE], start=1):
        rows.append(f"5\t1\t{block}\t1\t1\t1\t{int(w['x0'])}\t{int(w['top'])}\t{int(w['x1'] - w['x0'])}\t11\t90\t{w['text']}")
    text = ocr_layout.page_text("\n".join(rows))
    assert text is not None
    assert "1 | Số xã đạt chuẩn nông thôn mới | xã | 12 | Phòng Nông nghiệp" in text.split("\n")
    assert ocr_layout.page_text(header) is None


def test_each_body_cell_has_a_box_for_a_second_look() -> None:
    """Column band across, the row's wrapped lines down: the place an OCR pass may look again."""
    (table,) = aligned.find_tables(TABLE)
    body = table.grid[1:]
    first_row_figure = table.cell_boxes[body[0][3].owner]
    x0, top, x1, bottom = first_row_figure
    assert x0 < 310 < x1 < 420 and top < 120 and 134 + 11 < bottom < 150
    assert set(table.cell_boxes) == {cell.owner for row in body for cell in row}


def test_an_empty_cell_of_a_figure_column_is_handed_to_the_second_look() -> None:
    words = [w for w in TABLE if w["text"] != "7"]  # the lone one-digit figure no pass read
    header = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
    rows = [f"5\t1\t1\t1\t{int(w['top'])}\t{i}\t{int(w['x0'])}\t{int(w['top'])}\t{int(w['x1'] - w['x0'])}\t"
            f"{int(w['bottom'] - w['top'])}\t90\t{w['text']}" for i, w in enumerate(words)]
    asked: list[Any] = []

    def read_cells(boxes: list[Any]) -> list[str]:
        asked.extend(boxes)
        return ["7"]

    text = ocr_layout.page_text("\n".join([header, *rows]), None, read_cells)
    assert text is not None and "2 | Số trường học | trường | 7 | Phòng Giáo dục" in text
    assert len(asked) == 1 and asked[0][0] < 310 < asked[0][2]
