"""Reads of the register: which reports a user may see.

Planners, admins and leaders read every report (drafts too); an agency's or a district's staff
read the reports whose scope is their own unit; anonymous visitors read none. A report the
caller may not read answers 404, so its existence is not revealed.

The data of a consolidated report (`report_data_build`) is read here too, from the live tables as
they stand now: targets and their stored statuses, tasks, late agencies. The register's writes
(theodoi/exports/services/) store it as a snapshot and never read the live tables again.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from theodoi.accounts.models import OrgUnit, Role, UnitKind
from theodoi.accounts.permissions import can_read_all, is_planner, unit_ids_with_role
from theodoi.evaluation import summaries
from theodoi.evaluation.selectors.statuses import LOCAL_PLAN_UNIT_KINDS
from theodoi.evaluation.services import target_statuses_recompute
from theodoi.exports.data import (
    CorrectiveRow,
    LateAgency,
    ReportData,
    ReportHeader,
    ReportSummary,
    TargetRow,
    TaskRow,
)
from theodoi.exports.drafting import is_achieved
from theodoi.exports.models import IssuedReport, ReportScope
from theodoi.exports.scope import (
    FIELD_ORDER,
    Scope,
    _district_name,
    period_parse,
    period_phrase,
    scope_resolve,
)
from theodoi.plans.models import CorrectiveAction, Field, Plan, PublishStatus, Target, Task
from theodoi.reporting import task_states
from theodoi.reporting.deadlines import timeliness
from theodoi.reporting.models import FormStatus, ReportForm, ReportingRegime, ReportValue
from theodoi.reporting.periods import Period, PeriodKind, parse_period_key
from theodoi.reporting.rules import periods_of_year

UNIT_SCOPES = (ReportScope.AGENCY, ReportScope.DISTRICT)


def reports_visible_to(user: Any) -> QuerySet[IssuedReport]:
    qs = IssuedReport.objects.select_related("created_by", "issued_by")
    if not getattr(user, "is_authenticated", False):
        return qs.none()
    if can_read_all(user):
        return qs
    ids = unit_ids_with_role(user, Role.REPORTER, Role.APPROVER)
    codes = list(OrgUnit.objects.filter(pk__in=ids).values_list("code", flat=True))
    return qs.filter(scope__in=UNIT_SCOPES, scope_key__in=codes)


def report_get(user: Any, pk: int) -> IssuedReport:
    """The report if the user may read it; Http404 otherwise."""
    report = reports_visible_to(user).filter(pk=pk).first()
    if report is None:
        raise Http404("report not found")
    return report


def can_edit(user: Any, report: IssuedReport) -> bool:
    return is_planner(user) and not report.is_issued


def report_list(user: Any, *, status: str = "", period: str = "") -> QuerySet[IssuedReport]:
    qs = reports_visible_to(user)
    if status:
        qs = qs.filter(status=status)
    if period:
        qs = qs.filter(period__istartswith=period.strip())
    return qs


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
# Section V lists overdue tasks one by one; beyond this many the annex of tasks would be the place.
MAX_OVERDUE_TASKS = 30
COUNTED_FORMS = (FormStatus.SUBMITTED, FormStatus.APPROVED, FormStatus.ACCEPTED, FormStatus.LOCKED)
_GO_TASK_STATES = set(summaries.TASK_STATES)


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
    main = [r for r, t in zip(rows, targets, strict=True) if t.is_main]
    judged = [r for r in (main or rows) if r.status_label != STATUS_LABELS["forecast"]]
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
        main_only=bool(main),
        in_year=when.kind is not PeriodKind.ANNUAL,
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
        corrective=_corrective(targets),
    )


def _corrective(targets: list[Target]) -> list[CorrectiveRow]:
    """Corrective tasks opened on the report's targets, soonest deadline first."""
    rows = CorrectiveAction.objects.filter(target__in=targets).select_related("target__indicator", "lead_unit")
    return [CorrectiveRow(target=c.target.indicator.name, fact=c.fact, cause=c.cause, action=c.action,
                          lead_agency=c.lead_unit.name, deadline=c.deadline) for c in rows.order_by("deadline", "pk")]


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
    else:
        # The province's report counts the province's plans, as the dashboard does
        # (evaluation.selectors.province_level): a district's own plan goes in the district's report.
        qs = qs.exclude(plan__unit__kind__in=LOCAL_PLAN_UNIT_KINDS)
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
    """The lead unit's latest reported state in the year up to the period, where it is one of the
    four states (not "in progress")."""
    states = task_states.latest_reported_states(
        [t.pk for t in tasks], as_of=period.end, period_keys=_keys_in_year_up_to(period)
    )
    return {k: s for k, s in states.items() if s in _GO_TASK_STATES}


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

