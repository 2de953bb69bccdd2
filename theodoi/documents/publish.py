"""Publishing a reviewed document into a plan: its confirmed items become targets (merged with the
plan's own targets they restate), actual figures and assignments with their tasks, all or nothing.

The flow belongs to documents, which depends on plans (it writes plans' rows); plans never imports
documents.
"""

from __future__ import annotations

import logging
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from theodoi.accounts.models import OrgUnit, UnitKind
from theodoi.accounts.permissions import require_planner
from theodoi.accounts.services import unit_resolve
from theodoi.core import audit
from theodoi.core.text import fold, similarity, words
from theodoi.documents.models import Document, DocumentStatus, ExtractedItem, ItemKind, ItemStatus
from theodoi.documents.units import responsible_unit_of
from theodoi.plans import classify
from theodoi.plans.models import (
    Actual,
    Assignment,
    Indicator,
    Plan,
    PlanKind,
    PublishStatus,
    Target,
    TargetSource,
    Task,
)

log = logging.getLogger(__name__)


def plan_for_document(document: Document) -> Plan:
    """The yearly plan of the document's plan year (or the term plan), created when missing."""
    province = OrgUnit.objects.filter(kind=UnitKind.PROVINCE).first() or unit_resolve("UBND tỉnh")
    year = document.plan_year or (document.signed_on.year if document.signed_on else timezone.now().year)
    plan = Plan.objects.filter(kind=PlanKind.YEAR, year_start=year, unit=province).first()
    if plan:
        return plan
    term_start = 2021 + ((year - 2021) // 5) * 5
    term, _ = Plan.objects.get_or_create(
        kind=PlanKind.TERM, year_start=term_start, year_end=term_start + 4, unit=province,
        defaults={"name": f"Kế hoạch phát triển kinh tế - xã hội {term_start}-{term_start + 4}"},
    )
    return Plan.objects.create(
        name=f"Kế hoạch phát triển kinh tế - xã hội năm {year}", kind=PlanKind.YEAR,
        year_start=year, year_end=year, parent=term, unit=province,
    )


def _indicator_for(item: ExtractedItem) -> Indicator:
    if item.indicator_id:
        return item.indicator  # type: ignore[return-value]
    data = item.data
    name = (data.get("indicator") or "").strip() or "Chỉ tiêu chưa đặt tên"
    existing = Indicator.objects.filter(name_folded=fold(name)).first()
    if existing:
        return existing
    unit = data.get("unit") or ""
    return Indicator.objects.create(
        name=name[:500], unit=unit, field=classify.guess_field(name),
        direction=classify.guess_direction(name, data.get("comparator") or "="),
        measure=classify.guess_measure(name, unit),
    )


_SCALE_WORDS = {"nghin": 1e3, "ngan": 1e3, "trieu": 1e6, "ty": 1e9}
PLAN_MATCH_THRESHOLD = 0.6
SAME_FIGURE_BONUS = 0.3
NEIGHBOUR_CHARS = 600


_GENERIC_WORDS = frozenset(["ty", "le", "so", "cua", "va", "ve", "dat", "cac", "trong", "tren", "duoi", "tong", "muc", "nam", "nghin", "trieu", "ha"])


def _figure(value: Any, unit: str) -> tuple[float | None, str]:
    """A value in base units: 567 "nghìn người" and 567000 "người" are the same figure."""
    tokens = fold(unit or "").split()
    scale = _SCALE_WORDS.get(tokens[0], 0.0) if tokens else 0.0
    base = " ".join(tokens[1:] if scale else tokens).split("/")[0].strip()  # "%/năm" is "%"
    if value is None:
        return None, base
    return round(float(value) * (scale or 1.0), 6), base


def _compare_figures(target: Target, data: dict[str, Any]) -> str:
    """"same", "other_value" or "other_unit" (ha against con: never the same target)."""
    unit = data.get("unit") or ""
    (mine, my_base), (theirs, their_base) = _figure(data["value"], unit), _figure(target.value, target.unit)
    if my_base and their_base and my_base != their_base:
        return "other_unit"
    if mine != theirs or _figure(data.get("value_max"), unit)[0] != _figure(target.value_max, target.unit)[0]:
        return "other_value"
    return "same"


def target_match(
    plan: Plan, period: str, data: dict[str, Any], document: Document | None = None, start: int = 0
) -> Target | None:
    """The plan's target an extracted item restates (the programme repeats the resolution's targets).

    Same period; a similar indicator name, the same figure counting in its favour. Neighbouring
    targets of one document that merely share a figure (2.000 ha of fruit trees, 2.000 ha of herbs,
    in one sentence) are not merged; a different figure needs an almost identical name.
    """
    name = (data.get("indicator") or "").strip()
    if not name or data.get("value") is None:
        return None
    best: tuple[float, Target | None] = (0.0, None)
    same_figure_targets: list[Target] = []
    candidates = Target.objects.filter(plan=plan, period=period).select_related("indicator")
    for target in candidates.prefetch_related("sources"):
        figures = _compare_figures(target, data)
        if figures == "other_unit":
            continue
        same_figure = figures == "same"
        names = [target.indicator.name, *(target.indicator.aliases or [])]
        score = max(similarity(name, other) for other in names)
        neighbour = document is not None and any(
            s.document_id == document.pk and abs(s.start - start) < NEIGHBOUR_CHARS for s in target.sources.all()
        )
        if same_figure and not neighbour:
            score += SAME_FIGURE_BONUS
            same_figure_targets.append(target)
        elif not same_figure:
            score -= SAME_FIGURE_BONUS
        if score > best[0]:
            best = (score, target)
    if best[0] >= PLAN_MATCH_THRESHOLD:
        return best[1]
    # A terse restatement ("Số ha rừng: 3.000 ha") of the only target with that figure and a word in common.
    content = words(name) - _GENERIC_WORDS
    sharing = [
        target for target in same_figure_targets
        if content & set().union(*(words(n) for n in [target.indicator.name, *(target.indicator.aliases or [])]))
    ]
    return sharing[0] if len(sharing) == 1 else None


def _remember_alias(indicator: Indicator, name: str) -> None:
    """Keep another document's wording of a merged indicator, so the next suggestion is exact."""
    name = name.strip()
    known = {fold(n) for n in [indicator.name, *(indicator.aliases or [])]}
    if name and fold(name) not in known and similarity(name, indicator.name) >= 0.5:
        indicator.aliases = [*(indicator.aliases or []), name[:500]]
        indicator.save(update_fields=["aliases"])


def _publish_target(plan: Plan, document: Document, item: ExtractedItem) -> Target:
    data = item.data
    period = data.get("period") or str(plan.year_start)
    # A machine suggestion (or none) gives way to the plan's own target with the same figure.
    chosen_by_planner = item.indicator_id is not None and not item.indicator_suggested
    restated = None if chosen_by_planner or data.get("indicator_new") else target_match(
        plan, period, data, document, item.start
    )
    if restated is not None:
        indicator = restated.indicator
        _remember_alias(indicator, data.get("indicator") or "")
    else:
        indicator = _indicator_for(item)
    agency = responsible_unit_of(data["agency"]) if data.get("agency") else None
    target = Target.objects.filter(plan=plan, indicator=indicator, period=period).first()
    if target is None:
        target = Target.objects.create(
            plan=plan, indicator=indicator, comparator=data.get("comparator") or "=",
            value=float(data["value"]), value_max=data.get("value_max"), unit=data.get("unit") or indicator.unit,
            period=period, responsible_unit=agency, status=PublishStatus.PUBLISHED,
            is_change=classify.is_change_target(indicator.name),
            forecast_only=(data.get("comparator") == "~" and "dan so" in indicator.name_folded),
        )
    elif agency is not None and (target.responsible_unit_id is None or document.kind == "chuong_trinh"):
        # The action programme assigns each target to an agency head: its owner wins.
        target.responsible_unit = agency
        target.save(update_fields=["responsible_unit"])
    TargetSource.objects.get_or_create(
        target=target, document=document, start=item.start,
        defaults={"end": item.end, "agency_text": data.get("agency") or ""},
    )
    return target


def _publish_actual(document: Document, item: ExtractedItem) -> Actual:
    data = item.data
    indicator = _indicator_for(item)
    return Actual.objects.create(
        indicator=indicator, period=data.get("period") or str(document.plan_year or ""), value=float(data["value"]),
        unit=data.get("unit") or "", document=document, start=item.start, end=item.end,
    )


def _publish_assignment(plan: Plan, document: Document, item: ExtractedItem) -> Assignment:
    data = item.data
    leads = [unit_resolve(name) for name in data.get("lead") or []]
    partners = [unit_resolve(name) for name in data.get("partners") or []]
    assignment = Assignment.objects.create(
        plan=plan, ref=data.get("ref") or "", document=document, start=item.start, end=item.end,
        lead_text="; ".join(data.get("lead") or []), partner_text="; ".join(data.get("partners") or []),
        status=PublishStatus.PUBLISHED,
    )
    assignment.lead_units.set(leads)
    assignment.partner_units.set(partners)
    tasks = data.get("items") or []
    if not tasks:
        tasks = [{"text": document.text[item.start : item.end].strip(), "start": item.start, "end": item.end}]
    for position, task in enumerate(tasks):
        deadline = task.get("deadline")
        Task.objects.create(
            assignment=assignment, position=position, text=(task.get("text") or "").strip() or "—",
            deadline=deadline if isinstance(deadline, str) and len(deadline) == 10 else None,
            start=task.get("start") or item.start, end=task.get("end") or item.end,
        )
    return assignment


@transaction.atomic
def document_publish(*, user: Any, document: Document, plan: Plan | None = None) -> Plan:
    """Publish a reviewed document's confirmed items into a plan, all or nothing.

    The same indicator read from the resolution and from the programme becomes one target with
    both sources; the programme's responsible agency is kept.
    """
    require_planner(user)
    document = Document.objects.select_for_update().get(pk=document.pk)
    if document.status == DocumentStatus.PUBLISHED:
        raise ValidationError("Văn bản này đã được công bố.", code="published")
    if document.status != DocumentStatus.REVIEW:
        raise ValidationError("Văn bản chưa trích xuất xong, chưa công bố được.", code="not_ready")
    confirmed = list(document.items.filter(status=ItemStatus.CONFIRMED).select_related("indicator"))
    if not confirmed:
        raise ValidationError("Chưa có mục nào được xác nhận để công bố.", code="empty")
    plan = plan or plan_for_document(document)
    plan_before = {"status": plan.status}
    for item in confirmed:
        if item.kind == ItemKind.TARGET:
            _publish_target(plan, document, item)
        elif item.kind == ItemKind.ACTUAL:
            _publish_actual(document, item)
        elif item.kind == ItemKind.ASSIGNMENT:
            _publish_assignment(plan, document, item)
    document.items.filter(pk__in=[i.pk for i in confirmed]).update(status=ItemStatus.PUBLISHED)
    document.status = DocumentStatus.PUBLISHED
    document.published_at = timezone.now()
    document.plan = plan
    document.save(update_fields=["status", "published_at", "plan"])
    if plan.status != PublishStatus.PUBLISHED:
        plan.status = PublishStatus.PUBLISHED
        plan.save(update_fields=["status"])
    audit.record(
        actor=user, action="plan.publish", subject=plan, before=plan_before,
        after={"status": plan.status, "document": document.pk, "items": [i.pk for i in confirmed]},
        note=f"Công bố từ văn bản “{document.title}”",
    )
    log.info("published document %s into plan %s (%d items)", document.pk, plan.pk, len(confirmed))
    return plan
