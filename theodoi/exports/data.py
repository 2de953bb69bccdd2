"""Plain data for the consolidated report (issue 6).

Everything a report needs, as frozen dataclasses with no database behind them,
so that a snapshot can be stored as JSON (`ReportData.to_dict`) and the same
document reproduced later (`ReportData.from_dict`).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True)
class ReportHeader:
    """The administrative parts of the document (Decree 30/2020, Appendix I)."""

    issuing_body: str  # "ỦY BAN NHÂN DÂN\nTỈNH KON TUM"; a newline splits it over two lines
    number_symbol: str  # "/BC-UBND" (number left blank until issued) or "86/BC-UBND"
    place: str  # "Kon Tum"
    date: date
    title_summary: str  # "Tình hình thực hiện kế hoạch phát triển kinh tế - xã hội ..."
    signer_authority: str  # "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "TL. CHỦ TỊCH"
    signer_title: str  # "CHỦ TỊCH", "PHÓ CHỦ TỊCH"
    signer_name: str
    recipients: list[str] = field(default_factory=list)  # "Bộ Kế hoạch và Đầu tư (b/c)"
    archive: str = "Lưu: VT, KTTH."
    parent_body: str | None = None  # "UBND TỈNH KON TUM" when a department issues
    doc_type: str = "BÁO CÁO"
    addressee: str | None = None  # "Kính gửi: ..." line, optional

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> ReportHeader:
        values = dict(raw)
        values["date"] = date.fromisoformat(values["date"])
        values["recipients"] = list(values.get("recipients", []))
        return cls(**values)


@dataclass(frozen=True)
class TargetRow:
    """One target (chỉ tiêu) compared with its plan."""

    code: str
    field: str  # lĩnh vực: "Kinh tế", "Văn hóa - xã hội", ...
    name: str
    unit: str
    plan_value: float | None
    actual_value: float | None
    pct_of_plan: float | None
    status_label: str  # "Vượt", "Đạt", "Không đạt", "Có nguy cơ không đạt", "Chưa có số liệu"
    responsible_unit: str
    explanation: str = ""  # why it is behind, as the responsible unit reported it


@dataclass(frozen=True)
class TaskRow:
    """One task (nhiệm vụ) assigned to a lead agency."""

    code: str
    title: str
    lead_agency: str
    deadline: date | None
    state_label: str  # "Hoàn thành", "Đang thực hiện", "Quá hạn", ...
    note: str = ""

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> TaskRow:
        values = dict(raw)
        if values.get("deadline"):
            values["deadline"] = date.fromisoformat(values["deadline"])
        return cls(**values)


@dataclass(frozen=True)
class CorrectiveRow:
    """A corrective task opened on a target at risk or missed: what the shortcomings section says."""

    target: str
    fact: str
    cause: str
    action: str
    lead_agency: str
    deadline: date | None

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> CorrectiveRow:
        values = dict(raw)
        if values.get("deadline"):
            values["deadline"] = date.fromisoformat(values["deadline"])
        return cls(**values)


@dataclass(frozen=True)
class LateAgency:
    """An agency that sent its periodic reports late or not at all."""

    agency: str
    late_reports: int
    missing_reports: int = 0
    max_days_late: int = 0


@dataclass(frozen=True)
class Section:
    """A titled part of the body; the planner edits these before issuing."""

    title: str
    paragraphs: list[str] = field(default_factory=list)
    subsections: list[Section] = field(default_factory=list)

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> Section:
        return cls(
            title=raw["title"],
            paragraphs=list(raw.get("paragraphs", [])),
            subsections=[cls.from_dict(s) for s in raw.get("subsections", [])],
        )


@dataclass(frozen=True)
class ReportSummary:
    """Counts the overall assessment is written from."""

    targets_total: int = 0
    targets_achieved: int = 0  # đạt và vượt kế hoạch
    targets_not_achieved: int = 0
    targets_no_data: int = 0
    tasks_total: int = 0
    tasks_completed: int = 0
    tasks_overdue: int = 0
    agencies_total: int = 0
    agencies_late: int = 0
    # The headline counts the plan's main targets (chỉ tiêu chủ yếu) when the scope has any, as the
    # dashboard does; otherwise every target of the scope.
    main_only: bool = False
    # A period before the year's end is judged on pace: "đạt và vượt tiến độ kế hoạch", not
    # "đạt và vượt kế hoạch" (nothing of a yearly plan is achieved in June).
    in_year: bool = False

    @property
    def target_noun(self) -> str:
        return "chỉ tiêu chủ yếu" if self.main_only else "chỉ tiêu"

    @property
    def achieved_phrase(self) -> str:
        return "đạt và vượt tiến độ kế hoạch" if self.in_year else "đạt và vượt kế hoạch đề ra"

    @property
    def not_achieved_phrase(self) -> str:
        return "chưa đạt tiến độ" if self.in_year else "chưa đạt"


@dataclass(frozen=True)
class ReportData:
    """A whole consolidated report; `sections` empty means "draft them"."""

    header: ReportHeader
    period_label: str  # "6 tháng đầu năm 2021"
    scope_label: str  # "toàn tỉnh", "huyện Đăk Hà", ...
    summary: ReportSummary
    targets: list[TargetRow] = field(default_factory=list)
    tasks_by_state: dict[str, int] = field(default_factory=dict)
    late_agencies: list[LateAgency] = field(default_factory=list)
    at_risk: list[TargetRow] = field(default_factory=list)
    overdue_tasks: list[TaskRow] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    proposals: list[str] = field(default_factory=list)
    corrective: list[CorrectiveRow] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (dates as ISO strings)."""
        return _jsonable(asdict(self))

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> ReportData:
        return cls(
            header=ReportHeader.from_dict(raw["header"]),
            period_label=raw["period_label"],
            scope_label=raw["scope_label"],
            summary=ReportSummary(**raw.get("summary", {})),
            targets=[TargetRow(**t) for t in raw.get("targets", [])],
            tasks_by_state=dict(raw.get("tasks_by_state", {})),
            late_agencies=[LateAgency(**a) for a in raw.get("late_agencies", [])],
            at_risk=[TargetRow(**t) for t in raw.get("at_risk", [])],
            overdue_tasks=[TaskRow.from_dict(t) for t in raw.get("overdue_tasks", [])],
            sections=[Section.from_dict(s) for s in raw.get("sections", [])],
            proposals=list(raw.get("proposals", [])),
            corrective=[CorrectiveRow.from_dict(c) for c in raw.get("corrective", [])],
        )


def _jsonable(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    return value
