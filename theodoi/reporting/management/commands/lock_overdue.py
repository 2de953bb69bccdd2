"""`theodoi lock_overdue [--date YYYY-MM-DD]`: lock forms past their lock date (exceptions excepted)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from theodoi.reporting.services import forms_lock_overdue


class Command(BaseCommand):
    help = "Khóa các báo cáo đã quá thời hạn khóa (trừ báo cáo được Sở KH&ĐT cho phép sửa sau hạn)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--date", type=date.fromisoformat, default=None)

    def handle(self, *args: Any, **options: Any) -> None:
        locked = forms_lock_overdue(today=options["date"])
        self.stdout.write(f"Đã khóa {len(locked)} báo cáo.")
