"""District- and commune-level documents: issuers below the province, "Phòng"/"Trung tâm"/"Chi cục"
agencies and their heads' titles. Pins the readings of the two demo samples (a district action
programme and a district party resolution) and the rules they asked for, one line each."""

from __future__ import annotations

from pathlib import Path

import pytest

from theodoi_extract import agencies, extract_file, extract_text

DEMO = Path(__file__).resolve().parents[2] / "theodoi" / "home" / "demo" / "samples"
TC, NN, YT = "Phòng Tài chính - Kế hoạch", "Phòng Nông nghiệp và Phát triển nông thôn", "Trung tâm Y tế huyện"


def test_demo_district_programme() -> None:
    ex = extract_file(DEMO / "chuong-trinh-mau.txt")
    assert ex.document.issuer == "Ủy ban nhân dân huyện Mẫu Sơn"
    assert (ex.document.kind, ex.document.number, ex.document.plan_year) == ("chuong_trinh", "05/CTr-UBND", 2022)
    assert [(t.value, t.agency) for t in ex.targets] == [
        (8, TC), (120, TC), (450, NN), (58, NN), (2, NN), (95, YT), (28, YT)]
    forest = next(t for t in ex.targets if t.value == 450)
    assert forest.indicator == "Diện tích rừng trồng mới"
    assert [(a.ref, a.lead, a.tasks) for a in ex.assignments] == [("1", (TC,), 2), ("2", (NN,), 2), ("3", (YT,), 2)]
    assert ex.assignments[0].partners == ("Chi cục Thuế khu vực Mẫu Sơn", "Ủy ban nhân dân các xã, thị trấn")
    assert ex.assignments[1].partners == ("Hạt Kiểm lâm huyện", "Ban Quản lý rừng phòng hộ Mẫu Sơn")


def test_demo_district_resolution() -> None:
    ex = extract_file(DEMO / "nghi-quyet-mau.txt")
    assert ex.document.issuer == "Huyện ủy Mẫu Sơn"
    by_value = {(t.value, t.unit): t for t in ex.targets}
    poverty = by_value[(3, "%")]
    assert (poverty.indicator, poverty.comparator) == ("Tỷ lệ hộ nghèo", ">=")  # as the dev gold reads "giảm ít nhất 4%"
    assert by_value[(800, "lao động")].indicator == "Số lao động được giải quyết việc làm"
    assert by_value[(450, "ha")].indicator == "Diện tích rừng trồng mới"
    assert [a.lead for a in ex.assignments] == [
        ("Ủy ban nhân dân huyện",), ("Ban Quản lý rừng phòng hộ Mẫu Sơn",), (YT,)]


@pytest.mark.parametrize(
    ("head", "issuer"),
    [
        ("ỦY BAN NHÂN DÂN\nHUYỆN SƠN HÀ\nSố: 12/CTr-UBND\n", "Ủy ban nhân dân huyện Sơn Hà"),
        ("UBND THỊ XÃ BUÔN HỒ\nSố: 5/KH-UBND\n", "Ủy ban nhân dân thị xã Buôn Hồ"),
        ("HĐND HUYỆN KRÔNG BÔNG\nSố: 5/NQ-HĐND\n", "Hội đồng nhân dân huyện Krông Bông"),
        ("ỦY BAN NHÂN DÂN\nXÃ XUÂN PHÚ\nSố: 15/KH-UBND\n", "Ủy ban nhân dân xã Xuân Phú"),
        ("ĐẢNG BỘ TỈNH KON TUM\nHUYỆN ỦY MẪU SƠN\n*\nSố 07-NQ/HU\n", "Huyện ủy Mẫu Sơn"),
        ("ĐẢNG BỘ HUYỆN NAM ĐÀN\nĐẢNG ỦY XÃ NAM THANH\nSố 05-NQ/ĐU\n", "Đảng ủy xã Nam Thanh"),
        ("ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC\nSỞ Y TẾ\nSố: 45/KH-SYT\n", "Sở Y tế tỉnh Bình Phước"),
        ("UBND TỈNH ĐẮK LẮK\nBỘ CHỈ HUY QUÂN SỰ TỈNH\nSố: 5/KH-BCH\n", "Bộ Chỉ huy Quân sự tỉnh Đắk Lắk"),
        ("Số 07-NQ/HU\nĐẢNG CỘNG SẢN VIỆT NAM\n", "Huyện ủy Mẫu Sơn"),  # no header line: the code and the place
        ("ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH\nSố: 512/KH-UBND\n", "Ủy ban nhân dân tỉnh Hà Tĩnh"),
        ("ĐẢNG BỘ TỈNH GIA LAI\nTỈNH ỦY\n*\nSố 25-NQ/TU\n", "Tỉnh ủy Gia Lai"),
    ],
)
def test_issuer_levels(head: str, issuer: str) -> None:
    place = head.split("\n")[1].title() if head.startswith("ỦY BAN NHÂN DÂN\n") else "Mẫu Sơn"
    assert extract_text(f"{head}{place}, ngày 10 tháng 01 năm 2024\n\nKẾ HOẠCH\n").document.issuer == issuer


@pytest.mark.parametrize(
    ("header", "lead"),
    [
        ("Trưởng phòng Tài chính - Kế hoạch", [TC]),
        ("Trưởng Công an huyện", ["Công an huyện"]),
        ("Chỉ huy trưởng Ban Chỉ huy Quân sự huyện", ["Ban Chỉ huy Quân sự huyện"]),
        ("Chi cục trưởng Chi cục Thuế khu vực Sơn Hà", ["Chi cục Thuế khu vực Sơn Hà"]),
        ("Chánh Văn phòng HĐND và UBND huyện", ["Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện"]),
        ("Hạt trưởng Hạt Kiểm lâm huyện", ["Hạt Kiểm lâm huyện"]),
        ("Chủ tịch UBND các xã, thị trấn", ["Ủy ban nhân dân các xã, thị trấn"]),
        ("Phòng Nội vụ và Phòng Tư pháp", ["Phòng Nội vụ", "Phòng Tư pháp"]),
    ],
)
def test_district_heads_and_agencies(header: str, lead: list[str]) -> None:
    assert agencies.parse_header(header + " chủ trì")[0] == lead


def test_named_starters_need_a_name() -> None:
    assert agencies.is_agency_start("Phòng Tài chính - Kế hoạch")
    assert agencies.is_agency_start("Công chức Địa chính - Xây dựng chủ trì")
    assert not agencies.is_agency_start("Phòng, chống dịch bệnh")
    assert not agencies.is_agency_start("Phòng chống thiên tai")


def test_unit_not_read_across_a_line_into_a_title() -> None:
    """"năm 2024\\n\\nCăn cứ ...": the capitalised word on the next line is not the unit "căn"."""
    ex = extract_text("KẾ HOẠCH\nnăm 2024\n\nCăn cứ Nghị quyết, xây dựng 20 căn nhà.\n")
    assert [(t.value, t.unit) for t in ex.targets] == [(20, "căn nhà")]
