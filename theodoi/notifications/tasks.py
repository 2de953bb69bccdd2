"""Celery task for the daily digest (scheduled in theodoi/celery.py)."""

from __future__ import annotations

from celery import shared_task


@shared_task(name="notifications.send_digests")
def send_digests() -> int:
    from theodoi.notifications.services import digests_send

    return digests_send()
