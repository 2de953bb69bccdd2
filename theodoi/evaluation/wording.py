"""The engine's stored Vietnamese sentences, shown in the page's language.

The engine writes each explanation once, in Vietnamese (sentences.py, engine.py, levels.py and the
disbursement rules; the forecast method beside it): the consolidated report, a Vietnamese state document, prints it as stored, and
the stored row stays what the engine computed. A page in another language reads the sentence back
through the grammar below: every form the engine writes is a msgid with named slots, the slots are
read out of the stored text (numbers, dates and units are data and stay as they are; phrases such
as the comparator or the verdict are translated in turn) and put into the msgid's translation.

In Vietnamese nothing is parsed: the stored text is shown byte for byte. A sentence no form matches
is shown as stored, and the EN page test (core/tests/test_english_complete.py) then fails on it, so
a new form in the engine cannot go unnoticed; tests/test_wording.py reads back every form the
engine writes and checks that the Vietnamese msgids rebuild each sentence exactly.
"""

from __future__ import annotations

import functools
import re

from django.utils.translation import get_language, gettext, gettext_noop

# What each slot's text looks like, and whether that text is itself a phrase to translate
# (a trailing digit tells two slots of one kind apart: "date2").
_SLOTS: dict[str, tuple[str, bool]] = {
    "value": (r".+?", False),  # a number with its unit: data
    "progress": (r"(?: \([^()]*%\))?", False),  # " (37%)" or nothing
    "pct": (r"[^ ;()]+", False),
    "date": (r"\d{1,2}/\d{1,2}/\d{4}", False),
    "n": (r"\d+", False),
    "target": (r".+?", True),
    "level": (r".+?", True),
    "when": (r"sau \d+ tháng|đến ngày \d{1,2}/\d{1,2}/\d{4}", True),
    "seasonal": (r"(?: theo mùa vụ năm trước)?", True),
    "verdict": (r"[^→]+?", True),
    "reason": (r"[^;]+?", True),
}

# Every form, most specific first. The msgids are the engine's own wording with its values as slots.
_FORMS: tuple[str, ...] = (
    # year-end results (sentences._sentence_final)
    gettext_noop("Thực hiện cả năm %(value)s%(progress)s so với chỉ tiêu %(target)s → %(verdict)s."),
    gettext_noop("Cả năm đạt mức %(value)s%(progress)s so với chỉ tiêu %(target)s → %(verdict)s."),
    gettext_noop(
        "Số liệu mới nhất (đến %(date)s) đạt %(value)s%(progress)s so với chỉ tiêu %(target)s → %(verdict)s."
    ),
    # during the year (sentences._sentence_in_year)
    gettext_noop("Số liệu mới nhất %(value)s (đến %(date)s) so với chỉ tiêu %(target)s → %(verdict)s."),
    gettext_noop(
        "Đạt %(value)s%(progress)s %(when)s; cần khoảng %(pct)s%(seasonal)s để kịp tiến độ → %(verdict)s."
    ),
    gettext_noop(
        "Lũy kế %(value)s%(progress)s %(when)s so với chỉ tiêu %(target)s; theo tiến độ cần khoảng "
        "%(pct)s%(seasonal)s mức chỉ tiêu → %(verdict)s."
    ),
    gettext_noop("sau %(n)s tháng"),
    gettext_noop("đến ngày %(date)s"),
    gettext_noop("theo mùa vụ năm trước"),
    # the forecast methods (explain.FORECAST_METHODS_VI), stored beside the sentence
    gettext_noop("ngoại suy tuyến tính số lũy kế"),
    gettext_noop("giữ nguyên số liệu mới nhất"),
    gettext_noop("số liệu cả năm"),
    # no result (engine._no_data, engine._forecast_only, levels._goal)
    gettext_noop("Chưa có số liệu báo cáo đến %(date)s."),
    gettext_noop("Số liệu báo cáo không hợp lệ."),
    gettext_noop("Giá trị chỉ tiêu không hợp lệ."),
    gettext_noop("Chưa có số liệu năm gốc để tính mức thay đổi."),
    gettext_noop("Số liệu năm gốc bằng 0, không tính được mức thay đổi theo tỷ lệ."),
    gettext_noop("Chỉ tiêu dự báo (%(target)s), chưa có số liệu để so sánh."),
    gettext_noop("Chỉ tiêu dự báo (%(target)s), không đánh giá; số liệu mới nhất %(value)s (đến %(date)s)."),
    # the target as the plan states it (explain.target_text_vi, sentences._target_phrase)
    gettext_noop("tăng %(target)s so với năm gốc %(value)s (tức %(level)s)"),
    gettext_noop("giảm %(target)s so với năm gốc %(value)s (tức %(level)s)"),
    gettext_noop("ít nhất %(value)s"),
    gettext_noop("không quá %(value)s"),
    gettext_noop("trên %(value)s"),
    gettext_noop("dưới %(value)s"),
    gettext_noop("khoảng %(value)s"),
    # the verdict after the arrow (explain.STATUS_PHRASES_VI)
    gettext_noop("vượt chỉ tiêu"),
    gettext_noop("đạt chỉ tiêu"),
    gettext_noop("không đạt chỉ tiêu"),
    gettext_noop("đúng tiến độ"),
    gettext_noop("có nguy cơ không đạt"),
    gettext_noop("chậm tiến độ, khó đạt chỉ tiêu"),
    gettext_noop("chưa đánh giá được"),
    gettext_noop("chỉ tiêu dự báo, không đánh giá"),
    # the disbursement rules (investment.rules, investment.selectors.RULE_LABELS_VI)
    gettext_noop("%(reason)s; %(reason2)s."),
    gettext_noop("%(reason)s."),
    gettext_noop("Giải ngân %(pct)s kế hoạch vốn đến %(date)s, dưới ngưỡng %(pct2)s"),
    gettext_noop("Giải ngân %(pct)s kế hoạch vốn (tính đến %(date)s), dưới ngưỡng %(pct2)s tại mốc %(date2)s"),
    gettext_noop("Chưa hoàn thành thủ tục chuẩn bị đầu tư đến %(date)s"),
    gettext_noop("Dự án chuyển tiếp giải ngân dưới 40% đến 30/6"),
    gettext_noop("Dự án chuyển tiếp giải ngân dưới 70% đến 30/9"),
    gettext_noop("Dự án khởi công mới chưa hoàn thành thủ tục đến 30/6"),
    gettext_noop("Đề xuất cắt giảm, điều chuyển vốn"),
)
_SLOT = re.compile(r"%\((\w+)\)s")


def _kind(slot: str) -> str:
    return slot.rstrip("0123456789")


@functools.cache
def _compiled() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each msgid with the pattern that reads its slots back out of a stored sentence."""
    forms = []
    for msgid in _FORMS:
        pieces, pos = [], 0
        for match in _SLOT.finditer(msgid):
            pieces.append(re.escape(msgid[pos : match.start()]))
            pieces.append(f"(?P<{match.group(1)}>{_SLOTS[_kind(match.group(1))][0]})")
            pos = match.end()
        pieces.append(re.escape(msgid[pos:]))
        forms.append((msgid, re.compile("".join(pieces))))
    return tuple(forms)


def read_back(text: str) -> tuple[str, dict[str, str]] | None:
    """The form a stored sentence has and its slots' texts; None when no form matches."""
    for msgid, pattern in _compiled():
        match = pattern.fullmatch(text)
        if match:
            return msgid, match.groupdict()
    return None


def _translated(text: str) -> str:
    core = text.strip()
    if not core:
        return text
    lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
    found = read_back(core)
    if found is None:
        return text
    msgid, slots = found
    parts = {name: _translated(value) if _SLOTS[_kind(name)][1] else value for name, value in slots.items()}
    translation = gettext(msgid)
    return lead + (translation % parts if slots else translation) + trail


def in_page_language(text: str) -> str:
    """A stored engine sentence in the active language: as stored in Vietnamese, translated otherwise."""
    if not text or (get_language() or "vi").startswith("vi"):
        return text
    return _translated(text)
