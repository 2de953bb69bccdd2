"""`theodoi send_digests [--date YYYY-MM-DD]`: the daily e-mail digest (beat runs it at 07:45)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from theodoi.notifications.services import digests_send


class Command(BaseCommand):
    help = "Gửi thư tóm tắt hằng ngày cho người đã chọn nhận tóm tắt."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--date", help="ngày gửi (YYYY-MM-DD), mặc định hôm nay")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            today = date.fromisoformat(options["date"]) if options["date"] else None
        except ValueError as exc:
            raise CommandError(f"Ngày không hợp lệ: {options['date']!r} (cần dạng YYYY-MM-DD).") from exc
        sent = digests_send(today=today)
        self.stdout.write(f"Đã gửi {sent} thư tóm tắt.")
