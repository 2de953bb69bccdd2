"""`theodoi evaluate [--user USERNAME]`: recompute every stored target status (internal and public).

With ``--user`` the run is that planner's request (checked and audited by ``statuses_recompute``);
without it, the scheduled system run, as after every counted save."""

from __future__ import annotations

import time
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from theodoi.core.refusals import Refused
from theodoi.evaluation.services import target_statuses_recompute
from theodoi.evaluation.services.requested import statuses_recompute


class Command(BaseCommand):
    help = "Tính lại đánh giá mọi chỉ tiêu từ số liệu đã báo cáo (nội bộ và công khai)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--period", default="", help='Chỉ một kỳ: năm ("2021") hoặc kỳ sơ kết ("2021-H1").')
        parser.add_argument("--target", type=int, action="append", default=[], help="Chỉ chỉ tiêu có mã này.")
        parser.add_argument("--user", default="", help="Tính lại thay mặt chuyên viên kế hoạch này (ghi vào nhật ký); "
                            "không có thì là lần tính định kỳ của hệ thống.")

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()
        period, ids = options["period"] or None, options["target"] or None
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"Không có tài khoản “{options['user']}”.")
            try:
                rows = statuses_recompute(user=user, period=period, target_ids=ids)
            except Refused as exc:
                raise CommandError(exc.message) from None
        else:
            rows = target_statuses_recompute(period=period, target_ids=ids)
        elapsed = time.perf_counter() - started
        self.stdout.write(f"Đã tính lại {rows} kết quả đánh giá ({rows // 2} chỉ tiêu) trong {elapsed:.2f} giây.")
