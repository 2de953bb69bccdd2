"""`theodoi evaluate`: recompute every stored target status (internal and public)."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from theodoi.evaluation.services import target_statuses_recompute


class Command(BaseCommand):
    help = "Tính lại đánh giá mọi chỉ tiêu từ số liệu đã báo cáo (nội bộ và công khai)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--period", default="", help='Chỉ một kỳ: năm ("2021") hoặc kỳ sơ kết ("2021-H1").')
        parser.add_argument("--target", type=int, action="append", default=[], help="Chỉ chỉ tiêu có mã này.")

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()
        rows = target_statuses_recompute(
            period=options["period"] or None, target_ids=options["target"] or None
        )
        elapsed = time.perf_counter() - started
        self.stdout.write(f"Đã tính lại {rows} kết quả đánh giá ({rows // 2} chỉ tiêu) trong {elapsed:.2f} giây.")
