"""Every write in one shape: each public write service is keyword-only with the acting person
first (``user`` or ``actor``), refuses a read-only leader with a ``Refused``, and leaves exactly one
audit record when it is allowed.

The services are found, not listed by hand: every public function of every services module
(``<app>/services.py``, ``<app>/services/*.py``, and the review and publish modules of documents)
must be either a write in ``CASES`` (with how to build its arguments) or a read or system step in
``NOT_WRITES`` (with why it is not a person's write). A new public function therefore fails
``test_every_service_function_is_classified`` until it is given a case, and its case fails until
the write records its audit entry. A module that writes audit events but is not a services module
fails ``test_audit_is_written_only_by_service_modules``.

"An audit record" is one row of the general table (``core.AuditEvent``, through
``core.audit.record``) or of the report form's own trail (``reporting.AuditEntry``); the per-value
history (``reporting.ValueVersion``) is the detail under a form's entry, not counted on its own.
"""

from __future__ import annotations

import csv
import importlib
import inspect
import io
import json
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from theodoi.core.models import AuditEvent
from theodoi.core.refusals import Refused
from theodoi.documents.testing import fake_extractor, world  # noqa: F401  (fixtures)
from theodoi.exports.testing import rworld  # noqa: F401  (fixture)
from theodoi.reporting.models import AuditEntry

ROOT = Path(__file__).resolve().parents[1]
EXTRA_SERVICE_MODULES = ("theodoi/documents/items.py", "theodoi/documents/publish.py", "theodoi/documents/review.py")
ACTOR_NAMES = ("user", "actor")


def service_modules() -> list[str]:
    paths = {*ROOT.glob("theodoi/*/services.py"), *ROOT.glob("theodoi/*/services/*.py"),
             *(ROOT / p for p in EXTRA_SERVICE_MODULES)}
    return sorted(str(p.relative_to(ROOT).with_suffix("")).replace("/", ".") for p in paths
                  if p.name != "__init__.py")


def public_functions() -> dict[str, Callable[..., Any]]:
    found: dict[str, Callable[..., Any]] = {}
    for name in service_modules():
        module = importlib.import_module(name)
        for fname, func in inspect.getmembers(module, inspect.isfunction):
            if not fname.startswith("_") and func.__module__ == name:
                found[f"{name}.{fname}"] = func
    return found


# -- what is not a person's write, and why --------------------------------------------------------
_READ = "read: computes or looks up, writes nothing"
_SYSTEM = "system: run by the scheduler, a job or another service, with no person behind it"
NOT_WRITES: dict[str, str] = {
    "theodoi.accounts.services.guess_unit_kind": _READ,
    "theodoi.accounts.services.admin_audited": _READ + " (which models /admin writes through admin_save)",
    "theodoi.accounts.services.unit_find": _READ,
    "theodoi.accounts.services.unit_resolve": _SYSTEM + " (a unit named by a document, created while publishing it; "
                                                        "the publish is the audited write)",
    "theodoi.accounts.services.tokens_revoke_all": _SYSTEM + " (the consequence of a password change or a "
                                                             "deactivation, from the account's signal)",
    "theodoi.documents.publish.plan_for_document": _SYSTEM + " (the plan a publish goes to, inside document_publish)",
    "theodoi.documents.publish.target_match": _READ,
    "theodoi.documents.review.block": _READ,
    "theodoi.documents.review.blocks": _READ,
    "theodoi.documents.review.by_doubt": _READ,
    "theodoi.documents.review.confidence": _READ,
    "theodoi.documents.review.level": _READ,
    "theodoi.documents.review.reasons": _READ,
    "theodoi.documents.services.extraction_waits_for_broker": _READ,
    "theodoi.evaluation.services.inputs.observations": _READ,
    "theodoi.evaluation.services.inputs.rounds_as_of": _READ,
    "theodoi.evaluation.services.inputs.target_evaluate": _READ,
    "theodoi.evaluation.services.inputs.target_spec": _READ,
    "theodoi.evaluation.services.inputs.target_years": _READ,
    "theodoi.evaluation.services.recompute.target_statuses_recompute": _SYSTEM + " (derived statuses; a person's "
                                                                                 "request goes through statuses_recompute)",
    "theodoi.exports.services.register.paragraphs_from_text": _READ,
    "theodoi.exports.services.register.paragraphs_to_text": _READ,
    "theodoi.exports.services.register.sections_from_text": _READ,
    "theodoi.exports.services.rendering.data_render": _READ,
    "theodoi.exports.services.rendering.report_data": _READ,
    "theodoi.exports.services.rendering.report_docx_matches_issue": _READ,
    "theodoi.evaluation.services.corrective.can_open": _READ,
    "theodoi.evaluation.services.corrective.current_status": _READ,
    "theodoi.evaluation.services.incremental.on_values_changed": _SYSTEM + " (the targets-changed event's receiver)",
    "theodoi.evaluation.services.incremental.refresh_run": _SYSTEM + " (the status refresh job's body)",
    "theodoi.evaluation.services.digests.inputs_digest": _READ,
    "theodoi.evaluation.services.inputs.candidate": _READ + " (whether a form may supply a target's input)",
    "theodoi.evaluation.services.inputs.form_rows": _READ,
    "theodoi.evaluation.services.inputs.outranks": _READ + " (the input choice rule, compared for one form)",
    "theodoi.evaluation.services.relevance.targets_reached": _READ + " (which targets a change can reach)",
    "theodoi.evaluation.services.revised.revised_rejudge": _SYSTEM + " (derived statuses: a revised chosen figure "
    "judged from the stored row)",
    "theodoi.evaluation.services.recompute.record_refresh": _SYSTEM + " (when statuses were last refreshed)",
    "theodoi.evaluation.services.recompute.rounds_json": _READ,
    "theodoi.evaluation.services.refresh.queue_recompute": _SYSTEM + " (queues the refresh after a person's write, "
                                                                     "which is the audited write)",
    "theodoi.evaluation.services.refresh.refresh_start": _SYSTEM + " (starts the refresh job)",
    "theodoi.exports.services.rendering.report_docx_sha256": _READ,
    "theodoi.exports.services.rendering.report_filename": _READ,
    "theodoi.exports.services.rendering.report_pdf": _SYSTEM + " (the PDF job's body; pdf_job_start is the write)",
    "theodoi.exports.services.rendering.report_pdf_is_fresh": _READ,
    "theodoi.exports.services.rendering.report_render": _READ,
    "theodoi.exports.services.rendering.stable_zip": _READ,
    "theodoi.investment.services.import_template_xlsx": _READ,
    "theodoi.jobs.services.can_act_on": _READ,
    "theodoi.notifications.services.digest_text": _READ,
    "theodoi.notifications.services.digests_send": _SYSTEM + " (the daily digest)",
    "theodoi.notifications.services.reminder_deliver": _SYSTEM + " (sending a reminder the scheduler created)",
    "theodoi.plans.services.correction_check": _READ,
    "theodoi.plans.services.indicator_suggest": _READ,
    "theodoi.reporting.services.duties.regime_ensure_seed": _SYSTEM + " (the seed regime, created once)",
    "theodoi.reporting.services.reminders.reminders_send": _SYSTEM + " (the daily reminder run)",
    "theodoi.reporting.services.workflow.forms_lock_overdue": _SYSTEM + " (the nightly lock; each lock is audited "
                                                                        "with no person)",
}


# -- the world the writes act on --------------------------------------------------------------------
@dataclass
class W:
    cast: Any
    world: Any
    rworld: Any
    monkeypatch: pytest.MonkeyPatch

    def member(self, name: str) -> Any:
        if name == "anonymous":
            return AnonymousUser()
        if name == "admin":
            admin = get_user_model().objects.filter(username="admin").first()
            return admin or get_user_model().objects.create_superuser("admin", "admin@example.vn", "x")
        return getattr(self.cast, name)

    # reporting: a draft form of Sở Y tế for July, prefilled from June
    def draft_form(self) -> Any:
        from theodoi.reporting.services import form_open_or_create

        return form_open_or_create(user=self.cast.health_reporter, regime=self.rworld.regime, unit=self.cast.health,
                                   period_key="2021-07")

    def filled_form(self) -> Any:
        """The draft with every figure given, so that it may be sent."""
        form = self.draft_form()
        form.values.filter(value=None).update(value=1)
        return form

    def form_in(self, status: str, **stamps: Any) -> Any:
        from theodoi.reporting.models import ReportForm

        form = self.draft_form()
        ReportForm.objects.filter(pk=form.pk).update(status=status, **stamps)
        form.refresh_from_db()
        return form

    def project(self) -> Any:
        from theodoi.investment.models import Project

        return Project.objects.create(code=f"DA-{uuid.uuid4().hex[:6]}", name="Đường liên xã Ngọc Wang",
                                      investor=self.cast.health)

    def report_draft(self) -> Any:
        from theodoi.exports.services import report_draft_create

        return report_draft_create(user=self.cast.planner, period="2021-06", scope="province")

    def token_of(self, owner: Any) -> Any:
        from theodoi.accounts.services import token_create

        return token_create(actor=owner, name="máy chủ báo cáo")[0]


def _xlsx(rows: list[list[Any]]) -> io.BytesIO:
    from openpyxl import Workbook

    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    out.seek(0)
    return out


def _csv(rows: list[list[Any]]) -> io.BytesIO:
    text = io.StringIO()
    csv.writer(text, delimiter=";").writerows(rows)
    return io.BytesIO(text.getvalue().encode("utf-8"))


def _values_rows(w: W, form: Any) -> list[list[Any]]:
    first = form.values.order_by("target_id").first()
    return [["Mã", "Giá trị"], [first.target_id, "12,5"]]


def _job(w: W) -> int:
    from theodoi.jobs.tests.helpers import lost_job, stored_document

    return int(lost_job(stored_document()).pk)


def _behind(target: Any) -> Any:
    """The target with a stored status of "behind", the state a corrective task opens from."""
    from theodoi.evaluation.models import TargetStatus

    TargetStatus.objects.update_or_create(target=target, period=target.period, public=False,
                                          defaults={"status": "off_track"})
    return target


def _renamed(unit: Any) -> Any:
    unit.short_name = "Sở YT"
    return unit


def _role(user: Any) -> Any:
    from theodoi.accounts.models import Membership

    return Membership.objects.filter(user=user).first()


def _geojson(code: str) -> str:
    square = [[[107.8, 14.4], [108.0, 14.4], [108.0, 14.6], [107.8, 14.6], [107.8, 14.4]]]
    return json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"code": code, "name": code},
         "geometry": {"type": "Polygon", "coordinates": square}}]})


def _section() -> list[Any]:
    from theodoi.exports.data import Section

    return [Section("Kết quả thực hiện", ["Tăng trưởng đạt khá."])]


@dataclass(frozen=True)
class Case:
    """How to call one write: ``build(w, actor)`` gives its arguments but the acting person;
    ``allowed`` is who may do it, ``refused`` who may not (the read-only leader, unless the write is
    a person's own business, such as their own token or their notification settings, which a
    leader may change: then an anonymous caller is refused); ``records`` is the audit records it
    writes, one per subject it changes (1 but for a row of an import that makes two subjects)."""

    build: Callable[[W, Any], dict[str, Any]]
    allowed: str = "planner"
    refused: str = "leader"
    records: int = 1


R = "theodoi.reporting.services."
CASES: dict[str, Case] = {
    # accounts: a person's own tokens (leaders have tokens too), an administrator's revocation
    "theodoi.accounts.services.token_create": Case(lambda w, a: {"name": "máy chủ báo cáo"}, refused="anonymous"),
    "theodoi.accounts.services.token_revoke": Case(
        lambda w, a: {"token_id": w.token_of(a if a.is_authenticated else w.cast.planner).pk}, refused="anonymous"),
    "theodoi.accounts.services.tokens_revoke": Case(
        lambda w, a: {"token_ids": [w.token_of(w.cast.planner).pk], "reason": "máy bị mất"}, allowed="admin"),
    # accounts: an administrator's edits in /admin (a unit renamed, a role removed)
    "theodoi.accounts.services.admin_save": Case(lambda w, a: {"instance": _renamed(w.cast.health), "created": False},
                                                 allowed="admin"),
    "theodoi.accounts.services.admin_delete": Case(lambda w, a: {"instance": _role(w.cast.district_reporter)},
                                                   allowed="admin"),
    # documents
    "theodoi.documents.services.document_upload": Case(lambda w, a: {
        "name": "ke-hoach-2026.txt", "data": "Kế hoạch năm 2026: thu ngân sách đạt 2.500 tỷ đồng.".encode()}),
    "theodoi.documents.services.document_extraction_retry": Case(lambda w, a: {"document": w.world.review_doc}),
    "theodoi.documents.services.document_set_plan_year": Case(
        lambda w, a: {"document": w.world.review_doc, "plan_year": 2026}),
    "theodoi.documents.items.item_update": Case(
        lambda w, a: {"item_id": w.world.target_item.pk, "changes": {"value": "98"}}),
    "theodoi.documents.items.item_set_status": Case(
        lambda w, a: {"item_id": w.world.assignment_item.pk, "status": "confirmed"}),
    "theodoi.documents.items.item_merge": Case(
        lambda w, a: {"item_id": w.world.target_item.pk, "indicator_id": w.world.indicator.pk}),
    "theodoi.documents.items.document_confirm_all": Case(lambda w, a: {"document": w.world.review_doc}),
    "theodoi.documents.review.document_confirm_confident": Case(lambda w, a: {"document": w.world.review_doc}),
    "theodoi.documents.publish.document_publish": Case(
        lambda w, a: {"document": w.world.review_doc, "plan": w.world.plan}),
    # evaluation: a person's request for a recompute
    "theodoi.evaluation.services.requested.statuses_recompute": Case(lambda w, a: {"period": "2021"}),
    # exports
    "theodoi.exports.services.register.report_draft_create": Case(
        lambda w, a: {"period": "2021-06", "scope": "province"}),
    "theodoi.exports.services.register.report_sections_update": Case(
        lambda w, a: {"report": w.report_draft(), "sections": _section()}),
    "theodoi.exports.services.register.report_issue": Case(lambda w, a: {"report": w.report_draft(), "number": "86"}),
    # anyone who may read a report may ask for its PDF (a leader too): an anonymous caller is refused
    "theodoi.exports.services.pdf_jobs.pdf_job_start": Case(lambda w, a: {"report": w.report_draft()},
                                                            refused="anonymous"),
    # investment
    "theodoi.investment.services.capital_plan_set": Case(
        lambda w, a: {"project": w.project(), "year": 2021, "amount": "12.500"}),
    "theodoi.investment.services.disbursement_record": Case(
        lambda w, a: {"project": w.project(), "year": 2021, "month": 3, "cumulative_amount": "1.200"}),
    "theodoi.investment.services.projects_import_xlsx": Case(lambda w, a: {"year": 2021, "file": _xlsx([
        ["Mã dự án", "Tên dự án", "Chủ đầu tư", "Kế hoạch vốn"], ["DA-NW-01", "Trường tiểu học Ngọc Wang", "Sở Y tế",
                                                                  1500]])}, records=2),  # the project, its capital plan
    # jobs
    "theodoi.jobs.services.job_retry": Case(lambda w, a: {"job_id": _job(w)}),
    "theodoi.jobs.services.job_reset": Case(lambda w, a: {"job_id": _job(w)}),
    # notifications: a person's own settings
    "theodoi.accounts.services.language_set": Case(lambda w, a: {"language": "en"}, refused="anonymous"),
    "theodoi.notifications.services.preference_update": Case(
        lambda w, a: {"email_mode": "off", "message_enabled": False, "message_address": ""}, refused="anonymous"),
    # evaluation: a corrective task from a target judged behind (planners and leaders may)
    "theodoi.evaluation.services.corrective.corrective_task_open": Case(lambda w, a: {
        "target": _behind(w.world.target), "fact": "Mới đạt 60% kế hoạch", "cause": "Thiếu vốn đối ứng",
        "action": "Bố trí vốn trong quý III", "lead_unit": w.cast.planning, "deadline": date(2099, 12, 31)},
        refused="health_reporter"),
    # geo: district boundaries (the demo's district is huyen-dak-ha)
    "theodoi.geo.services.boundaries_import": Case(lambda w, a: {"data": _geojson("huyen-dak-ha"),
                                                                  "source": "ranh-gioi.geojson"}),
    # plans
    "theodoi.plans.services.target_correct": Case(lambda w, a: {
        "target": w.world.target, "value": 9.0, "unit": "%", "period": "2026", "responsible_unit": w.cast.planning,
        "reason": "Văn bản ghi 9%, trích xuất đọc nhầm 8,5%."}),
    # reporting
    R + "duties.duties_from_plan": Case(lambda w, a: {"regime": w.rworld.regime, "plan": w.rworld.plan}),
    R + "forms.form_open_or_create": Case(
        lambda w, a: {"regime": w.rworld.regime, "unit": w.cast.health, "period_key": "2021-08"},
        allowed="health_reporter"),
    R + "values.form_save_values": Case(lambda w, a: (lambda f: {
        "form": f, "expected_version": f.version,
        "values": [{"target": f.values.order_by("target_id").first().target_id, "value": "12,5"}]})(w.draft_form()),
        allowed="health_reporter"),
    R + "values.task_contribution_add": Case(lambda w, a: (lambda f: {
        "form": f, "expected_version": f.version, "text": "Đã phối hợp khám sàng lọc tại 12 xã.",
        "task_id": f.task_reports.first().task_id})(w.draft_form()), allowed="health_reporter"),
    R + "values.value_comment_add": Case(lambda w, a: {
        "value": w.draft_form().values.first(), "text": "Số liệu tính đến ngày 25."}, allowed="health_reporter"),
    R + "values.value_evidence_attach": Case(lambda w, a: {
        "value": w.draft_form().values.first(),
        "file": SimpleUploadedFile("minh-chung.pdf", b"%PDF-1.4\n%minh chung\n")}, allowed="health_reporter"),
    R + "imports.values_import_csv": Case(lambda w, a: (lambda f: {
        "form": f, "expected_version": f.version, "file": _csv(_values_rows(w, f))})(w.draft_form()),
        allowed="health_reporter"),
    R + "imports.values_import_xlsx": Case(lambda w, a: (lambda f: {
        "form": f, "expected_version": f.version, "file": _xlsx(_values_rows(w, f))})(w.draft_form()),
        allowed="health_reporter"),
    R + "reminders.reminder_mark_read": Case(lambda w, a: {"reminder": _reminder(a if a.is_authenticated
                                                                                 else w.cast.planner)},
                                             refused="anonymous"),
    # one audit entry per form it moves (the case moves one)
    R + "review.forms_review_bulk": Case(lambda w, a: {
        "form_ids": [w.form_in("approved", submitted_by=w.cast.health_reporter, approved_by=w.cast.health_head).pk],
        "action": "accept"}),
    R + "workflow.form_submit": Case(lambda w, a: {"form": w.filled_form()}, allowed="health_reporter"),
    R + "workflow.form_return": Case(lambda w, a: {
        "form": w.form_in("submitted", submitted_by=w.cast.health_reporter, submitted_at=timezone.now()),
        "reason": "Thiếu giải trình số trạm y tế."}),
    R + "workflow.form_approve": Case(lambda w, a: {
        "form": w.form_in("submitted", submitted_by=w.cast.health_reporter, submitted_at=timezone.now())},
        allowed="health_head"),
    R + "workflow.form_accept": Case(lambda w, a: {
        "form": w.form_in("approved", submitted_by=w.cast.health_reporter, approved_by=w.cast.health_head)}),
    R + "workflow.form_lock": Case(lambda w, a: {"form": w.draft_form(), "note": "Hết hạn sửa."}),
    R + "workflow.lock_exception_grant": Case(lambda w, a: {
        "form": w.form_in("locked"), "until": timezone.localdate() + timedelta(days=5), "reason": "Bổ sung số liệu."}),
}


def _reminder(owner: Any) -> Any:
    from theodoi.reporting.models import Reminder

    return Reminder.objects.create(user=owner, kind="due_today", key=f"test:{uuid.uuid4().hex}",
                                   message="Hôm nay là hạn gửi báo cáo tháng 7.")


def _records() -> int:
    return AuditEvent.objects.count() + AuditEntry.objects.count()


@pytest.fixture
def w(cast: Any, world: Any, rworld: Any, fake_extractor: None, monkeypatch: pytest.MonkeyPatch) -> W:  # noqa: F811
    # The PDF job would start LibreOffice; the write under test is queueing it, not the conversion.
    monkeypatch.setattr("theodoi.exports.jobs.start_pdf", lambda report_id, user=None: None)
    return W(cast=cast, world=world, rworld=rworld, monkeypatch=monkeypatch)


# -- the tests --------------------------------------------------------------------------------------
def test_every_service_function_is_classified() -> None:
    found = set(public_functions())
    unclassified = sorted(found - set(CASES) - set(NOT_WRITES))
    assert not unclassified, (
        "a public service function is neither a write with a case in CASES nor listed in NOT_WRITES "
        f"with the reason it is not a person's write: {unclassified}")
    stale = sorted((set(CASES) | set(NOT_WRITES)) - found)
    assert not stale, f"listed but no longer a public service function: {stale}"
    assert not set(CASES) & set(NOT_WRITES)


_RECORDS = re.compile(r"\b(?:core_)?audit\.record\(|\b_audit\(|\brecord_audit\(|\binsert_audit\(")
_NOT_SERVICES = ("/tests/", "/migrations/", "/demo", "testing.py", "/management/")
_AUDIT_KIT = ("theodoi/core/audit.py", "theodoi/reporting/audit.py", "theodoi/reporting/value_store.py",
              "theodoi/reporting/services/common.py")


def test_audit_is_written_only_by_service_modules() -> None:
    """A write that records its audit outside a services module would escape the test above."""
    services = {m.replace(".", "/") + ".py" for m in service_modules()}
    writers = []
    for path in (ROOT / "theodoi").rglob("*.py"):
        rel = str(path.relative_to(ROOT))
        if any(part in rel for part in _NOT_SERVICES) or rel in _AUDIT_KIT:
            continue
        if _RECORDS.search(path.read_text(encoding="utf-8")) and rel not in services:
            writers.append(rel)
    assert not writers, f"audit written outside a services module (make it one or move the write): {writers}"


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_write_is_keyword_only_with_the_actor_first(name: str) -> None:
    params = list(inspect.signature(public_functions()[name]).parameters.values())
    assert params, f"{name} takes no arguments"
    positional = [p.name for p in params if p.kind is not inspect.Parameter.KEYWORD_ONLY]
    assert not positional, f"{name}: parameters must be keyword-only, these are not: {positional}"
    assert params[0].name in ACTOR_NAMES, f"{name}: the acting person comes first, named user or actor"


def _call(name: str, w: W, member: str) -> Any:
    func = public_functions()[name]
    person = w.member(member)
    kwargs = CASES[name].build(w, person)
    actor_param = next(iter(inspect.signature(func).parameters))
    return func, {actor_param: person, **kwargs}


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(CASES))
def test_a_write_refuses_who_may_not_do_it_and_records_nothing(name: str, w: W) -> None:
    func, kwargs = _call(name, w, CASES[name].refused)
    before = _records()
    with pytest.raises(Refused):
        func(**kwargs)
    assert _records() == before, f"{name} was refused but left an audit record"


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(CASES))
def test_an_allowed_write_leaves_exactly_one_audit_record(name: str, w: W) -> None:
    case = CASES[name]
    func, kwargs = _call(name, w, case.allowed)
    person = kwargs[next(iter(kwargs))]
    events_before, entries_before = AuditEvent.objects.count(), AuditEntry.objects.count()
    func(**kwargs)
    events = list(AuditEvent.objects.order_by("pk")[events_before:])
    entries = list(AuditEntry.objects.order_by("pk")[entries_before:])
    assert len(events) + len(entries) == case.records, (
        f"{name} wrote {len(events)} audit events and {len(entries)} form entries, expected {case.records}: "
        f"{[e.action for e in events] + [e.action for e in entries]}")
    assert all(e.actor_id == person.pk for e in events) and all(e.user_id == person.pk for e in entries)
    assert len({(e.subject_type_id, e.subject_id) for e in events}) == len(events), "one record per subject"
