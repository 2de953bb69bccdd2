"""Demo year-end evaluation: a small INVENTED 2020 plan with accepted annual reports, so that the
demo shows the year-end statuses (vượt, đạt, không đạt) beside 2021's mid-year ones.

Eight targets reuse indicators of the 2021 plan (the same indicator across years) with their
responsible units; the annual figures are made up and chosen, through the engine itself, to give
(in turn) exceeded, achieved and not achieved. Keyed on the plan's name and the indicators:
loading twice gives the same rows.
"""

from __future__ import annotations

from datetime import datetime, time
from decimal import Decimal
from typing import Any

from django.utils import timezone

from theodoi.evaluation import engine
from theodoi.evaluation.services import target_spec, target_statuses_recompute
from theodoi.plans.models import Plan, PlanKind, PublishStatus, Target

YEAR = 2020
PLAN_NAME = "Kế hoạch phát triển KT-XH năm 2020 (số liệu minh họa)"
WANTED = ("exceeded", "achieved", "not_achieved", "exceeded", "achieved", "not_achieved", "exceeded", "achieved")
_FACTORS = (1.0, 1.06, 0.9, 0.94, 1.12, 0.8, 1.03, 0.97)


def _figure(target: Target, status: str) -> float | None:
    """A made-up year-end figure that the engine judges as `status` (None if none fits)."""
    spec = target_spec(target)
    base = float(target.value_max if target.comparator == "between" and target.value_max else target.value)
    if target.comparator == "between" and status == "achieved":
        return (float(target.value) + float(target.value_max or target.value)) / 2
    for factor in _FACTORS:
        value = round(base * factor, 2)
        obs = [engine.Observation(period_end=datetime(YEAR, 12, 31).date(), value=value, final=True)]
        if engine.evaluate(spec, obs, year=YEAR, as_of=datetime(YEAR, 12, 31).date()).status == status:
            return value
    return None


def load_demo_evaluation() -> int:
    """Create or refresh the 2020 demo plan and its accepted annual reports; returns the targets made."""
    from theodoi.reporting.models import FormStatus, ReportForm, ReportValue
    from theodoi.reporting.services import regime_ensure_seed

    # the first 2021 plan made is the province's (the demo's district plans come later)
    source = Plan.objects.filter(kind=PlanKind.YEAR, year_start=2021).order_by("pk").first()
    if source is None:
        return 0
    candidates = list(
        source.targets.filter(forecast_only=False, is_change=False, responsible_unit__isnull=False)
        .exclude(comparator="~").select_related("indicator").order_by("pk")
    )
    plan, _ = Plan.objects.update_or_create(
        name=PLAN_NAME,
        defaults={"kind": PlanKind.YEAR, "year_start": YEAR, "year_end": YEAR, "unit": source.unit,
                  "status": PublishStatus.PUBLISHED},
    )
    regime = regime_ensure_seed()
    submitted = timezone.make_aware(datetime.combine(datetime(YEAR, 12, 8).date(), time(9, 30)))
    made: list[int] = []
    wanted = iter(WANTED)
    status = next(wanted)
    used: set[int] = set()
    for source_target in candidates:
        if source_target.indicator_id in used:
            continue
        figure = _figure(source_target, status)
        if figure is None:
            continue
        target, _ = Target.objects.update_or_create(
            plan=plan, indicator=source_target.indicator, period=str(YEAR),
            defaults={"comparator": source_target.comparator, "value": source_target.value,
                      "value_max": source_target.value_max, "unit": source_target.unit,
                      "responsible_unit": source_target.responsible_unit, "status": PublishStatus.PUBLISHED},
        )
        form, _ = ReportForm.objects.get_or_create(
            regime=regime, unit=source_target.responsible_unit, period_key=str(YEAR),
            defaults={"status": FormStatus.ACCEPTED, "submitted_at": submitted, "approved_at": submitted,
                      "accepted_at": submitted},
        )
        ReportValue.objects.update_or_create(form=form, target=target, defaults={"value": Decimal(str(figure))})
        made.append(target.pk)
        used.add(source_target.indicator_id)
        status = next(wanted, "")
        if not status:
            break
    target_statuses_recompute(target_ids=made)
    return len(made)


def demo_statuses(plan: Any) -> list[str]:
    """The statuses of a plan's targets (for the demo's self-check)."""
    from theodoi.evaluation.models import TargetStatus

    return list(TargetStatus.objects.filter(target__plan=plan, public=False).values_list("status", flat=True))
