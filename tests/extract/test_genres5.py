"""A fifth blind genre set (issue 15): six documents (four blind, two after the rules) written, with their expected outputs, before
the extractor was run on them.

`samples/genres5/` holds invented documents of provinces no other set uses, in genres the other sets
lack: a notice of the provincial chairman's conclusions (`Thông báo kết luận`, `TB-UBND`) whose
assignments are `1. Giao Sở X chủ trì, phối hợp với Y ..., hoàn thành trước ngày 30/6/2027` under
`III. PHÂN CÔNG THỰC HIỆN`; a chairman's directive (`Chỉ thị`, `CT-UBND`) whose tasks stand as bullets
under agency list headings `1. Sở Tài chính:`; a plan for the national target programmes (new
countryside, poverty reduction) with `có thêm 12 xã`, `bình quân 1,5%/năm giai đoạn 2026-2030` and a
per-district annex table after the signature; a department's 6-month report (`6 tháng đầu năm 2027`:
`đạt 52,3% kế hoạch năm`, `bằng 108% cùng kỳ`, `(-1,3%)`; `6 tháng cuối năm` targets; a footnote
quoting the year's target). Round two, written after the rules: a Sở's quarterly report with a
plan / result / ratio table, and a district poverty plan with an annex of communes and a `Cộng` row.
The blind scores and what they taught are in docs/extractor.md ("Fifth
blind set"); the floors are today's values rounded down. Run as a script for the per-document table:

    PYTHONPATH=$PWD .venv/bin/python tests/extract/test_genres5.py -v
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from genre_set import Floors, GenreSet

# Measured 2026-12-07: see docs/extractor.md ("Fifth blind set").
SET = GenreSet(Path(__file__).parent / "samples" / "genres5", Floors())


@pytest.mark.parametrize("name", SET.names)
def test_genre5_document(name: str) -> None:
    SET.check_document(name)


def test_genres5_corpus_floors() -> None:
    SET.check_corpus()


def test_every_expected_file_names_its_document() -> None:
    SET.check_expected_files()


if __name__ == "__main__":
    sys.exit(SET.print_table())
