"""Consolidated reports (báo cáo tổng hợp): build the data, keep the register, render from the snapshot.

The one place where the pure renderer (data.py, docx_report.py, xlsx_annex.py, pdf.py) meets the
database. The web pages, the API and `theodoi report` all call these functions.

Why a snapshot: a report is drafted from the figures of the day it was made, edited by the
planner, then signed. The register keeps the data it was drafted from (`IssuedReport.snapshot`,
`ReportData.to_dict()`), so the signed report renders the same later, whatever happens to the
figures behind it. Every rendering goes through `report_render`, which reads only the snapshot.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import re
import zipfile
from collections import defaultdict
from dataclasses import asdict, dataclass, replace
from datetime import date, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from theodoi.accounts.models import OrgUnit, UnitKind
from theodoi.accounts.permissions import require_planner
from theodoi.core import audit, vnformat
from theodoi.evaluation import summaries
from theodoi.evaluation.services import target_statuses_recompute
from theodoi.exports.data import (
    LateAgency,
    ReportData,
    ReportHeader,
    ReportSummary,
    Section,
    TargetRow,
    TaskRow,
)
from theodoi.exports.docx_report import render_docx, template_path
from theodoi.exports.drafting import draft_sections, is_achieved
from theodoi.exports.errors import ReportRenderError
from theodoi.exports.models import IssuedReport, IssuedReportStatus, PdfStatus, ReportScope
from theodoi.exports.pdf import docx_to_pdf
from theodoi.exports.xlsx_annex import render_xlsx
from theodoi.plans.models import Field, Plan, PublishStatus, Target, Task
from theodoi.reporting.deadlines import timeliness
from theodoi.reporting.models import FormStatus, ReportForm, ReportingRegime, ReportValue, TaskReport
from theodoi.reporting.periods import Period, PeriodKind, parse_period_key
from theodoi.reporting.rules import periods_of_year

log = logging.getLogger(__name__)

FORMATS = ("docx", "xlsx", "pdf")
CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}
PERIOD_HELP_VI = (
    "dùng dạng 2021-06 (tháng), 2021-Q2 (quý), 2021-H1 (6 tháng đầu năm), 2021-9M (9 tháng) hoặc 2021 (năm)"
)
# Report labels of the evaluation statuses. In-year, "đúng tiến độ" is what a Vietnamese report
# counts with "đạt" ("đạt và vượt tiến độ kế hoạch"); the drafting counts labels starting with "Đạt".
STATUS_LABELS = {
    "exceeded": "Vượt",
    "achieved": "Đạt",
    "not_achieved": "Không đạt",
    "on_track": "Đạt tiến độ",
    "at_risk": "Có nguy cơ không đạt",
    "off_track": "Chậm tiến độ",
    "no_data": "Chưa có số liệu",
    "forecast": "Dự báo",
}
AT_RISK = ("not_achieved", "at_risk", "off_track")
FIELD_ORDER = [value for value, _label in Field.choices]
# Section V lists overdue tasks one by one; beyond this many the annex of tasks would be the place.
MAX_OVERDUE_TASKS = 30
PDF_STALE_AFTER = timedelta(minutes=10)
COUNTED_FORMS = (FormStatus.SUBMITTED, FormStatus.APPROVED, FormStatus.ACCEPTED, FormStatus.LOCKED)
_GO_TASK_STATES = set(summaries.TASK_STATES)


# -- period and scope --------------------------------------------------------------------------------
def period_parse(raw: str) -> Period:
    """A reporting period from its key ("2021-06", "2021-Q2", "2021-H1", "2021-9M", "2021")."""
    try:
        return parse_period_key(raw or "")
    except ValueError:
        raise ValidationError(
            f"Kỳ báo cáo «{raw}» không hợp lệ: {PERIOD_HELP_VI}.", code="bad_period"
        ) from None


def period_phrase(period: Period) -> str:
    """The period as a report's sentence names it: "6 tháng đầu năm 2021", "quý II năm 2021"."""
    return vnformat.period_phrase(PeriodKind(period.kind).value, period.index, period.year, in_sentence=True)


@dataclass(frozen=True)
class Scope:
    """What a report covers: the whole province, one field, one agency or one district."""

    kind: str
    key: str
    label: str  # "toàn tỉnh", "lĩnh vực kinh tế", "Sở Y tế", "huyện Đắk Hà"
    unit: OrgUnit | None = None
    field: str | None = None

    @property
    def title(self) -> str:
        """For lists: "Toàn tỉnh", "Lĩnh vực kinh tế", "Sở Y tế"."""
        return self.label[:1].upper() + self.label[1:]


def scope_resolve(scope: str, scope_key: str = "") -> Scope:
    """The scope named by the form, API or CLI; ValidationError (Vietnamese) when it names nothing."""
    kind = (scope or "").strip().lower()
    key = (scope_key or "").strip()
    if kind not in ReportScope.values:
        raise ValidationError(
            f"Phạm vi «{scope}» không hợp lệ: dùng province (toàn tỉnh), field (lĩnh vực), "
            "agency (sở, ngành) hoặc district (huyện, thành phố).",
            code="bad_scope",
        )
    if kind == ReportScope.PROVINCE:
        return Scope(kind, "", "toàn tỉnh")
    if kind == ReportScope.FIELD:
        labels = dict(Field.choices)
        if key not in labels:
            valid = ", ".join(f"{v} ({labels[v]})" for v in FIELD_ORDER)
            raise ValidationError(f"Lĩnh vực «{key}» không hợp lệ; chọn một trong: {valid}.", code="bad_scope")
        return Scope(kind, key, f"lĩnh vực {str(labels[key]).lower()}", field=key)
    unit = OrgUnit.objects.filter(code=key).first() if key else None
    if unit is None:
        what = "huyện, thành phố" if kind == ReportScope.DISTRICT else "sở, ngành"
        raise ValidationError(f"Không tìm thấy {what} có mã «{key}».", code="bad_scope")
    if kind == ReportScope.DISTRICT and unit.kind != UnitKind.DISTRICT:
        raise ValidationError(f"«{unit.name}» không phải là huyện, thành phố.", code="bad_scope")
    if kind == ReportScope.AGENCY and unit.kind in (UnitKind.DISTRICT, UnitKind.COMMUNE):
        raise ValidationError(f"«{unit.name}» là đơn vị cấp huyện, xã: chọn phạm vi district.", code="bad_scope")
    label = _district_name(unit) if kind == ReportScope.DISTRICT else unit.name
    return Scope(kind, key, label, unit=unit)


def _district_name(unit: OrgUnit) -> str:
    """ "UBND huyện Đắk Hà" → "huyện Đắk Hà"."""
    return re.sub(r"^(UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+", "", unit.name, flags=re.IGNORECASE)


# -- building the data ---------------------------------------------------------------------------------
def report_data_build(period: str | Period, scope: str = ReportScope.PROVINCE, scope_key: str = "") -> ReportData:
    """Everything the report says, read from the database as it stands now (sections left empty)."""
    when = period if isinstance(period, Period) else period_parse(period)
    where = scope_resolve(scope, scope_key)
    today = timezone.localdate()
    targets = _targets_in_scope(when, where)
    rows = _target_rows(targets, when)
    task_rows, tasks_by_state = _tasks(when, where, today)
    late, agencies_total = _late_agencies(when, where, targets, today)
    judged = [r for r in rows if r.status_label != STATUS_LABELS["forecast"]]
    achieved = sum(1 for r in judged if is_achieved(r))
    no_data = sum(1 for r in judged if r.status_label == STATUS_LABELS["no_data"])
    overdue = [t for t in task_rows if t.state_label == summaries.TASK_STATE_LABELS_VI[summaries.NOT_DONE_OVERDUE]]
    summary = ReportSummary(
        targets_total=len(judged),
        targets_achieved=achieved,
        targets_not_achieved=len(judged) - achieved - no_data,
        targets_no_data=no_data,
        tasks_total=len(task_rows),
        tasks_completed=sum(
            1 for t in task_rows if t.state_label in {summaries.TASK_STATE_LABELS_VI[s] for s in _DONE}
        ),
        tasks_overdue=len(overdue),
        agencies_total=agencies_total,
        agencies_late=len(late),
    )
    at_risk = [r for r in rows if r.status_label in {STATUS_LABELS[s] for s in AT_RISK}]
    return ReportData(
        header=_header(when, where, today),
        period_label=period_phrase(when),
        scope_label=where.label,
        summary=summary,
        targets=rows,
        tasks_by_state=tasks_by_state,
        late_agencies=late,
        at_risk=at_risk,
        overdue_tasks=sorted(overdue, key=lambda t: (t.deadline or date.max, t.code))[:MAX_OVERDUE_TASKS],
        proposals=_proposals(when, at_risk, overdue, late),
    )


_DONE = (summaries.DONE_ON_TIME, summaries.DONE_LATE)


def _targets_in_scope(period: Period, scope: Scope) -> list[Target]:
    """The published targets of the year's plan (period "2021") that the scope covers."""
    qs = Target.objects.filter(
        period=str(period.year), status=PublishStatus.PUBLISHED, plan__status=PublishStatus.PUBLISHED
    ).select_related("indicator", "responsible_unit")
    if scope.field:
        qs = qs.filter(indicator__field=scope.field)
    if scope.unit is not None:
        qs = qs.filter(responsible_unit_id__in=scope.unit.descendant_ids())
    targets = list(qs)
    targets.sort(key=lambda t: (_field_rank(t.indicator.field), not t.is_main, t.pk))
    return targets


def _field_rank(value: str) -> int:
    return FIELD_ORDER.index(value) if value in FIELD_ORDER else len(FIELD_ORDER)


def _statuses(targets: list[Target], period: Period) -> dict[int, Any]:
    """Stored internal statuses for the period, computing the ones evaluation has not stored yet.

    An annual report reads the current evaluation (stored under the target's period, "2021");
    any other period reads the snapshot as of that period's end (stored under "2021-H1").
    """
    from theodoi.evaluation.models import TargetStatus

    ids = [t.pk for t in targets]
    key = period.key

    def stored() -> dict[int, Any]:
        rows = TargetStatus.objects.filter(target_id__in=ids, period=key, public=False)
        return {s.target_id: s for s in rows}

    found = stored()
    missing = [i for i in ids if i not in found]
    if missing:
        target_statuses_recompute(target_ids=missing, period=key)
        found = stored()
    return found


def _explanations(targets: list[Target], period: Period) -> dict[int, str]:
    """The responsible unit's own words (giải trình) from its latest counted form up to the period's end."""
    keys = _keys_in_year_up_to(period)
    values = (
        ReportValue.objects.filter(target__in=targets, form__period_key__in=keys, form__status__in=COUNTED_FORMS)
        .exclude(comment="")
        .values_list("target_id", "form__unit_id", "form__period_key", "comment")
    )
    owners = {t.pk: t.responsible_unit_id for t in targets}
    best: dict[int, tuple[date, str]] = {}
    for target_id, unit_id, key, comment in values:
        if owners.get(target_id) not in (None, unit_id):
            continue
        end = parse_period_key(key).end
        if target_id not in best or end >= best[target_id][0]:
            best[target_id] = (end, comment.strip())
    return {k: v for k, (_end, v) in best.items()}


def _keys_in_year_up_to(period: Period) -> list[str]:
    keys = []
    for kind, count in ((PeriodKind.MONTHLY, 12), (PeriodKind.QUARTERLY, 4)):
        keys += [Period(kind, period.year, i).key for i in range(1, count + 1)]
    keys += [Period(k, period.year).key for k in (PeriodKind.SEMIANNUAL, PeriodKind.NINE_MONTH, PeriodKind.ANNUAL)]
    return [k for k in keys if parse_period_key(k).end <= period.end]


def _target_rows(targets: list[Target], period: Period) -> list[TargetRow]:
    statuses = _statuses(targets, period)
    explanations = _explanations(targets, period)
    rows = []
    for target in targets:
        status = statuses.get(target.pk)
        code = status.status if status else ("forecast" if target.forecast_only else "no_data")
        level = status.target_level if status and status.target_level is not None else target.value
        rows.append(
            TargetRow(
                code=f"CT{target.pk}",
                field=str(Field(target.indicator.field).label) if target.indicator.field in Field.values else "",
                name=target.indicator.name,
                unit=target.unit or target.indicator.unit,
                plan_value=level,
                actual_value=status.value if status else None,
                pct_of_plan=status.progress_pct if status else None,
                status_label=STATUS_LABELS.get(code, code),
                responsible_unit=target.responsible_unit.name if target.responsible_unit else "",
                explanation=explanations.get(target.pk, ""),
            )
        )
    return rows


def _tasks(period: Period, scope: Scope, today: date) -> tuple[list[TaskRow], dict[str, int]]:
    """Tasks of the year's published plans by the four Government Office states, as of the period's end."""
    if scope.field:  # tasks are assigned to agencies, not filed by field
        return [], {}
    as_of = min(period.end, today)
    plans = Plan.objects.filter(
        year_start__lte=period.year, year_end__gte=period.year, status=PublishStatus.PUBLISHED
    )
    qs = Task.objects.filter(assignment__plan__in=plans, assignment__status=PublishStatus.PUBLISHED)
    if scope.unit is not None:
        qs = qs.filter(assignment__lead_units__in=scope.unit.descendant_ids())
    tasks = list(qs.distinct().select_related("assignment").prefetch_related("assignment__lead_units"))
    reported = _reported_task_states(tasks, period)
    rows = []
    counts: dict[str, int] = defaultdict(int)
    for task in tasks:
        state = reported.get(task.pk) or summaries.task_state(task.deadline, task.done_at, as_of)
        counts[state] += 1
        lead = task.assignment.lead_text or ", ".join(u.name for u in task.assignment.lead_units.all())
        ref = task.assignment.ref or str(task.assignment_id)
        rows.append(
            TaskRow(
                code=f"{ref}.{task.position}",
                title=_shorten(task.text, 300),
                lead_agency=lead,
                deadline=task.deadline,
                state_label=summaries.TASK_STATE_LABELS_VI[state],
                note=task.progress_note,
            )
        )
    by_state = {summaries.TASK_STATE_LABELS_VI[s]: counts[s] for s in summaries.TASK_STATES if counts[s]}
    return rows, by_state


def _reported_task_states(tasks: list[Task], period: Period) -> dict[int, str]:
    """The lead unit's latest reported state where it is one of the four states (not "in progress")."""
    keys = _keys_in_year_up_to(period)
    rows = TaskReport.objects.filter(
        task__in=tasks, is_partner=False, form__period_key__in=keys, form__status__in=COUNTED_FORMS
    ).values_list("task_id", "form__period_key", "state")
    latest: dict[int, tuple[date, str]] = {}
    for task_id, key, state in rows:
        end = parse_period_key(key).end
        if task_id not in latest or end >= latest[task_id][0]:
            latest[task_id] = (end, state)
    return {k: s for k, (_end, s) in latest.items() if s in _GO_TASK_STATES}


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _late_agencies(
    period: Period, scope: Scope, targets: list[Target], today: date
) -> tuple[list[LateAgency], int]:
    """Units that sent the period's reports late or not at all (reporting's timeliness rule)."""
    late: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0])  # late, missing, max days late
    units: dict[int, OrgUnit] = {}
    for regime in ReportingRegime.objects.order_by("pk"):
        rule = regime.rule
        periods = [
            p for p in periods_of_year(rule, period.year)
            if p.start >= period.start and p.end <= period.end and rule.unit_due(p) < today
        ]
        if not periods:
            continue
        # "Các sở, ban ngành" and the like are groups named by the plan, not units that send reports.
        duty_units = (
            OrgUnit.objects.filter(reporting_duties__regime=regime).exclude(kind=UnitKind.COLLECTIVE).distinct()
        )
        if scope.unit is not None:
            duty_units = duty_units.filter(pk__in=scope.unit.descendant_ids())
        if scope.field:
            duty_units = duty_units.filter(Q(reporting_duties__target__in=targets))
        forms = {
            (f.unit_id, f.period_key): f
            for f in ReportForm.objects.filter(regime=regime, period_key__in=[p.key for p in periods])
        }
        for unit in duty_units:
            units[unit.pk] = unit
            for p in periods:
                due = rule.unit_due(p)
                form = forms.get((unit.pk, p.key))
                submitted = timezone.localtime(form.submitted_at).date() if form and form.submitted_at else None
                state = timeliness(submitted, due, today)
                if state == "late" and submitted is not None:
                    late[unit.pk][0] += 1
                    late[unit.pk][2] = max(late[unit.pk][2], (submitted - due).days)
                elif state == "missing":
                    late[unit.pk][1] += 1
    out = [
        LateAgency(agency=units[pk].name, late_reports=n_late, missing_reports=n_missing, max_days_late=days)
        for pk, (n_late, n_missing, days) in late.items()
        if n_late or n_missing
    ]
    out.sort(key=lambda a: (-(a.missing_reports + a.late_reports), a.agency))
    return out, len(units)


def _header(period: Period, scope: Scope, today: date) -> ReportHeader:
    from django.conf import settings

    province = str(settings.PROVINCE_NAME)
    phrase = period_phrase(period)
    if scope.kind == ReportScope.AGENCY and scope.unit is not None:
        unit = scope.unit
        return ReportHeader(
            parent_body=f"UBND TỈNH {province.upper()}",
            issuing_body=unit.name.upper(),
            number_symbol=f"/BC-{_symbol(unit.name)}",
            place=province,
            date=today,
            title_summary=f"Kết quả thực hiện các chỉ tiêu, nhiệm vụ kế hoạch phát triển kinh tế - xã hội {phrase}",
            signer_authority="",
            signer_title=(unit.head_title or "Giám đốc").upper(),
            signer_name="",
            recipients=["UBND tỉnh (b/c)", "Sở Kế hoạch và Đầu tư (t/h)"],
            archive=f"Lưu: VT, {_symbol(unit.name)}.",
        )
    if scope.kind == ReportScope.DISTRICT and scope.unit is not None:
        district = _district_name(scope.unit)
        place = re.sub(r"^(huyện|thành phố|thị xã)\s+", "", district, flags=re.IGNORECASE)
        return ReportHeader(
            issuing_body=f"ỦY BAN NHÂN DÂN\n{district.upper()}",
            number_symbol="/BC-UBND",
            place=place,
            date=today,
            title_summary=f"Tình hình thực hiện kế hoạch phát triển kinh tế - xã hội {phrase}",
            signer_authority="TM. ỦY BAN NHÂN DÂN",
            signer_title="CHỦ TỊCH",
            signer_name="",
            recipients=["UBND tỉnh (b/c)", "Sở Kế hoạch và Đầu tư (t/h)", "TT Huyện ủy, TT HĐND huyện (b/c)"],
            archive="Lưu: VT.",
        )
    summary = f"Tình hình thực hiện kế hoạch phát triển kinh tế - xã hội {phrase}"
    if scope.field:
        summary = f"Tình hình thực hiện các chỉ tiêu {scope.label} {phrase}"
    return ReportHeader(
        issuing_body=f"ỦY BAN NHÂN DÂN\nTỈNH {province.upper()}",
        number_symbol="/BC-UBND",
        place=province,
        date=today,
        title_summary=summary,
        signer_authority="TM. ỦY BAN NHÂN DÂN",
        signer_title="CHỦ TỊCH",
        signer_name="",
        recipients=[
            "Bộ Kế hoạch và Đầu tư (b/c)",
            "Thường trực Tỉnh ủy (b/c)",
            "Thường trực HĐND tỉnh (b/c)",
            "Chủ tịch, các PCT UBND tỉnh",
            "Các sở, ban, ngành thuộc tỉnh",
            "UBND các huyện, thành phố",
        ],
        archive="Lưu: VT, KTTH.",
    )


def _symbol(name: str) -> str:
    """The issuing body's abbreviation for the number symbol: "Sở Kế hoạch và Đầu tư" → "SKHĐT"."""
    words = [w for w in re.split(r"[\s,\-&]+", name) if w and w.lower() not in {"và", "tỉnh"}]
    return "".join(w[0].upper() for w in words)[:10] or "BC"


def _proposals(period: Period, at_risk: list[TargetRow], overdue: list[TaskRow], late: list[LateAgency]) -> list[str]:
    """First proposals, from what the data shows; the planner completes them."""
    out = []
    if at_risk:
        out.append(
            f"Đề nghị các cơ quan, đơn vị chủ trì {len(at_risk)} chỉ tiêu có nguy cơ không đạt tập trung chỉ đạo, "
            f"có giải pháp cụ thể để hoàn thành kế hoạch năm {period.year}"
        )
    if overdue:
        out.append(f"Đề nghị các cơ quan chủ trì khẩn trương hoàn thành {len(overdue)} nhiệm vụ đã quá thời hạn")
    if late:
        out.append("Đề nghị các cơ quan, đơn vị thực hiện nghiêm chế độ báo cáo định kỳ theo quy định")
    return out


# -- the register ---------------------------------------------------------------------------------------
@transaction.atomic
def report_draft_create(user: Any, period: str, scope: str = ReportScope.PROVINCE, scope_key: str = "") -> IssuedReport:
    """Build the data, draft the body and store both as a new draft in the register (planners only)."""
    require_planner(user)
    when = period_parse(period)
    data = report_data_build(when, scope, scope_key)
    data = replace(data, sections=draft_sections(data))
    return IssuedReport.objects.create(
        period=when.key,
        scope=scope_resolve(scope, scope_key).kind,
        scope_key=scope_key.strip(),
        title=data.header.title_summary[:500],
        snapshot=data.to_dict(),
        created_by=user,
    )


def report_data(report: IssuedReport) -> ReportData:
    """The report's data, read back from its snapshot (never from the live tables)."""
    return ReportData.from_dict(report.snapshot)


def sections_from_text(blocks: list[tuple[str, str, list[tuple[str, str]]]]) -> list[Section]:
    """Sections from the edit form: (title, text, subsections) with paragraphs split by blank lines."""
    return [
        Section(title=title.strip(), paragraphs=paragraphs_from_text(text),
                subsections=[Section(title=t.strip(), paragraphs=paragraphs_from_text(x)) for t, x in subs])
        for title, text, subs in blocks
    ]


def paragraphs_from_text(text: str) -> list[str]:
    """A textarea's text as paragraphs: a blank line separates them; a single line break is a space."""
    chunks = re.split(r"\n\s*\n", (text or "").replace("\r\n", "\n").replace("\r", "\n"))
    return [" ".join(c.split()) for c in chunks if c.strip()]


def paragraphs_to_text(paragraphs: list[str]) -> str:
    return "\n\n".join(paragraphs)


HEADER_FIELDS = ("title_summary", "signer_authority", "signer_title", "signer_name", "recipients", "archive")


@transaction.atomic
def report_sections_update(
    user: Any, report: IssuedReport, sections: list[Section], header: dict[str, Any] | None = None
) -> IssuedReport:
    """The planner's edits of the body (and of the header's editable lines) of a draft."""
    require_planner(user)
    report = IssuedReport.objects.select_for_update().get(pk=report.pk)
    _require_draft(report)
    kept = [s for s in sections if s.title or s.paragraphs or s.subsections]
    if not kept:
        raise ValidationError("Báo cáo phải có ít nhất một phần nội dung.", code="empty")
    snapshot = dict(report.snapshot)
    snapshot["sections"] = [asdict(s) for s in kept]
    if header:
        unknown = set(header) - set(HEADER_FIELDS)
        if unknown:
            raise ValidationError(f"Không sửa được các mục: {', '.join(sorted(unknown))}.", code="bad_field")
        new_header = dict(snapshot["header"])
        for name, value in header.items():
            if name == "recipients":
                lines = value.splitlines() if isinstance(value, str) else list(value)
                new_header[name] = [r.strip().lstrip("-").strip().rstrip(";.") for r in lines if r.strip()]
            else:
                new_header[name] = " ".join(str(value).split())
        if not new_header["title_summary"]:
            raise ValidationError("Trích yếu không được để trống.", code="empty")
        snapshot["header"] = new_header
        report.title = new_header["title_summary"][:500]
    ReportData.from_dict(snapshot)  # refuse what the renderer could not read back
    report.snapshot = snapshot
    report.save()
    return report


NUMBER_RE = re.compile(r"^\d{1,6}(/[\w.&\-]+)?$")


@transaction.atomic
def report_issue(user: Any, report: IssuedReport, number: str) -> IssuedReport:
    """Freeze a draft: give it its number and date, record the DOCX's SHA-256; no edits after this."""
    require_planner(user)
    report = IssuedReport.objects.select_for_update().get(pk=report.pk)
    _require_draft(report)
    before = {"status": report.status, "number": report.number}
    number = "".join((number or "").split())
    if not NUMBER_RE.match(number):
        raise ValidationError(
            f"Số văn bản «{number}» không hợp lệ: ghi số (ví dụ 86) hoặc số và ký hiệu (ví dụ 86/BC-UBND).",
            code="bad_number",
        )
    header = dict(report.snapshot["header"])
    symbol = header.get("number_symbol", "")
    if "/" not in number and "/" in symbol:
        number += symbol[symbol.index("/"):]
    today = timezone.localdate()
    clash = IssuedReport.objects.filter(
        status=IssuedReportStatus.ISSUED, number=number, issued_at__year=today.year
    ).exclude(pk=report.pk)
    if clash.exists():
        raise ValidationError(f"Số {number} đã được dùng cho một báo cáo khác năm {today.year}.", code="duplicate")
    header["number_symbol"] = number
    header["date"] = today.isoformat()
    report.snapshot = {**report.snapshot, "header": header}
    report.number = number
    report.status = IssuedReportStatus.ISSUED
    report.issued_at = timezone.now()
    report.issued_by = user
    report.docx_sha256 = hashlib.sha256(report_render(report, "docx")).hexdigest()
    report.save()
    audit.record(
        actor=user, action="report.issue", subject=report, before=before,
        after={"status": report.status, "number": number, "docx_sha256": report.docx_sha256},
    )
    log.info("report %s issued as %s by %s", report.pk, number, user)
    return report


def _require_draft(report: IssuedReport) -> None:
    if report.status == IssuedReportStatus.ISSUED:
        raise ValidationError("Báo cáo đã ban hành, không sửa được.", code="issued")


# -- rendering -----------------------------------------------------------------------------------------
def report_render(report: IssuedReport, fmt: str) -> bytes:
    """The report as DOCX, XLSX or PDF bytes, always from the stored snapshot.

    DOCX and XLSX are byte-for-byte the same each time (zip dates and document properties are
    pinned to the report's date); the PDF is the one stored by `report_pdf`.
    """
    if fmt not in FORMATS:
        raise ValidationError(f"Định dạng «{fmt}» không hỗ trợ: dùng docx, xlsx hoặc pdf.", code="bad_format")
    if fmt == "pdf":
        return report_pdf(report)
    data = report_data(report)
    raw = render_docx(data) if fmt == "docx" else render_xlsx(data)
    return stable_zip(raw, data.header.date)


def data_render(data: ReportData, fmt: str) -> bytes:
    """Render data that is not in the register (the CLI's direct output)."""
    if fmt not in FORMATS:
        raise ValidationError(f"Định dạng «{fmt}» không hỗ trợ: dùng docx, xlsx hoặc pdf.", code="bad_format")
    if not data.sections:
        data = replace(data, sections=draft_sections(data))
    docx = stable_zip(render_docx(data), data.header.date)
    if fmt == "docx":
        return docx
    if fmt == "pdf":
        return docx_to_pdf(docx)
    return stable_zip(render_xlsx(data), data.header.date)


_PROP_DATE = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def stable_zip(raw: bytes, day: date) -> bytes:
    """Rewrite an Office zip with fixed entry dates and document dates, so equal content gives equal bytes."""
    stamp = f"{day.isoformat()}T00:00:00Z".encode()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = src.read(info)
            if info.filename == "docProps/core.xml":
                content = _PROP_DATE.sub(rb"\g<1>" + stamp + rb"\g<2>", content)
            fixed = zipfile.ZipInfo(info.filename, date_time=(max(day.year, 1980), day.month, day.day, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            dst.writestr(fixed, content)
    return out.getvalue()


def report_docx_sha256(report: IssuedReport) -> str:
    """SHA-256 of the DOCX the report renders to now (kept on the instance while snapshot and template stay)."""
    template = template_path()
    stat = template.stat()
    snapshot = json.dumps(report.snapshot, sort_keys=True, ensure_ascii=False)
    key = f"{template}:{stat.st_mtime_ns}:{stat.st_size}:{hashlib.sha256(snapshot.encode()).hexdigest()}"
    cached = getattr(report, "_theodoi_docx_sha", None)
    if cached is None or cached[0] != key:
        cached = (key, hashlib.sha256(report_render(report, "docx")).hexdigest())
        report._theodoi_docx_sha = cached  # type: ignore[attr-defined]
    return cached[1]


def report_docx_matches_issue(report: IssuedReport) -> bool | None:
    """Whether the DOCX rendered now is the one issued (None for drafts); False means the template changed."""
    if not report.docx_sha256:
        return None
    return report_docx_sha256(report) == report.docx_sha256


def report_pdf(report: IssuedReport, *, progress: Any = None) -> bytes:
    """The PDF: the stored one when it was made from the current DOCX, else converted now and stored."""
    note = progress or (lambda pct: None)
    docx = report_render(report, "docx")
    sha = hashlib.sha256(docx).hexdigest()
    if report.pdf and report.pdf_source_sha256 == sha:
        try:
            with report.pdf.open("rb") as handle:
                return handle.read()
        except OSError:
            log.warning("stored PDF of report %s is missing; converting again", report.pk)
    note(40)
    pdf = docx_to_pdf(docx)
    note(90)
    name = f"bao-cao-{report.pk}-{sha[:12]}.pdf"
    if report.pdf:
        report.pdf.delete(save=False)
    report.pdf.save(name, ContentFile(pdf), save=False)
    report.pdf_source_sha256 = sha
    report.pdf_status = PdfStatus.DONE
    report.pdf_progress = 100
    report.pdf_error = ""
    IssuedReport.objects.filter(pk=report.pk).update(
        pdf=report.pdf.name, pdf_source_sha256=sha, pdf_status=PdfStatus.DONE, pdf_progress=100, pdf_error=""
    )
    return pdf


def report_pdf_is_fresh(report: IssuedReport) -> bool:
    """Whether a stored PDF was made from the DOCX the report renders to now."""
    if not report.pdf or report.pdf_status != PdfStatus.DONE:
        return False
    return report.pdf_source_sha256 == report_docx_sha256(report)


def pdf_job_start(user: Any, report: IssuedReport) -> IssuedReport:
    """Queue the PDF conversion (anyone who may read the report may ask for its PDF).

    A PDF job already queued or running is left alone unless the sweeper's test says its runner
    is lost (worker killed, server restarted): then a new job replaces it.
    """
    from theodoi.exports import jobs
    from theodoi.exports.selectors import report_get
    from theodoi.jobs.launcher import active_job
    from theodoi.jobs.runner import job_fail
    from theodoi.jobs.sweeper import is_stuck

    report = report_get(user, report.pk)
    running = active_job(jobs.PDF, report.pk)
    in_progress = report.pdf_status in (PdfStatus.QUEUED, PdfStatus.RUNNING)
    if running is None and in_progress and timezone.now() - report.updated_at < PDF_STALE_AFTER:
        return report  # started by the previous release, before jobs had rows: its own rule
    if running is not None:
        if not is_stuck(running):
            return report
        job_fail(running, "Việc tạo PDF bị dừng giữa chừng; đã tạo lại.")
    IssuedReport.objects.filter(pk=report.pk).update(
        pdf_status=PdfStatus.QUEUED, pdf_progress=5, pdf_error="", updated_at=timezone.now()
    )
    jobs.start_pdf(report.pk, user=user)
    report.refresh_from_db()
    return report


def pdf_job_run(report_id: int, *, progress: Any = None) -> None:
    """The job body: convert and store the PDF, reporting progress on the register row.

    Database errors propagate so the job runner retries them with backoff; any other failure is
    recorded on the report for the person waiting.
    """
    from django.db import InterfaceError, OperationalError

    report = IssuedReport.objects.get(pk=report_id)

    def note(pct: int) -> None:
        IssuedReport.objects.filter(pk=report_id).update(
            pdf_status=PdfStatus.RUNNING, pdf_progress=pct, updated_at=timezone.now()
        )
        if progress is not None:
            progress(pct, "Đang chuyển báo cáo sang PDF")

    note(15)
    try:
        report_pdf(report, progress=note)
    except ReportRenderError as exc:
        IssuedReport.objects.filter(pk=report_id).update(pdf_status=PdfStatus.FAILED, pdf_error=str(exc))
    except (OperationalError, InterfaceError):
        raise
    except Exception as exc:  # noqa: BLE001 - the job must leave a message, not a spinner
        log.exception("PDF job for report %s failed", report_id)
        IssuedReport.objects.filter(pk=report_id).update(
            pdf_status=PdfStatus.FAILED, pdf_error=f"Lỗi khi tạo PDF: {exc}"
        )


def report_filename(report: IssuedReport | None, fmt: str, *, period: str = "", scope: str = "", key: str = "") -> str:
    """ "bao-cao-province-2021-H1.docx", with the number once issued ("bao-cao-86-BC-UBND-....")."""
    if report is not None:
        period, scope, key = report.period, report.scope, report.scope_key
    parts = ["bao-cao"]
    if report is not None and report.number:
        parts.append(report.number.replace("/", "-"))
    parts += [scope, key, period]
    stem = "-".join(re.sub(r"[^\w\-]+", "-", p).strip("-") for p in parts if p)
    return f"{stem}.{fmt}"
