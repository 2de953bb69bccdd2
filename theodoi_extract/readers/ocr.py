"""OCR of page images with the Tesseract command-line tool and its Vietnamese model.

Scanned PDFs (signed decisions, stamped reports) have no text layer. Tesseract is an optional
system package, so everything here degrades to "not available" instead of failing; the PDF
reader then warns or refuses. The CLI is used rather than a Python binding so that nothing extra
needs installing. OMP_THREAD_LIMIT=1 stops each tesseract process from spawning a thread per
core; we run a few processes side by side instead, which is faster for multi-page documents.
Set THEODOI_OCR=off to disable OCR (for example on a small server).
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from theodoi_extract.readers import ocr_cells, ocr_layout, ocr_rulings
from theodoi_extract.readers.ocr_repair import repair, repair_numbers

__all__ = ["OcrPage", "available", "ocr_image", "ocr_images", "ocr_page", "ocr_pages", "repair_numbers",
           "tsv_confidence"]

LANGUAGE = "vie"
TIMEOUT_S = 180  # per page
MAX_WORKERS = 4


def available() -> bool:
    """True when the tesseract binary and its Vietnamese traineddata are installed."""
    if os.environ.get("THEODOI_OCR", "").lower() in {"0", "off", "no", "false"}:
        return False
    return _tesseract_has_language(LANGUAGE)


@functools.lru_cache(maxsize=4)
def _tesseract_has_language(language: str) -> bool:
    binary = shutil.which("tesseract")
    if binary is None:
        return False
    try:
        listing = subprocess.run(
            [binary, "--list-langs"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return False
    langs = (listing.stdout + listing.stderr).split()
    return language in langs


@dataclass(frozen=True)
class OcrPage:
    """Text of one page image and Tesseract's mean word confidence on it (0-100)."""

    text: str
    confidence: float


def ocr_image(image: Path) -> str | None:
    """Text of one page image, or None when tesseract fails or times out on it."""
    page = ocr_page(image)
    return page.text if page is not None else None


def ocr_page(image: Path) -> OcrPage | None:
    """Read one page image: its text (`ocr_repair.repair`: number shapes, glued words, tones) and
    the mean word confidence.

    One tesseract run writes both the plain text and the TSV of words with their confidences
    (`txt tsv` configs), so the confidence costs no second pass.
    """
    binary = shutil.which("tesseract")
    if binary is None:
        return None
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    with tempfile.TemporaryDirectory(prefix="theodoi-ocr-") as tmp:
        base = Path(tmp) / "page"
        prepared = ocr_rulings.prepare(image, Path(tmp) / "clean.png")
        source = prepared.image
        try:
            done = subprocess.run(
                [binary, str(source), str(base), "-l", LANGUAGE, "--psm", "3", "txt", "tsv"],
                capture_output=True,
                env=env,
                timeout=TIMEOUT_S,
                check=False,
            )
        except (OSError, subprocess.SubprocessError):
            return None
        if done.returncode != 0 or not base.with_suffix(".txt").exists():
            return None
        raw = base.with_suffix(".txt").read_text(encoding="utf-8", errors="replace")
        tsv_path = base.with_suffix(".tsv")
        tsv = tsv_path.read_text(encoding="utf-8", errors="replace") if tsv_path.exists() else ""
        confidence = tsv_confidence(tsv)
        signs = _SignMender(source)
        tsv = signs.mend(tsv)

        def read_cells(boxes: list[ocr_rulings.Box]) -> list[str]:
            return _read_cells(binary, source, boxes, Path(tmp) / "cells", env)

        if prepared.tables:  # ruled tables: cells from the drawn borders, words from a sparse-text pass
            raw = ocr_layout.ruled_page_text(tsv, signs.mend(_sparse_tsv(binary, source, Path(tmp) / "sparse", env)),
                                             prepared.tables, read_cells)
        elif tsv and ocr_layout.has_table(tsv):  # tables rebuilt from the word boxes of a sparse-text pass
            tabled = ocr_layout.page_text(tsv, signs.mend(_sparse_tsv(binary, source, Path(tmp) / "sparse", env)),
                                          read_cells)
            raw = tabled if tabled is not None else raw
    # Tesseract ends each page with a form feed; drop it and trailing blank lines.
    return OcrPage(repair(raw.replace("\f", "").rstrip()), confidence)


class _SignMender:
    """`ocr_cells.mend_comparator_signs` on a page's TSVs, the page image opened once, when needed."""

    def __init__(self, source: Path) -> None:
        self.source = source
        self.grey: Any = None

    def mend(self, tsv: str | None) -> Any:
        if not tsv or (">" not in tsv and "<" not in tsv):
            return tsv
        if self.grey is None:
            from PIL import Image

            with Image.open(self.source) as page:
                self.grey = page.convert("L")
        return ocr_cells.mend_comparator_signs(tsv, self.grey)


def _sparse_tsv(binary: str, source: Path, base: Path, env: dict[str, str]) -> str | None:
    """Tesseract's word boxes in sparse-text mode (psm 11): on a table page it keeps the lone row
    numbers and one-digit figures that the layout mode (psm 3) drops; None when it fails."""
    try:
        subprocess.run([binary, str(source), str(base), "-l", LANGUAGE, "--psm", "11", "tsv"],
                       capture_output=True, env=env, timeout=TIMEOUT_S, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    tsv = base.with_suffix(".tsv")
    return tsv.read_text(encoding="utf-8", errors="replace") if tsv.exists() else None


CELL_GAP = 40  # white pixels between the cells stacked for one OCR pass


def _read_cells(binary: str, source: Path, boxes: list[ocr_rulings.Box], base: Path, env: dict[str, str]) -> list[str]:
    """Texts of table cells that the page passes left empty: the inked ones are cut out, stacked
    one under another with white space between, and read in one pass as a block of lines (psm 6),
    which reads a lone short figure the page passes miss; "" for a blank cell or a failed pass."""
    from PIL import Image

    texts = [""] * len(boxes)
    with Image.open(source) as page:
        grey = page.convert("L")
    crops = [(i, grey.crop(ocr_rulings.inner(box))) for i, box in enumerate(boxes)]
    crops = [(i, c) for i, c in crops if ocr_rulings.has_ink(c)]
    if not crops:
        return texts
    strip = Image.new("L", (max(c.size[0] for _, c in crops) + 2 * CELL_GAP,
                            sum(c.size[1] + CELL_GAP for _, c in crops) + CELL_GAP), 255)
    bands: list[tuple[int, int, int]] = []
    y = CELL_GAP
    for i, crop in crops:
        strip.paste(crop, (CELL_GAP, y))
        bands.append((i, y, y + crop.size[1]))
        y += crop.size[1] + CELL_GAP
    strip.save(base.with_suffix(".png"))
    try:
        subprocess.run([binary, str(base.with_suffix(".png")), str(base), "-l", LANGUAGE, "--psm", "6", "tsv"],
                       capture_output=True, env=env, timeout=TIMEOUT_S, check=False)
    except (OSError, subprocess.SubprocessError):
        return texts
    tsv = base.with_suffix(".tsv")
    words = ocr_layout.tsv_words(tsv.read_text(encoding="utf-8", errors="replace"))[0] if tsv.exists() else []
    for i, top, bottom in bands:
        inside = sorted((w for w in words if top <= (w["top"] + w["bottom"]) / 2 <= bottom),
                        key=lambda w: (w["top"] // 20, w["x0"]))
        texts[i] = " ".join(w["text"] for w in inside)
    return texts


def tsv_confidence(tsv: str) -> float:
    """Mean confidence of the recognised words in Tesseract's TSV output (level-5 rows)."""
    confs = []
    for line in tsv.splitlines()[1:]:
        cols = line.split("\t")
        if len(cols) >= 12 and cols[0] == "5" and cols[11].strip():
            try:
                conf = float(cols[10])
            except ValueError:
                continue
            if conf >= 0:
                confs.append(conf)
    return round(sum(confs) / len(confs), 1) if confs else 0.0


def ocr_images(images: Sequence[Path]) -> list[str | None]:
    """OCR several page images concurrently, results in the same order."""
    return [p.text if p is not None else None for p in ocr_pages(images)]


def ocr_pages(images: Sequence[Path]) -> list[OcrPage | None]:
    """OCR several page images concurrently (text and confidence), results in the same order."""
    workers = max(1, min(MAX_WORKERS, os.cpu_count() or 1, len(images)))
    from theodoi_extract.readers.progress import page_done

    pages: list[OcrPage | None] = []
    with ThreadPoolExecutor(max_workers=workers) as pool:
        for page in pool.map(ocr_page, images):  # in page order, as each page is done
            pages.append(page)
            page_done(len(pages), len(images))
    return pages
