"""The overdue reports as a list read one page at a time (GET /api/reporting/overdue).

`overdue_list` builds every unit × period cell of every regime and sorts them all, whatever page
is asked for: a province's hundreds of units over four months is tens of thousands of cells per
request. Here the count comes from two aggregate queries per regime (units that owe it, forms
submitted per period), and a page builds only the cells of the deadlines it covers: the cells
are sorted by deadline first, so a page never needs a deadline group it does not show. The rows
and their order are `overdue_list`'s, made total (deadline, unit name, unit id, period, form).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from datetime import date, timedelta
from typing import Any, overload

from django.db.models import Count
from django.utils import timezone

from theodoi.accounts.models import OrgUnit
from theodoi.accounts.permissions import can_read_all, require
from theodoi.reporting.models import ReportForm, ReportingRegime
from theodoi.reporting.periods import Period
from theodoi.reporting.rules import periods_due_between
from theodoi.reporting.selectors import TimelinessCell, timeliness_table


def _order(cell: TimelinessCell) -> tuple[Any, ...]:
    return cell.due, cell.unit.name, cell.unit.pk, cell.period.key, cell.form.pk if cell.form else 0


class OverdueCells(Sequence[TimelinessCell]):
    """The overdue cells, counted up front and built per page (a Sequence the paginator slices)."""

    def __init__(self, *, user: Any, today: date | None = None, days_back: int = 120) -> None:
        require(can_read_all(user), "Chỉ Sở KH&ĐT và lãnh đạo xem được tình hình báo cáo của các đơn vị.")
        self.user, self.today = user, today or timezone.localdate()
        # deadline -> [(regime, period, how many units owe it)], deadlines in order
        groups: dict[date, list[tuple[ReportingRegime, Period, int]]] = defaultdict(list)
        for regime in ReportingRegime.objects.order_by("pk"):
            rule = regime.rule
            periods = [p for p in periods_due_between(rule, self.today - timedelta(days=days_back), self.today)
                       if rule.unit_due(p) < self.today]
            if not periods:
                continue
            owing = OrgUnit.objects.filter(reporting_duties__regime=regime).distinct()
            units = owing.count()
            submitted = dict(
                ReportForm.objects.filter(regime=regime, period_key__in=[p.key for p in periods],
                                          submitted_at__isnull=False, unit__in=owing.values("pk"))
                .values_list("period_key").annotate(n=Count("unit_id", distinct=True)).values_list("period_key", "n")
            )
            for p in periods:
                missing = units - submitted.get(p.key, 0)
                if missing > 0:
                    groups[rule.unit_due(p)].append((regime, p, missing))
        self.groups = sorted(groups.items())
        self.total = sum(n for _due, slots in self.groups for _r, _p, n in slots)
        self.built_deadlines: list[date] = []  # what the pages built (tests read it)

    def __len__(self) -> int:
        return self.total

    @overload
    def __getitem__(self, index: int) -> TimelinessCell: ...

    @overload
    def __getitem__(self, index: slice) -> list[TimelinessCell]: ...

    def __getitem__(self, index: int | slice) -> TimelinessCell | list[TimelinessCell]:
        if isinstance(index, int):
            found = self[index : index + 1] if index >= 0 else self[self.total + index : self.total + index + 1]
            if not found:
                raise IndexError(index)
            return found[0]
        start, stop, step = index.indices(self.total)
        out: list[TimelinessCell] = []
        seen = 0
        for due, slots in self.groups:
            size = sum(n for _r, _p, n in slots)
            if seen + size > start and seen < stop:
                cells = sorted(self._cells(due, slots), key=_order)
                out.extend(cells[max(start - seen, 0) : stop - seen])
            seen += size
            if seen >= stop:
                break
        return out[::step]

    def __iter__(self) -> Iterator[TimelinessCell]:
        return iter(self[0 : self.total])

    def _cells(self, due: date, slots: list[tuple[ReportingRegime, Period, int]]) -> list[TimelinessCell]:
        """The missing cells of one deadline, from the units × periods grid of those periods only."""
        self.built_deadlines.append(due)
        by_regime: dict[int, tuple[ReportingRegime, list[Period]]] = {}
        for regime, period, _n in slots:
            by_regime.setdefault(regime.pk, (regime, []))[1].append(period)
        cells: list[TimelinessCell] = []
        for regime, periods in by_regime.values():
            for _unit, row in timeliness_table(user=self.user, regime=regime, periods=periods, today=self.today):
                cells.extend(c for c in row if c.state == "missing")
        return cells
