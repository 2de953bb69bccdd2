"""`theodoi report --period 2021-06 --scope province --format docx|xlsx|pdf [--key ...] [--output PATH]`.

Builds the consolidated report from the database as it stands and writes one file; prints its
path. With `--save USERNAME` the draft is also stored in the register (as that planner), and the
file is rendered from the stored snapshot like every download from the web pages.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from theodoi.exports import services
from theodoi.exports.errors import ReportRenderError
from theodoi.exports.models import ReportScope


class Command(BaseCommand):
    help = "Xuất báo cáo tổng hợp (DOCX theo Nghị định 30/2020, phụ lục XLSX hoặc PDF) cho một kỳ và phạm vi."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--period", required=True, help="Kỳ báo cáo: 2021-06, 2021-Q2, 2021-H1, 2021-9M, 2021.")
        parser.add_argument(
            "--scope", default=ReportScope.PROVINCE,
            help="Phạm vi: province (toàn tỉnh), field (lĩnh vực), agency (sở, ngành), district (huyện).",
        )
        parser.add_argument("--key", default="", help="Mã lĩnh vực (economy, society...) hoặc mã đơn vị (so-yte...).")
        parser.add_argument("--format", dest="fmt", default="docx", help="docx, xlsx hoặc pdf (mặc định docx).")
        parser.add_argument("--output", default=None, help="Tệp hoặc thư mục ghi ra (mặc định: thư mục hiện tại).")
        parser.add_argument("--save", metavar="USERNAME", default="", help="Lưu dự thảo vào sổ báo cáo, người tạo là USERNAME.")

    def handle(self, *args: Any, **options: Any) -> None:
        fmt = str(options["fmt"]).lower()
        try:
            if fmt not in services.FORMATS:
                raise ValidationError(f"Định dạng «{fmt}» không hỗ trợ: dùng docx, xlsx hoặc pdf.")
            period = services.period_parse(options["period"])
            scope = services.scope_resolve(options["scope"], options["key"])
            if options["save"]:
                user = get_user_model().objects.filter(username=options["save"]).first()
                if user is None:
                    raise ValidationError(f"Không có người dùng «{options['save']}».")
                report = services.report_draft_create(user=user, period=period.key, scope=scope.kind, scope_key=scope.key)
                content = services.report_render(report, fmt)
                name = services.report_filename(report, fmt)
                self.stderr.write(f"Đã lưu dự thảo số {report.pk} vào sổ báo cáo.")
            else:
                data = services.report_data_build(period, scope.kind, scope.key)
                content = services.data_render(data, fmt)
                name = services.report_filename(None, fmt, period=period.key, scope=scope.kind, key=scope.key)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages), returncode=2) from exc
        except PermissionDenied as exc:
            raise CommandError(str(exc), returncode=2) from exc
        except ReportRenderError as exc:
            raise CommandError(str(exc), returncode=1) from exc
        path = self._target(options["output"], name)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        self.stdout.write(str(path))

    @staticmethod
    def _target(output: str | None, name: str) -> Path:
        if not output:
            return Path.cwd() / name
        path = Path(output).expanduser()
        if path.is_dir() or output.endswith(("/", "\\")):
            return path / name
        return path
