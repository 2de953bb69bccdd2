"""The stored flags of public-investment projects (``ProjectFlag``), so that the flagged list reads
one page of rows instead of running the disbursement rules over every project of the year.

The rules stay in Python, in one place: ``selectors.project_rows`` judges each rule on the figure
at its own checkpoint, and this module stores only the outcome, the earliest checkpoint at which
any rule fires (``flagged_from``). That outcome does not depend on the day the list is read for,
so the list "as of" a day is the stored rows with ``flagged_from`` on or before it, the same
projects as running the rules then (``investment/tests/test_flag_store.py`` holds the two equal).

Kept current two ways:

* **Data**: saving or deleting a project, a capital plan or a month's disbursement (the services,
  the XLSX import, /admin: every ORM write) judges that project's year again, in the same
  transaction. ``batched()`` gathers the writes of an import and judges each project once, at
  the end.
* **Rules**: each year's rows carry a digest of the rules in force and of the rules' code
  (``FlagRules``). A read first compares it (one row); when a rule was edited in /admin, a new
  release changed the rules, or the year was never judged (the rows of a database from before
  this table), the whole year is judged again once.

Writes that bypass the ORM's save and delete (``QuerySet.update``, ``bulk_create``) are not seen;
``rejudge_year`` puts a year right after such a script.
"""

from __future__ import annotations

import hashlib
import inspect
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from functools import cache
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.db.models.signals import post_delete, post_save

from theodoi.investment import rules
from theodoi.investment.models import CapitalPlan, Disbursement, FlagRules, Project, ProjectFlag


@cache
def _code_digest() -> str:
    """The source of the rules and of the function that applies them at the checkpoints."""
    from theodoi.investment import selectors

    source = inspect.getsource(rules) + inspect.getsource(selectors.flags_at_checkpoints)
    return hashlib.sha256(source.encode()).hexdigest()


def rules_digest(active: Iterable[rules.DisbursementRule]) -> str:
    """What the stored flags were computed under: the rules in force and the rules' own code."""
    return hashlib.sha256(f"{_code_digest()}\n{list(active)!r}".encode()).hexdigest()


def flagged_from(project_ids: Iterable[int], year: int) -> dict[int, date]:
    """The earliest checkpoint at which a rule in force fires, per project flagged in ``year``.

    Runs the list's own rules (``selectors.project_rows``) as of the year's last day, when every
    checkpoint of the year is due; each rule is judged at its checkpoint, so this is the day
    from which the project shows on the flagged list."""
    from theodoi.investment import selectors

    ids = sorted(set(project_ids))
    if not ids:
        return {}
    rows = selectors.project_rows(user=None, year=year, as_of=date(year, 12, 31),
                                  projects=Project.objects.filter(pk__in=ids).select_related("investor", "district"))
    return {r.project.pk: min(f.checkpoint for f in r.flags) for r in rows if r.flags}


def rejudge(project_ids: Iterable[int], year: int) -> None:
    """Store the flags of these projects in ``year`` again (rows added, moved or removed)."""
    ids = set(project_ids)
    if not ids:
        return
    found = flagged_from(ids, year)
    with transaction.atomic():
        ProjectFlag.objects.filter(year=year, project_id__in=ids - set(found)).delete()
        for pid, when in found.items():
            ProjectFlag.objects.update_or_create(project_id=pid, year=year, defaults={"flagged_from": when})


def rejudge_year(year: int, active: Iterable[rules.DisbursementRule] | None = None) -> None:
    """Judge every project with a capital plan in ``year`` again and record the rules used."""
    from theodoi.investment import selectors

    digest = rules_digest(active if active is not None else selectors.rules_in_force())
    ids = set(CapitalPlan.objects.filter(year=year).values_list("project_id", flat=True))
    found = flagged_from(ids, year)
    with transaction.atomic():
        ProjectFlag.objects.filter(year=year).delete()
        ProjectFlag.objects.bulk_create(ProjectFlag(project_id=pid, year=year, flagged_from=when)
                                        for pid, when in found.items())
        FlagRules.objects.update_or_create(year=year, defaults={"digest": digest})


def ensure_current(year: int, active: Iterable[rules.DisbursementRule]) -> None:
    """Judge the year again if its rows were computed under other rules (or never): one row read."""
    digest = rules_digest(active)
    stored = FlagRules.objects.filter(year=year).values_list("digest", flat=True).first()
    if stored != digest:
        rejudge_year(year, active)


def flagged_projects(visible: QuerySet[Project], year: int, as_of: date) -> QuerySet[Project]:
    """The visible projects flagged in ``year`` as of ``as_of``, by code: a queryset to cut in pages."""
    from theodoi.investment import selectors

    ensure_current(year, selectors.rules_in_force())
    return visible.filter(flags__year=year, flags__flagged_from__lte=as_of).order_by("code", "pk")


# -- keeping the rows current ---------------------------------------------------------------------------
_batches = threading.local()  # per thread: the gunicorn worker's threads write independently


@contextmanager
def batched() -> Iterator[None]:
    """Gather the project-years that writes inside touch and judge each once, at the end (an
    import writes a project's plan and twelve months: one judgement instead of thirteen)."""
    stack: list[set[tuple[int, int]]] = _batches.__dict__.setdefault("stack", [])
    touched: set[tuple[int, int]] = set()
    stack.append(touched)
    try:
        yield
    finally:
        stack.pop()
    by_year: dict[int, set[int]] = {}
    for pid, year in touched:
        by_year.setdefault(year, set()).add(pid)
    for year, ids in sorted(by_year.items()):
        rejudge(ids, year)


def _touched(project_id: int, years: Iterable[int]) -> None:
    stack: list[set[tuple[int, int]]] = _batches.__dict__.get("stack", [])
    if stack:
        stack[-1].update((project_id, y) for y in years)
        return
    for year in years:
        rejudge([project_id], year)


def _figure_changed(sender: Any, instance: CapitalPlan | Disbursement, **kwargs: Any) -> None:
    origin = kwargs.get("origin")
    if isinstance(origin, Project) or (isinstance(origin, QuerySet) and origin.model is Project):
        return  # the project itself is being deleted: its flags go with it
    _touched(instance.project_id, [instance.year])


def _project_changed(sender: Any, instance: Project, created: bool = False, **kwargs: Any) -> None:
    if created:
        return  # no capital plan yet: nothing to flag
    years = set(CapitalPlan.objects.filter(project=instance).values_list("year", flat=True))
    _touched(instance.pk, sorted(years))


def connect() -> None:
    """Called from the app's ready(): every ORM save or delete of the rules' inputs judges again."""
    for model in (CapitalPlan, Disbursement):
        post_save.connect(_figure_changed, sender=model, dispatch_uid=f"investment-flags-save-{model.__name__}")
        post_delete.connect(_figure_changed, sender=model, dispatch_uid=f"investment-flags-delete-{model.__name__}")
    post_save.connect(_project_changed, sender=Project, dispatch_uid="investment-flags-project")
