from dataclasses import replace

from theodoi.exports.data import CorrectiveRow
from theodoi.exports.drafting import draft_sections
from theodoi.exports.samples import sample_report


def _all_text(sections) -> str:
    lines = []
    for s in sections:
        lines += [s.title, *s.paragraphs, _all_text(s.subsections)]
    return "\n".join(lines)


def test_the_body_has_the_six_numbered_parts_and_a_closing():
    titles = [s.title for s in draft_sections(sample_report())]
    assert [t.split(".")[0] for t in titles[:6]] == ["I", "II", "III", "IV", "V", "VI"]
    assert titles[6] == ""


def test_overall_assessment_counts_targets_met_out_of_all():
    data = sample_report(16)
    first = draft_sections(data)[0].paragraphs[0]
    assert f"{data.summary.targets_achieved}/16 chỉ tiêu chủ yếu đạt và vượt tiến độ kế hoạch;" in first
    assert f"{data.summary.targets_not_achieved} chỉ tiêu chưa đạt tiến độ" in first
    assert "6 tháng đầu năm 2021" in first


def test_a_year_end_report_counts_targets_achieved_not_on_pace():
    """In June nothing of a yearly plan is "đạt kế hoạch"; at the year's end the plan itself is."""
    data = sample_report(16)
    data = replace(data, summary=replace(data.summary, in_year=False, main_only=False))
    sections = draft_sections(data)
    first = sections[0].paragraphs[0]
    assert f"{data.summary.targets_achieved}/16 chỉ tiêu đạt và vượt kế hoạch đề ra;" in first
    assert "tiến độ" not in first and "chủ yếu" not in first
    assert "tiến độ" not in sections[1].subsections[0].paragraphs[0]


def test_results_by_field_use_vietnamese_numbers():
    text = _all_text(draft_sections(sample_report(16))[1:2])
    assert "1. Lĩnh vực Kinh tế" in text
    assert "3.150 tỷ đồng" in text  # plan of the budget revenue target
    assert "7,5%" in text


def test_targets_at_risk_carry_their_explanation():
    section = draft_sections(sample_report(8))[2]
    assert "Nguyên nhân: Giá nông sản giảm" in "\n".join(section.paragraphs)


def test_a_target_at_risk_without_explanation_says_so():
    data = sample_report(4)
    data = replace(data, at_risk=[replace(data.at_risk[0], explanation="")])
    assert "chưa báo cáo nguyên nhân" in "\n".join(draft_sections(data)[2].paragraphs)


def test_a_target_at_risk_without_explanation_takes_the_cause_of_its_corrective_task():
    data = sample_report(4)
    row = replace(data.at_risk[0], explanation="")
    task = CorrectiveRow(target=row.name, fact="Mới đạt 60%", cause="Thiếu vốn đối ứng", action="Bố trí vốn",
                         lead_agency="Sở Tài chính", deadline=None)
    text = "\n".join(draft_sections(replace(data, at_risk=[row], corrective=[task]))[2].paragraphs)
    assert "Nguyên nhân: Thiếu vốn đối ứng." in text and "chưa báo cáo nguyên nhân" not in text


def test_late_agencies_and_task_states_are_listed():
    sections = draft_sections(sample_report())
    assert "- Sở Y tế: 2 báo cáo gửi chậm (chậm nhất 5 ngày);" in sections[3].paragraphs
    assert "- Quá hạn: 5 nhiệm vụ, chiếm 12,5%." in sections[4].paragraphs


def test_proposals_end_with_a_full_stop_and_closing_does_not_repeat_the_period():
    sections = draft_sections(sample_report())
    assert sections[5].paragraphs[-1].endswith("chủ lực.")
    closing = sections[6].paragraphs[0]
    assert closing.endswith("./.") and closing.count("6 tháng đầu năm 2021") == 1


def test_empty_report_still_drafts_every_part():
    data = replace(sample_report(0), tasks_by_state={}, late_agencies=[], at_risk=[], proposals=[])
    assert len(draft_sections(data)) == 7
