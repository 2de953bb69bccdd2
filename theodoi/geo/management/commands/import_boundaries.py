"""`theodoi import_boundaries FILE.geojson [--code-property code] [--user USERNAME]`.

Imports district or commune boundaries for the maps, each feature matched to a unit by the code in
its properties. A refused file (bad GeoJSON, an unknown code) writes nothing and exits with code 2.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from theodoi.core.refusals import Refused
from theodoi.geo.services import boundaries_import

EXIT_REFUSED = 2


class Command(BaseCommand):
    help = "Nhập ranh giới huyện, xã (GeoJSON) cho bản đồ; mỗi vùng khớp với đơn vị theo mã."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, metavar="FILE", help="Tệp GeoJSON (FeatureCollection).")
        parser.add_argument("--code-property", default="code",
                            help="Thuộc tính của vùng chứa mã đơn vị (mặc định: code).")
        parser.add_argument("--user", default="", help="Tên đăng nhập người nhập (mặc định: hệ thống).")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"Không tìm thấy tệp {path}.")
        user = None
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"Không có tài khoản {options['user']!r}.")
        try:
            result = boundaries_import(
                user=user, data=path.read_bytes(), source=path.name, code_property=options["code_property"],
            )
        except Refused as exc:
            self.stderr.write(exc.message)
            raise SystemExit(EXIT_REFUSED) from exc
        self.stdout.write(self.style.SUCCESS(
            f"Đã nhập {result.total} vùng từ {path.name}: {len(result.created)} mới, "
            f"{len(result.replaced)} thay thế, {len(result.unchanged)} không đổi."
        ))
