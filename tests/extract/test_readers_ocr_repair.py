"""OCR repair (`readers/ocr_repair.py`): one class of Tesseract error per test, each shown on a
line of an invented document as OCR gave it, and the clean texts it must leave alone.

The "leave alone" side matters as much: every repair is also run over the real corpus texts in
`test_repair_leaves_clean_text_alone`, where it may only mend what is broken there too.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from theodoi_extract.readers.ocr_repair import (
    attach_detached_marks,
    repair,
    repair_figure_columns,
    repair_numbers,
    restore_tones,
    restore_unit_cells,
    split_glued,
    strip_tones,
)
from theodoi_extract.tables import GridCell


@pytest.mark.parametrize(("raw", "fixed"), [
    ("tỷ lệ hộ nghèo giảm còn l0% vào cuối năm", "tỷ lệ hộ nghèo giảm còn 10% vào cuối năm"),
    ("tăng trưởng đạt 1O,5% so với cùng kỳ", "tăng trưởng đạt 10,5% so với cùng kỳ"),
    ("thu ngân sách đạt 2.4O0 tỷ đồng", "thu ngân sách đạt 2.400 tỷ đồng"),
    ("giá trị sản xuất tăng 1 0,5%", "giá trị sản xuất tăng 10,5%"),
    # left alone: a Roman numeral, a year, a word with l/O, a figure below one on its own
    ("Mục I. 100% số xã", "Mục I. 100% số xã"),
    ("năm 2O24 tỉnh Lào Cai", "năm 2O24 tỉnh Lào Cai"),
    ("đạt 0,5% và 2 đoàn", "đạt 0,5% và 2 đoàn"),
    ("Ol xã", "Ol xã"),
])
def test_letters_read_for_digits_and_split_digits(raw: str, fixed: str) -> None:
    assert repair_numbers(raw) == fixed


def test_figure_columns_read_look_alike_letters_as_digits() -> None:
    """A column of figures says a `G7` there is 67 and `1l5.` is 115; the unit and agency columns keep their letters."""
    grid = [[GridCell(1, "Chỉ tiêu"), GridCell(2, "ĐVT"), GridCell(3, "KH 2025"), GridCell(4, "Cơ quan")],
            [GridCell(5, "Dân số"), GridCell(6, "người"), GridCell(7, "G7"), GridCell(8, "Sở Y tế")],
            [GridCell(9, "Số xã"), GridCell(10, "xã"), GridCell(11, "1l5."), GridCell(12, "Sở Xây dựng")],
            [GridCell(13, "Diện tích"), GridCell(14, "ha"), GridCell(15, "2.300"), GridCell(16, "BQL")]]
    fixed = repair_figure_columns(grid)
    assert [c.text for c in fixed[1]] == ["Dân số", "người", "67", "Sở Y tế"]
    assert fixed[2][2].text == "115" and fixed[0][2].text == "KH 2025" and fixed[3][3].text == "BQL"


@pytest.mark.parametrize(("raw", "fixed"), [
    ("Tốngvốn đầu tư toàn xã hội", "Tống vốn đầu tư toàn xã hội"),
    ("các chỉtiêu chủyếu năm 2025", "các chỉ tiêu chủ yếu năm 2025"),
    ("GRDPbình quân đầu người", "GRDP bình quân đầu người"),
    ("Ủy ban nhân dân tỉnhnăm 2025", "Ủy ban nhân dân tỉnh năm 2025"),
    # left alone: single syllables, capitals, loanwords, ethnic names, acronym before a vowel
    ("người nguyễn khuyến giường truyền quyết", "người nguyễn khuyến giường truyền quyết"),
    ("CHỦ TỊCH ỦY BAN NHÂN DÂN", "CHỦ TỊCH ỦY BAN NHÂN DÂN"),
    ("online Internet Êban Đắk Lắk Krông", "online Internet Êban Đắk Lắk Krông"),
    ("PLông", "PLông"),
])
def test_glued_syllables_are_split(raw: str, fixed: str) -> None:
    assert split_glued(raw) == fixed


@pytest.mark.parametrize(("raw", "fixed"), [
    ("Số xã đạt chuẩn | xa ~ | 118", "Số xã đạt chuẩn | xã | 118"),
    ("Số xã đạt chuẩn | ~ xa | 118", "Số xã đạt chuẩn | xã | 118"),  # the mark's line read first
    ("đường đi xa ~ trung tâm", "đường đi xã trung tâm"),  # only vocabulary words are made
    ("khoảng cách xa ~~ hơn", "khoảng cách xa ~~ hơn"),
    ("tỷ lệ ~ 5%", "tỷ lệ ~ 5%"),  # a word that has its tone already keeps "~" (about)
])
def test_a_detached_tone_mark_joins_its_word(raw: str, fixed: str) -> None:
    assert attach_detached_marks(raw) == fixed


@pytest.mark.parametrize(("raw", "fixed"), [
    ("Chỉ cục Bảo vệ môi trường", "Chi cục Bảo vệ môi trường"),
    ("giao Sở Kế hoạch và Đâu tư chủ trì", "giao Sở Kế hoạch và Đầu tư chủ trì"),
    ("SỞ KẾ HOẠCH VÀ ĐÂU TƯ", "SỞ KẾ HOẠCH VÀ ĐẦU TƯ"),  # capitals kept
    # left alone: lower-case words with an agency's letters, the other tone placement, exact names
    ("siết chặt chi tiêu công", "siết chặt chi tiêu công"),
    ("Huyện uỷ, Thị uỷ", "Huyện uỷ, Thị uỷ"),
    ("Sở Y tế", "Sở Y tế"),
])
def test_agency_names_take_the_vocabulary_tones(raw: str, fixed: str) -> None:
    assert restore_tones(raw) == fixed


def test_unit_cells_take_the_vocabulary_tones() -> None:
    assert restore_unit_cells("Thu ngân sách | tỷ đông | 5.200") == "Thu ngân sách | tỷ đồng | 5.200"
    # a unit's letters inside prose or a longer cell stay
    assert restore_unit_cells("tỷ đông và tỷ đồng") == "tỷ đông và tỷ đồng"
    assert restore_unit_cells("a | mười tỷ đông | 1") == "a | mười tỷ đông | 1"


def test_repair_leaves_clean_text_alone() -> None:
    """Over the real corpus (typed text, no OCR), repairs touch only what is broken there too."""
    corpus = Path(__file__).parents[2].parent / "shared" / "corpus"
    texts = sorted(corpus.glob("*.txt")) if corpus.is_dir() else []
    if not texts:
        pytest.skip("shared corpus not present")
    changed: set[tuple[str, str]] = set()
    for path in texts:
        text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
        fixed = repair(text)
        a, b = text.split(), fixed.split()
        import difflib

        for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
            if op != "equal":
                changed.add((" ".join(a[i1:i2]), " ".join(b[j1:j2])))
    # every change mends a typo of the source: a dropped tone, two words typed together, a space before %
    assert all(strip_tones(old.replace(" ", "")) == strip_tones(new.replace(" ", "")) for old, new in changed), changed
    assert len(changed) <= 8, changed


@given(st.text(alphabet="abcđeghiklmnopqrstuvxyàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ "
               "0123456789.,%|~OlI", max_size=60))
def test_repair_keeps_the_letters(text: str) -> None:
    """Whatever the input, repairs only add/remove spaces, move tones or map look-alike digits."""
    out = repair(text)
    squash = lambda s: strip_tones(s).replace(" ", "").translate(str.maketrans("OolI", "0011"))  # noqa: E731
    assert squash(out).replace("~", "") == squash(text).replace("~", "")
