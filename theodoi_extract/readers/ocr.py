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
import re
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from theodoi_extract.readers import ocr_layout, ocr_rulings

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
    """Read one page image: its text (number shapes repaired) and the mean word confidence.

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
        if prepared.tables:  # ruled tables: cells from the drawn borders, words from a sparse-text pass
            raw = ocr_layout.ruled_page_text(tsv, _sparse_tsv(binary, source, Path(tmp) / "sparse", env),
                                             prepared.tables)
        elif tsv and ocr_layout.has_table(tsv):  # tables rebuilt from the word boxes of a sparse-text pass
            tabled = ocr_layout.page_text(tsv, _sparse_tsv(binary, source, Path(tmp) / "sparse", env))
            raw = tabled if tabled is not None else raw
    # Tesseract ends each page with a form feed; drop it and trailing blank lines.
    return OcrPage(repair_numbers(raw.replace("\f", "").rstrip()), confidence)


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


# Only number shapes are repaired, never words: a thousands group that OCR split with a space
# inside the group ("1.2 00" -> "1.200"; not "3. 100%", an item number) and a space OCR put inside a decimal
# ("6 ,5" / "6, 5" before a unit sign: "6, 5%" -> "6,5%").
_SPLIT_GROUP_RE = re.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d{3})*\.)(\d{1,2}) (\d{1,2})(?![\d,])")
_SPLIT_DECIMAL_RE = re.compile(r"(?<![\d.,])(\d{1,3}) ?, ?(\d{1,2}) ?%")


def repair_numbers(text: str) -> str:
    """Mend digits that OCR split with a space, only where the result is one well-formed number."""

    def group(m: re.Match[str]) -> str:
        if len(m.group(2)) + len(m.group(3)) != 3:
            return m.group(0)
        return m.group(1) + m.group(2) + m.group(3)

    text = _SPLIT_GROUP_RE.sub(group, text)
    return _SPLIT_DECIMAL_RE.sub(lambda m: f"{m.group(1)},{m.group(2)}%", text)


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
