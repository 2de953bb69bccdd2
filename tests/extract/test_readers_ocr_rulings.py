"""Ruled tables found in a page image (`readers/ocr_rulings.py`), on pages drawn here with Pillow.

Each page is a small white image with a table drawn as thin black rulings: a merged header cell,
a tilt like a scanner's, speckle; and pages whose only long strokes are not tables (glyph-like
strokes, an underline, a lone frame). No OCR is needed.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from theodoi_extract.readers import ocr_rulings

W, H = 1200, 900


def _page(tilt: float = 0.0, speckle: bool = False) -> Image.Image:
    """A table of 4 columns x 4 rows; the header row's columns 2-3 merged ("Năm 2024" over two)."""
    page = Image.new("L", (W, H), 255)
    draw = ImageDraw.Draw(page)
    xs, ys = [100, 300, 600, 800, 1000], [200, 260, 320, 420, 520, 620]
    for y in ys:
        draw.line((xs[0], y, xs[-1], y), fill=0, width=2)
    for x in xs:
        for top, bottom in zip(ys, ys[1:], strict=False):
            if x == 800 and top == 200:
                continue  # no border between columns 2 and 3 in the header's first row
            draw.line((x, top, x, bottom), fill=0, width=2)
    for k, y in enumerate(ys[2:-1]):  # glyph-like strokes inside the cells (text stays text)
        for x in range(120, 980, 23):
            draw.line((x, y + 30, x + 8, y + 30), fill=0, width=3)
            draw.line((x, y + 15, x, y + 45 + k), fill=0, width=2)
    if tilt:
        page = page.rotate(tilt, resample=Image.Resampling.BICUBIC, fillcolor=255)
    if speckle:
        rng = random.Random(3)
        pixels = page.load()
        assert pixels is not None
        for _ in range(W * H // 300):
            pixels[rng.randrange(W), rng.randrange(H)] = rng.choice((60, 120))
    return page


def _tables(page: Image.Image) -> list[ocr_rulings.RuledTable]:
    dark = ocr_rulings._dark(page, ocr_rulings.otsu(page.histogram()))
    return ocr_rulings.find_tables(ocr_rulings.find_rulings(dark, horizontal=True),
                                   ocr_rulings.find_rulings(dark, horizontal=False))


def test_cells_of_a_ruled_table_with_a_merged_header_cell() -> None:
    (table,) = _tables(_page())
    assert table.box == pytest.approx((100, 200, 1000, 620), abs=3)
    assert len(table.cells) == 4 * 5 - 1  # 20 grid slots, two of them one merged cell
    merged = [c for c in table.cells if c[2] - c[0] > 350]
    assert merged == [pytest.approx((600, 200, 1000, 260), abs=3)]


@pytest.mark.parametrize("tilt", [0.4, -0.7, 1.2])
def test_skew_is_measured_and_the_tilted_table_found_after_straightening(tilt: float, tmp_path: Path) -> None:
    source = tmp_path / "page.png"
    _page(tilt=tilt, speckle=True).save(source)
    prepared = ocr_rulings.prepare(source, tmp_path / "flat.png")
    assert prepared.skew == pytest.approx(-tilt, abs=0.11)
    (table,) = prepared.tables
    assert len(table.cells) == 19


def test_prepared_copy_has_its_rulings_erased(tmp_path: Path) -> None:
    source = tmp_path / "page.png"
    _page().save(source)
    prepared = ocr_rulings.prepare(source, tmp_path / "flat.png")
    assert prepared.image == tmp_path / "flat.png" and prepared.tables
    with Image.open(prepared.image) as flat:
        dark = ocr_rulings._dark(flat.convert("L"), 128)
        assert ocr_rulings.find_rulings(dark, horizontal=True) == []
        rows = dark.tobytes()
        # the glyph-like strokes inside the cells are kept
        assert re.search(rb"\xff", rows[(320 + 30) * W:(320 + 31) * W])


def test_strokes_an_underline_and_a_lone_frame_are_no_table() -> None:
    page = Image.new("L", (W, H), 255)
    draw = ImageDraw.Draw(page)
    for x in range(100, 1100, 19):  # a paragraph of glyph strokes
        for y in range(100, 400, 40):
            draw.line((x, y, x, y + 28), fill=0, width=2)
            draw.line((x, y + 14, x + 9, y + 14), fill=0, width=2)
    draw.line((400, 450, 800, 450), fill=0, width=2)  # the rule under a title
    draw.rectangle((300, 600, 900, 800), outline=0, width=2)  # a framed note: one cell
    assert _tables(page) == []


def test_a_blank_page_is_not_rotated(tmp_path: Path) -> None:
    source = tmp_path / "blank.png"
    Image.new("L", (W, H), 255).save(source)
    prepared = ocr_rulings.prepare(source, tmp_path / "flat.png")
    assert prepared.skew == 0.0 and prepared.tables == []


def test_an_unreadable_image_is_returned_as_it_is(tmp_path: Path) -> None:
    source = tmp_path / "broken.png"
    source.write_bytes(b"not an image")
    assert ocr_rulings.prepare(source, tmp_path / "flat.png") == ocr_rulings.Prepared(source, 0.0, [])


def test_otsu_splits_ink_from_paper() -> None:
    histogram = [0] * 256
    histogram[30] = 100  # ink
    histogram[235] = 900  # paper
    assert 30 <= ocr_rulings.otsu(histogram) < 235
    assert ocr_rulings.otsu([0] * 256) == 128
