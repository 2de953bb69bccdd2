"""The reporting regime of the seed programme and the duties a published plan creates."""

from __future__ import annotations

from typing import Any

from theodoi.accounts.models import UnitKind
from theodoi.accounts.permissions import (
    require_planner,
)
from theodoi.core import audit as core_audit
from theodoi.reporting.models import (
    ReportingDuty,
    ReportingRegime,
)


# -- regimes and duties -----------------------------------------------------------------------------
def regime_ensure_seed() -> ReportingRegime:
    """The seed programme's regime (agencies before the 18th, Planning Department before the 20th,
    year-end evaluation before 10 December) as a stored regime, created once."""
    from theodoi.reporting.deadlines import SEED_REGIME

    regime, _ = ReportingRegime.objects.get_or_create(name=SEED_REGIME.name, defaults={"config": SEED_REGIME.to_dict()})
    return regime


def _reporting(units: Any) -> list[Any]:
    return [unit for unit in units if unit.kind != UnitKind.COLLECTIVE]


def duties_from_plan(*, user: Any, regime: ReportingRegime, plan: Any) -> int:
    """Each target is reported by its responsible unit, each task by its lead units (partners add theirs).

    A collective ("Các sở, ban, ngành", "UBND các huyện") gets no duty: nobody signs in as it, so
    its forms would never come and it would stand "overdue" on every page and in every reminder.
    Its members report under their own duties.
    """
    if user is not None:
        require_planner(user)
    regime.plans.add(plan)
    made = 0
    for target in plan.targets.exclude(responsible_unit=None).exclude(responsible_unit__kind=UnitKind.COLLECTIVE):
        _, created = ReportingDuty.objects.get_or_create(regime=regime, unit=target.responsible_unit, target=target)
        made += created
    for assignment in plan.assignments.prefetch_related("lead_units", "partner_units", "tasks"):
        for task in assignment.tasks.all():
            for unit in _reporting(assignment.lead_units.all()):
                _, created = ReportingDuty.objects.get_or_create(regime=regime, unit=unit, task=task)
                made += created
            for unit in _reporting(assignment.partner_units.all()):
                _, created = ReportingDuty.objects.get_or_create(
                    regime=regime, unit=unit, task=task, defaults={"is_partner": True}
                )
                made += created
    if user is not None:  # the demo and seed loaders give no person: their run is no one's write
        core_audit.record(actor=user, action="regime.duties_from_plan", subject=regime, before=None,
                          after={"plan": plan.pk, "duties_created": made})
    return made
