"""`theodoi restore FOLDER --yes`: load a backup, after checking every checksum in its manifest."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from theodoi.core.backup import BackupError, read_manifest, restore


class Command(BaseCommand):
    help = ("Khôi phục một bản sao lưu (thư mục có manifest.json) vào cơ sở dữ liệu và kho tệp; "
            "dữ liệu hiện có bị thay thế.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("folder", type=Path)
        parser.add_argument("--database-url", help="khôi phục vào cơ sở dữ liệu này thay vì cơ sở đang cấu hình")
        parser.add_argument("--yes", action="store_true", help="đồng ý thay thế dữ liệu hiện có")
        parser.add_argument("--check", action="store_true", help="chỉ kiểm tra mã băm, không khôi phục")

    def handle(self, *args: Any, folder: Path, database_url: str | None, yes: bool, check: bool,
               **options: Any) -> None:
        try:
            if check:
                manifest = read_manifest(folder)
                self.stdout.write(f"Bản sao lưu nguyên vẹn: {len(manifest['rows'])} bảng, "
                                  f"{len(manifest['files'])} tệp, tạo lúc {manifest['created_at']}.")
                return
            if not yes:
                raise CommandError("Khôi phục sẽ thay thế dữ liệu hiện có; chạy lại với --yes nếu chắc chắn.")
            summary = restore(folder, database_url=database_url)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Đã khôi phục {summary.folder}: {summary.rows} dòng, {summary.files} tệp; "
                          "số dòng khớp bản sao lưu.")
