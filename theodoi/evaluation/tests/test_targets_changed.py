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
