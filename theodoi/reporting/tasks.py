"""Celery tasks for the daily reporting job (beat schedule in theodoi/celery.py)."""

from __future__ import annotations

from celery import shared_task


@shared_task(name="reporting.remind")
def remind() -> int:
    from theodoi.reporting.services import reminders_send

    return reminders_send()


@shared_task(name="reporting.lock_overdue")
def lock_overdue() -> int:
    from theodoi.reporting.services import forms_lock_overdue

    return len(forms_lock_overdue())
