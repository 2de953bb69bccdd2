"""`theodoi remind [--date YYYY-MM-DD]`: send report reminders and lock overdue forms.

The embedded default has no Celery beat: run it daily from cron (or a systemd timer). With Redis,
Celery beat runs the same services (theodoi/reporting/tasks.py)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from theodoi.reporting.services import forms_lock_overdue, reminders_send


class Command(BaseCommand):
    help = "Gửi nhắc nhở báo cáo định kỳ (trong ứng dụng và thư điện tử) và khóa báo cáo quá hạn."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--date", type=date.fromisoformat, default=None, help="Ngày chạy (mặc định: hôm nay)")
        parser.add_argument("--no-lock", action="store_true", help="Chỉ nhắc, không khóa báo cáo quá hạn")

    def handle(self, *args: Any, **options: Any) -> None:
        today = options["date"]
        sent = reminders_send(today=today)
        self.stdout.write(f"Đã gửi {sent} nhắc nhở.")
        if not options["no_lock"]:
            locked = forms_lock_overdue(today=today)
            self.stdout.write(f"Đã khóa {len(locked)} báo cáo quá hạn.")
