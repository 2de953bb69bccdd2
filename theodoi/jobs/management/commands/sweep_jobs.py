"""`theodoi sweep_jobs`: queue again or fail the background jobs whose runner stopped."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Chạy lại hoặc đánh dấu lỗi các việc nền bị dừng giữa chừng (máy chạy việc đã tắt)."

    def handle(self, *args: Any, **options: Any) -> None:
        from theodoi.jobs.sweeper import jobs_sweep

        result = jobs_sweep()
        self.stdout.write(
            f"Đã chạy lại {result.requeued} việc, gửi lại {result.sent} việc đang chờ, "
            f"đánh dấu lỗi {result.failed} việc."
        )
