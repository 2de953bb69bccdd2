"""Public-investment API: projects with plan, disbursement and the rules that fire, flagged
projects, totals by investor or district; disbursement entry and XLSX import for planners."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from django.http import HttpRequest
from ninja import File, Form, Router, Schema
from ninja.errors import HttpError
from ninja.files import UploadedFile

from theodoi.accounts.permissions import is_planner
from theodoi.core.api_inputs import Code, Day, Month, Number, Year
from theodoi.core.pagination import Rows, paged
from theodoi.investment import flags, selectors, services
from theodoi.investment.models import Project


def _caller(request: HttpRequest) -> Any:
    """The authenticated user (session or token), as the API's auth classes set it."""
    return getattr(request, "auth", None) or request.user


router = Router(tags=["investment"])


class FlagOut(Schema):
    rule: str
    checkpoint: date
    reason: str
    action: str


class ProjectOut(Schema):
    code: str
    name: str
    investor: str
    district: str
    stage: str
    capital_plan: float
    disbursed: float
    rate: float | None
    flags: list[FlagOut]


class TotalOut(Schema):
    key: str
    projects: int
    capital_plan: float
    disbursed: float
    rate: float | None
    flagged: int
    sentence: str


class DisbursementIn(Schema):
    year: Year
    month: Month
    cumulative_amount: Number


class DisbursementOut(Schema):
    code: str
    year: int
    month: int
    cumulative_amount: float


class ProjectImportRowOut(Schema):
    row: int
    code: str
    ok: bool
    message: str


def _user(request: HttpRequest) -> Any:
    user: Any = _caller(request)
    if not selectors.can_read_investment(user):
        raise HttpError(403, "Bạn không có quyền xem số liệu đầu tư công.")
    return user


def _year(year: int | None) -> int:
    return year or selectors.latest_year() or date.today().year


def _rows(request: HttpRequest, year: int | None, as_of: date | None) -> list[selectors.ProjectRow]:
    return selectors.project_rows(user=_user(request), year=_year(year), as_of=as_of)


def _project_out(r: selectors.ProjectRow) -> dict[str, Any]:
    return {
        "code": r.project.code, "name": r.project.name, "investor": r.facts.investor, "district": r.facts.district,
        "stage": r.project.stage, "capital_plan": float(r.plan), "disbursed": float(r.disbursed), "rate": r.rate,
        "flags": [{"rule": f.rule.name, "checkpoint": f.checkpoint, "reason": f.reason_vi, "action": f.action_vi}
                  for f in r.flags],
    }


@router.get("/projects", response=list[ProjectOut])
@paged
def projects(request: HttpRequest, year: Year | None = None, as_of: Day | None = None) -> Rows[Project]:
    """The caller's projects with a capital plan in the year, paged by project code (unique).

    The page is cut in the database and the disbursement rules run for its projects only, so a
    page costs the same however many projects the country has.
    """
    user = _user(request)
    year = _year(year)
    visible = selectors.projects_visible(user=user)
    # The projects project_rows() reports on, in its order (code).
    planned = visible.filter(capital_plans__year=year).distinct().order_by("code", "pk")

    def build(page: Sequence[Project]) -> list[dict[str, Any]]:
        ids = [p.pk for p in page]
        rows = selectors.project_rows(user=user, year=year, as_of=as_of, projects=visible.filter(pk__in=ids))
        return [_project_out(r) for r in rows]

    return Rows(planned, build)


@router.get("/flagged", response=list[ProjectOut])
@paged
def flagged(request: HttpRequest, year: Year | None = None, as_of: Day | None = None) -> Rows[Project]:
    """Projects proposed for a capital cut and reallocation, with the rule that fired; paged by project code.

    The page is cut in the database from the stored flags (theodoi/investment/flags.py), and the
    rules run again for the page's projects only, to give their figures and reasons.
    """
    user = _user(request)
    year = _year(year)
    as_of = as_of or selectors.default_as_of(year)
    visible = selectors.projects_visible(user=user)

    def build(page: Sequence[Project]) -> list[dict[str, Any]]:
        return [_project_out(r) for r in selectors.flagged_page(user=user, year=year, as_of=as_of, page=page)]

    return Rows(flags.flagged_projects(visible, year, as_of), build)


@router.get("/totals", response=list[TotalOut])
def totals(request: HttpRequest, by: Code = "investor", year: Year | None = None, as_of: Day | None = None) -> list[dict[str, Any]]:
    """Capital plan and disbursement per investor (by=investor) or district (by=district)."""
    if by not in ("investor", "district"):
        raise HttpError(400, "by phải là investor hoặc district.")
    rows = _rows(request, year, as_of)
    when = as_of or (selectors.default_as_of(rows[0].facts.plan_year) if rows else date.today())
    return [
        {"key": str(g.key), "projects": g.projects, "capital_plan": g.capital_plan, "disbursed": g.disbursed,
         "rate": g.rate, "flagged": g.flagged, "sentence": g.sentence_vi}
        for g in selectors.totals(rows, by, as_of=when)
    ]


@router.post("/projects/{code}/disbursements", response=DisbursementOut)
def disbursement_add(request: HttpRequest, code: Code, payload: DisbursementIn) -> dict[str, Any]:
    """Record a month's cumulative disbursement (planners)."""
    user: Any = _caller(request)
    if not is_planner(user):
        raise HttpError(403, "Chỉ chuyên viên kế hoạch được nhập số giải ngân.")
    project = selectors.projects_visible(user=user).filter(code=code).first()
    if project is None:
        raise HttpError(404, "Không có dự án này.")
    # An InvestmentError (a Refused) is answered by the API's one refusal handler.
    row = services.disbursement_record(
        user=user, project=project, year=payload.year, month=payload.month,
        cumulative_amount=payload.cumulative_amount,
    )
    return {"code": code, "year": row.year, "month": row.month, "cumulative_amount": float(row.cumulative_amount)}


@router.post("/import", response=list[ProjectImportRowOut])
def import_xlsx(request: HttpRequest, year: Form[Year], file: File[UploadedFile]) -> list[dict[str, Any]]:
    """Projects, capital plans and monthly disbursement from an XLSX (planners); per-row results."""
    user: Any = _caller(request)
    if not is_planner(user):
        raise HttpError(403, "Chỉ chuyên viên kế hoạch được nhập tệp dự án.")
    report = services.projects_import_xlsx(user=user, file=file, year=year)
    return [{"row": r.row, "code": r.code, "ok": r.ok, "message": r.message} for r in report.rows]
