"""PDF genre documents (issue 15): a landscape LibreOffice table, two columns, a borderless table, a scan.

Made by `samples/genres/make_pdf_samples.py`, written blind (expected JSON from the declarations,
before the extractor read them). `test_genres.py` scores them with the rest of the genre set; this
file adds what only PDFs have: the scan gap (loose F1 of the scanned copy against its text
version, goal ≤ 0.05) and table recall (goal ≥ 0.90). Here an anchor whose words a PDF line break
separates still locates its figure (whitespace is layout, not content), and an anchor that OCR
garbled counts as a miss instead of an error, so the scan is measured rather than crashing.

    PYTHONPATH=$PWD .venv/bin/python tests/extract/test_genres_pdf.py
"""

from __future__ import annotations

import json
import re
import sys
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from scoring import _agency, _base_unit, _close, _magnitude, _prf

from theodoi_extract import extract_file
from theodoi_extract.readers.ocr import available as ocr_available

GENRES = Path(__file__).parent / "samples" / "genres"
SCAN_DIR = GENRES / "scans"  # OCR'd anchors depend on the Tesseract installed: kept out of test_genres.py
PDF_DOCS = sorted([p.stem for p in GENRES.glob("*.json")
                   if json.loads(p.read_text(encoding="utf-8"))["document"].endswith(".pdf")]
                  + [p.stem for p in SCAN_DIR.glob("*.json")])
SCANS = [n for n in PDF_DOCS if n.endswith("-scan")]


def _folder(name: str) -> Path:
    return SCAN_DIR if name.endswith("-scan") else GENRES
TABLE_DOCS = [n for n in PDF_DOCS if "bang" in n]

SCAN_GAP_LIMIT = 0.05
TABLE_RECALL_FLOOR = 0.90
needs_ocr = pytest.mark.skipif(not ocr_available(), reason="tesseract with the vie model is not installed")


def _anchor(text: str, item: dict[str, Any]) -> int | None:
    """Offset of the expected number in `text`: its context found once, any whitespace run matching
    any other (a line break where the sample had a space); None when it is not there exactly once."""
    pattern = r"\s+".join(re.escape(part) for part in item["context"].split())
    found = [m.start() for m in re.finditer(pattern, text)]
    if len(found) != 1:
        return None
    m = re.compile(pattern).match(text, found[0])
    assert m is not None
    inner = re.search(r"\s+".join(re.escape(p) for p in item["number_text"].split()), m.group(0))
    return found[0] + (inner.start() if inner else 0)


@cache
def score(name: str) -> dict[str, Any]:
    gold = json.loads((_folder(name) / f"{name}.json").read_text(encoding="utf-8"))
    ex = extract_file(_folder(name) / gold["document"])
    pred = [t.to_dict() for t in ex.targets]
    used: set[int] = set()
    tp = strict = 0
    problems: list[str] = []
    for g in gold["targets"]:
        anchor = _anchor(ex.text, g)
        gm = _magnitude(g["value"], g["unit"])
        for j, p in enumerate(pred):
            if anchor is None or j in used or not _close(gm, _magnitude(p["value"], p["unit"])):
                continue
            if not p["start"] <= anchor < p["end"]:
                continue
            used.add(j)
            tp += 1
            wrong = [k for k in ("kind", "comparator", "period") if str(g[k]) != str(p[k])]
            wrong += ["unit"] * (_base_unit(g["unit"]) != _base_unit(p["unit"]))
            wrong += ["agency"] * (_agency(g["agency"]) != _agency(p["agency"]))
            strict += not wrong
            if wrong:
                problems.append(f"{g['context']!r}: " + ", ".join(f"{k} {g[k]!r}≠{p[k]!r}" for k in wrong))
            break
        else:
            problems.append(f"{g['context']!r}: {'missed' if anchor is not None else 'anchor not in text'}")
    for j, p in enumerate(pred):
        if j not in used:
            problems.append(f"extra {p['value']} {p['unit']} at {ex.text[p['start']:p['end']][:60]!r}")
    n_pred, n_gold = len(pred), len(gold["targets"])
    return {"f1": _prf(tp, n_pred, n_gold), "strict_f1": _prf(strict, n_pred, n_gold), "recall": tp / n_gold,
            "tp": tp, "gold": n_gold, "pred": n_pred, "problems": problems, "extraction": ex}


def test_every_pdf_genre_has_its_generated_file() -> None:
    assert len(PDF_DOCS) >= 4 and SCANS and TABLE_DOCS
    for name in PDF_DOCS:
        gold = json.loads((_folder(name) / f"{name}.json").read_text(encoding="utf-8"))
        assert (_folder(name) / gold["document"]).exists(), name


@pytest.mark.parametrize("name", [n for n in PDF_DOCS if n not in SCANS])
def test_text_layer_pdf_genre_scores(name: str) -> None:
    s = score(name)
    assert s["f1"] >= 0.95 and s["strict_f1"] >= 0.9, "\n".join(s["problems"])


@pytest.mark.parametrize("name", [n for n in TABLE_DOCS if n not in SCANS])
def test_pdf_table_recall(name: str) -> None:
    s = score(name)
    assert s["recall"] >= TABLE_RECALL_FLOOR, "\n".join(s["problems"])


def test_two_columns_with_a_short_right_column_read_column_by_column() -> None:
    """The right column ends early (the last page of a two-column text): still read after the left."""
    text = score("huyen-longhai-2025-nghiquyet-hai-cot")["extraction"].text
    assert "I. MỤC TIÊU CHUNG\n" in text
    assert text.index("11. Số trường") < text.index("III. TỔ CHỨC THỰC HIỆN") < text.index("Ủy ban nhân dân huyện")


def test_borderless_table_prints_its_rows_whole() -> None:
    """Wrapped indicator and agency cells of a table without rulings stay in the row of their figures."""
    text = score("so-tnmt-hoason-2025-kehoach-bang-khong-ke")["extraction"].text
    assert "TT | Chỉ tiêu | ĐVT | Thực hiện 2024 | Kế hoạch 2025 | Đơn vị chủ trì\n" in text
    assert ("4 | Tỷ lệ khu công nghiệp có hệ thống xử lý nước thải tập trung | % | 86 | 100 | "
            "Chi cục Bảo vệ môi trường\n") in text


@needs_ocr
@pytest.mark.parametrize("name", SCANS)
def test_scan_gap(name: str) -> None:
    """The scanned copy loses at most SCAN_GAP_LIMIT loose F1 against its text version."""
    text_version = score(name.removesuffix("-scan"))
    scanned = score(name)
    assert scanned["extraction"].document is not None
    gap = text_version["f1"] - scanned["f1"]
    assert gap <= SCAN_GAP_LIMIT, f"gap {gap:.3f}\n" + "\n".join(scanned["problems"])


def main() -> int:
    print(f"{'document':50} {'F1':>6} {'strict':>7} {'recall':>7}  tp/gold/pred")
    for name in PDF_DOCS:
        if name in SCANS and not ocr_available():
            print(f"{name:50} skipped (no OCR)")
            continue
        s = score(name)
        print(f"{name:50} {s['f1']:6.3f} {s['strict_f1']:7.3f} {s['recall']:7.3f}  {s['tp']}/{s['gold']}/{s['pred']}")
        if "-v" in sys.argv:
            for p in s["problems"]:
                print("    " + p)
    for name in SCANS:
        if ocr_available():
            print(f"scan gap {name}: {score(name.removesuffix('-scan'))['f1'] - score(name)['f1']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
