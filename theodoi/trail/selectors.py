"""The trail's reads: events for the list page (filtered, and limited to the reader's units for a
reporter), and the end-to-end trail of one target or one reported value."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from theodoi.accounts.models import Role
from theodoi.accounts.names import person_name
from theodoi.accounts.permissions import can_read_all, unit_ids_with_role
from theodoi.core import vnformat
from theodoi.core.models import AuditEvent
from theodoi.documents.models import ExtractedItem, ItemKind
from theodoi.plans.models import Plan, Target
from theodoi.reporting.i18n import period_name
from theodoi.reporting.models import AuditEntry, ReportValue, ValueVersion
from theodoi.trail.labels import (
    FIELD_LABELS,
    FORM,
    SUBJECT_KINDS,
    SUBJECT_LABELS,
    VALUE,
    WORKFLOW_ACTIONS,
    action_label,
)

LIMIT = 200


@dataclass(frozen=True)
class Change:
    field: str
    before: str
    after: str

    @property
    def label(self) -> str:
        """The field in the page's words; "" for a field the pages have no name for (shown as code)."""
        return str(FIELD_LABELS.get(self.field, ""))


@dataclass
class Row:
    """One line of a trail, whatever table it came from."""

    at: datetime
    actor: str
    action: str
    kind: str
    subject: str
    url: str = ""
    note: str = ""
    changes: list[Change] = field(default_factory=list)

    @property
    def action_label(self) -> str:
        return action_label(self.action)

    @property
    def kind_label(self) -> str:
        return str(SUBJECT_LABELS.get(self.kind, SUBJECT_LABELS["other"]))


@dataclass(frozen=True)
class Filters:
    kind: str = ""
    subject_id: str = ""
    actor_id: int | None = None
    since: date | None = None
    until: date | None = None
    action: str = ""


_NUMERIC_FIELDS = {"value", "value_max", "estimate", "amount", "cumulative_amount", "baseline"}
_PLAIN_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


def _text(value: Any, name: str = "") -> str:
    """A stored value as a person reads it: figures the Vietnamese way (3.500,5), None as "—"."""
    if value is None or value == "":
        return vnformat.MISSING
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float) or (name in _NUMERIC_FIELDS and _PLAIN_NUMBER.match(str(value))):
        return vnformat.number(value, None)
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)[:300]
    return str(value)[:300]


def changes(before: Any, after: Any) -> list[Change]:
    """Field by field, what a write changed (everything it wrote when there was nothing before)."""
    if not isinstance(before, dict) and not isinstance(after, dict):
        return [] if before == after else [Change("", _text(before), _text(after))]
    old = before if isinstance(before, dict) else {}
    new = after if isinstance(after, dict) else {}
    names = list(dict.fromkeys([*old, *new]))
    return [Change(n, _text(old.get(n), n), _text(new.get(n), n)) for n in names if old.get(n) != new.get(n)]


_KIND_OF_MODEL = {model: kind for kind, model in SUBJECT_KINDS.items()}


def _subject_url(kind: str, subject_id: str) -> str:
    names = {"target": ("trail:target", True), "document": ("documents:detail", True),
             "report": ("exports:detail", True), "item": ("", False)}
    name, _ = names.get(kind, ("", False))
    if not name:
        return ""
    try:
        return reverse(name, args=[int(subject_id)])
    except (NoReverseMatch, ValueError):
        return ""


def _event_rows(events: QuerySet[AuditEvent]) -> list[Row]:
    types = {ct.pk: (ct.app_label, ct.model) for ct in ContentType.objects.filter(
        pk__in={e.subject_type_id for e in events})}
    rows = []
    for e in events:
        kind = _KIND_OF_MODEL.get(types.get(e.subject_type_id, ("", "")), "other")
        rows.append(Row(at=e.at, actor=e.actor_name or "—", action=e.action, kind=kind, subject=e.subject_label,
                        url=_subject_url(kind, e.subject_id), note=e.note, changes=changes(e.before, e.after)))
    return rows


def _form_label(form: Any) -> str:
    return f"{form.unit.name} · {period_name(form.period_key)}"


def _entry_rows(entries: QuerySet[AuditEntry]) -> list[Row]:
    return [
        Row(at=a.at, actor=person_name(a.user) if a.user else "—", action=a.action, kind=FORM,
            subject=_form_label(a.form), url=reverse("reporting:form", args=[a.form_id]), note=a.note,
            changes=changes(a.before, a.after))
        for a in entries
    ]


def _version_rows(versions: QuerySet[ValueVersion]) -> list[Row]:
    return [
        Row(at=v.at, actor=person_name(v.user) if v.user else "—", action=v.action, kind=VALUE,
            subject=f"{v.value.target.indicator.name} · {_form_label(v.value.form)}",
            url=reverse("trail:value", args=[v.value_id]), changes=changes(v.before, v.after))
        for v in versions
    ]


def _own_units(user: Any) -> set[int]:
    return unit_ids_with_role(user, Role.REPORTER, Role.APPROVER)


def _window(qs: Any, filters: Filters) -> Any:
    if filters.since:
        qs = qs.filter(at__gte=timezone.make_aware(datetime.combine(filters.since, time.min)))
    if filters.until:
        qs = qs.filter(at__lte=timezone.make_aware(datetime.combine(filters.until, time.max)))
    if filters.action:
        qs = qs.filter(action=filters.action)
    return qs


def _actor(qs: Any, filters: Filters, name: str) -> Any:
    return qs.filter(**{name: filters.actor_id}) if filters.actor_id else qs


def events(*, user: Any, filters: Filters) -> list[Row]:
    """The newest ``LIMIT`` lines matching ``filters``, newest first.

    Planners and leaders read every line; a reporter or unit head reads the lines about their own
    units' forms and values, their units' targets, and what they did themselves."""
    readers = can_read_all(user)
    units = set() if readers else _own_units(user)
    rows: list[Row] = []
    kind, sid = filters.kind, filters.subject_id
    if kind not in (FORM, VALUE):
        qs = _actor(_window(AuditEvent.objects.all(), filters), filters, "actor_id")
        if kind in SUBJECT_KINDS:
            app_label, model = SUBJECT_KINDS[kind]
            qs = qs.filter(subject_type__app_label=app_label, subject_type__model=model)
            if sid:
                qs = qs.filter(subject_id=sid)
        if not readers:
            target_type = ContentType.objects.get_for_model(Target)
            own_targets = [str(pk) for pk in Target.objects.filter(responsible_unit__in=units).values_list("pk", flat=True)]
            qs = qs.filter(Q(actor_id=user.pk) | Q(subject_type=target_type, subject_id__in=own_targets))
        rows += _event_rows(qs.order_by("-at", "-pk")[:LIMIT])
    if kind in ("", FORM):
        entries = _actor(_window(AuditEntry.objects.all(), filters), filters, "user_id")
        if sid and kind == FORM:
            entries = entries.filter(form_id=sid)
        if not readers:
            entries = entries.filter(form__unit__in=units)
        rows += _entry_rows(entries.select_related("user", "form__unit").order_by("-at", "-pk")[:LIMIT])
    if kind == VALUE:
        versions = _actor(_window(ValueVersion.objects.all(), filters), filters, "user_id")
        if sid:
            versions = versions.filter(value_id=sid)
        if not readers:
            versions = versions.filter(value__form__unit__in=units)
        versions = versions.select_related("user", "value__form__unit", "value__target__indicator")
        rows += _version_rows(versions.order_by("-at", "-pk")[:LIMIT])
    rows.sort(key=lambda r: r.at, reverse=True)
    return rows[:LIMIT]


def may_see_unit(user: Any, unit_id: int | None) -> bool:
    return can_read_all(user) or (unit_id is not None and unit_id in _own_units(user))


# -- the trail of one number ------------------------------------------------------------------------
@dataclass
class ValueStep:
    """One reported value of a target, with its form's workflow (who submitted, approved, accepted)."""

    value: ReportValue
    history: list[Row]
    workflow: list[Row]


@dataclass
class SourceStep:
    source: Any
    items: list[ExtractedItem]
    events: list[Row]


@dataclass
class TargetTrail:
    target: Target
    values: list[ValueStep]
    corrections: list[Row]
    sources: list[SourceStep]


def _subject_events(model: Any, ids: list[Any]) -> QuerySet[AuditEvent]:
    ct = ContentType.objects.get_for_model(model, for_concrete_model=False)
    return AuditEvent.objects.filter(subject_type=ct, subject_id__in=[str(i) for i in ids])


def value_step(value: ReportValue) -> ValueStep:
    versions = value.versions.select_related("user", "value__form__unit", "value__target__indicator")
    history = [r for r in _version_rows(versions.order_by("-at", "-pk")) if r.action not in WORKFLOW_ACTIONS]
    entries = value.form.audit.filter(action__in=WORKFLOW_ACTIONS).select_related("user", "form__unit")
    return ValueStep(value=value, history=history, workflow=_entry_rows(entries.order_by("-at", "-pk")))


def target_trail(*, user: Any, target: Target) -> TargetTrail:
    """A target's numbers back to their source: every reported value the reader may see (newest
    period first) with its changes and its form's approvals; the corrections of the target; the
    sentence(s) of the document it was read from, the extracted item and how it was reviewed and
    published."""
    values = (ReportValue.objects.filter(target=target)
              .select_related("form__unit", "form__submitted_by", "form__approved_by", "form__accepted_by",
                              "target__indicator")
              .order_by("-form__period_key", "form__unit__name"))
    if not can_read_all(user):
        values = values.filter(form__unit__in=_own_units(user))
    corrections = _event_rows(_subject_events(Target, [target.pk]).order_by("-at", "-pk"))
    sources = []
    for source in target.sources.select_related("document").order_by("pk"):
        items = list(ExtractedItem.objects.filter(document=source.document, start=source.start, kind=ItemKind.TARGET))
        doc_events = _subject_events(type(source.document), [source.document.pk])
        item_events = _subject_events(ExtractedItem, [i.pk for i in items])
        published = _subject_events(Plan, [target.plan_id]).filter(action="plan.publish",
                                                                    after__document=source.document.pk)
        rows = _event_rows((doc_events | item_events | published).order_by("-at", "-pk"))
        sources.append(SourceStep(source=source, items=items, events=rows))
    return TargetTrail(target=target, values=[value_step(v) for v in values[:50]], corrections=corrections,
                       sources=sources)
