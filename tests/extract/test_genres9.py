"""A ninth blind genre set (issue 15): five documents written, with their expected outputs, before the
extractor was run on them, in genres and layouts no earlier set covers.

`samples/genres9/` holds invented documents of provinces no other set uses: a commune's year-end report
in two parts (`Phần thứ nhất`, `Phần thứ hai`) mixing this year's results and next year's goals in one
paragraph; a district council's resolution on the five-year plan 2026-2030 (averages, `đến năm 2030`,
totals over the span, `Điều 2. Tổ chức thực hiện`); a department's action programme as DOCX with a
task table (`TT | Nội dung nhiệm vụ | Cơ quan chủ trì | ... | Thời gian hoàn thành | Sản phẩm`, group
rows, figures inside the task cells); a national target programme plan as DOCX with year columns under
a merged `Lộ trình thực hiện` header and `≥`, `≤`, `dưới`, `trên` cells; a province's monthly report as a
PDF set in two text columns. `samples/genres9/make_samples.py` makes the DOCX and the PDF and all the
expected JSON. Anchors are matched across layout whitespace (the PDF's column lines).
The blind scores and what they taught are in docs/extractor.md ("Ninth blind set"); the floors are
today's values rounded down. Run as a script for the per-document table:

    PYTHONPATH=$PWD .venv/bin/python tests/extract/test_genres9.py -v
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from genre_set import Floors, GenreSet

# Measured 2026-12-07: see docs/extractor.md ("Ninth blind set").
SET = GenreSet(Path(__file__).parent / "samples" / "genres9",
               Floors(corpus_f1=1.0, corpus_strict=0.95, corpus_assignments=1.0, document_f1=0.95),
               layout_anchors=True)


@pytest.mark.parametrize("name", SET.names)
def test_genre9_document(name: str) -> None:
    SET.check_document(name)


def test_genres9_corpus_floors() -> None:
    SET.check_corpus()


def test_every_expected_file_names_its_document() -> None:
    SET.check_expected_files()


if __name__ == "__main__":
    sys.exit(SET.print_table())
