"""Agency names OCR misread by a tone or a `đ` are mended against the names the document can trust
(issue 15: `Trung tâm Phát triến quỹ đất`, `Văn hóa - Thế thao`, `xây đựng` in a blurred scan).

The test documents (`samples/genres/scans-agency/`, `make_ocr_agency_samples.py`, invented
provinces) are a district plan and a department plan whose assignment blocks are led by offices
with hook-above tones in their names, printed at 10 pt and scanned at 150 dpi (harsh) and 200 dpi.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from theodoi_extract.readers.ocr import available as ocr_available
from theodoi_extract.readers.ocr_repair import (
    AGENCY_REPAIR_BELOW,
    agency_lexicon,
    repair_agency_names,
    repair_scanned_agencies,
)

sys.path.insert(0, str(Path(__file__).parent))
from scoring import score_document  # noqa: E402

SCANS = Path(__file__).parent / "samples" / "genres" / "scans-agency"
DOUBTFUL = AGENCY_REPAIR_BELOW - 5


def test_a_misread_name_takes_the_vocabularys_spelling_inside_the_mention_only() -> None:
    text = ("2. Giao Trung tâm Phát triến quỹ đất chủ trì: rà soát.\n"
            "Sở Văn hóa, Thế thao và Du lịch; Ban Quản lý dự án xây đựng.\n"
            "phát triến du lịch cộng đồng.")
    fixed = repair_agency_names(text, agency_lexicon())
    assert "Trung tâm Phát triển quỹ đất" in fixed and "Sở Văn hóa, Thể thao" in fixed
    assert "xây dựng." in fixed
    assert fixed.endswith("phát triến du lịch cộng đồng.")  # prose outside a mention is not touched
    assert len(fixed) == len(text)  # the OCR spans still index the text


def test_the_documents_own_well_read_mentions_teach_a_name_the_vocabulary_lacks() -> None:
    pages = ["1. Phòng Xuất nhập khẩu chủ trì:", "Phòng Xuất nhập khấu báo cáo."]
    assert repair_scanned_agencies(pages, [AGENCY_REPAIR_BELOW + 1, DOUBTFUL])[1] == "Phòng Xuất nhập khẩu báo cáo."
    # no page to learn it from: left as read
    assert repair_scanned_agencies(pages[1:], [DOUBTFUL]) == pages[1:]


def test_text_layers_well_read_pages_and_ambiguous_names_are_left_alone() -> None:
    page = "Trung tâm Phát triến quỹ đất"
    assert repair_scanned_agencies([page], [None]) == [page]  # a text layer
    assert repair_scanned_agencies([page], [AGENCY_REPAIR_BELOW]) == [page]
    # two trusted spellings of one loose form: neither is chosen
    trusted = ["Phòng Thể thao mới.", "Phòng Thế thao cũ."]
    lexicon = agency_lexicon(trusted)
    assert repair_agency_names("Phòng Thê thao", lexicon) == "Phòng Thê thao"


def _leads(name: str) -> list[str]:
    s = score_document(SCANS, name, layout_anchors=True)
    return [" ".join(a.lead) for a in s["extraction"].assignments]


def _gold_leads(name: str) -> list[str]:
    import json

    gold = json.loads((SCANS / f"{name}.json").read_text(encoding="utf-8"))
    return [" ".join(a["lead"]) for a in gold["assignments"]]


@pytest.mark.skipif(not ocr_available(), reason="tesseract with the vie model is not installed")
def test_the_harsh_scans_leads_are_spelt_as_in_their_text_version() -> None:
    name = "huyen-vinhlac-2025-kehoach-moi-truong-y-te-h150"
    assert _leads(name) == _gold_leads(name)
    # `Phòng Xuất nhập khẩu` is in no vocabulary and misread in both its mentions: it stays as read
    name = "so-congthuong-dongbinh-2025-kehoach-giao-h150"
    assert _leads(name)[1:] == _gold_leads(name)[1:]


def test_a_misread_head_word_before_a_name_is_mended_but_not_a_title_or_prose() -> None:
    assert repair_agency_names("Phỏng Việc làm chủ trì.", {}) == "Phòng Việc làm chủ trì."
    assert repair_agency_names("Trưởng Phòng Nội vụ", {}) == "Trưởng Phòng Nội vụ"  # a title, not `Trường`
    assert repair_agency_names("Phỏng vấn người dân.", {}) == "Phỏng vấn người dân."
