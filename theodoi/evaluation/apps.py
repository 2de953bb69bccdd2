from __future__ import annotations

from typing import Any

from django.apps import AppConfig


class EvaluationConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "theodoi.evaluation"
    label = "evaluation"

    def ready(self) -> None:
        """Statuses follow the reported values: any saved or deleted value, and any form that
        changes status (submitted, accepted, returned...), queues a recompute of its targets."""
        from django.db.models.signals import post_delete, post_save

        from theodoi.core.events import targets_changed
        from theodoi.plans.models import Target
        from theodoi.reporting.models import ReportForm, ReportValue

        post_save.connect(_value_changed, sender=ReportValue, dispatch_uid="evaluation.value_saved")
        post_delete.connect(_value_changed, sender=ReportValue, dispatch_uid="evaluation.value_deleted")
        post_save.connect(_form_changed, sender=ReportForm, dispatch_uid="evaluation.form_saved")
        post_save.connect(_targets_changed, sender=Target, dispatch_uid="evaluation.target_saved")
        post_save.connect(_target_edited, sender=Target, dispatch_uid="evaluation.target_edited")
        post_delete.connect(_targets_changed, sender=Target, dispatch_uid="evaluation.target_deleted")
        # The explicit event of the writes (theodoi.core.events): bulk saves send no model signal.
        targets_changed.connect(_figures_changed, dispatch_uid="evaluation.targets_changed")


def _figures_changed(sender: Any, target_ids: Any = (), form_targets: Any = (), revisions: Any = None,
                     **kwargs: Any) -> None:
    """The writes said these targets' figures changed: recompute them once, after the commit (those
    named only through a changed value, when that value can change their input; a revised chosen
    figure from the stored row, when the event says the figure before and after)."""
    from theodoi.evaluation.services import queue_recompute

    pairs = {(int(f), int(t)) for f, t in form_targets}
    named = {t for _f, t in pairs}
    queue_recompute([t for t in target_ids if int(t) not in named], form_targets=pairs, revisions=revisions or {})


def _targets_changed(sender: Any, **kwargs: Any) -> None:
    """A new or removed target may add a plan year: forget the cached year list."""
    from django.core.cache import cache

    cache.delete_many(["evaluation:plan_years:0", "evaluation:plan_years:1"])


def _target_edited(sender: Any, instance: Any, created: bool = False, **kwargs: Any) -> None:
    """A planner corrected a target's value, comparator or period: its statuses must follow at once,
    not at the next ``theodoi evaluate``."""
    if created or kwargs.get("raw"):
        return
    from theodoi.evaluation.services import queue_recompute

    queue_recompute([instance.pk])


def _value_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    if kwargs.get("raw"):
        return
    from theodoi.evaluation.services import queue_recompute

    queue_recompute((), form_targets=[(instance.form_id, instance.target_id)])


def _form_changed(sender: Any, instance: Any, created: bool = False, **kwargs: Any) -> None:
    if created or kwargs.get("raw"):
        return
    fields = kwargs.get("update_fields")
    if fields is not None and "status" not in fields:
        return  # a version bump on save: the values' own signals already queued them
    from theodoi.evaluation.services import queue_recompute

    # every value of the form: a form that starts or stops counting (or becomes public) changes the
    # input of the targets whose chosen value it holds or now outranks; the rounds are checked anyway
    queue_recompute((), form_targets=[(instance.pk, t) for t in instance.values.values_list("target_id", flat=True)])
