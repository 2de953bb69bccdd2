"""Harsh scans for two losses of the held-out set (issue 15): row numbers read as figures, and
decimal commas lost in tables with the indicators across the top.

Run from the repository root (python-docx and `soffice` for the text PDFs; `pdftoppm` and Pillow
for the scans):

    PYTHONPATH=$PWD .venv/bin/python tests/extract/samples/genres/make_scan_repair_samples.py

Every document is invented (provinces, figures and wording are ours), and each was written with
its expected output before the reader was changed for it. Each is printed to a text-layer PDF and
scanned with the harsh look of `make_reader_samples.HARSH` (150 dpi, tilted, speckled, blurred,
JPEG). The expected output is declared below by hand, the same for the text PDF and its scan, so
`benchmarks/scan_gap.py repair` prints the gap between the two:

- `so-gtvt-lamthuy-2026-kehoach-stt-khong-ke`: a borderless table whose first column numbers the
  rows 1 … 8 under `TT`, a column of notes last; a scan that misreads that header leaves the
  row numbers as figures of the row's unit;
- `huyen-dongson-2026-kehoach-thap-phan-theo-cot`: a ruled table with one indicator per column
  (unit in brackets), the periods down the side, most figures with a decimal comma, which a
  blurred scan drops (`6,9` read `69`).
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # the shared drawing helpers in samples/

from drawing import (  # noqa: E402
    Col,
    Doc,
    Table,
    borderless,
    build_docx,
    periods_down_docx,
    periods_down_expected,
    table_expected,
    to_pdf,
    to_scan,
)
from make_reader_samples import HARSH  # noqa: E402

OUT = HERE / "scans-harsh" / "repair"

LAMTHUY = Doc(
    name="so-gtvt-lamthuy-2026-kehoach-stt-khong-ke",
    head=["UBND TỈNH LAM THỦY", "SỞ GIAO THÔNG VẬN TẢI", "Số: 09/KH-SGTVT", "Lam Thủy, ngày 12 tháng 01 năm 2026", "",
          "KẾ HOẠCH", "Bảo đảm trật tự an toàn giao thông và phát triển kết cấu hạ tầng năm 2026", "",
          "1. Một số chỉ tiêu của ngành", "Sở đặt ra các chỉ tiêu sau cho năm 2026 so với ước thực hiện năm 2025:"],
    table=Table(
        cols=[Col("stt", width_cm=1.0), Col("indicator", width_cm=6.4), Col("unit", width_cm=2.0),
              Col("value", "actual", "2025", 2.2), Col("value", "target", "2026", 2.2), Col("skip", width_cm=3.4)],
        header=[[("TT", 1, 1), ("Nội dung", 1, 1), ("ĐVT", 1, 1), ("Ước TH 2025", 1, 1), ("KH 2026", 1, 1),
                 ("Ghi chú", 1, 1)]],
        body=[
            ["1", "Đường giao thông nông thôn được cứng hóa", "km", "146", "180", "Vốn lồng ghép"],
            ["2", "Cầu yếu được thay thế trên đường tỉnh", "cầu", "7", "9", "Vốn tỉnh"],
            ["3", "Tỷ lệ xã có đường ô tô được nhựa hóa", "%", "94", "97", "Toàn tỉnh"],
            ["4", "Phương tiện thủy nội địa được đăng kiểm", "phương tiện", "1.320", "1.450", "Cả năm"],
            ["5", "Số vụ tai nạn giao thông đường bộ", "vụ", "18", "15", "Giảm dần"],
            ["6", "Điểm đen giao thông được xử lý", "điểm", "5", "8", "Quốc lộ, tỉnh lộ"],
            ["7", "Hàng hóa vận chuyển qua cảng sông", "nghìn tấn", "2.740", "2.900", "Cảng Bến Lũy"],
            ["8", "Tuyến xe buýt nội tỉnh mở mới", "tuyến", "2", "3", "Xã hội hóa"],
        ],
    ),
    tail=["2. Tổ chức thực hiện", "Các phòng thuộc Sở và Thanh tra Sở triển khai theo chức năng.", "GIÁM ĐỐC"],
)
LAMTHUY_META = {"kind": "ke_hoach", "number": "09/KH-SGTVT", "date": "2026-01-12", "plan_year": 2026}

DONGSON_NAME = "huyen-dongson-2026-kehoach-thap-phan-theo-cot"
DONGSON_HEAD = ["ỦY BAN NHÂN DÂN", "HUYỆN ĐÔNG SƠN", "Số: 15/KH-UBND", "Đông Sơn, ngày 20 tháng 01 năm 2026", "",
                "KẾ HOẠCH", "Phát triển nông nghiệp và nâng cao đời sống dân cư năm 2026", "",
                "Phụ lục. Các chỉ tiêu theo từng năm"]
DONGSON_TAIL = ["Các xã, thị trấn căn cứ phụ lục này giao chỉ tiêu cho từng thôn, khu phố.", "CHỦ TỊCH"]
# (indicator, unit) across the top; (row label, kind, year, figures) down the side
DONGSON_INDICATORS = [("Tốc độ tăng giá trị sản xuất nông nghiệp", "%"), ("Tỷ lệ hộ cận nghèo", "%"),
                      ("Năng suất lúa bình quân", "tạ/ha"), ("Tỷ lệ hộ dùng nước sạch", "%")]
DONGSON_ROWS = [("Thực hiện năm 2024", "actual", "2024", ["3,8", "5,7", "58,4", "71,2"]),
                ("Ước thực hiện năm 2025", "actual", "2025", ["4,1", "4,9", "59,1", "74,6"]),
                ("Kế hoạch năm 2026", "target", "2026", ["4,6", "4,2", "60,3", "78,5"])]
DONGSON_META = {"kind": "ke_hoach", "number": "15/KH-UBND", "date": "2026-01-20", "plan_year": 2026}


def dongson_docx() -> bytes:
    """A ruled table: the corner "Năm", one column per indicator with its unit in brackets."""
    return periods_down_docx(DONGSON_HEAD, DONGSON_INDICATORS, DONGSON_ROWS, DONGSON_TAIL)


def dongson_expected(document: str) -> dict[str, Any]:
    return periods_down_expected(document, DONGSON_META, DONGSON_INDICATORS, DONGSON_ROWS)


def _write(name: str, docx_bytes: bytes, expected: Any, tilt: float, seed: int) -> None:
    """`<name>.pdf` (text layer), `<name>-h150.pdf` (its harsh scan) and a JSON for each."""
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / f"{name}.docx").write_bytes(docx_bytes)
        pdf = to_pdf(Path(tmp) / f"{name}.docx", Path(tmp))
        if pdf is None:
            return
        (OUT / f"{name}.pdf").write_bytes(pdf.read_bytes())
    to_scan(OUT / f"{name}.pdf", OUT / f"{name}-h150.pdf", tilt=tilt, seed=seed, **HARSH)
    for suffix, document in (("-text", f"{name}.pdf"), ("-h150", f"{name}-h150.pdf")):
        (OUT / f"{name}{suffix}.json").write_text(
            json.dumps(expected(document), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    _write(LAMTHUY.name, borderless(build_docx(LAMTHUY)), lambda d: table_expected(LAMTHUY, LAMTHUY_META, d),
           tilt=1.4, seed=61)
    _write(DONGSON_NAME, dongson_docx(), dongson_expected, tilt=-1.3, seed=62)


if __name__ == "__main__":
    main()
