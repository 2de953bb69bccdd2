"""First draft of the report body, in the register of the province's reports.

The planner edits the returned sections before the report is issued, so every
sentence here is plain data; nothing downstream parses it again.
"""

from __future__ import annotations

from collections import OrderedDict

from theodoi.exports.data import CorrectiveRow, LateAgency, ReportData, Section, TargetRow, TaskRow
from theodoi.exports.formatting import date_short, vn_number, vn_percent

# A field lists at most this many targets in the body; the annex has them all.
MAX_TARGETS_PER_FIELD = 12

_ACHIEVED_PREFIXES = ("đạt", "vượt", "hoàn thành")


def draft_sections(data: ReportData) -> list[Section]:
    """Sections I-VI plus the closing sentence, drafted from `data`."""
    return [
        _overall(data),
        _by_field(data),
        _at_risk(data),
        _late_agencies(data),
        _tasks(data),
        _proposals(data),
        Section(title="", paragraphs=[_closing(data)]),
    ]


def is_achieved(row: TargetRow) -> bool:
    """Whether the status label means "đạt" or "vượt" (not "không đạt")."""
    return row.status_label.strip().lower().startswith(_ACHIEVED_PREFIXES)


def _overall(data: ReportData) -> Section:
    s = data.summary
    paragraphs = [
        f"Trong {data.period_label}, trên phạm vi {data.scope_label}, có "
        f"{s.targets_achieved}/{s.targets_total} {s.target_noun} {s.achieved_phrase}; "
        f"{s.targets_not_achieved} chỉ tiêu {s.not_achieved_phrase}"
        + (f"; {s.targets_no_data} chỉ tiêu chưa đủ số liệu để đánh giá." if s.targets_no_data else ".")
    ]
    if s.tasks_total:
        paragraphs.append(
            f"Về các nhiệm vụ được giao, đã hoàn thành {s.tasks_completed}/{s.tasks_total} nhiệm vụ; "
            f"{s.tasks_overdue} nhiệm vụ đã quá thời hạn nhưng chưa hoàn thành."
        )
    if s.agencies_total:
        on_time = s.agencies_total - s.agencies_late
        paragraphs.append(
            f"Về chế độ báo cáo, {on_time}/{s.agencies_total} cơ quan, đơn vị gửi báo cáo đúng thời hạn; "
            f"{s.agencies_late} cơ quan, đơn vị gửi chậm hoặc chưa gửi."
        )
    return Section(title="I. ĐÁNH GIÁ CHUNG", paragraphs=paragraphs)


def _by_field(data: ReportData) -> Section:
    groups: OrderedDict[str, list[TargetRow]] = OrderedDict()
    for row in data.targets:
        groups.setdefault(row.field or "Chỉ tiêu khác", []).append(row)
    subsections = []
    for number, (name, rows) in enumerate(groups.items(), start=1):
        achieved = sum(1 for r in rows if is_achieved(r))
        paragraphs = [f"{_field_tally(len(rows), achieved, in_year=data.summary.in_year)} Kết quả cụ thể:"]
        paragraphs += [f"- {_result_phrase(r)};" for r in rows[:MAX_TARGETS_PER_FIELD]]
        if len(rows) > MAX_TARGETS_PER_FIELD:
            paragraphs.append(
                f"- {len(rows) - MAX_TARGETS_PER_FIELD} chỉ tiêu còn lại của lĩnh vực "
                "được tổng hợp chi tiết tại Phụ lục kèm theo."
            )
        else:
            paragraphs[-1] = paragraphs[-1].rstrip(";") + "."
        subsections.append(Section(title=f"{number}. Lĩnh vực {name}", paragraphs=paragraphs))
    intro = [] if groups else ["Chưa có chỉ tiêu nào được giao trong kỳ báo cáo."]
    return Section(
        title="II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU THEO LĨNH VỰC",
        paragraphs=intro,
        subsections=subsections,
    )


def _field_tally(total: int, achieved: int, *, in_year: bool = False) -> str:
    good = "đạt và vượt tiến độ kế hoạch" if in_year else "đạt và vượt kế hoạch"
    behind = "chưa đạt tiến độ" if in_year else "chưa đạt"
    reached = "đạt tiến độ kế hoạch" if in_year else "đạt kế hoạch"
    if achieved == total:
        return f"Cả {total} chỉ tiêu của lĩnh vực đều {good}."
    if achieved == 0:
        return (
            f"Lĩnh vực có {total} chỉ tiêu, chưa có chỉ tiêu nào {reached}"
            " hoặc chưa đủ số liệu đánh giá."
        )
    return (
        f"Lĩnh vực có {total} chỉ tiêu, trong đó {achieved} chỉ tiêu {good}, "
        f"{total - achieved} chỉ tiêu {behind} hoặc chưa đủ số liệu đánh giá."
    )


def _result_phrase(row: TargetRow) -> str:
    if row.actual_value is None:
        return f"{row.name}: chưa có số liệu thực hiện (kế hoạch {_quantity(row.plan_value, row.unit)})"
    phrase = f"{row.name}: thực hiện {_quantity(row.actual_value, row.unit)}"
    if row.plan_value is not None:
        phrase += f", kế hoạch {_quantity(row.plan_value, row.unit)}"
    if row.pct_of_plan is not None:
        phrase += f", bằng {vn_percent(row.pct_of_plan)} kế hoạch"
    if row.status_label:
        phrase += f" ({row.status_label.lower()})"
    return phrase


def _quantity(value: float | None, unit: str) -> str:
    number = vn_number(value, empty="chưa xác định")
    if value is None or not unit:
        return number
    return f"{number}{unit}" if unit == "%" else f"{number} {unit}"


def _at_risk(data: ReportData) -> Section:
    title = "III. CÁC CHỈ TIÊU CÓ NGUY CƠ KHÔNG ĐẠT KẾ HOẠCH VÀ NGUYÊN NHÂN"
    if not data.at_risk:
        paragraphs = ["Đến thời điểm báo cáo, chưa có chỉ tiêu nào được đánh giá có nguy cơ không đạt kế hoạch."]
        return Section(title=title, paragraphs=paragraphs + _corrective(data.corrective))
    paragraphs = [f"Có {len(data.at_risk)} chỉ tiêu có nguy cơ không đạt hoặc chưa đạt kế hoạch, cụ thể:"]
    # A corrective task names a cause too: where the agency's report gave none, the task's is it.
    corrective_causes = {c.target: c.cause.strip().rstrip(".") for c in data.corrective if c.cause.strip()}
    for row in data.at_risk:
        cause = row.explanation.strip().rstrip(".") or corrective_causes.get(row.name, "")
        reason = f"Nguyên nhân: {cause}." if cause else "Đơn vị chủ trì chưa báo cáo nguyên nhân."
        paragraphs.append(f"- {_result_phrase(row)}; đơn vị chủ trì: {row.responsible_unit}. {reason}")
    return Section(title=title, paragraphs=paragraphs + _corrective(data.corrective))


def _corrective(rows: list[CorrectiveRow]) -> list[str]:
    """The corrective tasks opened on these targets: fact, cause, action, lead agency, deadline."""
    if not rows:
        return []
    paragraphs = [f"Đã giao {len(rows)} nhiệm vụ khắc phục:"]
    for row in rows:
        deadline = f"; thời hạn {date_short(row.deadline)}" if row.deadline else ""
        paragraphs.append(
            f"- Chỉ tiêu {row.target}: tồn tại, hạn chế: {row.fact.strip().rstrip('.')}; "
            f"nguyên nhân: {row.cause.strip().rstrip('.')}; giải pháp khắc phục: {row.action.strip().rstrip('.')} "
            f"(cơ quan chủ trì: {row.lead_agency}{deadline})."
        )
    return paragraphs


def _late_agencies(data: ReportData) -> Section:
    title = "IV. VIỆC CHẤP HÀNH CHẾ ĐỘ BÁO CÁO"
    if not data.late_agencies:
        return Section(title=title, paragraphs=["Các cơ quan, đơn vị gửi báo cáo đầy đủ, đúng thời hạn."])
    paragraphs = ["Các cơ quan, đơn vị sau đây gửi báo cáo chậm hoặc chưa gửi báo cáo trong kỳ:"]
    paragraphs += [f"- {_late_phrase(a)};" for a in data.late_agencies]
    paragraphs[-1] = paragraphs[-1].rstrip(";") + "."
    paragraphs.append(
        "Đề nghị thủ trưởng các cơ quan, đơn vị nêu trên chấn chỉnh, bảo đảm gửi báo cáo "
        "đúng thời hạn trong các kỳ tiếp theo."
    )
    return Section(title=title, paragraphs=paragraphs)


def _late_phrase(agency: LateAgency) -> str:
    parts = []
    if agency.late_reports:
        late = f"{agency.late_reports} báo cáo gửi chậm"
        if agency.max_days_late:
            late += f" (chậm nhất {agency.max_days_late} ngày)"
        parts.append(late)
    if agency.missing_reports:
        parts.append(f"{agency.missing_reports} báo cáo chưa gửi")
    return f"{agency.agency}: " + ", ".join(parts or ["chưa gửi báo cáo đúng hạn"])


def _tasks(data: ReportData) -> Section:
    title = "V. TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ"
    total = sum(data.tasks_by_state.values())
    if not total:
        return Section(title=title, paragraphs=["Trong kỳ báo cáo không có nhiệm vụ được giao."])
    paragraphs = [f"Tổng số {total} nhiệm vụ được giao, trong đó:"]
    for state, count in data.tasks_by_state.items():
        paragraphs.append(f"- {state}: {count} nhiệm vụ, chiếm {vn_percent(100 * count / total)};")
    paragraphs[-1] = paragraphs[-1].rstrip(";") + "."
    if data.overdue_tasks:
        paragraphs.append("Các nhiệm vụ đã quá thời hạn nhưng chưa hoàn thành:")
        paragraphs += [f"- {_task_phrase(t)};" for t in data.overdue_tasks]
        paragraphs[-1] = paragraphs[-1].rstrip(";") + "."
    return Section(title=title, paragraphs=paragraphs)


def _task_phrase(task: TaskRow) -> str:
    phrase = f"{task.title} (cơ quan chủ trì: {task.lead_agency}"
    if task.deadline:
        phrase += f"; thời hạn {date_short(task.deadline)}"
    return phrase + ")"


def _proposals(data: ReportData) -> Section:
    paragraphs = [f"- {p.strip().rstrip(';.')};" for p in data.proposals if p.strip()]
    if paragraphs:
        paragraphs[-1] = paragraphs[-1].rstrip(";") + "."
    else:
        paragraphs = ["(Cơ quan soạn thảo bổ sung các đề xuất, kiến nghị trước khi ban hành.)"]
    return Section(title="VI. ĐỀ XUẤT, KIẾN NGHỊ", paragraphs=paragraphs)


def _closing(data: ReportData) -> str:
    summary = data.header.title_summary.strip().rstrip(".")
    summary = summary[:1].lower() + summary[1:]
    if data.period_label and data.period_label.lower() not in summary.lower():
        summary = f"{summary} {data.period_label}"
    return f"Trên đây là báo cáo {summary}./."
