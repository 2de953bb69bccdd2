"""A tenth blind genre set (issue 15): five documents written, with their expected outputs, before the
extractor was run on them, in genres and layouts no earlier set covers.

`samples/genres10/` holds invented documents of provinces no other set uses: a province People's
Committee's submission (`TỜ TRÌNH`) to the council on next year's plan, this year's results first and the
draft resolution's targets after; a council committee's review report (`BÁO CÁO THẨM TRA`) quoting results
against their plan (`chưa đạt kế hoạch (kế hoạch 7,5%)`) and next year's targets; a short official
letter urging disbursement (`V/v đôn đốc ...`, milestone thresholds, a monthly report day); a scheme
(`ĐỀ ÁN`) as DOCX with phase columns (`Giai đoạn 2026 - 2028 | Giai đoạn 2029 - 2030 | Cả giai đoạn`);
a scanned copy of a district's matrix table handing next year's targets to its communes.
`samples/genres10/make_samples.py` makes the DOCX, the scan and all the expected JSON. Anchors are
matched across layout whitespace (the scan's OCR text).
The blind scores and what they taught are in docs/extractor.md ("Tenth blind set"); the floors are
today's values rounded down. Run as a script for the per-document table:

    PYTHONPATH=$PWD .venv/bin/python tests/extract/test_genres10.py -v
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from genre_set import Floors, GenreSet

# Measured 2026-12-08: see docs/extractor.md ("Tenth blind set").
SET = GenreSet(Path(__file__).parent / "samples" / "genres10",
               Floors(corpus_f1=0.95, corpus_strict=0.85, corpus_assignments=0.9, document_f1=0.85),
               layout_anchors=True)


@pytest.mark.parametrize("name", SET.names)
def test_genre10_document(name: str) -> None:
    SET.check_document(name)


def test_genres10_corpus_floors() -> None:
    SET.check_corpus()


def test_every_expected_file_names_its_document() -> None:
    SET.check_expected_files()


if __name__ == "__main__":
    sys.exit(SET.print_table())
