"""Evaluation API: summaries ("X/Y chỉ tiêu chủ yếu đạt và vượt") by field, agency and district,
target statuses with their explanation, one target's submissions and source sentences, and the
recompute. Reads are open: anonymous callers (and anyone asking public=true) get the public
statuses, from accepted figures only; planners and leaders get the internal ones.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.errors import HttpError

from theodoi.accounts.api import optional_user
from theodoi.accounts.models import OrgUnit
from theodoi.accounts.permissions import can_read_all
from theodoi.core.api_inputs import Code, Id, Year
from theodoi.core.pagination import Rows, paged
from theodoi.evaluation import selectors


def _caller(request: HttpRequest) -> Any:
    """The authenticated user (session or token), as the API's auth classes set it."""
    return getattr(request, "auth", None) or request.user


router = Router(tags=["evaluation"])


class GroupOut(Schema):
    key: str
    label: str
    total: int
    achieved_or_exceeded: int
    counts: dict[str, int]
    sentence: str


class SummaryOut(Schema):
    year: int | None
    public: bool
    total: int
    achieved_or_exceeded: int
    counts: dict[str, int]
    sentence: str
    groups: list[GroupOut]


class StatusOut(Schema):
    target_id: int
    indicator: str
    field: str
    unit: str | None
    target: str
    status: str
    label: str
    value: float | None
    progress_pct: float | None
    forecast: float | None
    explanation: str
    as_of: date | None


class SubmissionOut(Schema):
    unit: str
    period: str
    period_label: str
    value: float | None
    estimate: float | None
    form_status: str
    accepted: bool


class EvaluationSourceOut(Schema):
    document_id: int
    document: str
    excerpt: str
    start: int
    end: int


class EvaluationTargetOut(StatusOut):
    submissions: list[SubmissionOut]
    sources: list[EvaluationSourceOut]


def _public(request: HttpRequest, asked: bool) -> tuple[Any, bool]:
    user = optional_user(request)
    return user, asked or not can_read_all(user)


def _status_out(row: selectors.StatusRow) -> dict[str, Any]:
    s = row.status
    return {
        "target_id": row.target.pk, "indicator": row.target.indicator.name, "field": row.field,
        "unit": row.unit.name if row.unit else None, "target": row.target.value_label,
        "status": row.code, "label": row.label,
        "value": s.value if s else None, "progress_pct": s.progress_pct if s else None,
        "forecast": s.forecast if s else None, "explanation": s.explanation if s else "",
        "as_of": s.as_of if s else None,
    }


def _group_out(g: selectors.GroupSummary) -> dict[str, Any]:
    return {"key": g.key, "label": g.label, "total": g.total, "achieved_or_exceeded": g.good,
            "counts": dict(g.summary.counts), "sentence": g.summary.sentence_vi}


@router.get("/summary", response=SummaryOut, auth=None)
def summary(request: HttpRequest, year: Year | None = None, group: Code = "field", public: bool = False) -> dict[str, Any]:
    """The summary sentence and counts; `group` = field | agency | district."""
    _user, public = _public(request, public)
    year = year or selectors.latest_plan_year(public=public)
    rows = selectors.status_rows(public=public, targets=selectors.year_targets(year=year, public=public))
    total = selectors.summary_of(rows)
    grouping = {"field": selectors.by_field, "agency": selectors.by_agency, "district": selectors.by_district}
    if group not in grouping:
        raise HttpError(400, "group phải là field, agency hoặc district.")
    return {
        "year": year, "public": public, "total": total.total, "achieved_or_exceeded": total.achieved_or_exceeded,
        "counts": dict(total.counts), "sentence": total.sentence_vi,
        "groups": [_group_out(g) for g in grouping[group](rows)],
    }


@router.get("/statuses", response=list[StatusOut], auth=None)
@paged
def statuses(
    request: HttpRequest, year: Year | None = None, status: Code = "", field: Code = "", unit: Code = "",
    public: bool = False,
) -> Any:
    """Target statuses with their Vietnamese explanation (filters: status, field, unit code).

    Paged: a country's year has hundreds of thousands of targets; in the dashboard's order."""
    user, public = _public(request, public)
    org = OrgUnit.objects.filter(code=unit).first() if unit else None
    if unit and org is None:
        raise HttpError(404, "Không có đơn vị này.")
    if org is not None and selectors.reads_internal(user, org) and not can_read_all(user):
        public = False
    year = year or selectors.latest_plan_year(public=public)
    rows = selectors.targets_for_list(public=public, status=status, field_value=field, unit=org, year=year)
    return Rows.each(rows, _status_out)


@router.get("/targets/{target_id}", response=EvaluationTargetOut, auth=None)
def target(request: HttpRequest, target_id: Id, public: bool = False) -> dict[str, Any]:
    """One target: status, explanation, the submissions behind it and its source sentences."""
    user = optional_user(request)
    t, internal = selectors.target_for_dashboard(user=user, pk=target_id, public=public)
    d = selectors.target_detail(target=t, internal=internal)
    out = _status_out(selectors.StatusRow(t, d.status))
    out["submissions"] = [
        {"unit": s.value.form.unit.name, "period": s.value.form.period_key, "period_label": s.period_label,
         "value": float(s.value.value) if s.value.value is not None else None,
         "estimate": float(s.value.estimate) if s.value.estimate is not None else None,
         "form_status": s.value.form.status, "accepted": s.public}
        for s in d.submissions
    ]
    out["sources"] = [
        {"document_id": s.document_id, "document": s.document.title, "excerpt": s.excerpt, "start": s.start, "end": s.end}
        for s in d.sources
    ]
    return out


class RecomputeOut(Schema):
    rows: int


@router.post("/recompute", response=RecomputeOut)
def recompute(request: HttpRequest, period: Code = "") -> dict[str, int]:
    """Recompute every stored status (planners); `period` = a year or a review period ("2021-H1")."""
    from theodoi.evaluation.services.requested import statuses_recompute

    return {"rows": statuses_recompute(user=_caller(request), period=period or None)}
