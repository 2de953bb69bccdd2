"""A third blind genre set (issue 15): documents written, with their expected outputs, before the
extractor was run on them.

`samples/genres3/` holds invented documents of provinces the other sets do not use. Round one: a
People's Council resolution whose targets stand under "a) Nhóm chỉ tiêu kinh tế / b) ... xã hội / c)
... môi trường" with a page number and a footnote between its bullets and an estimate in brackets
inside a goal's sentence; a digital-transformation plan whose targets name their lead agency in
brackets ("(Sở X chủ trì, phối hợp với Y)"); a statistics office's monthly report as DOCX (results
only, "tăng1,36%", "(-0,99%)", "vượt 12% dự toán", a header merged over "Tháng 10 | 10 tháng" ratio
columns); a district year-end report as DOCX with an annex "Thực hiện 2025 | Năm 2026 (Kế hoạch, Ước
TH) | Kế hoạch 2027 | So sánh (%)". Round two (written after round one's rules): a district 6-month
report, a department plan with "Chỉ tiêu 1:" labels and "a) b)" assignment items, a party programme
mixing a 2026-2030 span, a 2030 horizon and 2027 targets. `make_samples.py` there makes the DOCX.
The scores measured blind are in docs/extractor.md; the floors are today's values rounded down.
Run as a script for the per-document table:

    PYTHONPATH=$PWD .venv/bin/python tests/extract/test_genres3.py -v
"""

from __future__ import annotations

import json
import math
import sys
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from scoring import corpus_totals, score_document

GENRES3 = Path(__file__).parent / "samples" / "genres3"
DOCS = sorted(p.stem for p in GENRES3.glob("*.json"))

# Measured 2026-12-07. Round one blind (main's extractor at f219f0f): 0.967 loose, 0.848 strict,
# assignments 0.889; after its rules (test_layout_rules3.py): 1.000 / 1.000 / 1.000. Round two blind
# (after round one's rules): 1.000 / 0.903 / 1.000 on its three; after "m2 sàn" and two annotations
# corrected ("căn nhà" is the vocabulary's unit as written; a term programme has no plan year):
# 1.000 / 1.000 / 1.000 on all seven. Floors: rounded down to 0.05.
CORPUS_F1_FLOOR = 0.95
CORPUS_STRICT_FLOOR = 0.95
CORPUS_ASSIGNMENT_F1_FLOOR = 0.9
DOCUMENT_F1_FLOOR = 0.9


@cache
def score(name: str) -> dict[str, Any]:
    return score_document(GENRES3, name)


def totals() -> dict[str, float]:
    return corpus_totals(score(name) for name in DOCS)


@pytest.mark.parametrize("name", DOCS)
def test_genre3_document(name: str) -> None:
    s = score(name)
    assert s["f1"] >= DOCUMENT_F1_FLOOR, "\n".join(s["problems"])
    assert not s["meta_wrong"], s["meta_wrong"]
    done, want = s["deadlines"].split("/")
    assert done == want, s["deadlines"]


def test_genres3_corpus_floors() -> None:
    t = totals()
    assert t["f1"] >= CORPUS_F1_FLOOR, t
    assert t["strict_f1"] >= CORPUS_STRICT_FLOOR, t
    assert t["assign_f1"] >= CORPUS_ASSIGNMENT_F1_FLOOR, t


def test_every_expected_file_names_its_document() -> None:
    for name in DOCS:
        gold = json.loads((GENRES3 / f"{name}.json").read_text(encoding="utf-8"))
        assert (GENRES3 / gold["document"]).exists(), name
        assert gold["targets"], name


def main() -> int:
    print(f"{'document':44} {'F1':>6} {'strict':>7}  {'tp/gold/pred':13} {'assign':10} {'deadl':6} meta")
    for name in DOCS:
        s = score(name)
        print(f"{name:44} {s['f1']:6.3f} {s['strict_f1']:7.3f}  "
              f"{str(s['tp']) + '/' + str(s['gold']) + '/' + str(s['pred']):13} {s['assign']:10} {s['deadlines']:6} "
              f"{','.join(s['meta_wrong']) or 'ok'}")
        if "-v" in sys.argv:
            for p in s["problems"]:
                print("    " + p)
    t = totals()
    print(f"{'ALL':44} {t['f1']:6.3f} {t['strict_f1']:7.3f}  {t['tp']}/{t['gold']}/{t['pred']}  "
          f"assignments F1 {t['assign_f1']:.3f}")
    print("floors today:", {k: math.floor(t[k] * 20) / 20 for k in ("f1", "strict_f1", "assign_f1")})
    return 0


if __name__ == "__main__":
    sys.exit(main())
