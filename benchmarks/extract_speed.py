"""Throughput of `extract_text` over the seed corpus, against one `re.findall(r"\\d+")` pass.

    .venv/bin/python benchmarks/extract_speed.py [--repeat N] [--corpus DIR]

Prints chars/s, MB/s, the ratio to the bare regex pass over the same text in the same run
(goal <= 10x, must stay <= 30x) and peak memory (tracemalloc). Skips cleanly without ../shared.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
import tracemalloc
import unicodedata
from pathlib import Path

from theodoi_extract import extract_text

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def _best(fn, texts: list[str], repeat: int, inner: int = 1) -> float:  # type: ignore[no-untyped-def]
    """Best CPU time of `repeat` runs (process time: other jobs on a busy machine do not count)."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        for _ in range(inner):
            for t in texts:
                fn(t)
        best = min(best, (time.process_time() - t0) / inner)
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--repeat", type=int, default=9)
    args = ap.parse_args(argv)
    files = sorted(args.corpus.glob("*.txt")) if args.corpus.is_dir() else []
    if not files:
        print(f"skip: no corpus at {args.corpus}")
        return 0
    texts = [unicodedata.normalize("NFC", f.read_text(encoding="utf-8", errors="replace")) for f in files]
    chars = sum(len(t) for t in texts)
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    for t in texts:  # warm the process-wide caches: vocabulary, compiled patterns
        extract_text(t)
    digits = re.compile(r"\d+")
    # Interleave the two measurements so a busy machine slows both alike; report the median ratio.
    ratios, t_extract, t_regex = [], float("inf"), float("inf")
    for _ in range(args.repeat):
        r = _best(digits.findall, texts, 1, inner=20)
        e = _best(extract_text, texts, 1)
        ratios.append(e / r)
        t_extract, t_regex = min(t_extract, e), min(t_regex, r)
    tracemalloc.start()
    for t in texts:
        extract_text(t)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    ratio = statistics.median(ratios)
    print(f"documents: {len(texts)}, {chars:,} chars, {mb:.3f} MB")
    print(f"extract_text: {t_extract * 1000:.1f} ms  ->  {chars / t_extract:,.0f} chars/s, {mb / t_extract:.2f} MB/s")
    print(f"re.findall(r'\\d+'): {t_regex * 1000:.2f} ms")
    print(f"ratio: {ratio:.1f}x median of {len(ratios)} interleaved runs (goal <= 10x, limit 30x)")
    print(f"peak memory: {peak / 1e6:.1f} MB")
    return 0 if ratio <= 30 else 1


if __name__ == "__main__":
    sys.exit(main())
