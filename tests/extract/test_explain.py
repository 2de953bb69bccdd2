"""The attribute precedence (sentence > column > headings > metadata), confidence with its reason,
the section path of every item and `theodoi extract FILE --explain`, on texts written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from theodoi_extract import extract_text
from theodoi_extract.cli import main
from theodoi_extract.context import apply_column_context, decide
from theodoi_extract.model import ColumnContext, Target

REPORT_LAI_CHAU = """ỦY BAN NHÂN DÂN TỈNH LAI CHÂU
Số: 41/BC-UBND
BÁO CÁO
Kết quả thực hiện năm 2024, kế hoạch năm 2025
I. KẾT QUẢ THỰC HIỆN NĂM 2024
1. Về nông nghiệp
Sản lượng chè búp tươi 46.300 tấn. Năm 2023 diện tích chè đạt 10.900 ha.
II. KẾ HOẠCH NĂM 2025
1. Sở Nông nghiệp và Phát triển nông thôn:
- Phấn đấu đến năm 2026 diện tích mắc ca 2.500 ha.
- Sản lượng chè búp tươi 48.000 tấn.
"""


def _at(text: str, number: str) -> Target:
    ex = extract_text(text)
    pos = text.index(number)
    return next(t for t in ex.targets if t.start <= pos < t.end)


@pytest.mark.parametrize(
    ("candidates", "value", "source"),
    [
        ([("metadata", "2025", "plan year"), ("heading", "2024", "I."), ("sentence", "2023", "năm 2023")], "2023", "sentence"),
        ([("metadata", "2025", "plan year"), ("heading", "2024", "I."), ("column", "2022", "Thực hiện 2022")], "2022", "column"),
        ([("metadata", "2025", "plan year"), ("heading", "2024", "I."), ("sentence", None, "")], "2024", "heading"),
        ([("metadata", "2025", "plan year")], "2025", "metadata"),
        ([], None, "default"),
    ],
)
def test_precedence(candidates: list[tuple[str, str | None, str]], value: str | None, source: str) -> None:
    d = decide("period", candidates)
    assert (d.value, d.source) == (value, source)


def test_each_attribute_keeps_the_context_that_decided_it() -> None:
    under_heading = _at(REPORT_LAI_CHAU, "46.300")
    assert (under_heading.kind, under_heading.period) == ("actual", "2024")
    assert under_heading.decision("period").source == "heading"
    assert "KẾT QUẢ THỰC HIỆN NĂM 2024" in under_heading.decision("period").evidence
    in_sentence = _at(REPORT_LAI_CHAU, "10.900")
    assert (in_sentence.period, in_sentence.decision("period").source) == ("2023", "sentence")
    plan = _at(REPORT_LAI_CHAU, "48.000")
    assert (plan.kind, plan.period, plan.agency) == ("target", "2025", "Sở Nông nghiệp và Phát triển nông thôn")
    assert plan.decision("agency").source == "heading"
    assert "agency from heading '1. Sở Nông nghiệp" in plan.reason
    by_year = _at(REPORT_LAI_CHAU, "2.500")
    assert (by_year.period, by_year.decision("period").source) == ("2026", "sentence")


def test_confidence_is_lower_when_less_is_written_in_the_sentence() -> None:
    said = _at(REPORT_LAI_CHAU, "2.500")
    inherited = _at(REPORT_LAI_CHAU, "46.300")
    assert 0 < inherited.confidence < said.confidence <= 1
    only_metadata = _at("UBND HUYỆN SÌN HỒ\nKẾ HOẠCH\n- Trồng mới 700 ha rừng.\n\nSìn Hồ, ngày 2 tháng 1 năm 2025\n", "700")
    assert only_metadata.decision("period").source == "metadata"
    assert only_metadata.confidence < inherited.confidence
    assert "period from document metadata" in only_metadata.reason


def test_every_item_carries_its_section_path() -> None:
    plan = _at(REPORT_LAI_CHAU, "48.000")
    assert plan.path == ("II. KẾ HOẠCH NĂM 2025", "1. Sở Nông nghiệp và Phát triển nông thôn:")
    assert _at(REPORT_LAI_CHAU, "46.300").path[-1] == "1. Về nông nghiệp"


def _table_target(kind: str, period: str) -> Target:
    return Target(kind, "Sản lượng lúa", "=", 120, None, "nghìn tấn", period, None, 0, 10, "120")


def test_column_outranks_headings_which_outrank_metadata() -> None:
    heading = ("heading", "actual", "A. ĐÁNH GIÁ NĂM 2024")
    meta = ("metadata", "target", "document kind ke_hoach")
    by_column = apply_column_context(_table_target("target", "2025"),
                                     ColumnContext("target", "2025", None, "Kế hoạch 2025"),
                                     heading_kind=heading, metadata_kind=meta)
    assert (by_column.kind, by_column.decision("kind").source) == ("target", "column")
    silent_column = apply_column_context(_table_target("target", "2025"), ColumnContext(None, None, None, "Ghi chú"),
                                         heading_kind=heading, metadata_kind=meta,
                                         heading_period=("heading", "2024", "A. ĐÁNH GIÁ NĂM 2024"))
    assert (silent_column.kind, silent_column.period) == ("actual", "2024")
    assert silent_column.decision("kind").source == "heading"
    assert silent_column.confidence < by_column.confidence


def test_json_has_the_extra_keys(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = tmp_path / "laichau.txt"
    doc.write_text(REPORT_LAI_CHAU, encoding="utf-8")
    assert main([str(doc), "--json"]) == 0
    item = json.loads(capsys.readouterr().out)["targets"][0]
    assert {"path", "confidence", "reason", "decided_by"} <= set(item)
    assert set(item["decided_by"]) == {"kind", "period", "agency"}
    assert 0 <= item["confidence"] <= 1


def test_explain_prints_the_deciding_context(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = tmp_path / "laichau.txt"
    doc.write_text(REPORT_LAI_CHAU, encoding="utf-8")
    assert main([str(doc), "--explain"]) == 0
    out = capsys.readouterr().out
    assert "Cơ quan = Sở Nông nghiệp và Phát triển nông thôn (theo đề mục: «1. Sở Nông nghiệp" in out
    assert "Kỳ = 2024 (theo đề mục: «I. KẾT QUẢ THỰC HIỆN NĂM 2024»)" in out
    assert "Vị trí: II. KẾ HOẠCH NĂM 2025 › 1. Sở Nông nghiệp" in out


def test_explain_keeps_the_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path / "khong-co.txt"), "--explain"]) == 2
    assert capsys.readouterr().err.startswith("Lỗi: ")
