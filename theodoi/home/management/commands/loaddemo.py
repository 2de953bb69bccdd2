"""`theodoi loaddemo [--reset]`: the Kon Tum demo (units, accounts, the 2021 plan), idempotent."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from theodoi.accounts.models import UnitKind
from theodoi.home.demo.load import DEMO_PASSWORD, load_demo
from theodoi.jobs.conf import run_inline

_KIND_LABELS: dict[str, str] = {
    UnitKind.PROVINCE: "tỉnh",
    UnitKind.DEPARTMENT: "sở, ban, ngành",
    UnitKind.DISTRICT: "huyện, thành phố",
    UnitKind.PARTY: "cơ quan Đảng",
    UnitKind.COLLECTIVE: "nhóm đơn vị",
}


class Command(BaseCommand):
    help = "Nạp dữ liệu mẫu tỉnh Kon Tum (đơn vị, tài khoản, kế hoạch 2021); chạy lại nhiều lần vẫn như một."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--reset", action="store_true", help="Xóa toàn bộ cơ sở dữ liệu trước khi nạp.")
        parser.add_argument(
            "--sample-dir", type=Path, default=None,
            help="Thư mục chép văn bản mẫu để thử tải lên (mặc định: var/demo).",
        )
        parser.add_argument(
            "--no-extras", action="store_true",
            help="Không nạp báo cáo tiến độ và dự án đầu tư mẫu của các phân hệ khác.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["reset"]:
            self.stdout.write("Xóa toàn bộ dữ liệu cũ...")
            call_command("flush", interactive=False, verbosity=0)
        # Inline: the statuses the demo's reports feed are evaluated before the command returns. Thread
        # jobs would die with this process, and the first dashboard would say "no figures yet".
        with run_inline():
            summary = load_demo(sample_dir=options["sample_dir"], with_optional=not options["no_extras"])
        write = self.stdout.write
        units = ", ".join(f"{count} {_KIND_LABELS.get(kind, kind)}" for kind, count in sorted(summary.units.items()))
        write(self.style.SUCCESS("Đã nạp dữ liệu mẫu tỉnh Kon Tum."))
        write(f"  Đơn vị: {sum(summary.units.values())} ({units}).")
        write("  Kế hoạch: " + "; ".join(plan.name for plan in summary.plans) + ".")
        write(
            f"  Chỉ tiêu năm 2021: {summary.targets} ({summary.targets_with_owner} có đơn vị chịu trách nhiệm); "
            f"danh mục chỉ tiêu: {summary.indicators}."
        )
        write(f"  Giao nhiệm vụ: {summary.assignments} khối, {summary.tasks} nhiệm vụ.")
        write(f"  Ranh giới huyện cho bản đồ: {summary.boundaries} vùng.")
        for label, outcome in summary.optional:
            write(f"  {label[0].upper()}{label[1:]}: {outcome}.")
        write("")
        write(f"Tài khoản thử (mật khẩu chung: {DEMO_PASSWORD}):")
        width = max(len(account.username) for account in summary.accounts)
        for account in summary.accounts:
            write(f"  {account.username:<{width}}  {DEMO_PASSWORD}  — {account.what_vi}")
        write("")
        write("Văn bản mẫu để thử tải lên (chưa được nạp sẵn):")
        write(f"  {summary.sample_path}")
        write(f"  Dòng lệnh: theodoi ingest {summary.sample_path} --user planner")
