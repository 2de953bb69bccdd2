"""core.audit.record: one append-only event per write, with actor, subject, before and after."""

from __future__ import annotations

from decimal import Decimal

import pytest

from theodoi.core import audit
from theodoi.core.models import AppendOnly, AuditEvent


@pytest.mark.django_db
def test_record_keeps_actor_subject_and_change_and_refuses_edits(cast):
    from theodoi.investment import services
    from theodoi.investment.models import Project

    project = Project.objects.create(code="DA-01", name="Đường liên xã", investor=cast.health)
    services.disbursement_record(user=cast.planner, project=project, year=2025, month=3, cumulative_amount="1.500")
    row = services.disbursement_record(user=cast.planner, project=project, year=2025, month=3, cumulative_amount="2.000,5")
    events = list(audit.trail(row))
    assert [e.action for e in events] == ["disbursement.record", "disbursement.record"]
    before, after = events[1].before, events[1].after
    assert events[0].before is None and before is not None and after is not None
    assert Decimal(before["cumulative_amount"]) == Decimal(1500) and Decimal(after["cumulative_amount"]) == Decimal("2000.5")
    assert events[1].actor == cast.planner and events[1].actor_name == "Nguyễn Văn Kế"
    with pytest.raises(AppendOnly):
        events[0].save()
    with pytest.raises(AppendOnly):
        AuditEvent.objects.all().delete()
    with pytest.raises(AppendOnly):
        AuditEvent.objects.update(note="x")
