"""Code charts of the legacy Vietnamese 8-bit encodings, as data.

Before Unicode was mandated for state documents (Decision 72/2002/QĐ-TTg), offices typed in
TCVN3 (ABC, fonts ".VnTime") or VNI-Windows (fonts "VNI-Times"); old plans and reports still
arrive as such text. Bytes below 0x80 are ASCII in both. Bytes not listed here decode as
Windows-1252 (the fonts kept its punctuation) and count against the encoding in detection.

TCVN3 (TCVN 5712:1993, VN3) stores each lowercase letter precomposed in one byte; uppercase
toned letters have no code of their own (typists switched to the ".VnTimeH" font, whose glyphs
at the lowercase codes are uppercase), so they decode as lowercase and the reader re-cases
words that are otherwise all uppercase.

VNI-Windows writes a base ASCII letter followed by one "mark" byte carrying the vowel mark
(circumflex, breve) and/or the tone; ơ, ư, đ and the five toned i are single bytes.
"""

from __future__ import annotations

# byte -> Unicode (NFC) for TCVN3 (ABC).
TCVN3: dict[int, str] = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
    0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
    0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
    0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
    0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
}

# Combining marks (Unicode) used below.
_GRAVE, _ACUTE, _TILDE, _HOOK, _DOT = "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"
_CIRC, _BREVE = "\u0302", "\u0306"

# VNI-Windows mark bytes: byte -> combining sequence appended to the preceding base letter.
# Lowercase and uppercase forms (uppercase glyphs sit higher, for capitals) mean the same.
VNI_MARKS: dict[int, str] = {
    0xF9: _ACUTE, 0xF8: _GRAVE, 0xFB: _HOOK, 0xF5: _TILDE, 0xEF: _DOT,
    0xE2: _CIRC, 0xEA: _BREVE,
    0xE1: _CIRC + _ACUTE, 0xE0: _CIRC + _GRAVE, 0xE5: _CIRC + _HOOK, 0xE3: _CIRC + _TILDE, 0xE4: _CIRC + _DOT,
    0xE9: _BREVE + _ACUTE, 0xE8: _BREVE + _GRAVE, 0xFA: _BREVE + _HOOK, 0xFC: _BREVE + _TILDE, 0xEB: _BREVE + _DOT,
    0xD9: _ACUTE, 0xD8: _GRAVE, 0xDB: _HOOK, 0xD5: _TILDE, 0xCF: _DOT,
    0xC2: _CIRC, 0xCA: _BREVE,
    0xC1: _CIRC + _ACUTE, 0xC0: _CIRC + _GRAVE, 0xC5: _CIRC + _HOOK, 0xC3: _CIRC + _TILDE, 0xC4: _CIRC + _DOT,
    0xC9: _BREVE + _ACUTE, 0xC8: _BREVE + _GRAVE, 0xDA: _BREVE + _HOOK, 0xDC: _BREVE + _TILDE, 0xCB: _BREVE + _DOT,
}

# VNI-Windows single-byte letters.
VNI_LETTERS: dict[int, str] = {
    0xF4: "ơ", 0xF6: "ư", 0xF1: "đ", 0xEC: "ì", 0xED: "í", 0xE6: "ỉ", 0xF3: "ĩ", 0xF2: "ị",
    0xD4: "Ơ", 0xD6: "Ư", 0xD1: "Đ", 0xCC: "Ì", 0xCD: "Í", 0xC6: "Ỉ", 0xD3: "Ĩ", 0xD2: "Ị",
}
