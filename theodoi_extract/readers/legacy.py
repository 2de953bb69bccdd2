"""Legacy Vietnamese 8-bit encodings: detection and conversion to Unicode.

Old plans and reports are still circulated as plain text typed in TCVN3 (ABC) or VNI-Windows
(and occasionally Windows-1258). Such bytes are almost never valid UTF-8, so the txt reader
hands every non-UTF-8 input here. Detection decodes with each candidate chart and counts how
many of the resulting non-ASCII words are well-formed Vietnamese syllables: the right chart
gives nearly all valid syllables, the wrong ones give mojibake. When no chart wins clearly we
refuse with EncodingError instead of guessing, because silently wrong diacritics would turn
into wrong targets downstream.

`encode()` is the inverse of `decode()`; it exists so that tests (and anyone checking a
conversion) can produce legacy bytes from known Unicode text.
"""

from __future__ import annotations

import codecs
import functools
import re
import unicodedata
from dataclasses import dataclass, replace
from typing import Any, cast

from theodoi_extract.errors import EncodingError
from theodoi_extract.readers.legacy_tables import TCVN3, VNI_LETTERS, VNI_MARKS

LEGACY_ENCODINGS = ("tcvn3", "vni", "cp1258")
LABELS_VI = {"tcvn3": "TCVN3 (ABC)", "vni": "VNI-Windows", "cp1258": "Windows-1258"}

_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")
_ONSETS = "ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx]"
# Vowel groups without tone, medial o/u and final i/y/o/u included; longest first for the regex.
_NUCLEI = (
    "uyê|uya|uyu|uây|oai|oay|oeo|iêu|yêu|uôi|ươi|ươu|"
    "ai|ao|au|ay|âu|ây|eo|êu|ia|iu|iê|oa|oă|oe|oi|oo|ôi|ôô|ơi|ua|uâ|ui|uê|uy|uô|uơ|ưa|ưi|ưu|ươ|yê|"
    "a|ă|â|e|ê|i|o|ô|ơ|u|ư|y"
)
_SYLLABLE = re.compile(f"(?:{_ONSETS})?(?:{_NUCLEI})(?:ng|nh|ch|[cmnpt])?")
_WORD = re.compile(r"[^\W\d_]+")
_ASCII_UPPER = re.compile(r"[A-Z]")
_ASCII_LOWER = re.compile(r"[a-z]")

# Detection thresholds: share of valid syllables the winner needs, its lead over the runner-up,
# and how many non-ASCII words we need to see before trusting any statistic at all.
MIN_VALID_SHARE = 0.75
MIN_LEAD = 0.2
MIN_WORDS = 2
# Detection looks at the start of the file only; the winner then decodes all of it.
SAMPLE_BYTES = 256 * 1024


@functools.lru_cache(maxsize=20_000)
def is_vietnamese_syllable(word: str) -> bool:
    """True when `word` (any case) is a well-formed Vietnamese syllable with at most one tone."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    if sum(ch in _TONES for ch in decomposed) > 1:
        return False
    toneless = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONES))
    return _SYLLABLE.fullmatch(toneless) is not None


# --- decoding -------------------------------------------------------------------------------
# Decoding goes through codecs.charmap_decode with a 256-character table, at C speed (a 20 MB
# file converts in a fraction of a second). Entries longer than one character (VNI marks that
# carry two combining marks) are stood in for by private-use characters and expanded afterwards.


def _fallback_char(byte: int) -> str:
    """A byte outside the chart: Windows-1252 punctuation the fonts kept, else U+FFFD."""
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return "\ufffd"


@dataclass(frozen=True)
class _Charmap:
    table: str  # 256 characters, one per byte
    expansions: tuple[tuple[str, str], ...]  # (private-use stand-in, real text)
    known: bytes  # ASCII and charted bytes; deleting them leaves the unknown ones

    @classmethod
    def build(cls, chart: dict[int, str]) -> _Charmap:
        chars: list[str] = []
        expansions: list[tuple[str, str]] = []
        for byte in range(256):
            text = chr(byte) if byte < 0x80 else chart.get(byte, _fallback_char(byte))
            if len(text) > 1:
                stand_in = chr(0xE000 + len(expansions))
                expansions.append((stand_in, text))
                text = stand_in
            chars.append(text)
        return cls("".join(chars), tuple(expansions), bytes(range(0x80)) + bytes(sorted(chart)))

    def decode(self, data: bytes) -> tuple[str, int]:
        text, _ = codecs.charmap_decode(data, "strict", cast(Any, self.table))  # typeshed omits str tables
        for stand_in, real in self.expansions:
            text = text.replace(stand_in, real)
        return unicodedata.normalize("NFC", text), len(data.translate(None, self.known))


_TCVN3_MAP = _Charmap.build(TCVN3)
_VNI_MAP = _Charmap.build({**VNI_MARKS, **VNI_LETTERS})


def _decode_tcvn3(data: bytes) -> tuple[str, int]:
    text, unknown = _TCVN3_MAP.decode(data)
    return _recase_tcvn3_lines(text), unknown


def _recase_tcvn3_lines(text: str) -> str:
    """Uppercase lines typed in the ".VnTimeH" font (all-caps titles such as the national motto).

    TCVN3 has no codes for uppercase toned letters, so "CỘNG HÒA" arrives as "CộNG HòA". A line
    whose ASCII letters are all capitals (at least three of them) was typed in caps.
    """
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if not _ASCII_LOWER.search(line) and len(_ASCII_UPPER.findall(line)) >= 3:
            lines[i] = line.upper()
    return "\n".join(lines)


def _decode_vni(data: bytes) -> tuple[str, int]:
    return _VNI_MAP.decode(data)


def _decode_cp1258(data: bytes) -> tuple[str, int]:
    text = data.decode("cp1258", errors="replace")
    return unicodedata.normalize("NFC", text), text.count("\ufffd")


_DECODERS = {"tcvn3": _decode_tcvn3, "vni": _decode_vni, "cp1258": _decode_cp1258}


def decode(data: bytes, encoding: str) -> str:
    """Convert legacy bytes to NFC Unicode with the given chart ("tcvn3", "vni", "cp1258")."""
    return _DECODERS[encoding](data)[0]


# --- detection ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    """How well one chart explains the bytes."""

    encoding: str
    text: str
    words: int  # non-ASCII words seen
    valid: int  # of which well-formed syllables
    unknown: int  # bytes the chart does not define

    @property
    def share(self) -> float:
        return self.valid / (self.words + self.unknown) if self.words else 0.0


def _score(encoding: str, data: bytes) -> Candidate:
    text, unknown = _DECODERS[encoding](data)
    words = [w for w in _WORD.findall(text) if not w.isascii()]
    valid = sum(is_vietnamese_syllable(w) for w in words)
    return Candidate(encoding, text, len(words), valid, unknown)


def detect(data: bytes) -> Candidate:
    """Pick the legacy chart that explains `data`, or raise EncodingError when none clearly does.

    The returned candidate's `text` is the whole of `data` decoded with the winning chart.
    """
    sample = _sample(data)
    ranked = sorted((_score(enc, sample) for enc in LEGACY_ENCODINGS), key=lambda c: c.share, reverse=True)
    best, runner_up = ranked[0], ranked[1]
    if best.words < MIN_WORDS or best.share < MIN_VALID_SHARE or best.share - runner_up.share < MIN_LEAD:
        raise EncodingError(
            f"text is not UTF-8 and no legacy Vietnamese encoding fits (best {best.encoding} "
            f"{best.valid}/{best.words} valid syllables)",
            "Văn bản không phải Unicode (UTF-8) và không nhận ra được bảng mã cũ (TCVN3, VNI); "
            "hãy mở tệp, chuyển sang Unicode (ví dụ bằng Unikey) rồi lưu lại dưới dạng UTF-8.",
        )
    if sample is data:
        return best
    return replace(best, text=decode(data, best.encoding))


def _sample(data: bytes) -> bytes:
    """The first SAMPLE_BYTES, cut at a line break so no letter loses its VNI mark byte."""
    if len(data) <= SAMPLE_BYTES:
        return data
    cut = data.rfind(b"\n", 0, SAMPLE_BYTES)
    return data[: cut if cut > 0 else SAMPLE_BYTES]


# --- encoding (inverse charts, for tests and round-trip checks) -----------------------------

_TCVN3_INVERSE = {char: byte for byte, char in TCVN3.items()}
_VNI_LETTER_INVERSE = {char: byte for byte, char in VNI_LETTERS.items()}
_VOWEL_MARKS = frozenset("\u0302\u0306")


def _vni_mark_inverse() -> dict[tuple[bool, str], int]:
    """(is_lowercase, sorted mark sequence) -> mark byte; lowercase marks live at 0xE0-0xFF."""
    return {(byte >= 0xE0, "".join(sorted(marks))): byte for byte, marks in VNI_MARKS.items()}


_VNI_MARK_INVERSE = _vni_mark_inverse()


def _encode_tcvn3_char(char: str) -> bytes:
    if char.isascii():
        return char.encode("ascii")
    if char in _TCVN3_INVERSE:
        return bytes([_TCVN3_INVERSE[char]])
    lower = char.lower()  # uppercase toned letters exist only via the ".VnTimeH" font
    if lower in _TCVN3_INVERSE:
        return bytes([_TCVN3_INVERSE[lower]])
    raise ValueError(f"{char!r} has no TCVN3 code")


def _encode_vni_char(char: str) -> bytes:
    if char.isascii():
        return char.encode("ascii")
    if char in _VNI_LETTER_INVERSE:
        return bytes([_VNI_LETTER_INVERSE[char]])
    decomposed = unicodedata.normalize("NFD", char)
    base, marks = decomposed[0], decomposed[1:]
    if "\u031b" in marks:  # horn: ơ / ư are single letters that take a tone mark after them
        marks = marks.replace("\u031b", "")
        head = bytes([_VNI_LETTER_INVERSE[unicodedata.normalize("NFC", base + "\u031b")]])
    elif base.isascii() and base.isalpha():
        head = base.encode("ascii")
    else:
        raise ValueError(f"{char!r} has no VNI code")
    if not marks:
        return head
    key = (base.islower(), "".join(sorted(marks)))
    if key not in _VNI_MARK_INVERSE:
        raise ValueError(f"{char!r} has no VNI code")
    return head + bytes([_VNI_MARK_INVERSE[key]])


def _encode_cp1258_char(char: str) -> bytes:
    try:
        return char.encode("cp1258")
    except UnicodeEncodeError:
        decomposed = unicodedata.normalize("NFD", char)
        tones = "".join(ch for ch in decomposed if ch in _TONES)
        rest = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONES))
        return (rest + tones).encode("cp1258")


_ENCODERS = {"tcvn3": _encode_tcvn3_char, "vni": _encode_vni_char, "cp1258": _encode_cp1258_char}


def encode(text: str, encoding: str) -> bytes:
    """Encode Unicode text with a legacy chart; raises ValueError for characters it lacks."""
    encoder = _ENCODERS[encoding]
    return b"".join(encoder(char) for char in unicodedata.normalize("NFC", text))
