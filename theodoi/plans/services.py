"""Plan operations: review extracted items, merge them into the indicator catalogue, publish.

Each function checks permission and validates before it writes; views, API and CLI call these.
"""

from __future__ import annotations

import logging
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from theodoi.accounts.models import OrgUnit, UnitKind
from theodoi.accounts.permissions import require_planner
from theodoi.accounts.services import unit_resolve
from theodoi.core import audit
from theodoi.core.text import fold, similarity, words
from theodoi.documents.models import Document, DocumentStatus, ExtractedItem, ItemKind, ItemStatus
from theodoi.plans import classify
from theodoi.plans.models import (
    Actual,
    Assignment,
    Comparator,
    Indicator,
    Plan,
    PlanKind,
    PublishStatus,
    Target,
    TargetSource,
    Task,
)

log = logging.getLogger(__name__)

SUGGEST_THRESHOLD = 0.6
EDITABLE_TARGET_FIELDS = ("indicator", "comparator", "value", "value_max", "unit", "period", "agency", "kind")
EDITABLE_ASSIGNMENT_FIELDS = ("ref", "lead", "partners")


def indicator_suggest(name: str, unit: str = "") -> Indicator | None:
    """The catalogue indicator a newly read name most likely means (diacritics-insensitive).

    Exact folded name or alias first; otherwise the most similar name with the same unit, if it is
    similar enough. The planner confirms or changes the suggestion.
    """
    folded = fold(name)
    if not folded:
        return None
    exact = Indicator.objects.filter(name_folded=folded).first()
    if exact:
        return exact
    best: tuple[float, Indicator | None] = (0.0, None)
    for indicator in Indicator.objects.all():
        names = [indicator.name, *indicator.aliases]
        score = max(similarity(name, other) for other in names)
        if unit and indicator.unit and fold(unit) != fold(indicator.unit):
            score -= 0.2
        if score > best[0]:
            best = (score, indicator)
    return best[1] if best[0] >= SUGGEST_THRESHOLD else None


def _review_item(user: Any, item_id: int, expected_version: int | None) -> ExtractedItem:
    require_planner(user)
    item = ExtractedItem.objects.select_for_update().select_related("document").get(pk=item_id)
    if item.status == ItemStatus.PUBLISHED:
        raise ValidationError("Mục này đã được công bố, không sửa ở đây được nữa.", code="published")
    if expected_version is not None and item.version != expected_version:
        raise ValidationError(
            "Mục này vừa được người khác sửa; hãy tải lại trang để xem bản mới nhất.", code="stale"
        )
    return item


def _clean_number(value: Any, label: str) -> float | None:
    if value in (None, ""):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    from theodoi.core.vnnumber import parse_vn_number

    try:
        return float(parse_vn_number(str(value)))
    except ValueError as exc:
        raise ValidationError(f"{label}: “{value}” không phải là số hợp lệ.", code="number") from exc


@transaction.atomic
def item_update(*, user: Any, item_id: int, changes: dict[str, Any], expected_version: int | None = None) -> ExtractedItem:
    """Edit a target/actual item's fields (indicator name, comparator, value, unit, period, agency)."""
    item = _review_item(user, item_id, expected_version)
    before = audit.snapshot(item, ["kind", "status", "data"])
    data = dict(item.data)
    editable = EDITABLE_ASSIGNMENT_FIELDS if item.kind == ItemKind.ASSIGNMENT else EDITABLE_TARGET_FIELDS
    for key, raw in changes.items():
        if key not in editable:
            continue
        if key in ("lead", "partners"):
            names = raw if isinstance(raw, list) else str(raw or "").replace("\n", ";").split(";")
            data[key] = [str(n).strip() for n in names if str(n).strip()]
        elif key in ("value", "value_max"):
            data[key] = _clean_number(raw, "Giá trị" if key == "value" else "Giá trị tối đa")
        elif key == "comparator":
            if raw not in Comparator.values:
                raise ValidationError(f"Phép so sánh “{raw}” không hợp lệ.", code="comparator")
            data[key] = raw
        else:
            data[key] = (str(raw).strip() or None) if raw is not None else None
    if item.kind in (ItemKind.TARGET, ItemKind.ACTUAL):
        if data.get("value") is None:
            raise ValidationError("Chỉ tiêu phải có giá trị.", code="value")
        if not (data.get("indicator") or "").strip():
            raise ValidationError("Chỉ tiêu phải có tên.", code="indicator")
        if data.get("kind") in ("target", "actual"):
            item.kind = ItemKind.ACTUAL if data["kind"] == "actual" else ItemKind.TARGET
    if item.kind == ItemKind.ASSIGNMENT and not data.get("lead"):
        raise ValidationError("Nhiệm vụ phải có đơn vị chủ trì.", code="lead")
    item.data = data
    item.status = ItemStatus.CONFIRMED
    item.version += 1
    item.save()
    audit.record(actor=user, action="item.edit", subject=item, before=before,
                 after=audit.snapshot(item, ["kind", "status", "data"]))
    return item


@transaction.atomic
def item_set_status(*, user: Any, item_id: int, status: str, expected_version: int | None = None) -> ExtractedItem:
    """Confirm or reject one item (or put it back to pending)."""
    if status not in (ItemStatus.CONFIRMED, ItemStatus.REJECTED, ItemStatus.PENDING):
        raise ValidationError("Trạng thái không hợp lệ.", code="status")
    item = _review_item(user, item_id, expected_version)
    before = {"status": item.status}
    item.status = status
    item.version += 1
    item.save(update_fields=["status", "version"])
    actions: dict[str, str] = {ItemStatus.CONFIRMED: "item.accept", ItemStatus.REJECTED: "item.reject"}
    action = actions.get(status, "item.reopen")
    audit.record(actor=user, action=action, subject=item, before=before, after={"status": status})
    return item


@transaction.atomic
def item_merge(*, user: Any, item_id: int, indicator_id: int | None, expected_version: int | None = None) -> ExtractedItem:
    """Merge a target item into an existing catalogue indicator (None: create a new one on publish)."""
    item = _review_item(user, item_id, expected_version)
    if item.kind not in (ItemKind.TARGET, ItemKind.ACTUAL):
        raise ValidationError("Chỉ gộp được chỉ tiêu vào danh mục chỉ tiêu.", code="kind")
    indicator = Indicator.objects.filter(pk=indicator_id).first() if indicator_id else None
    if indicator_id and indicator is None:
        raise ValidationError("Không tìm thấy chỉ tiêu trong danh mục.", code="indicator")
    before = audit.snapshot(item, ["indicator", "status"])
    item.indicator = indicator
    item.indicator_suggested = False
    # None is the planner's explicit "a new indicator": publish must not merge it into a similar one.
    item.data = {**item.data, "indicator_new": indicator is None}
    item.status = ItemStatus.CONFIRMED
    item.version += 1
    item.save()
    audit.record(actor=user, action="item.merge", subject=item, before=before,
                 after=audit.snapshot(item, ["indicator", "status"]))
    return item


@transaction.atomic
def document_confirm_all(*, user: Any, document: Document) -> int:
    """Confirm every pending item: the common case when the extraction reads well."""
    require_planner(user)
    if document.status != DocumentStatus.REVIEW:
        raise ValidationError("Văn bản không ở trạng thái chờ rà soát.", code="not_review")
    # Bump versions too, so an edit form opened before "confirm all" is caught as stale.
    pending = document.items.filter(status=ItemStatus.PENDING)
    ids = list(pending.values_list("pk", flat=True))
    count = pending.update(status=ItemStatus.CONFIRMED, version=F("version") + 1)
    audit.record(actor=user, action="document.confirm_all", subject=document,
                 before={"pending_items": ids}, after={"confirmed": count})
    return count


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
    agency = unit_resolve(data["agency"]) if data.get("agency") else None
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
