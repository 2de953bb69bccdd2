"""The explicit "targets changed" event (theodoi.core.events): the writes send it, the evaluation
receives it and recomputes those targets once, after the commit, never before."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import transaction

from theodoi.core.events import send_targets_changed, targets_changed
from theodoi.evaluation.models import TargetStatus
from theodoi.reporting.models import ReportForm

pytestmark = pytest.mark.django_db


def test_the_event_recomputes_the_targets_after_the_commit(
    plan2021: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):  # the value's own model signals go first
        plan2021.report(plan2021.cast.health, plan2021.beds, "2021-06", 30, status="accepted")
    TargetStatus.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        send_targets_changed(sender=ReportForm, target_ids=[plan2021.beds.pk], reason="values_saved")
        send_targets_changed(sender=ReportForm, target_ids=[plan2021.beds.pk], reason="values_saved")
        assert not TargetStatus.objects.exists()  # nothing before the commit
    assert len(callbacks) == 1  # two events in one transaction: one recompute
    rows = TargetStatus.objects.filter(target=plan2021.beds, period="2021")
    assert {(r.public, float(r.value or 0)) for r in rows} == {(False, 30.0), (True, 30.0)}
    assert not TargetStatus.objects.exclude(target=plan2021.beds).exists()  # only the target named


def test_no_target_no_event() -> None:
    seen: list[Any] = []

    def receiver(**kwargs: Any) -> None:
        seen.append(kwargs)

    targets_changed.connect(receiver, dispatch_uid="test.no_target")
    try:
        send_targets_changed(sender=ReportForm, target_ids=[], reason="values_saved")
        send_targets_changed(sender=ReportForm, target_ids=[7, 7], reason="values_saved")
    finally:
        targets_changed.disconnect(dispatch_uid="test.no_target")
    assert [s["target_ids"] for s in seen] == [{7}]


def test_the_figures_before_and_after_travel_to_the_refresh(
    plan2021: Any, django_capture_on_commit_callbacks: Any
) -> None:
    """A value revised twice in one transaction goes from the first figure to the last; a value also
    changed without its figures (its form's status, a model save) keeps none; the save path's
    event carries the audit's figures. The refresh row keeps them, and the target follows."""
    from decimal import Decimal

    from theodoi.evaluation.models import StatusRefresh
    from theodoi.reporting.models import ReportValue
    from theodoi.reporting.services.values import _statuses_follow

    w = plan2021
    with django_capture_on_commit_callbacks(execute=True):
        beds = w.report(w.cast.health, w.beds, "2021-06", 30, status="accepted")
        growth = w.report(w.cast.planning, w.growth, "2021-06", 9.5, status="accepted")
    form = ReportForm.objects.get(pk=beds.form_id)
    heard: list[dict[str, Any]] = []

    def receiver(**kwargs: Any) -> None:
        heard.append(kwargs)

    targets_changed.connect(receiver, dispatch_uid="test.heard")
    try:
        with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
            ReportValue.objects.filter(pk=beds.pk).update(value=Decimal("32.25"))  # no model signal
            ReportValue.objects.filter(pk=growth.pk).update(value=Decimal("9.75"))
            _statuses_follow(form, [w.beds.pk], {str(w.beds.pk): {"value": "30"}}, {str(w.beds.pk): {"value": "31.5"}})
            send_targets_changed(sender=ReportForm, target_ids=(), reason="values_saved",
                                 revisions=[(form.pk, w.beds.pk, "31.5", "32.25")])
            send_targets_changed(sender=ReportForm, target_ids=(), reason="values_saved",
                                 revisions=[(growth.form_id, w.growth.pk, 9.5, 9.75)])
            send_targets_changed(sender=ReportForm, target_ids=(), reason="form_status",
                                 form_targets=[(growth.form_id, w.growth.pk)])
    finally:
        targets_changed.disconnect(dispatch_uid="test.heard")
    assert heard[0]["revisions"] == {(form.pk, w.beds.pk): ("30", "31.5")}
    refresh = StatusRefresh.objects.order_by("-pk").first()
    assert refresh is not None and sorted(refresh.form_targets) == sorted(
        [[form.pk, w.beds.pk, "30", "32.25"], [growth.form_id, w.growth.pk]])
    assert set(TargetStatus.objects.filter(target__in=[w.beds, w.growth]).values_list("public", "value")) == {
        (False, 32.25), (True, 32.25), (False, 9.75), (True, 9.75)}
