"""Time the consolidated report renderers on a 300-target synthetic report.

    .venv/bin/python benchmarks/report_speed.py [N_TARGETS]

Goals (issue 6): DOCX < 2 s, PDF < 10 s (LibreOffice, includes its start-up).
"""

from __future__ import annotations

import sys
import time

from theodoi.exports.docx_report import render_docx
from theodoi.exports.errors import ReportRenderError
from theodoi.exports.pdf import docx_to_pdf
from theodoi.exports.samples import sample_report
from theodoi.exports.xlsx_annex import render_xlsx


def timed(label: str, goal_s: float | None, func, *args):
    start = time.perf_counter()
    result = func(*args)
    elapsed = time.perf_counter() - start
    verdict = "" if goal_s is None else ("  ok" if elapsed < goal_s else f"  SLOWER than {goal_s:g} s")
    print(f"{label:<5} {elapsed:6.2f} s  {len(result) / 1024:8.0f} KiB{verdict}")
    return result


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    data = sample_report(n)
    print(f"{n} targets")
    docx = timed("DOCX", 2.0, render_docx, data)
    timed("XLSX", None, render_xlsx, data)
    try:
        timed("PDF", 10.0, docx_to_pdf, docx)
    except ReportRenderError as exc:
        print(f"PDF   skipped: {exc}")


if __name__ == "__main__":
    main()
