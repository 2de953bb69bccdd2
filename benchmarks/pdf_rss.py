"""Peak RSS of reading a long text-layer PDF with ruled tables (issue 15: 300 pages < 300 MB).

    .venv/bin/python benchmarks/pdf_rss.py [--pages 300] [--pdf FILE]

Without --pdf it builds a DOCX of about PAGES pages (paragraphs and a small ruled table per
page, invented text) and converts it with LibreOffice (`soffice`), then reads it through
`theodoi_extract.readers.read_path` in a child process and prints the page count, seconds and
the child's peak RSS (ru_maxrss).
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def build(pages: int, folder: Path) -> Path:
    import docx
    from docx.enum.text import WD_BREAK

    document = docx.Document()
    for i in range(pages):
        document.add_paragraph(f"{i + 1}. Về lĩnh vực thứ {i + 1}")
        document.add_paragraph("Phấn đấu tốc độ tăng trưởng đạt 7,5%; thu ngân sách đạt 6.000 tỷ đồng. " * 6)
        table = document.add_table(rows=4, cols=4)
        table.style = "Table Grid"
        for c, head in enumerate(("Chỉ tiêu", "Đơn vị tính", "Thực hiện 2024", "Kế hoạch 2025")):
            table.cell(0, c).text = head
        for r in range(1, 4):
            for c, value in enumerate((f"Chỉ tiêu số {r} của mục {i + 1}", "%", f"{r},5", f"{r + 1},0")):
                table.cell(r, c).text = value
        document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    source = folder / "long.docx"
    document.save(source)
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([shutil.which("soffice") or "soffice", f"-env:UserInstallation=file://{profile}", "--headless",
                        "--convert-to", "pdf", "--outdir", str(folder), str(source)],
                       check=True, capture_output=True, timeout=600)
    return folder / "long.pdf"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--pdf")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        from theodoi_extract.readers import read_path

        start = time.process_time()
        text = read_path(args.child, max_bytes=200 * 1024 * 1024).text
        print(f"chars {len(text)} cpu {time.process_time() - start:.1f}s "
              f"rss {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
        return
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(args.pdf) if args.pdf else build(args.pages, Path(tmp))
        import pypdf

        print(f"pages {len(pypdf.PdfReader(str(pdf)).pages)}, {pdf.stat().st_size / 1e6:.1f} MB")
        subprocess.run([sys.executable, __file__, "--child", str(pdf)], check=True)


if __name__ == "__main__":
    main()
