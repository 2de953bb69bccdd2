"""A sixth blind genre set (issue 15): five documents written, with their expected outputs, before the
extractor was run on them, closer to what provinces publish each month.

`samples/genres6/` holds invented documents of provinces no other set uses: a Department of Planning
and Investment's monthly report (`tháng 10`, `lũy kế 10 tháng`, `cùng kỳ`, `ước thực hiện`, a plan
figure quoted in brackets, the year's targets under the closing section); a People's Council
resolution on next year's plan (`Điều 1` results, `Điều 2` targets under `a) b) c)` bullets, `Điều 3`
with `Giao Ủy ban nhân dân tỉnh` / `Giao Thường trực Hội đồng nhân dân tỉnh`); a public-investment
disbursement plan (the 30/6 and 30/9 milestones, a penalty threshold, agency list headings, a
tab-separated annex of investors by capital plan and last year's disbursement); a new-countryside
plan as DOCX with a per-district table under a two-row merged header; a district's 9-month report
exported to PDF by LibreOffice with a landscape annex `Năm 2027` over `Kế hoạch | Thực hiện 9 tháng |
Ước thực hiện cả năm`. `samples/genres6/make_samples.py` makes the DOCX and the PDF.
The blind scores and what they taught are in docs/extractor.md ("Sixth blind set"); the floors are
today's values rounded down. Run as a script for the per-document table:

    PYTHONPATH=$PWD .venv/bin/python tests/extract/test_genres6.py -v
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from genre_set import Floors, GenreSet

# Measured 2026-12-07: see docs/extractor.md ("Sixth blind set").
SET = GenreSet(Path(__file__).parent / "samples" / "genres6",
               Floors(corpus_f1=1.0, corpus_strict=1.0, corpus_assignments=1.0, document_f1=0.95))


@pytest.mark.parametrize("name", SET.names)
def test_genre6_document(name: str) -> None:
    SET.check_document(name)


def test_genres6_corpus_floors() -> None:
    SET.check_corpus()


def test_every_expected_file_names_its_document() -> None:
    SET.check_expected_files()


if __name__ == "__main__":
    sys.exit(SET.print_table())
