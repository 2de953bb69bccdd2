"""A number with its whole history, made through the services as people make it (for the trail's
tests and its browser test): a programme is reviewed and published, Sở Y tế reports on the target,
its head approves, the planner accepts and later corrects the target with a reason."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from theodoi.test import Cast

REASON = "Chương trình ghi 96%, bản trích xuất đọc nhầm 95%."


@dataclass
class TracedNumber:
    cast: Cast
    world: Any
    target: Any
    form: Any
    value: Any


def make_traced_number(cast: Cast) -> TracedNumber:
    from theodoi.documents.items import item_update
    from theodoi.documents.publish import document_publish
    from theodoi.documents.testing import make_world
    from theodoi.evaluation.services import target_statuses_recompute
    from theodoi.plans.services import target_correct
    from theodoi.reporting.models import ReportValue
    from theodoi.reporting.services import (
        duties_from_plan,
        form_accept,
        form_approve,
        form_open_or_create,
        form_save_values,
        form_submit,
        regime_ensure_seed,
    )

    world = make_world(cast)
    item_update(user=cast.planner, item_id=world.target_item.pk, changes={"value": "95"})
    plan = document_publish(user=cast.planner, document=world.review_doc, plan=world.plan)
    target = plan.targets.get(sources__document=world.review_doc, indicator=world.target_item.indicator)
    regime = regime_ensure_seed()
    duties_from_plan(user=cast.planner, regime=regime, plan=plan)
    form = form_open_or_create(user=cast.health_reporter, regime=regime, unit=cast.health, period_key="2026-06")
    form_save_values(user=cast.health_reporter, form=form, expected_version=form.version,
                     values=[{"target": target.pk, "value": "96,5", "comment": "Số liệu đến ngày 25/6."}])
    form.refresh_from_db()
    form_submit(user=cast.health_reporter, form=form)
    form_approve(user=cast.health_head, form=form)
    form_accept(user=cast.planner, form=form)
    target_correct(user=cast.planner, target=target, value=96.0, unit=target.unit, period=target.period,
                   responsible_unit=target.responsible_unit, reason=REASON)
    target_statuses_recompute(target_ids=[target.pk])
    value = ReportValue.objects.get(form=form, target=target)
    assert value.value == Decimal("96.5")
    return TracedNumber(cast=cast, world=world, target=target, form=form, value=value)
