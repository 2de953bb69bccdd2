"""Scanned plans whose assignment blocks name agencies (issue 15: OCR tone errors in agency names).

Run from the repository root (python-docx and `soffice` for the text PDF; `pdftoppm` and Pillow
for the scans):

    PYTHONPATH=$PWD .venv/bin/python tests/extract/samples/genres/make_ocr_agency_samples.py

Every document is invented (provinces, figures and wording are ours). Each is printed to a
text-layer PDF and scanned twice with `drawing.to_scan`: at 200 dpi (a fair office scan) and at
150 dpi with the harsh look of `make_reader_samples.HARSH`. The expected output is declared below
by hand, the same for the text PDF and its scans: an agency name OCR read with a wrong tone
("Phòng Tài nguyên và Môi trưởng", "Trung tâm Y tê") is an assignment lead scored wrong.
Output: `scans-agency/<name>.pdf`, `<name>-s200.pdf`, `<name>-h150.pdf` and one JSON each.
"""

from __future__ import annotations

import io
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # the shared drawing helpers in samples/

from drawing import to_pdf, to_scan  # noqa: E402

OUT = HERE / "scans-agency"
FONT_PT = 10  # a dense page: at 150 dpi a tone mark is a few pixels, which blur and JPEG smear
LOOKS: dict[str, dict[str, Any]] = {
    "-s200": {"dpi": 200, "tilt": 0.6, "speckle_every": 400, "blur": 0.5},
    "-h150": {"dpi": 150, "tilt": -1.2, "speckle_every": 120, "blur": 0.8, "jpeg_quality": 35},
}


def _target(indicator: str, value: float, unit: str, number_text: str, context: str, period: str = "2025",
            agency: str | None = None) -> dict[str, Any]:
    return {"kind": "target", "indicator": indicator, "comparator": "=", "value": value, "value_max": None,
            "unit": unit, "period": period, "agency": agency, "number_text": number_text, "context": context}


def _block(ref: str, lead: str, head: str, tasks: int) -> dict[str, Any]:
    return {"ref": ref, "lead": [lead], "head": head, "tasks": tasks}


# A district plan (huyện Vĩnh Lạc, tỉnh Hòa Ninh): a numbered list of blocks, each led by a
# district office ("Phòng ...", "Trung tâm ...", "Ban ...") or the communes' people's committees;
# the names are full of hook-above tones (ủ ẩ ể ổ ở ỹ), which a blurred 150 dpi scan reads as acute
# ones, and the lead offices are named again where the plan says who reports.
VINHLAC = ("huyen-vinhlac-2025-kehoach-moi-truong-y-te", [
    "ỦY BAN NHÂN DÂN", "HUYỆN VĨNH LẠC", "Số: 88/KH-UBND", "Vĩnh Lạc, ngày 14 tháng 3 năm 2025", "",
    "KẾ HOẠCH", "Bảo vệ môi trường, phát triển đô thị và chăm sóc sức khỏe nhân dân năm 2025", "",
    "I. MỤC TIÊU",
    "1. Tỷ lệ chất thải rắn sinh hoạt được thu gom đạt 92%.",
    "2. Tỷ lệ dân số được quản lý sức khỏe đạt 95%.",
    "3. Trồng mới 350 ha rừng phòng hộ ven sông.",
    "II. TỔ CHỨC THỰC HIỆN",
    "1. Phòng Quản lý đô thị chủ trì:",
    "- Hướng dẫn các xã thu gom, xử lý chất thải rắn sinh hoạt;",
    "- Kiểm tra trật tự xây dựng ở các thị trấn.",
    "2. Trung tâm Phát triển quỹ đất chủ trì:",
    "- Rà soát quỹ đất sạch để đấu giá;",
    "- Lập phương án bồi thường các dự án mở rộng đường.",
    "3. Ban Quản lý dự án đầu tư xây dựng huyện:",
    "- Đẩy nhanh tiến độ các công trình cấp nước sạch.",
    "4. Phòng Tư pháp:",
    "- Thẩm định các văn bản quy phạm pháp luật của huyện.",
    "5. Trung tâm Văn hóa - Thể thao và Truyền thông chủ trì:",
    "- Tuyên truyền người dân phân loại rác tại nguồn.",
    "6. Ủy ban nhân dân các xã, thị trấn:",
    "- Vận động người dân tham gia các đợt ra quân dọn vệ sinh.",
    "III. CHẾ ĐỘ BÁO CÁO",
    "Phòng Quản lý đô thị, Trung tâm Phát triển quỹ đất, Ban Quản lý dự án đầu tư xây dựng huyện, "
    "Phòng Tư pháp và Trung tâm Văn hóa - Thể thao và Truyền thông gửi kết quả thực hiện về Văn phòng "
    "Hội đồng nhân dân và Ủy ban nhân dân huyện trước ngày 10 tháng 12 năm 2025.",
    "", "CHỦ TỊCH",
], {"kind": "ke_hoach", "number": "88/KH-UBND", "date": "2025-03-14", "plan_year": 2025}, [
    _target("Tỷ lệ chất thải rắn sinh hoạt được thu gom", 92, "%", "92", "thu gom đạt 92%"),
    _target("Tỷ lệ dân số được quản lý sức khỏe", 95, "%", "95", "sức khỏe đạt 95%"),
    _target("Trồng mới rừng phòng hộ ven sông", 350, "ha", "350", "mới 350 ha"),
], [
    _block("1", "Phòng Quản lý đô thị", "1. Phòng", 2),
    _block("2", "Trung tâm Phát triển quỹ đất", "2. Trung", 2),
    _block("3", "Ban Quản lý dự án đầu tư xây dựng huyện", "3. Ban", 1),
    _block("4", "Phòng Tư pháp", "4. Phòng", 1),
    _block("5", "Trung tâm Văn hóa - Thể thao và Truyền thông", "5. Trung", 1),
    _block("6", "Ủy ban nhân dân các xã, thị trấn", "6. Ủy", 1),
])

# A department plan (Sở Công Thương tỉnh Đông Bình): "Giao ..." blocks under lettered headings,
# led by the department's offices and by the provincial departments it works with.
DONGBINH = ("so-congthuong-dongbinh-2025-kehoach-giao", [
    "ỦY BAN NHÂN DÂN TỈNH ĐÔNG BÌNH", "SỞ CÔNG THƯƠNG", "Số: 214/KH-SCT", "Đông Bình, ngày 20 tháng 2 năm 2025", "",
    "KẾ HOẠCH", "Phát triển thương mại, xuất khẩu và công nghiệp nông thôn năm 2025", "",
    "I. CHỈ TIÊU",
    "1. Kim ngạch xuất khẩu tăng 9,5% so với năm 2024.",
    "2. Xây dựng mới 6 chợ nông thôn.",
    "II. PHÂN CÔNG NHIỆM VỤ",
    "1. Giao Phòng Xuất nhập khẩu chủ trì:",
    "- Theo dõi các thị trường xuất khẩu chủ lực của tỉnh;",
    "- Hướng dẫn doanh nghiệp về quy tắc xuất xứ hàng hóa.",
    "2. Giao Trung tâm Khuyến công và Tư vấn phát triển công nghiệp chủ trì:",
    "- Hỗ trợ các cơ sở công nghiệp nông thôn đổi mới thiết bị.",
    "3. Giao Phòng Quản lý thương mại chủ trì:",
    "- Tổ chức các phiên chợ hàng Việt về nông thôn.",
    "4. Sở Tài chính:",
    "- Cân đối nguồn kinh phí khuyến công địa phương.",
    "5. Sở Kế hoạch và Đầu tư:",
    "- Tham mưu bố trí vốn xây dựng chợ nông thôn;",
    "- Hướng dẫn thủ tục đầu tư các dự án chợ.",
    "III. TỔNG HỢP, BÁO CÁO",
    "Phòng Xuất nhập khẩu, Trung tâm Khuyến công và Tư vấn phát triển công nghiệp và Phòng Quản lý "
    "thương mại báo cáo kết quả về Văn phòng Sở trước ngày 15 tháng 11 năm 2025.",
    "", "GIÁM ĐỐC",
], {"kind": "ke_hoach", "number": "214/KH-SCT", "date": "2025-02-20", "plan_year": 2025}, [
    _target("Kim ngạch xuất khẩu", 9.5, "%", "9,5", "tăng 9,5%"),
    _target("Xây dựng mới chợ nông thôn", 6, "chợ", "6", "mới 6 chợ"),
], [
    _block("1", "Phòng Xuất nhập khẩu", "1. Giao", 2),
    _block("2", "Trung tâm Khuyến công và Tư vấn phát triển công nghiệp", "2. Giao", 1),
    _block("3", "Phòng Quản lý thương mại", "3. Giao", 1),
    _block("4", "Sở Tài chính", "4. Sở", 1),
    _block("5", "Sở Kế hoạch và Đầu tư", "5. Sở", 2),
])

DOCUMENTS = [VINHLAC, DONGBINH]


def _docx(lines: list[str]) -> bytes:
    import docx
    from docx.shared import Pt

    document = docx.Document()
    document.styles["Normal"].font.name = "Liberation Serif"
    document.styles["Normal"].font.size = Pt(FONT_PT)
    for line in lines:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def make(name: str, lines: list[str], meta: dict[str, Any], targets: list[dict[str, Any]],
         assignments: list[dict[str, Any]]) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / f"{name}.docx"
        source.write_bytes(_docx(lines))
        pdf = to_pdf(source, Path(tmp))
        if pdf is None:
            return
        (OUT / f"{name}.pdf").write_bytes(pdf.read_bytes())
    seed = sum(map(ord, name))
    for suffix, look in LOOKS.items():
        to_scan(OUT / f"{name}.pdf", OUT / f"{name}{suffix}.pdf", seed=seed, **look)
    for suffix in ("", *LOOKS):
        gold = {"document": f"{name}{suffix}.pdf", "meta": meta, "targets": targets,
                "assignments": assignments, "deadlines": []}
        (OUT / f"{name}{suffix}.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n",
                                                  encoding="utf-8")


def main() -> None:
    for document in DOCUMENTS:
        make(*document)


if __name__ == "__main__":
    main()
