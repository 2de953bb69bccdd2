"""Documents the rules were not tuned on: other provinces, years, phrasings, a table, PDF-broken text.

Each `samples/unseen/<name>.txt` has a hand-made `<name>.json` (same fields as the dev gold; the
anchor is given as a short `context` that holds the number, so the files stay editable by hand).
Targets are matched the way `../shared/eval/score.py` matches them: the same number after scale
words, and a predicted span that holds the anchor; a strict match also needs kind, comparator,
unit, period and agency right. Run this file as a script for the per-document table:

    .venv/bin/python tests/extract/test_unseen.py
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from scoring import _agency
from scoring import score as _score

from theodoi_extract import Extraction, extract_file

UNSEEN = Path(__file__).parent / "samples" / "unseen"
DOCS = sorted(p.stem for p in UNSEEN.glob("*.json"))


def score(name: str) -> dict[str, Any]:
    """Scores of one unseen document: F1, strict F1, the misses and the wrong attributes."""
    return _score(UNSEEN, name)


@pytest.mark.parametrize("name", DOCS)
def test_unseen_document_f1(name: str) -> None:
    s = score(name)
    assert s["f1"] >= 0.9 and s["strict_f1"] >= 0.9, "\n".join(s["problems"])


def _assignment_span(ex: Extraction, head: str) -> tuple[int, int]:
    start = ex.text.index(head)
    return start, start + len(head)


@pytest.mark.parametrize("name", DOCS)
def test_unseen_assignments_and_deadlines(name: str) -> None:
    """Every expected assignment (ref, lead, number of tasks) and deadline is found, and no other
    assignment: a document without task blocks gets none."""
    s = score(name)
    ex: Extraction = s["extraction"]
    gold = s["expected"]
    found = []
    for g in gold["assignments"]:
        lo, hi = _assignment_span(ex, g["head"])
        hits = [a for a in ex.assignments if a.ref == g["ref"] and a.start < hi and lo < a.end]
        assert hits, f"assignment {g['ref']} not found: {[(a.ref, a.lead) for a in ex.assignments]}"
        a = hits[0]
        assert sorted(map(_agency, a.lead)) == sorted(map(_agency, g["lead"])), (g["ref"], a.lead)
        assert a.tasks == g["tasks"], (g["ref"], a.tasks)
        found.append(a)
    assert len(ex.assignments) == len(found)
    got = {(d.rule, d.date, d.day) for d in ex.deadlines}
    for d in gold["deadlines"]:
        assert (d["rule"], d["date"], d["day"]) in got, (d, sorted(got, key=str))


@pytest.mark.parametrize("name", DOCS)
def test_unseen_metadata(name: str) -> None:
    gold = json.loads((UNSEEN / f"{name}.json").read_text(encoding="utf-8"))
    d = extract_file(UNSEEN / gold["document"]).document
    for key, value in gold.get("meta", {}).items():
        assert getattr(d, key) == value, (key, getattr(d, key), value)


def main() -> int:
    print(f"{'document':40} {'F1':>6} {'strict':>7}  tp/gold/pred")
    for name in DOCS:
        s = score(name)
        print(f"{name:40} {s['f1']:6.3f} {s['strict_f1']:7.3f}  {s['tp']}/{s['gold']}/{s['pred']}")
        for p in s["problems"]:
            print("    " + p)
    return 0


if __name__ == "__main__":
    sys.exit(main())


# --- the rules the unseen documents asked for, one line each ---------------------------------


def _one(text: str) -> list[tuple[float, str]]:
    from theodoi_extract import extract_text

    return [(t.value, t.unit) for t in extract_text(text).targets]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tạo việc làm cho 22.000\nTrang 3\nlao động.", [(22000, "lao động")]),  # page header mid-sentence
        ("Tạo việc làm cho 22.000\n- 4 -\nlao động.", [(22000, "lao động")]),
        ("Thu ngân sách đạt 3.250 tỷ đồng4, tăng khá.", [(3250, "tỷ đồng")]),  # footnote glued to the unit
        ("Tỷ lệ đô thị hóa đạt 34%2.", [(34, "%")]),  # footnote glued to "%"
        ("Phát triển 5.000 héc-\nta cây dược liệu.", [(5000, "héc-ta")]),  # unit hyphenated across lines
        ("Có 38 xã đạt chuẩn.\n5 Xã Ia Pa đạt chuẩn năm 2023.", [(38, "xã")]),  # footnote line marker
    ],
)
def test_pdf_breaks(text: str, expected: list[tuple[float, str]]) -> None:
    assert _one(text) == expected


def test_by_year_after_the_figure() -> None:
    from theodoi_extract import extract_text

    ex = extract_text("NGHỊ QUYẾT\nnăm 2023\n1. Phát triển 5.000 ha cây dược liệu\nđến năm 2025.\n")
    assert [t.period for t in ex.targets] == ["2025"]


def test_assignment_header_forms() -> None:
    from theodoi_extract import extract_text

    ex = extract_text(
        "III. PHÂN CÔNG THỰC HIỆN\n"
        "1. Sở Tài chính: chủ trì, phối hợp với Cục Thuế tỉnh:\n- Điều hành ngân sách;\n- Báo cáo hằng quý.\n"
        "2. Giao Sở Y tế chủ trì, phối hợp với Bảo hiểm xã hội tỉnh nâng tỷ lệ bao phủ lên 95%.\n"
        "3. UBND các huyện, thị xã, thành phố:\n- Xây dựng kế hoạch.\n"
        "4. Các sở, ban, ngành theo chức năng, nhiệm vụ được giao:\n- Thực hiện.\n"
    )
    got = [(a.ref, a.lead, a.tasks) for a in ex.assignments]
    assert got == [("1", ("Sở Tài chính",), 2), ("2", ("Sở Y tế",), 1),
                   ("3", ("Ủy ban nhân dân các huyện, thị xã, thành phố",), 1), ("4", ("Các sở, ban, ngành",), 1)]
    assert ex.assignments[0].partners == ("Cục Thuế tỉnh",)
    assert [t.agency for t in ex.targets] == ["Sở Y tế"]


def test_routine_and_quarter_deadlines() -> None:
    from theodoi_extract import extract_text

    ex = extract_text("Báo cáo định kỳ 6 tháng, hằng năm. Hoàn thành trong Quý II/2024 việc rà soát.")
    assert [(d.rule, d.date) for d in ex.deadlines] == [("semiannual", None), ("yearly", None), ("once", "2024-06-30")]


def test_fast_paths_agree_with_the_plain_regexes() -> None:
    """The folded (lower-cased, case-sensitive) scans give what the case-insensitive ones give."""
    from theodoi_extract import numbers, units
    from theodoi_extract.deadlines import _EACH_RE
    from theodoi_extract.structure import fold, match_at_words

    for path in sorted(UNSEEN.glob("*.txt")):
        text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
        folded = fold(text)
        assert folded is not None
        for m in numbers._candidate_re().finditer(text):
            assert numbers._quantity_at(text, m, 0, folded) == numbers._quantity_at(text, m, 0, None)
        for m in re.finditer(r"\d", text):
            assert numbers.comparator_before(text, m.start(), 0, folded) == numbers.comparator_before(text, m.start(), 0)
            assert units.read_unit(text, m.end(), folded) == units.read_unit(text, m.end())
        assert [m.span() for m in match_at_words(_EACH_RE, text, folded, ("hằng", "hàng", "mỗi"))] == [
            m.span() for m in _EACH_RE.finditer(text)]
