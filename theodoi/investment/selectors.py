"""Reads of public investment: the rules in force, projects with their figures, flagged projects,
totals by investor and district. The rules themselves are pure (rules.py); this module feeds them.

Who reads: planners, admins and leaders see every project; an investor's or a district's staff see
the projects they invest in or that lie in their district.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Q, QuerySet, Sum
from django.utils.translation import gettext, gettext_noop

from theodoi.accounts.models import Role
from theodoi.accounts.permissions import can_read_all, unit_ids_with_role
from theodoi.investment import rules
from theodoi.investment.models import CapitalPlan, Disbursement, DisbursementRuleSetting, Project


def can_read_investment(user: Any) -> bool:
    return can_read_all(user) or bool(unit_ids_with_role(user, Role.REPORTER, Role.APPROVER))


def projects_visible(*, user: Any) -> QuerySet[Project]:
    qs = Project.objects.select_related("investor", "district")
    if can_read_all(user):
        return qs
    own = unit_ids_with_role(user, Role.REPORTER, Role.APPROVER)
    return qs.filter(Q(investor_id__in=own) | Q(district_id__in=own))


def rules_in_force() -> tuple[rules.DisbursementRule, ...]:
    """The stored rules (admin-editable); the seed programme's when none is stored."""
    stored = list(DisbursementRuleSetting.objects.filter(active=True))
    if not stored:
        return rules.SEED_RULES
    return tuple(
        rules.DisbursementRule(
            name=r.name,
            applies_to=r.applies_to,
            by_month_day=(r.by_month, r.by_day),
            min_share=float(r.min_share_pct) / 100 if r.min_share_pct is not None else None,
            requires_preparation_done=r.requires_preparation_done,
            action_vi=r.action_vi,
            only_under_construction=r.only_under_construction,
        )
        for r in stored
    )


RULE_LABELS_VI = {  # pages show them through gettext (the chart) or evaluation.wording (the rule list)
    "ongoing_40pct_by_30_06": gettext_noop("Dự án chuyển tiếp giải ngân dưới 40% đến 30/6"),
    "ongoing_70pct_by_30_09": gettext_noop("Dự án chuyển tiếp giải ngân dưới 70% đến 30/9"),
    "new_preparation_by_30_06": gettext_noop("Dự án khởi công mới chưa hoàn thành thủ tục đến 30/6"),
}


def rule_label(rule: rules.DisbursementRule) -> str:
    stored = DisbursementRuleSetting.objects.filter(name=rule.name).values_list("description", flat=True).first()
    return stored or RULE_LABELS_VI.get(rule.name, rule.name)


def latest_year() -> int | None:
    return CapitalPlan.objects.order_by("-year").values_list("year", flat=True).first()


def default_as_of(year: int, today: date | None = None) -> date:
    """End of the latest month with a disbursement figure in `year` (the data's own date)."""
    month = Disbursement.objects.filter(year=year).order_by("-month").values_list("month", flat=True).first()
    if month is None:
        return min(today or date.today(), date(year, 12, 31))
    return date(year, month, calendar.monthrange(year, month)[1])


@dataclass
class ProjectRow:
    project: Project
    facts: rules.ProjectFacts
    plan: Decimal
    disbursed: Decimal
    months: dict[int, Decimal]
    flags: list[rules.Flag]

    @property
    def rate(self) -> float | None:
        return rules.disbursement_rate(float(self.disbursed), float(self.plan))


def project_rows(*, user: Any, year: int, as_of: date | None = None, projects: QuerySet[Project] | None = None) -> list[ProjectRow]:
    """Projects with a capital plan in `year`: plan, disbursed to `as_of`, and the rules that fire."""
    as_of = as_of or default_as_of(year)
    active = rules_in_force()
    qs = (projects if projects is not None else projects_visible(user=user)).filter(capital_plans__year=year).distinct()
    plans = dict(
        CapitalPlan.objects.filter(year=year, project__in=qs).values("project_id").annotate(s=Sum("amount")).values_list("project_id", "s")
    )
    months: dict[int, dict[int, Decimal]] = {}
    for pid, month, amount in Disbursement.objects.filter(year=year, project__in=qs).values_list(
        "project_id", "month", "cumulative_amount"
    ):
        months.setdefault(pid, {})[month] = amount
    out = []
    for p in qs.order_by("code"):
        series = months.get(p.pk, {})
        upto = [m for m in series if date(year, m, 1) <= as_of]
        disbursed = series[max(upto)] if upto else Decimal(0)
        facts = rules.ProjectFacts(
            code=p.code, name=p.name, kind=p.stage, capital_plan=float(plans.get(p.pk) or 0), plan_year=year,
            investor=p.investor.name, district=p.district.name if p.district else "Không xác định",
            preparation_done=p.preparation_done, under_construction=p.under_construction,
        )
        flags = flags_at_checkpoints(facts, series, as_of, active)
        out.append(ProjectRow(p, facts, plans.get(p.pk) or Decimal(0), disbursed, series, flags))
    return out


def _upto(series: dict[int, Decimal], year: int, when: date) -> float:
    months = [m for m in series if date(year, m, 1) <= when]
    return float(series[max(months)]) if months else 0.0


def flags_at_checkpoints(
    facts: rules.ProjectFacts, series: dict[int, Decimal], as_of: date, active: Sequence[rules.DisbursementRule]
) -> list[rules.Flag]:
    """Each rule judged on the figure at its own checkpoint (30 June, 30 September), as the
    programme words it: a project at 35% on 30 June stays flagged by that rule even after it
    reaches 60% in August. Rules whose checkpoint is after `as_of` are not due yet."""
    flags: list[rules.Flag] = []
    for rule in active:
        when = rule.checkpoint(facts.plan_year)
        if when > as_of:
            continue
        flags += rules.flag_project(facts, _upto(series, facts.plan_year, when), when, [rule])
    return flags


def flagged(rows: Sequence[ProjectRow]) -> list[ProjectRow]:
    return [r for r in rows if r.flags]


def flagged_page(*, user: Any, year: int, as_of: date, page: Sequence[Project]) -> list[ProjectRow]:
    """The rows of one page of flagged projects (``flags.flagged_projects``), rules run for them only."""
    ids = [p.pk for p in page]
    return flagged(project_rows(user=user, year=year, as_of=as_of, projects=projects_visible(user=user).filter(pk__in=ids)))


def totals(rows: Sequence[ProjectRow], key: str, *, as_of: date) -> list[rules.GroupTotal]:
    """Capital plan and disbursement per investor or district, biggest plan first; `flagged` counts
    the projects flagged at their checkpoints (the same flags as the project list)."""
    acc: dict[str, list[float]] = {}
    for r in rows:
        slot = acc.setdefault(str(getattr(r.facts, key)), [0, 0.0, 0.0, 0])
        slot[0] += 1
        slot[1] += float(r.plan)
        slot[2] += float(r.disbursed)
        slot[3] += bool(r.flags)
    grouped = [rules.GroupTotal(k, int(v[0]), v[1], v[2], int(v[3])) for k, v in acc.items()]
    return sorted(grouped, key=lambda g: -g.capital_plan)


def overview(*, user: Any, year: int | None) -> dict[str, Any] | None:
    """The dashboard's investment tile: plan, disbursed, rate, flagged projects."""
    if year is None or not can_read_investment(user):
        return None
    rows = project_rows(user=user, year=year)
    if not rows:
        return None
    plan = sum(float(r.plan) for r in rows)
    disbursed = sum(float(r.disbursed) for r in rows)
    return {
        "projects": len(rows),
        "plan": plan,
        "disbursed": disbursed,
        "rate": disbursed * 100 / plan if plan else None,
        "flagged": len(flagged(rows)),
    }


def monthly_chart(rows: Sequence[ProjectRow], year: int) -> dict[str, Any]:
    """ECharts data: province-wide cumulative disbursement by month as % of the plan, with the
    rule thresholds as reference points."""
    plan = sum(float(r.plan) for r in rows)
    last = max((m for r in rows for m in r.months), default=0)
    points = []
    for month in range(1, last + 1):
        total = 0.0
        for r in rows:
            upto = [m for m in r.months if m <= month]
            total += float(r.months[max(upto)]) if upto else 0.0
        points.append(round(total * 100 / plan, 1) if plan else 0)
    marks = [
        {"month": rule.by_month_day[0], "share": round(rule.min_share * 100),
         "label": gettext(RULE_LABELS_VI[rule.name]) if rule.name in RULE_LABELS_VI else rule.name}
        for rule in rules_in_force() if rule.min_share is not None
    ]
    # "T6/2021" (tháng 6) in the page's language; charts.js writes the threshold marks' months alike
    months = [gettext("T%(month)s/%(year)s") % {"month": m, "year": year} for m in range(1, last + 1)]
    return {"months": months, "points": points, "marks": marks}
