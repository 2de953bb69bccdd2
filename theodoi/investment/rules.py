"""Public-investment disbursement rules, as data, and pure functions to apply them.

The seed programme says: ongoing projects with construction that disbursed
under 40% of the capital plan by 30 June, or under 70% by 30 September, and
new projects without completed preparation by 30 June, have capital cut and
moved to projects that can disburse. Provinces change the thresholds and dates
every year, so each rule is a `DisbursementRule` value (stored as configuration
by the models) and `SEED_RULES` only gives the defaults.

Money is float here (million VND or any unit, as long as plan and disbursed use
the same one): only ratios are compared, and float is exact far beyond the
precision of a capital plan. The models keep Decimal and convert on the way in.

Semantics:

* A rule is checked from its checkpoint date (inclusive) of the plan year on:
  "by 30 June" means the figure at the end of 30 June counts.
* `disbursed_to_date` is the cumulative disbursement as of `as_of`. Since
  disbursement only grows, being under the threshold at as_of means it was
  under it at the checkpoint too, so the rule fires; being above at a later
  as_of is taken as met (pass the figure at the checkpoint for an exact check).
* A rule fires when any of its conditions is violated: the disbursed share is
  under `min_share`, or preparation is required and not done.
* Without a capital plan (plan <= 0) the share is undefined: share rules do not
  fire (there is no capital to cut), `disbursement_rate` returns None.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from theodoi.core.vnformat import day_month as format_day_month_vi
from theodoi.core.vnformat import number as format_vn_number
from theodoi.core.vnformat import percent as format_pct

APPLIES_TO = frozenset({"ongoing", "new"})
CUT_AND_REALLOCATE_VI = "Đề xuất cắt giảm, điều chuyển vốn"


@dataclass(frozen=True)
class DisbursementRule:
    """One rule: which projects, by which day of the plan year, which condition, what action."""

    name: str
    applies_to: str  # "ongoing" | "new"
    by_month_day: tuple[int, int]
    min_share: float | None = None  # e.g. 0.40 for 40% of the capital plan
    requires_preparation_done: bool = False
    action_vi: str = CUT_AND_REALLOCATE_VI
    only_under_construction: bool = False  # seed: "ongoing projects with construction"

    def __post_init__(self) -> None:
        if self.applies_to not in APPLIES_TO:
            raise ValueError(f"applies_to must be 'ongoing' or 'new', got {self.applies_to!r}")
        month, day = self.by_month_day
        date(2024, month, day)  # raises ValueError for an impossible day (leap year allows 29/2)
        if self.min_share is not None and not (math.isfinite(self.min_share) and self.min_share >= 0):
            raise ValueError(f"min_share must be a finite share >= 0, got {self.min_share!r}")

    def checkpoint(self, year: int) -> date:
        """The rule's date in a plan year (29 February falls back to the 28th)."""
        month, day = self.by_month_day
        try:
            return date(year, month, day)
        except ValueError:
            return date(year, month, day - 1)


SEED_RULES: tuple[DisbursementRule, ...] = (
    DisbursementRule(
        name="ongoing_40pct_by_30_06",
        applies_to="ongoing",
        by_month_day=(6, 30),
        min_share=0.40,
        only_under_construction=True,
    ),
    DisbursementRule(
        name="ongoing_70pct_by_30_09",
        applies_to="ongoing",
        by_month_day=(9, 30),
        min_share=0.70,
        only_under_construction=True,
    ),
    DisbursementRule(
        name="new_preparation_by_30_06",
        applies_to="new",
        by_month_day=(6, 30),
        requires_preparation_done=True,
    ),
)


@dataclass(frozen=True)
class ProjectFacts:
    """What the rules need to know about a project, in plain values."""

    code: str
    name: str
    kind: str  # "ongoing" (chuyển tiếp) | "new" (khởi công mới)
    capital_plan: float
    plan_year: int
    investor: str = ""
    district: str = ""
    preparation_done: bool = True
    under_construction: bool = True


@dataclass(frozen=True)
class Flag:
    """A rule that fired for a project, with the reason in Vietnamese."""

    rule: DisbursementRule
    project_code: str
    checkpoint: date
    reason_vi: str
    action_vi: str
    rate: float | None  # disbursed share of the plan, 0..1+


def disbursement_rate(disbursed: float, capital_plan: float) -> float | None:
    """Disbursed share of the capital plan (0.32 for 32%); None without a plan."""
    plan, paid = float(capital_plan), float(disbursed)
    if not (math.isfinite(plan) and math.isfinite(paid)) or plan <= 0:
        return None
    rate = paid / plan
    return rate if math.isfinite(rate) else None


def below(rate: float, threshold: float) -> bool:
    """The share is under the threshold, and not just by the last bit of a float division.

    1,2 disbursed of a plan of 3 is 40 % on paper, but 1.2 / 3 is 0.39999999999999997: a project
    that met the 40 % rule exactly must not be proposed for a capital cut. Money is entered to the
    million đồng, so a real shortfall is never within a billionth of the threshold.
    """
    return rate < threshold and not math.isclose(rate, threshold, rel_tol=1e-9, abs_tol=1e-12)


def _applies(rule: DisbursementRule, project: ProjectFacts) -> bool:
    if rule.applies_to != project.kind:
        return False
    return project.under_construction or not rule.only_under_construction


def _reasons(
    rule: DisbursementRule, project: ProjectFacts, rate: float | None, as_of: date, when: date
) -> list[str]:
    """Vietnamese reasons why the rule is violated (empty when it is met)."""
    reasons: list[str] = []
    if rule.min_share is not None and rate is not None and below(rate, rule.min_share):
        limit = format_pct(rule.min_share * 100)
        if as_of == when:
            reasons.append(
                f"Giải ngân {format_pct(rate * 100)} kế hoạch vốn đến {format_day_month_vi(when)}, dưới ngưỡng {limit}"
            )
        else:
            reasons.append(
                f"Giải ngân {format_pct(rate * 100)} kế hoạch vốn (tính đến {format_day_month_vi(as_of)}), "
                f"dưới ngưỡng {limit} tại mốc {format_day_month_vi(when)}"
            )
    if rule.requires_preparation_done and not project.preparation_done:
        reasons.append(f"Chưa hoàn thành thủ tục chuẩn bị đầu tư đến {format_day_month_vi(when)}")
    return reasons


def flag_project(
    project: ProjectFacts,
    disbursed_to_date: float,
    as_of: date,
    rules: Sequence[DisbursementRule] = SEED_RULES,
) -> list[Flag]:
    """The rules that fire for a project as of a date, in rule order."""
    rate = disbursement_rate(disbursed_to_date, project.capital_plan)
    flags: list[Flag] = []
    for rule in rules:
        when = rule.checkpoint(project.plan_year)
        if not _applies(rule, project) or as_of < when:
            continue
        reasons = _reasons(rule, project, rate, as_of, when)
        if reasons:
            flags.append(Flag(rule, project.code, when, "; ".join(reasons) + ".", rule.action_vi, rate))
    return flags


@dataclass(frozen=True)
class GroupTotal:
    """Capital plan and disbursement added up for one investor / district."""

    key: Hashable
    projects: int
    capital_plan: float
    disbursed: float
    flagged: int

    @property
    def rate(self) -> float | None:
        return disbursement_rate(self.disbursed, self.capital_plan)

    @property
    def sentence_vi(self) -> str:
        rate = self.rate
        share = f" ({format_pct(rate * 100)} kế hoạch)" if rate is not None else ""
        return (
            f"{self.key}: {self.projects} dự án, kế hoạch vốn {format_vn_number(self.capital_plan)}, "
            f"đã giải ngân {format_vn_number(self.disbursed)}{share}; {self.flagged} dự án đề xuất điều chuyển vốn."
        )


def group_totals(
    rows: Iterable[tuple[ProjectFacts, float]],
    key: str | Callable[[ProjectFacts], Hashable] = "investor",
    *,
    as_of: date | None = None,
    rules: Sequence[DisbursementRule] = SEED_RULES,
) -> dict[Hashable, GroupTotal]:
    """Totals per group of (project, disbursed_to_date) rows.

    `key` is "investor", "district" or any function of the project. With
    `as_of`, `flagged` counts projects for which at least one rule fires.
    Groups keep the order in which they first appear.
    """
    field_name = key if isinstance(key, str) else None

    def pick(project: ProjectFacts) -> Hashable:
        return getattr(project, field_name) if field_name else key(project)  # type: ignore[operator]

    acc: dict[Hashable, list[float]] = {}
    for project, disbursed in rows:
        row = acc.setdefault(pick(project), [0, 0.0, 0.0, 0])
        row[0] += 1
        row[1] += float(project.capital_plan)
        row[2] += float(disbursed)
        if as_of is not None and flag_project(project, disbursed, as_of, rules):
            row[3] += 1
    return {k: GroupTotal(k, int(v[0]), v[1], v[2], int(v[3])) for k, v in acc.items()}


def totals_by_investor(
    rows: Iterable[tuple[ProjectFacts, float]],
    *,
    as_of: date | None = None,
    rules: Sequence[DisbursementRule] = SEED_RULES,
) -> dict[Hashable, GroupTotal]:
    """Totals per investor (chủ đầu tư)."""
    return group_totals(rows, "investor", as_of=as_of, rules=rules)


def totals_by_district(
    rows: Iterable[tuple[ProjectFacts, float]],
    *,
    as_of: date | None = None,
    rules: Sequence[DisbursementRule] = SEED_RULES,
) -> dict[Hashable, GroupTotal]:
    """Totals per district (huyện, thành phố)."""
    return group_totals(rows, "district", as_of=as_of, rules=rules)
