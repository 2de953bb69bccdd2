"""Loose F1 of harsh scans against their text versions (issue 15: a scan within 0.05 of its text).

    PYTHONPATH=$PWD .venv/bin/python benchmarks/scan_gap.py [tuning|heldout|repair] [-v]

The scans (`tests/extract/samples/genres/scans-harsh/<set>/`, made by `make_reader_samples.py`)
are 150 dpi, tilted up to 1.5°, speckled, blurred and passed through JPEG. `tuning` is the set
the OCR repairs may be tuned on; `heldout` is scored only to report, never to tune; `repair`
holds the invented documents written for each class a repair mends (`make_scan_repair_samples.py`,
which writes the text PDF beside its scan). Each
document is scored twice by `tests/extract/scoring.py` (layout anchors): its `-text.json` (the
text-layer PDF) and its `-h150.json` (the scan); the gap is their loose F1 difference.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "extract"))

from scoring import score  # noqa: E402

SETS = ROOT / "tests" / "extract" / "samples" / "genres" / "scans-harsh"


def main(argv: list[str]) -> int:
    which = next((a for a in argv if not a.startswith("-")), "tuning")
    folder = SETS / which
    names = sorted(p.name.removesuffix("-h150.json") for p in folder.glob("*-h150.json"))
    print(f"{'document':50} {'text F1':>8} {'scan F1':>8} {'gap':>6} {'strict':>7}  scan tp/gold/pred")
    gaps, text_tp, scan_tp, gold, pred = [], 0, 0, 0, 0
    started = time.perf_counter()
    for name in names:
        text, scan = score(folder, f"{name}-text", layout_anchors=True), score(folder, f"{name}-h150", layout_anchors=True)
        gaps.append(text["f1"] - scan["f1"])
        text_tp, scan_tp, gold, pred = text_tp + text["tp"], scan_tp + scan["tp"], gold + scan["gold"], pred + scan["pred"]
        print(f"{name:50} {text['f1']:8.3f} {scan['f1']:8.3f} {gaps[-1]:6.3f} {scan['strict_f1']:7.3f}  "
              f"{scan['tp']}/{scan['gold']}/{scan['pred']}")
        if "-v" in argv:
            for p in scan["problems"]:
                print("    " + p)
    if names:
        worst = max(gaps)
        pooled = 2 * scan_tp / (gold + pred) if gold + pred else 1.0
        print(f"{which}: {len(names)} scans, mean gap {sum(gaps) / len(gaps):.3f}, worst {worst:.3f}, "
              f"pooled scan F1 {pooled:.3f}, {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
