"""The incremental refresh (services/incremental.py) against the full recompute: after each change
of a table of changes, refreshing only the targets the change feeds leaves exactly the rows a full
recompute from nothing writes; a target whose input did not change is skipped, not rewritten."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.db import transaction

from theodoi.evaluation import services
from theodoi.evaluation.models import StatusRefresh, TargetStatus
from theodoi.plans.models import Target

pytestmark = pytest.mark.django_db

FIELDS = (
    "target_id", "period", "public", "status", "value", "progress_pct", "forecast", "forecast_method", "explanation",
    "as_of", "target_level", "expected_pct", "period_end", "source_form", "inputs",
)


def _stored() -> list[tuple[Any, ...]]:
    return list(TargetStatus.objects.order_by("target_id", "period", "public").values_list(*FIELDS))


def _full_from_nothing() -> list[tuple[Any, ...]]:
    """The rows a full recompute writes from an empty table (rolled back: the table is left as it was)."""
    with transaction.atomic():
        TargetStatus.objects.all().delete()
        services.target_statuses_recompute()
        rows = _stored()
        transaction.set_rollback(True)
    return rows


# (what happens, the change: returns the targets it feeds)
Change = Callable[[Any], list[Any]]
CHANGES: list[tuple[str, Change]] = [
    ("a first accepted figure", lambda w: [w.report(w.cast.planning, w.growth, "2021-03", 9.0).target]),
    ("a figure of a later month moves the round for every target",
     lambda w: [w.report(w.cast.health, w.beds, "2021-06", 31, status="submitted").target]),
    ("a revision of the same figure", lambda w: [w.report(w.cast.planning, w.growth, "2021-03", 10.5).target]),
    ("the submitted figure accepted: the public row follows",
     lambda w: [w.report(w.cast.health, w.beds, "2021-06", 31, status="accepted").target]),
    ("a flow's year-to-date figure", lambda w: [w.report(w.cast.district, w.rice, "2021-05", 15000).target]),
    ("another unit's figure does not count while the responsible one reported",
     lambda w: [w.report(w.cast.district, w.growth, "2021-05", 20.0).target]),
    ("an annual figure makes it a year-end judgement",
     lambda w: [w.report(w.cast.district, w.rice, "2021", 41000, status="submitted").target]),
    ("a figure withdrawn (the form back to draft)",
     lambda w: [w.report(w.cast.health, w.beds, "2021-06", 31, status="draft").target]),
    ("a target corrected", lambda w: [_corrected(w.beds, 30)]),
]


def _corrected(target: Target, value: float) -> Target:
    Target.objects.filter(pk=target.pk).update(value=value)
    return target


def test_incremental_refresh_gives_the_full_recompute(plan2021: Any) -> None:
    services.target_statuses_recompute()
    assert StatusRefresh.objects.filter(full=True, finished_at__isnull=False).count() == 1
    for what, change in CHANGES:
        fed = change(plan2021)
        services.on_values_changed([t.pk for t in fed])
        assert _stored() == _full_from_nothing(), what


def _term_target(w: Any) -> Target:
    """A two-year target (2021-2022) of the planning office: judged on its latest year with figures."""
    from theodoi.plans.models import PublishStatus

    return Target.objects.create(plan=w.plan, indicator=w.growth.indicator, value=10, unit="%", period="2021-2022",
                                 comparator=">=", responsible_unit=w.cast.planning, status=PublishStatus.PUBLISHED)


# (what happens, the change: returns the values it saved, whether it can reach its target's input)
ValueChange = Callable[[Any, Target], list[Any]]
VALUE_CHANGES: list[tuple[str, ValueChange, bool]] = [
    ("an older month revised", lambda w, t: [w.report(w.cast.planning, w.growth, "2021-03", 9.2)], False),
    ("the chosen figure revised", lambda w, t: [w.report(w.cast.planning, w.growth, "2021-06", 9.8)], True),
    ("another unit's figure while the responsible one reported",
     lambda w, t: [w.report(w.cast.planning, w.rice, "2021-06", 17000)], False),
    ("the public row's figure (an older accepted month) revised",
     lambda w, t: [w.report(w.cast.health, w.beds, "2021-03", 29.5)], True),
    ("a later month accepted: the public row moves to it",
     lambda w, t: [w.report(w.cast.health, w.beds, "2021-06", 30, status="accepted")], True),
    ("the chosen figure removed: an older one is chosen",
     lambda w, t: [w.report(w.cast.planning, w.growth, "2021-06", None)], True),
    ("an older form back to draft", lambda w, t: [w.report(w.cast.health, w.beds, "2021-03", 29.5, status="draft")],
     False),
    ("an earlier year's figure of a term target", lambda w, t: [w.report(w.cast.planning, t, "2021-03", 7.0)], False),
    ("a later year's figure of a term target", lambda w, t: [w.report(w.cast.planning, t, "2022-01", 12.0)], True),
    ("another unit's figure where the responsible one reported nothing",
     lambda w, t: [w.report(w.cast.health, w.population, "2021-03", 560)], True),
    ("an annual figure (a year-end judgement, and a round moved)",
     lambda w, t: [w.report(w.cast.district, w.rice, "2021", 41000, status="submitted")], True),
]


def test_a_saved_value_judges_its_target_only_when_it_can_reach_it(plan2021: Any) -> None:
    """The refresh told which form each value is in: after every change the stored rows are those of
    a full recompute from nothing, and a target is left alone exactly when the form cannot reach it
    (an older figure, another unit's); leaving alone one that a change reached fails the first."""
    w = plan2021
    term = _term_target(w)
    w.report(w.cast.planning, w.growth, "2021-03", 9.0)
    w.report(w.cast.planning, w.growth, "2021-06", 9.5)
    w.report(w.cast.health, w.beds, "2021-03", 29)
    w.report(w.cast.health, w.beds, "2021-06", 31, status="submitted")
    w.report(w.cast.district, w.rice, "2021-05", 15000)
    w.report(w.cast.planning, term, "2021-06", 8.0)
    w.report(w.cast.planning, w.growth, "2022-01", 1.0)  # the 2022 rounds exist before the changes
    services.target_statuses_recompute()
    assert _stored() == _full_from_nothing()
    for what, change, reaches in VALUE_CHANGES:
        saved = change(w, term)
        tally = services.Tally()
        services.on_values_changed([], form_targets=[(v.form_id, v.target_id) for v in saved], tally=tally)
        assert _stored() == _full_from_nothing(), what
        assert tally.untouched == (0 if reaches else len(saved)), what


def _figures() -> dict[tuple[int, int], tuple[Any, str]]:
    """(form, target) → (figure as stored, the form's status)."""
    from theodoi.reporting.models import ReportValue

    return {(f, t): (v, s) for f, t, v, s in ReportValue.objects.values_list("form_id", "target_id", "value",
                                                                             "form__status")}


# Revisions of a chosen figure, after VALUE_CHANGES: (what, change, whether a row takes the short way)
REVISIONS: list[tuple[str, ValueChange, bool]] = [
    ("the annual figure accepted (a status: judged from the values)",
     lambda w, t: [w.report(w.cast.district, w.rice, "2021", 41000, status="accepted")], True),
    ("the annual figure revised (a year-end input: `final`)",
     lambda w, t: [w.report(w.cast.district, w.rice, "2021", 42500.5, status="accepted")], True),
    ("the chosen figure saved again, the same", lambda w, t: [w.report(w.cast.planning, w.growth, "2021-03", 9.2)],
     False),
    ("a term target's chosen figure revised", lambda w, t: [w.report(w.cast.planning, t, "2022-01", 12.25)], True),
    ("another unit's chosen figure revised", lambda w, t: [w.report(w.cast.health, w.population, "2021-03", 575)],
     True),
]


@pytest.mark.parametrize("wrong_before", [False, True])
def test_a_revised_chosen_figure_is_judged_from_the_stored_row(
    plan2021: Any, monkeypatch: pytest.MonkeyPatch, wrong_before: bool
) -> None:
    """The same changes with the figure before and after carried (as the save path's event carries
    them, for a form whose status did not change): every stored row is still that of a full
    recompute from nothing, and a target whose chosen figure alone was revised is judged from its
    stored row, without its values (not handed to the recompute). An event whose figure before is
    not the one the row was judged from (`wrong_before`) is caught by the row's digest: the target
    is judged from its values."""
    from theodoi.core.events import figure_text
    from theodoi.evaluation.services import incremental

    recomputed: list[set[int]] = []
    short_way: set[int] = set()
    real, real_revised = incremental.target_statuses_recompute, incremental.revised_rejudge

    def spy(**kwargs: Any) -> int:
        recomputed.append(set(kwargs.get("target_ids") or ()))
        return real(**kwargs)

    def spy_revised(revised: dict[int, Any], *args: Any, **kwargs: Any) -> set[int]:
        rebuilt_not = real_revised(revised, *args, **kwargs)
        short_way.update(set(revised) - rebuilt_not)
        return rebuilt_not

    monkeypatch.setattr(incremental, "target_statuses_recompute", spy)
    monkeypatch.setattr(incremental, "revised_rejudge", spy_revised)
    w = plan2021
    term = _term_target(w)
    w.report(w.cast.planning, w.growth, "2021-03", 9.0)
    w.report(w.cast.planning, w.growth, "2021-06", 9.5)
    w.report(w.cast.health, w.beds, "2021-03", 29)
    w.report(w.cast.health, w.beds, "2021-06", 31, status="submitted")
    w.report(w.cast.district, w.rice, "2021-05", 15000)
    w.report(w.cast.planning, term, "2021-06", 8.0)
    w.report(w.cast.planning, w.growth, "2022-01", 1.0)
    services.target_statuses_recompute()
    short = 0
    for what, change, _reaches in [*VALUE_CHANGES, *REVISIONS]:
        before = _figures()
        saved = change(w, term)
        after = _figures()
        revisions = {
            key: (figure_text(old + 1 if wrong_before else old), figure_text(after[key][0]))
            for v in saved
            if (key := (v.form_id, v.target_id)) in before and (old := before[key][0]) is not None
            and after[key][0] is not None and after[key][1] == before[key][1]
        }
        recomputed.clear()
        short_way.clear()
        services.on_values_changed([], form_targets=[(v.form_id, v.target_id) for v in saved], revisions=revisions)
        assert _stored() == _full_from_nothing(), what
        targets = {v.target_id for v in saved}
        judged = set().union(*recomputed)
        if what in SHORT_WAY and not wrong_before:
            assert short_way == targets and not targets & judged, what
            short += 1
        else:
            assert not short_way, what
            if what in SHORT_WAY:  # the wrong figure before: judged from the values
                assert targets <= judged, what
    assert short == (0 if wrong_before else len(SHORT_WAY))


# the changes of VALUE_CHANGES and REVISIONS whose rows take the short way when the figures are carried
SHORT_WAY = {
    "the chosen figure revised",
    "the public row's figure (an older accepted month) revised",
    "the annual figure revised (a year-end input: `final`)",
    "a term target's chosen figure revised",
    "another unit's chosen figure revised",
    "the chosen figure saved again, the same",
}


def test_a_moved_round_judges_every_target_again(plan2021: Any) -> None:
    plan2021.report(plan2021.cast.planning, plan2021.growth, "2021-03", 9.0)
    services.target_statuses_recompute()
    before = {r.target_id: r.as_of for r in TargetStatus.objects.filter(public=False)}
    plan2021.report(plan2021.cast.health, plan2021.beds, "2021-06", 31, status="submitted")
    services.on_values_changed([plan2021.beds.pk])
    after = {r.target_id: r.as_of for r in TargetStatus.objects.filter(public=False)}
    # the targets nobody touched are judged as of the new round too
    assert after[plan2021.growth.pk] != before[plan2021.growth.pk]
    assert StatusRefresh.objects.order_by("-pk").first().full  # type: ignore[union-attr]


def test_unchanged_targets_are_skipped(plan2021: Any) -> None:
    plan2021.report(plan2021.cast.planning, plan2021.growth, "2021-03", 9.0)
    plan2021.report(plan2021.cast.health, plan2021.beds, "2021-03", 30)
    services.target_statuses_recompute()
    ids = list(Target.objects.values_list("pk", flat=True))
    stamps = dict(TargetStatus.objects.values_list("pk", "computed_at"))

    tally = services.Tally()
    assert services.on_values_changed(ids, tally=tally) == 2 * len(ids)
    assert (tally.written, tally.skipped) == (0, 2 * len(ids))
    assert dict(TargetStatus.objects.values_list("pk", "computed_at")) == stamps  # nothing rewritten

    plan2021.report(plan2021.cast.planning, plan2021.growth, "2021-03", 11.0)  # same round, new figure
    tally = services.Tally()
    services.on_values_changed(ids, tally=tally)
    assert (tally.written, tally.skipped) == (2, 2 * len(ids) - 2)  # growth's internal and public rows
    assert TargetStatus.objects.get(target=plan2021.growth, public=True).value == 11.0
    refresh = StatusRefresh.objects.order_by("-pk").first()
    assert refresh is not None and (refresh.written, refresh.skipped) == (2, 2 * len(ids) - 2)


def test_new_rules_judge_everything_again(plan2021: Any, monkeypatch: pytest.MonkeyPatch,
                                          request: pytest.FixtureRequest) -> None:
    """The digest covers the rules' source: another engine version skips nothing."""
    services.target_statuses_recompute()
    monkeypatch.setattr(services.digests, "_rules_key", lambda: b"another version of the rules")
    services.digests._spec_digest.cache_clear()  # a new process: the spec digests are made again
    request.addfinalizer(services.digests._spec_digest.cache_clear)
    tally = services.Tally()
    services.target_statuses_recompute(tally=tally)
    assert tally.skipped == 0 and tally.written == TargetStatus.objects.count()


def test_a_saved_value_refreshes_through_the_job_runner(
    plan2021: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from theodoi.jobs.models import Job

    with django_capture_on_commit_callbacks(execute=True):
        value = plan2021.report(plan2021.cast.health, plan2021.beds, "2021-06", 30)
    job = Job.objects.get(kind="evaluation.refresh")
    assert job.subject_id is not None
    refresh = StatusRefresh.objects.get(pk=job.subject_id)
    assert job.state == "done" and refresh.finished_at is not None
    # the value names its form: the refresh judges the target only if that form can reach it
    assert (refresh.target_ids, refresh.form_targets) == ([], [[value.form_id, plan2021.beds.pk]])
    assert TargetStatus.objects.get(target=plan2021.beds, public=True).value == 30


def test_the_dashboard_says_when_the_statuses_were_refreshed(plan2021: Any) -> None:
    import re

    from django.test import Client
    from django.urls import reverse
    from django.utils import timezone

    client = Client()
    client.force_login(plan2021.cast.leader)
    assert 'data-testid="refreshed-at"' not in client.get(reverse("evaluation:dashboard")).content.decode()
    plan2021.report(plan2021.cast.planning, plan2021.growth, "2021-03", 9.0)
    services.target_statuses_recompute()
    page = client.get(reverse("evaluation:dashboard")).content.decode()
    shown = re.search(r'data-testid="refreshed-at">Đánh giá cập nhật lúc (\d\d:\d\d \d\d/\d\d/\d{4})\.', page)
    finished = StatusRefresh.objects.get().finished_at
    assert shown and finished and shown.group(1) == timezone.localtime(finished).strftime("%H:%M %d/%m/%Y")
