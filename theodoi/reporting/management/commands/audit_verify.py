"""`theodoi audit verify` (= `manage.py audit_verify`): recompute the audit trail's hash chains.

Exits 0 when every chain holds and the append-only triggers are in place; otherwise prints the
first broken link (table, entry, form or value) or the missing triggers and exits 1, so a cron
job or a monitoring check can alert on it.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from theodoi.reporting import audit


class Command(BaseCommand):
    help = "Kiểm tra tính toàn vẹn của nhật ký (chuỗi băm và trigger chỉ-ghi-thêm)."

    def handle(self, *args: Any, **options: Any) -> None:
        result = audit.verify()
        if result.broken is not None:
            raise CommandError(
                f"Nhật ký bị sửa hoặc xóa: mắt xích hỏng đầu tiên là {result.broken} "
                f"(đã kiểm tra {result.checked} mục).",
                returncode=1,
            )
        missing = audit.missing_triggers()
        if missing:
            raise CommandError(
                "Cơ sở dữ liệu thiếu trigger chỉ-ghi-thêm của nhật ký: " + ", ".join(missing)
                + " (chạy lại migration reporting 0003).",
                returncode=1,
            )
        self.stdout.write(self.style.SUCCESS(
            f"Nhật ký toàn vẹn: {result.checked} mục trong {result.chains} chuỗi, trigger đầy đủ."
        ))
