""""cả N <đơn vị>" ("on all N ..."): the number says how many things a statement covers, an
enumeration of the sentence, not a figure to monitor. Texts of an invented province (Bình Sơn)."""

from __future__ import annotations

from rule_texts import check, target_at

PLAN = """ỦY BAN NHÂN DÂN TỈNH BÌNH SƠN
KẾ HOẠCH
Bảo đảm trật tự an toàn giao thông năm 2029
I. MỤC TIÊU
1. Kéo giảm tai nạn giao thông trên cả 3 tiêu chí so với năm 2028; số người chết giảm ít nhất 5%.
2. Phấn đấu 12 xã đạt chuẩn nông thôn mới; duy trì cả 4 huyện đạt chuẩn về an toàn giao thông.
3. Xây dựng 25 tuyến đường kiểu mẫu.
"""


def test_a_number_after_ca_counts_what_a_statement_covers() -> None:
    assert target_at(PLAN, "3", after="trên cả") is None
    assert target_at(PLAN, "4", after="duy trì cả") is None


def test_figures_beside_it_are_kept() -> None:
    check(target_at(PLAN, "5"), kind="target", comparator=">=", unit="%", period="2029")
    check(target_at(PLAN, "12"), kind="target", unit="xã", period="2029")
    assert target_at(PLAN, "25") is not None
