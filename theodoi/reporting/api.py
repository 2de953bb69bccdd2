"""Periodic reporting in the API: the same services and selectors as the web pages."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from functools import wraps
from typing import Any, Literal, TypeVar

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from ninja import Field, File, Form, Router, Schema
from ninja.errors import HttpError
from ninja.files import UploadedFile
from ninja.security import SessionAuth

from theodoi.accounts.api import TokenAuth
from theodoi.accounts.models import OrgUnit
from theodoi.core.api_inputs import MAX_ITEMS, Code, Day, DaysBack, Id, Long, Number, PeriodList, Version
from theodoi.core.pagination import Rows, paged
from theodoi.reporting import selectors, services
from theodoi.reporting.models import Reminder, ReportForm, ReportingRegime, ReportValue, plain
from theodoi.reporting.periods import parse_period_key

# Token first: ninja tries each in order and SessionAuth(csrf=True) refuses (403) a POST without a CSRF
# token before a bearer token is even looked at, which would shut out every API client that writes.
router = Router(tags=["reporting"], auth=[TokenAuth(), SessionAuth(csrf=True)])
F = TypeVar("F", bound=Callable[..., Any])


def refusals(fn: F) -> F:
    """A missing form/value is 404 and a bare ValueError 400 here; ``PermissionDenied`` and every
    ``Refused`` (ReportingError included) go on to the API's shared handlers in theodoi/api.py."""

    @wraps(fn)
    def inner(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except (ReportForm.DoesNotExist, ReportValue.DoesNotExist) as exc:
            raise HttpError(404, "Không tìm thấy.") from exc
        except ValueError as exc:
            raise HttpError(400, str(exc)) from exc

    return inner  # type: ignore[return-value]


def _user(request: HttpRequest) -> Any:
    return request.auth  # type: ignore[attr-defined]


class RegimeOut(Schema):
    id: int
    name: str
    config: dict[str, Any]


class FormOut(Schema):
    id: int
    unit: str
    unit_id: int
    regime_id: int
    period: str
    period_label: str
    status: str
    version: int
    due: date
    submitted_at: datetime | None
    approved_at: datetime | None
    accepted_at: datetime | None
    locked_at: datetime | None
    return_reason: str
    lock_exception_until: date | None


class ValueOut(Schema):
    id: int
    target_id: int
    indicator: str
    unit: str
    value: str | None
    estimate: str | None
    comment: str
    issues: list[dict[str, str]]


class FormTaskOut(Schema):
    task_id: int
    text: str
    state: str
    note: str
    is_partner: bool
    contributions: list[dict[str, Any]]


class FormDetailOut(FormOut):
    values: list[ValueOut]
    tasks: list[FormTaskOut]


def _form_out(f: ReportForm) -> dict[str, Any]:
    return {
        "id": f.pk, "unit": f.unit.name, "unit_id": f.unit_id, "regime_id": f.regime_id, "period": f.period_key,
        "period_label": f.period.label, "status": f.status, "version": f.version, "due": f.due_date(),
        "submitted_at": f.submitted_at, "approved_at": f.approved_at, "accepted_at": f.accepted_at,
        "locked_at": f.locked_at, "return_reason": f.return_reason, "lock_exception_until": f.lock_exception_until,
    }


def _detail(f: ReportForm) -> dict[str, Any]:
    out = _form_out(f)
    out["values"] = [
        {"id": v.pk, "target_id": v.target_id, "indicator": v.target.indicator.name,
         "unit": v.target.unit or v.target.indicator.unit,
         "value": plain(v.value),
         "estimate": plain(v.estimate),
         "comment": v.comment, "issues": v.issues}
        for v in f.values.select_related("target__indicator")
    ]
    out["tasks"] = [
        {"task_id": t.task_id, "text": t.task.text, "state": t.state, "note": t.note, "is_partner": t.is_partner,
         "contributions": t.contributions}
        for t in f.task_reports.select_related("task")
    ]
    return out


@router.get("/regimes", response=list[RegimeOut])
def regimes(request: HttpRequest) -> list[dict[str, Any]]:
    return [{"id": r.pk, "name": r.name, "config": r.config} for r in ReportingRegime.objects.all()]


@router.get("/forms", response=list[FormOut])
@paged
def forms(request: HttpRequest, period: Code = "", unit: Id | None = None, status: Code = "") -> Rows[ReportForm]:
    """The forms the caller may read (units × periods over the years, so paged; filters apply before
    the page is cut). Newest period first, then unit name, then id."""
    qs = selectors.forms_visible_to(_user(request))
    if period:
        qs = qs.filter(period_key=period)
    if unit:
        qs = qs.filter(unit_id=unit)
    if status:
        qs = qs.filter(status=status)
    return Rows.each(qs.order_by("-period_key", "unit__name", "pk"), _form_out)


class OpenIn(Schema):
    regime: Id
    unit: Id
    period: Code


@router.post("/forms", response=FormDetailOut)
@refusals
def form_open(request: HttpRequest, payload: OpenIn) -> dict[str, Any]:
    form = services.form_open_or_create(
        user=_user(request), regime=get_object_or_404(ReportingRegime, pk=payload.regime),
        unit=get_object_or_404(OrgUnit, pk=payload.unit), period_key=payload.period,
    )
    return _detail(form)


@router.get("/forms/{form_id}", response=FormDetailOut)
@refusals
def form_get(request: HttpRequest, form_id: Id) -> dict[str, Any]:
    return _detail(selectors.form_for_user(_user(request), form_id))


class ValueIn(Schema):
    target: Id
    value: Number | None = None
    estimate: Number | None = None
    comment: Long | None = None


class TaskIn(Schema):
    task: Id
    state: Code | None = None
    note: Long | None = None


class SaveIn(Schema):
    expected_version: Version
    values: list[ValueIn] = Field([], max_length=MAX_ITEMS)
    tasks: list[TaskIn] = Field([], max_length=MAX_ITEMS)


class SaveOut(Schema):
    version: int
    changed: int
    issues: dict[str, list[dict[str, str]]]


@router.put("/forms/{form_id}/values", response=SaveOut)
@refusals
def form_save(request: HttpRequest, form_id: Id, payload: SaveIn) -> dict[str, Any]:
    """Save values (Vietnamese number text like "3.500,5"); 409 when ``expected_version`` is stale."""
    result = services.form_save_values(
        user=_user(request), form=form_id, expected_version=payload.expected_version,
        values=[v.dict(exclude_unset=True) for v in payload.values],
        tasks=[t.dict(exclude_unset=True) for t in payload.tasks],
    )
    return {"version": result.version, "changed": result.changed,
            "issues": {str(k): v for k, v in result.issues.items()}}


class ReasonIn(Schema):
    reason: Long
    value_notes: dict[int, Long] = Field(default_factory=dict, description="target id → note beside that value")


class BulkIn(Schema):
    forms: list[Id] = Field(..., max_length=MAX_ITEMS)
    action: Literal["approve", "accept", "return"]
    reason: Long = ""


class BulkOutcomeOut(Schema):
    form_id: int
    label: str
    ok: bool
    message: str


class ExceptionIn(Schema):
    until: Day
    reason: Long = ""


def _step(request: HttpRequest, form_id: int, fn: Callable[..., Any], **kw: Any) -> dict[str, Any]:
    user = _user(request)
    form = selectors.form_for_user(user, form_id)
    fn(user=user, form=form, **kw)
    return _form_out(form)


@router.post("/forms/{form_id}/submit", response=FormOut)
@refusals
def form_submit(request: HttpRequest, form_id: Id) -> dict[str, Any]:
    return _step(request, form_id, services.form_submit)


@router.post("/forms/{form_id}/approve", response=FormOut)
@refusals
def form_approve(request: HttpRequest, form_id: Id) -> dict[str, Any]:
    return _step(request, form_id, services.form_approve)


@router.post("/forms/{form_id}/accept", response=FormOut)
@refusals
def form_accept(request: HttpRequest, form_id: Id) -> dict[str, Any]:
    return _step(request, form_id, services.form_accept)


@router.post("/forms/{form_id}/return", response=FormOut)
@refusals
def form_return(request: HttpRequest, form_id: Id, payload: ReasonIn) -> dict[str, Any]:
    return _step(request, form_id, services.form_return, reason=payload.reason, value_notes=payload.value_notes)


@router.post("/review/bulk", response=list[BulkOutcomeOut])
@refusals
def forms_bulk_review(request: HttpRequest, payload: BulkIn) -> list[Any]:
    """Approve, accept or return many forms; one outcome per form (a refused form stops nothing)."""
    return services.forms_review_bulk(user=_user(request), form_ids=payload.forms, action=payload.action,
                                      reason=payload.reason)


@router.post("/forms/{form_id}/lock", response=FormOut)
@refusals
def form_lock(request: HttpRequest, form_id: Id) -> dict[str, Any]:
    return _step(request, form_id, services.form_lock)


@router.post("/forms/{form_id}/lock-exception", response=FormOut)
@refusals
def form_lock_exception(request: HttpRequest, form_id: Id, payload: ExceptionIn) -> dict[str, Any]:
    return _step(request, form_id, services.lock_exception_grant, until=payload.until, reason=payload.reason)


class FormImportRowOut(Schema):
    row: int
    target: str
    ok: bool
    message: str


class ImportOut(Schema):
    saved: int
    version: int
    rows: list[FormImportRowOut]


@router.post("/forms/{form_id}/import", response=ImportOut)
@refusals
def form_import(
    request: HttpRequest, form_id: Id, expected_version: Form[Version], file: File[UploadedFile]
) -> dict[str, Any]:
    user = _user(request)
    form = selectors.form_for_user(user, form_id)
    fn = services.values_import_csv if (file.name or "").lower().endswith(".csv") else services.values_import_xlsx
    report = fn(user=user, form=form, file=file, expected_version=expected_version)
    return {"saved": report.saved, "version": report.version, "rows": [r.__dict__ for r in report.rows]}


class ContributionIn(Schema):
    expected_version: Version
    text: Long


@router.post("/forms/{form_id}/tasks/{task_id}/contributions", response=FormOut)
@refusals
def task_contribution(request: HttpRequest, form_id: Id, task_id: Id, payload: ContributionIn) -> dict[str, Any]:
    """A partner agency's contribution to a task it coordinates."""
    return _step(request, form_id, services.task_contribution_add, task_id=task_id, text=payload.text,
                 expected_version=payload.expected_version)


@router.post("/values/{value_id}/evidence", response=ValueOut)
@refusals
def value_evidence(request: HttpRequest, value_id: Id, file: File[UploadedFile]) -> dict[str, Any]:
    user = _user(request)
    v = services.value_evidence_attach(user=user, value=selectors.value_for_user(user, value_id), file=file)
    return {"id": v.pk, "target_id": v.target_id, "indicator": v.target.indicator.name,
            "unit": v.target.unit or v.target.indicator.unit, "value": plain(v.value), "estimate": plain(v.estimate),
            "comment": v.comment, "issues": v.issues}


class VersionOut(Schema):
    at: datetime
    user: str
    action: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None


class CommentIn(Schema):
    text: Long


class CommentOut(Schema):
    at: datetime
    user: str
    text: str


class HistoryOut(Schema):
    value_id: int
    versions: list[VersionOut]
    comments: list[CommentOut]


def _who(u: Any) -> str:
    from theodoi.accounts.names import person_name

    return person_name(u)


@router.get("/values/{value_id}/history", response=HistoryOut)
@refusals
def value_history(request: HttpRequest, value_id: Id) -> dict[str, Any]:
    value = selectors.value_for_user(_user(request), value_id)
    return {
        "value_id": value.pk,
        "versions": [{"at": v.at, "user": _who(v.user), "action": v.action, "before": v.before, "after": v.after}
                     for v in selectors.value_history(value)],
        "comments": [{"at": c.at, "user": _who(c.user), "text": c.text} for c in value.comments.select_related("user")],
    }


@router.post("/values/{value_id}/comments", response=CommentOut)
@refusals
def value_comment(request: HttpRequest, value_id: Id, payload: CommentIn) -> dict[str, Any]:
    user = _user(request)
    c = services.value_comment_add(user=user, value=selectors.value_for_user(user, value_id), text=payload.text)
    return {"at": c.at, "user": _who(c.user), "text": c.text}


class TimelinessOut(Schema):
    unit: str
    unit_id: int
    period: str
    due: date
    state: str
    form_id: Id | None


def _cell_out(c: selectors.TimelinessCell) -> dict[str, Any]:
    return {"unit": c.unit.name, "unit_id": c.unit.pk, "period": c.period.key, "due": c.due, "state": c.state,
            "form_id": c.form.pk if c.form else None}


@router.get("/timeliness", response=list[TimelinessOut])
@refusals
def timeliness(request: HttpRequest, regime: Id, periods: PeriodList) -> list[dict[str, Any]]:
    """``periods``: comma-separated keys, e.g. ``2021-05,2021-06``.

    Not paged: a units × periods grid that is read whole, and the caller bounds it with ``periods``.
    """
    reg = get_object_or_404(ReportingRegime, pk=regime)
    ps = [parse_period_key(k) for k in periods.split(",") if k.strip()]
    table = selectors.timeliness_table(user=_user(request), regime=reg, periods=ps)
    return [_cell_out(c) for _, cells in table for c in cells]


@router.get("/overdue", response=list[TimelinessOut])
@paged
@refusals
def overdue(request: HttpRequest, days_back: DaysBack = 120) -> Rows[selectors.TimelinessCell]:
    """Missing reports past their deadline: one row per unit, regime and period, so paged.

    Earliest deadline first, then unit name, unit id and period: the selector's order made total
    (its sort by deadline and unit name alone leaves ties to the database's order of units).
    """
    cells = sorted(
        selectors.overdue_list(user=_user(request), days_back=days_back),
        key=lambda c: (c.due, c.unit.name, c.unit.pk, c.period.key, c.form.pk if c.form else 0),
    )
    return Rows.each(cells, _cell_out)


class ConsolidationOut(Schema):
    unit: str
    target_id: int
    indicator: str
    measure_unit: str
    plan: str
    value: str | None
    estimate: str | None
    status: str | None
    missing: bool


@router.get("/consolidation", response=list[ConsolidationOut])
@refusals
def consolidation(request: HttpRequest, regime: Id, period: Code) -> list[dict[str, Any]]:
    """One period's table (units × the regime's targets), not paged: it is read and totalled whole,
    like its XLSX twin, and its size is set by the regime's duties, not by the years of data."""
    rows = selectors.consolidation_table(
        user=_user(request), regime=get_object_or_404(ReportingRegime, pk=regime), period_key=period
    )
    return [
        {"unit": r.unit.name, "target_id": r.target_id, "indicator": r.indicator, "measure_unit": r.measure_unit,
         "plan": r.plan_value, "value": plain(r.value),
         "estimate": plain(r.estimate),
         "status": r.form.status if r.form else None, "missing": r.missing}
        for r in rows
    ]


@router.get("/consolidation.xlsx")
@refusals
def consolidation_xlsx(request: HttpRequest, regime: Id, period: Code) -> HttpResponse:
    data = selectors.consolidation_xlsx(
        user=_user(request), regime=get_object_or_404(ReportingRegime, pk=regime), period_key=period
    )
    response = HttpResponse(data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="tong-hop-{period}.xlsx"'
    return response


class ReminderOut(Schema):
    id: int
    kind: str
    message: str
    created_at: datetime
    read: bool
    form_id: Id | None


def _reminder_out(r: Reminder) -> dict[str, Any]:
    return {"id": r.pk, "kind": r.kind, "message": r.message, "created_at": r.created_at, "read": r.read_at is not None,
            "form_id": r.form_id}


@router.get("/reminders", response=list[ReminderOut])
@paged
def reminders(request: HttpRequest) -> Rows[Reminder]:
    """The caller's own reminders (one per form, kind and day, so they pile up): paged, newest first, then id."""
    return Rows.each(_user(request).reminders.order_by("-created_at", "-pk"), _reminder_out)
