"""Plain-text reader: Unicode encodings, legacy Vietnamese charts, binary input."""

from __future__ import annotations

import codecs
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from theodoi_extract.errors import EncodingError, UnsupportedFormatError
from theodoi_extract.readers import legacy, read_bytes, txt

PLAN = (
    "KẾ HOẠCH phát triển kinh tế - xã hội năm 2026\r\n"
    "1. Tốc độ tăng trưởng tổng sản phẩm (GRDP) đạt 8%;\n"
    "\n"
    "2. Thu ngân sách nhà nước trên địa bàn: 5.000 tỷ đồng.\tGhi chú: ước thực hiện\n"
)

# Words seen in plans, for generated sentences (lowercase: TCVN3 has no uppercase toned letters).
_WORD_LIST = (
    "kế hoạch phát triển kinh tế xã hội năm tỉnh huyện chỉ tiêu tăng trưởng tổng sản phẩm đạt "
    "thu ngân sách nhà nước trên địa bàn tỷ đồng người dân việc làm mới giảm hộ nghèo trường học "
    "đạt chuẩn quốc gia tỉ lệ dân số tham gia bảo hiểm y tế rừng che phủ nước sạch nông thôn "
    "thực hiện ước lũy kế so với cùng kỳ nghị quyết ủy ban nhân dân giữa khuyến khích đường quyết"
)
WORDS = tuple(_WORD_LIST.split(" "))


def test_utf8_is_exactly_nfc_of_the_decoded_text() -> None:
    result = read_bytes(PLAN.encode("utf-8"), filename="plan.txt")
    assert result.text == unicodedata.normalize("NFC", PLAN)
    assert result.encoding == "utf-8"
    assert result.format == "txt"
    assert "\r\n" in result.text  # line breaks are the author's


def test_utf8_bom_is_stripped() -> None:
    result = read_bytes(codecs.BOM_UTF8 + PLAN.encode("utf-8"), filename="plan.txt")
    assert result.text == PLAN
    assert result.encoding == "utf-8"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom(codec: str) -> None:
    data = PLAN.encode(codec)
    if codec != "utf-16":
        bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
        data = bom + data
    result = read_bytes(data, filename="plan.txt")
    assert result.text == PLAN
    assert result.encoding == "utf-16"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_recognised(codec: str) -> None:
    result = read_bytes(PLAN.encode(codec), filename="plan.txt")
    assert result.text == PLAN
    assert result.encoding == "utf-16"


def test_binary_with_utf16_like_nul_pattern_is_not_text() -> None:
    data = bytes(b for i in range(2000) for b in ((i * 37 + 0x41) % 256 | 0x80, 0))[::-1]
    with pytest.raises(UnsupportedFormatError):
        read_bytes(data, filename="x.txt")


def test_utf32_with_bom() -> None:
    result = read_bytes(PLAN.encode("utf-32"), filename="plan.txt")
    assert (result.text, result.encoding) == (PLAN, "utf-32")


def test_broken_utf16_after_bom_is_encoding_error() -> None:
    with pytest.raises(EncodingError) as info:
        read_bytes(codecs.BOM_UTF16_LE + b"A\x00\x00\xd8", filename="a.txt")  # lone surrogate
    assert "UTF-16" in info.value.message_vi


def test_decomposed_input_is_composed() -> None:
    result = read_bytes(unicodedata.normalize("NFD", PLAN).encode("utf-8"))
    assert result.text == unicodedata.normalize("NFC", PLAN)


@pytest.mark.parametrize("encoding", ["tcvn3", "vni", "cp1258"])
def test_legacy_encodings_are_detected_and_converted(encoding: str) -> None:
    text = PLAN.replace("KẾ HOẠCH", "Kế hoạch")
    result = read_bytes(legacy.encode(text, encoding), filename="cu.txt")
    assert result.text == text
    assert result.encoding == encoding
    assert "bảng mã cũ" in result.warnings[0]


def test_known_tcvn3_motto_including_vntimeh_capitals() -> None:
    data = "CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM\r\n§éc lËp - Tù do - H¹nh phóc".encode("latin-1")
    result = read_bytes(data, filename="cu.txt")
    assert result.encoding == "tcvn3"
    assert result.text == "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\r\nĐộc lập - Tự do - Hạnh phúc"


def test_known_vni_motto() -> None:
    data = "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam\nÑoäc laäp - Töï do - Haïnh phuùc".encode("latin-1")
    result = read_bytes(data, filename="cu.txt")
    assert result.encoding == "vni"
    assert result.text == "Cộng hòa xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc"


def test_tcvn3_short_capitalised_words_keep_their_case() -> None:
    text = "Hà Nội, Sở Tài chính\nBộ Kế hoạch"
    assert legacy.decode(legacy.encode(text, "tcvn3"), "tcvn3") == text


def test_non_utf8_without_a_clear_legacy_chart_is_refused() -> None:
    data = "Paris ist schön, Müller grüßt".encode("latin-1")
    with pytest.raises(EncodingError) as info:
        read_bytes(data, filename="de.txt")
    assert "bảng mã" in info.value.message_vi
    assert "UTF-8" in info.value.message_vi


def test_too_little_legacy_text_to_decide_is_refused() -> None:
    with pytest.raises(EncodingError):
        read_bytes(legacy.encode("Về", "vni"), filename="a.txt")


def test_nul_bytes_mean_binary() -> None:
    with pytest.raises(UnsupportedFormatError) as info:
        read_bytes(b"\x01\x02\x00\x00\x07binary\x00\xff\xfe\x00\x10" * 20, filename="x.txt")
    assert "nhị phân" in info.value.message_vi


def test_many_control_characters_mean_binary() -> None:
    with pytest.raises(UnsupportedFormatError):
        read_bytes(bytes(range(1, 32)) * 10 + b"text", filename="x.txt")


def test_random_high_bytes_are_refused() -> None:
    garbage = bytes((i * 131 + 7) % 256 for i in range(4000)).replace(b"\x00", b"\x01")
    with pytest.raises((UnsupportedFormatError, EncodingError)):
        read_bytes(garbage, filename="x.txt")


def test_form_feed_and_tabs_are_allowed() -> None:
    assert txt.read(b"a\tb\fc\x1a").text == "a\tb\fc\x1a"


@pytest.mark.parametrize(
    "word,valid",
    [("nghiêng", True), ("quốc", True), ("giữa", True), ("khuyến", True), ("ượt", True), ("hoứa", False),
     ("céng", True), ("vĭịt", False), ("ẩá", False), ("xyz", False)],
)
def test_syllable_check(word: str, valid: bool) -> None:
    assert legacy.is_vietnamese_syllable(word) is valid


@settings(max_examples=60, deadline=None)
@given(
    st.text(st.characters(exclude_categories=("Cs", "Cc")), min_size=1)
    .filter(str.strip)
    .filter(lambda text: not text.startswith("\ufeff"))  # a leading U+FEFF *is* the BOM
)
def test_any_utf8_text_reads_back_as_its_nfc(text: str) -> None:
    result = read_bytes(text.encode("utf-8"), filename="a.txt")
    assert result.text == unicodedata.normalize("NFC", text)


sentences = st.lists(st.sampled_from(WORDS), min_size=3, max_size=25).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(sentences, st.sampled_from(legacy.LEGACY_ENCODINGS))
def test_legacy_round_trip(sentence: str, encoding: str) -> None:
    text = sentence[0].upper() + sentence[1:] if encoding != "tcvn3" or sentence[0].isascii() else sentence
    data = legacy.encode(text, encoding)
    try:
        utf8 = data.decode("utf-8")
    except UnicodeDecodeError:
        utf8 = None
    if utf8 is not None:  # only ASCII words drawn: nothing legacy about it
        assert utf8 == text
        return
    try:
        result = read_bytes(data, filename="a.txt")
    except EncodingError:  # too short or ambiguous ("kế kế" is also valid Windows-1258): refusing is fine
        return
    assert (result.text, result.encoding) == (text, encoding)  # but a conversion is never wrong
