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
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

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


def ocr_image(image: Path) -> str | None:
    """Text of one page image, or None when tesseract fails or times out on it."""
    binary = shutil.which("tesseract")
    if binary is None:
        return None
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        done = subprocess.run(
            [binary, str(image), "stdout", "-l", LANGUAGE, "--psm", "3"],
            capture_output=True,
            env=env,
            timeout=TIMEOUT_S,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode != 0:
        return None
    # Tesseract ends each page with a form feed; drop it and trailing blank lines.
    return done.stdout.decode("utf-8", errors="replace").replace("\f", "").rstrip()


def ocr_images(images: Sequence[Path]) -> list[str | None]:
    """OCR several page images concurrently, results in the same order."""
    workers = max(1, min(MAX_WORKERS, os.cpu_count() or 1, len(images)))
    from theodoi_extract.readers.progress import page_done

    texts: list[str | None] = []
    with ThreadPoolExecutor(max_workers=workers) as pool:
        for text in pool.map(ocr_image, images):  # in page order, as each page is done
            texts.append(text)
            page_done(len(texts), len(images))
    return texts
