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
