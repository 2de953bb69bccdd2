"""The extractor on our own sample documents (resolution, action programme, report, table)."""

from __future__ import annotations

from pathlib import Path

import pytest

from theodoi_extract import Extraction, Target, extract_file, extract_text


def _find(ex: Extraction, value: float, unit: str | None = None) -> Target:
    hits = [t for t in ex.targets if t.value == pytest.approx(value) and (unit is None or t.unit == unit)]
    assert hits, f"no target {value} {unit} in {[(t.value, t.unit) for t in ex.targets]}"
    return hits[0]


def test_resolution_meta(sample: dict[str, Extraction]) -> None:
    d = sample["nghi-quyet-2022"].document
    assert (d.kind, d.number, d.date, d.plan_year) == ("nghi_quyet", "45/NQ-HĐND", "2021-12-08", 2022)
    assert d.issuer == "Hội đồng nhân dân tỉnh Lâm Viên"


@pytest.mark.parametrize(
    ("value", "unit", "comparator", "period", "value_max"),
    [
        (7, "%", ">=", "2022", None),
        (30, "%", "between", "2022", 31),
        (38, "%", "between", "2022", 39),
        (48, "triệu đồng/người/năm", ">=", "2022", None),
        (1.2, "tỷ USD", "~", "2022", None),
        (300, "doanh nghiệp", ">=", "2022", None),
        (2, "xã", "=", "2022", None),
        (6.5, "%", "<", "2022", None),
        (9.5, "bác sĩ/vạn dân", "=", "2022", None),
        (3, "%", "<=", "2022", None),
        (2.5, "triệu lượt khách", "between", "2022", 3),
        (7.5, "%/năm", "between", "2021-2025", 8),
        (50, "%", "=", "2025", None),
    ],
)
def test_resolution_targets(sample: dict[str, Extraction], value: float, unit: str, comparator: str,
                            period: str, value_max: float | None) -> None:
    t = _find(sample["nghi-quyet-2022"], value, unit)
    assert (t.kind, t.comparator, t.period) == ("target", comparator, period)
    assert t.value_max == value_max


def test_resolution_skips_dates_and_law_numbers(sample: dict[str, Extraction]) -> None:
    ex = sample["nghi-quyet-2022"]
    assert len(ex.targets) == 14
    assert all(t.value not in (77, 2015, 1) for t in ex.targets)


def test_every_span_contains_its_number(sample: dict[str, Extraction]) -> None:
    for ex in sample.values():
        for t in ex.targets:
            assert t.start <= ex.text.index(t.number_text, t.start) < t.end


def test_programme_assignments(sample: dict[str, Extraction]) -> None:
    ex = sample["chuong-trinh-hanh-dong-2022"]
    refs = {a.ref: a for a in ex.assignments}
    assert set(refs) == {"1.1", "1.2", "1.3"}, "target items (I.1.x) and 'Giao ...' are not task blocks"
    assert refs["1.1"].lead == ("Sở Kế hoạch và Đầu tư",)
    assert refs["1.1"].partners == ("Sở Tài chính", "Ủy ban nhân dân các huyện, thành phố")
    assert refs["1.1"].tasks == 2
    assert refs["1.2"].partners == ("Thủ trưởng các đơn vị liên quan",)
    assert refs["1.2"].tasks == 1
    assert refs["1.3"].lead == ("các sở, ban, ngành", "Ủy ban nhân dân các huyện, thành phố")
    assert refs["1.1"].items[0].deadline is not None


def test_programme_target_agencies(sample: dict[str, Extraction]) -> None:
    ex = sample["chuong-trinh-hanh-dong-2022"]
    assert _find(ex, 7.5).agency == "Sở Kế hoạch và Đầu tư"
    assert _find(ex, 12).agency == "Sở Y tế"
    assert _find(ex, 12).comparator == "<"
    assert _find(ex, 1200).agency == "Sở Nông nghiệp và Phát triển nông thôn"
    assert all(t.value != 30 or t.unit != "%" for t in ex.targets), "a dated disbursement threshold is a rule"


def test_programme_deadlines(sample: dict[str, Extraction]) -> None:
    rules = {(d.rule, d.day, d.date) for d in sample["chuong-trinh-hanh-dong-2022"].deadlines}
    assert ("monthly", 25, None) in rules
    assert ("monthly", 20, None) in rules
    assert ("quarterly", 15, None) in rules
    assert ("semiannual", 15, None) in rules
    assert ("once", None, "2022-03-31") in rules
    threshold = [d for d in sample["chuong-trinh-hanh-dong-2022"].deadlines if d.threshold is not None]
    assert threshold and threshold[0].threshold == 30 and threshold[0].comparator == "<"


@pytest.mark.parametrize(
    ("value", "kind", "period"),
    [(5.8, "actual", "2021"), (2870, "actual", "2021"), (7.9, "actual", "2016-2020"), (95, "actual", "2019"),
     (118.5, "actual", "2020"), (52, "actual", "2021"), (7.3, "actual", "2021"), (7, "target", "2022"),
     (65, "target", "2025")],
)
def test_report_kinds_and_periods(sample: dict[str, Extraction], value: float, kind: str, period: str) -> None:
    t = _find(sample["bao-cao-ket-qua-2021"], value)
    assert (t.kind, t.period) == (kind, period)


def test_report_ignores_references(sample: dict[str, Extraction]) -> None:
    values = {t.value for t in sample["bao-cao-ket-qua-2021"].targets}
    assert not values & {9, 2019, 4, 3}


def test_table_rows(sample: dict[str, Extraction]) -> None:
    ex = sample["bang-chi-tieu-2022"]
    assert len(ex.targets) == 10
    plan = _find(ex, 3200)
    assert (plan.kind, plan.period, plan.unit, plan.agency) == ("target", "2022", "Tỷ đồng", "Sở Tài chính")
    est = _find(ex, 2950)
    assert (est.kind, est.period) == ("actual", "2021")
    assert _find(ex, 2000).comparator == ">="
    bhyt = _find(ex, 93)
    assert (bhyt.comparator, bhyt.value_max) == ("between", 94)
    assert _find(ex, 7.5).agency == "Sở Kế hoạch và Đầu tư"


def test_docx_table_through_readers(tmp_path: Path) -> None:
    """A DOCX table arrives as "cell | cell" lines; figures take the enclosing block's agency."""
    docx = pytest.importorskip("docx")
    d = docx.Document()
    d.add_paragraph("Lâm Viên, ngày 02 tháng 01 năm 2023")
    d.add_paragraph("KẾ HOẠCH thực hiện nhiệm vụ năm 2023")
    d.add_paragraph("1. Giám đốc Sở Y tế chủ trì, phối hợp với các đơn vị liên quan:")
    d.add_paragraph("- Tỷ lệ dân số tham gia bảo hiểm y tế đạt trên 95%.")
    table = d.add_table(rows=2, cols=4)
    for i, row in enumerate([["TT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2023"],
                             ["1", "Số bác sĩ trên vạn dân", "Bác sĩ", "10,5"]]):
        for j, cell in enumerate(row):
            table.cell(i, j).text = cell
    path = tmp_path / "ke-hoach.docx"
    d.save(str(path))
    ex = extract_file(path)
    assert "text" in ex.to_dict()
    doctor = _find(ex, 10.5)
    assert (doctor.kind, doctor.period, doctor.agency) == ("target", "2023", "Sở Y tế")
    assert ex.text[doctor.start:doctor.end].endswith("10,5")
    assert _find(ex, 95).comparator == ">"


def test_pdf_style_broken_lines() -> None:
    """PDF text wraps lines inside units, agency names and item headers."""
    text = (
        "II. NHIỆM VỤ CHỦ YẾU NĂM 2022\n"
        "2.1. Giám đốc Sở Tài nguyên và Môi \ntrường chủ trì, phối hợp với Chủ tịch Ủy ban nhân dân các huyện,\n"
        "thành phố: Hoàn thành cấp giấy chứng nhận cho 1.500 hộ; tỷ lệ chất thải rắn đô thị được thu gom\n"
        "đạt 92%; xử lý dứt điểm 12 cơ sở gây ô nhiễm môi trường nghiêm trọng trước ngày 30 tháng 9 năm 2022.\n"
        "2.2. Giám đốc Sở Công Thương chủ trì: Giá trị xuất khẩu đạt 450 triệu \nUSD.\n"
    )
    ex = extract_text(text)
    refs = {a.ref: a for a in ex.assignments}
    assert refs["2.1"].lead == ("Sở Tài nguyên và Môi trường",)
    assert refs["2.1"].partners == ("Ủy ban nhân dân các huyện, thành phố",)
    assert _find(ex, 1500, "hộ").agency == "Sở Tài nguyên và Môi trường"
    assert _find(ex, 92).period == "2022"
    assert _find(ex, 450, "triệu USD").agency == "Sở Công Thương"
    assert any(d.date == "2022-09-30" for d in ex.deadlines)


def test_plan_figure_inside_a_report_is_a_target() -> None:
    """"ước đạt 6,5% (kế hoạch 7-7,5%)": the result is an actual (an estimate of it, so "=", not
    "about"), the plan beside it a target of the same year."""
    ex = extract_text(
        "BÁO CÁO\nTình hình thực hiện kế hoạch năm 2022\nI. KẾT QUẢ THỰC HIỆN\n"
        "Tốc độ tăng trưởng GRDP ước đạt 6,5%, không đạt kế hoạch (kế hoạch 7-7,5%). "
        "Thu ngân sách đạt 102% kế hoạch.\n"
    )
    result, plan, share = _find(ex, 6.5), _find(ex, 7), _find(ex, 102)
    assert (result.kind, result.comparator, result.period) == ("actual", "=", "2022")
    assert (plan.kind, plan.comparator, plan.value_max, plan.period) == ("target", "between", 7.5, "2022")
    assert plan.indicator == result.indicator
    assert share.kind == "actual"


def test_task_block_with_a_figure_is_still_an_assignment() -> None:
    """Only items under a targets heading (or opening like a target list) are target items."""
    ex = extract_text(
        "II. NHIỆM VỤ\n1. Về y tế\n"
        "1.1. Giám đốc Sở Y tế: Triển khai tiêm chủng mở rộng cho trẻ em, bảo đảm 95% trẻ dưới 1 tuổi được tiêm đủ.\n"
        "2. Giao chỉ tiêu cho các ngành\n"
        "2.1. Giám đốc Sở Y tế: Tỷ lệ bao phủ bảo hiểm y tế đạt 93%.\n"
    )
    assert [a.ref for a in ex.assignments] == ["1.1"]
    assert all(t.agency == "Sở Y tế" for t in ex.targets)
