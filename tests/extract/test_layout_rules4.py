"""Rules learnt from the fourth blind genre set (`samples/genres4/`), each shown on a text of
another invented province, not on the genre document that revealed it (docs/extractor.md,
"Fourth blind set")."""

from __future__ import annotations

from theodoi_extract import extract_text


def _one(ex, number: float):  # type: ignore[no-untyped-def]
    found = [t for t in ex.targets if t.value == number]
    assert len(found) == 1, [(t.value, t.unit, t.start) for t in ex.targets]
    return found[0]


REPORT = """ỦY BAN NHÂN DÂN
HUYỆN NGHĨA ĐÀN
Số: 140/BC-UBND
Nghĩa Đàn, ngày 10 tháng 12 năm 2027

BÁO CÁO
Kết quả thực hiện nhiệm vụ năm 2027

I. KẾT QUẢ
Tỷ lệ trẻ em suy dinh dưỡng thể thấp còi còn 14,2%, giảm 0,7 điểm phần trăm so với đầu năm 2027. Toàn huyện có thêm 6 thôn đạt chuẩn văn hóa.
Giá trị sản phẩm trên một ha đất canh tác đạt 128 triệu đồng, gấp 1,4 lần năm 2022; tỷ lệ hộ dùng điện lưới đạt trên 99 phần trăm.
"""


def test_a_level_or_ratio_base_is_no_period() -> None:
    """`so với đầu/cuối năm N` and `gấp x lần năm N` name a base: the figures keep the report's year,
    and the base year does not pass on to the next sentence."""
    ex = extract_text(REPORT)
    assert _one(ex, 6).period == "2027"
    assert _one(ex, 1.4).period == "2027"
    assert _one(ex, 128).period == "2027"


def test_percent_written_in_words_is_a_unit() -> None:
    """`trên 99 phần trăm`: the unit as written, the comparator before the number."""
    t = _one(extract_text(REPORT), 99)
    assert (t.unit, t.comparator, t.kind) == ("phần trăm", ">", "actual")


TERM = """ĐẢNG BỘ TỈNH HÀ NGUYÊN
ĐẢNG BỘ XÃ TIÊN LÃNG
Số: 02-NQ/ĐH
Tiên Lãng, ngày 14 tháng 5 năm 2025

NGHỊ QUYẾT
ĐẠI HỘI ĐẢNG BỘ XÃ TIÊN LÃNG NHIỆM KỲ 2025 - 2030

2. Chỉ tiêu chủ yếu nhiệm kỳ 2025 - 2030
a) Tổng vốn đầu tư trên địa bàn giai đoạn 2026 - 2030 đạt 2.400 tỷ đồng.
b) Giá trị sản xuất tăng bình quân 8,5%/năm.
c) Hằng năm có trên 85% chi bộ hoàn thành tốt nhiệm vụ; kết nạp từ 40 đảng viên mới trở lên.
"""


def test_an_average_takes_its_sections_span_not_a_siblings() -> None:
    """b) names no span: the heading's term, not the span item a) wrote just before it."""
    assert _one(extract_text(TERM), 8.5).period == "2025-2030"


def test_a_yearly_figure_of_a_term_is_over_the_term() -> None:
    """`Hằng năm ...` in a term's section is each year of the term, like `/năm`."""
    ex = extract_text(TERM)
    assert _one(ex, 85).period == "2025-2030"
    assert _one(ex, 40).period == "2025-2030"


def test_at_least_around_a_qualified_unit() -> None:
    """`từ 40 đảng viên mới trở lên`: a word qualifying the unit stands before `trở lên`."""
    assert _one(extract_text(TERM), 40).comparator == ">="


TASKS = """ỦY BAN NHÂN DÂN
TỈNH NAM KHÊ
Số: 77/KH-UBND
Nam Khê, ngày 03 tháng 3 năm 2028

KẾ HOẠCH
Phát triển hạ tầng số năm 2028

STT | Nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời hạn | Ghi chú
1 | Phủ sóng di động 5G tại 12 cơ quan nhà nước cấp xã | Sở Khoa học và Công nghệ | Các doanh nghiệp viễn thông | Quý II/2028 |
2 | Cấp chữ ký số cho 100% cán bộ, công chức | Văn phòng UBND tỉnh | Sở Nội vụ | Tháng 9/2028 |
3 | Tuyên truyền về chuyển đổi số | Sở Văn hóa, Thể thao và Du lịch | Báo Nam Khê | Thường xuyên |
"""


def test_each_row_of_a_task_table_is_an_assignment() -> None:
    """The header decides: a task column and a "chủ trì" column; the row number is the ref."""
    ex = extract_text(TASKS)
    got = [(a.ref, a.lead, a.tasks) for a in ex.assignments]
    assert got == [("1", ("Sở Khoa học và Công nghệ",), 1), ("2", ("Văn phòng Ủy ban nhân dân tỉnh",), 1),
                   ("3", ("Sở Văn hóa, Thể thao và Du lịch",), 1)]
    assert ex.assignments[0].partners == ("Các doanh nghiệp viễn thông",)


def test_a_task_tables_time_column_gives_due_dates() -> None:
    """`Quý II/2028` is due on the quarter's last day, `Tháng 9/2028` on the month's; `Thường xuyên`
    is no date."""
    dates = sorted(d.date for d in extract_text(TASKS).deadlines if d.rule == "once")
    assert dates == ["2028-06-30", "2028-09-30"]


def test_figures_inside_a_task_are_the_plans_goals_of_the_rows_lead() -> None:
    ex = extract_text(TASKS)
    t = _one(ex, 12)
    assert (t.kind, t.unit, t.period, t.agency) == ("target", "cơ quan", "2028", "Sở Khoa học và Công nghệ")
    assert _one(ex, 100).agency == "Văn phòng Ủy ban nhân dân tỉnh"


def test_a_term_title_sets_no_plan_year() -> None:
    """A title naming only a term (`NHIỆM KỲ 2025 - 2030`) has no single plan year, whatever years
    the body's first page names."""
    assert extract_text(TERM + "Thu nhập bình quân đầu người năm 2025 đạt 61 triệu đồng.\n").document.plan_year is None
