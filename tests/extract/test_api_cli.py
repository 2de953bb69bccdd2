"""Public API, JSON contract, CLI behaviour and the no-Django guarantee."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import theodoi_extract
from theodoi_extract import EmptyDocumentError, ExtractError, extract_file, extract_text
from theodoi_extract.cli import main
from theodoi_extract.vocabulary import load

SAMPLES = Path(__file__).parent / "samples"


def test_import_does_not_load_django() -> None:
    code = "import sys, theodoi_extract; theodoi_extract.extract_text('Đạt 5%.'); print('django' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_vocabulary_is_packaged_data() -> None:
    for name in ("units", "scales", "comparators", "agencies", "cues"):
        assert load(name), name


def test_to_dict_matches_format() -> None:
    ex = extract_text("- Tốc độ tăng trưởng GRDP đạt từ 10% trở lên.\n")
    d = ex.to_dict()
    assert set(d) == {"document", "targets", "assignments", "deadlines"}
    assert set(d["document"]) == {"kind", "number", "issuer", "date", "plan_year"}
    t = d["targets"][0]
    assert {"kind", "indicator", "comparator", "value", "value_max", "unit", "period", "agency", "start", "end"} <= set(t)
    assert (t["value"], t["comparator"], t["unit"]) == (10, ">=", "%")
    assert isinstance(t["value"], int)


def test_non_txt_output_carries_text() -> None:
    ex = theodoi_extract.Extraction(theodoi_extract.DocumentMeta(), (), (), (), text="abc", format="docx")
    assert ex.to_dict()["text"] == "abc"


def test_dataclasses_are_frozen() -> None:
    ex = extract_text("Đạt 5% kế hoạch.")
    with pytest.raises(AttributeError):
        ex.targets[0].value = 3  # type: ignore[misc]


def test_offsets_index_nfc_text() -> None:
    import unicodedata

    text = unicodedata.normalize("NFD", "Tỷ lệ che phủ rừng đạt 63,1%.")
    ex = extract_text(unicodedata.normalize("NFC", text))
    t = ex.targets[0]
    assert ex.text[t.start:t.end].endswith("63,1%")


def test_empty_text_is_an_error() -> None:
    with pytest.raises(EmptyDocumentError):
        extract_text("   \n")


def test_missing_file_is_an_extract_error(tmp_path: Path) -> None:
    with pytest.raises(ExtractError):
        extract_file(tmp_path / "missing.txt")


def test_cli_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(SAMPLES / "nghi-quyet-2022.txt"), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["document"]["number"] == "45/NQ-HĐND"
    assert any(t["unit"] == "tỷ USD" for t in data["targets"])


def test_cli_summary_is_vietnamese(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(SAMPLES / "chuong-trinh-hanh-dong-2022.txt")]) == 0
    out = capsys.readouterr().out
    assert "CHỈ TIÊU" in out and "PHÂN CÔNG" in out and "THỜI HẠN" in out and "Sở Y tế" in out


def test_cli_missing_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main([str(tmp_path / "nope.txt")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Lỗi: ") and "Traceback" not in err


def test_cli_empty_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    assert main([str(empty)]) == 2
    assert capsys.readouterr().err.startswith("Lỗi: ")


_PIECES = ["Giám đốc Sở Y tế", " chủ trì, phối hợp với ", "các đơn vị liên quan", ":", "\n", "- ", "1.2. ", "II. ",
           "đạt ", "trên ", "từ ", " trở lên", "21-22", "%", " tỷ đồng", "3.500", "63,1", " năm 2021", " | ", "; ",
           ". ", "hằng tháng", "trước ngày 18", "(", ")", "[1: ", "]", "\ufffd", "một", " xã"]


@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=40))
def test_never_crashes_and_spans_are_valid(pieces: list[str]) -> None:
    text = "x " + "".join(pieces)
    ex = extract_text(text)
    for t in ex.targets:
        assert 0 <= t.start < t.end <= len(text)
        assert t.comparator in {">", ">=", "<", "<=", "=", "~", "between"}
    for a in ex.assignments:
        assert 0 <= a.start < a.end <= len(text) and a.tasks >= 1
    json.dumps(ex.to_dict(), ensure_ascii=False)
