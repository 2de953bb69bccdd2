"""`theodoi ingest FILE... [--publish] [--plan-year N] [--user USERNAME]`.

Uploads each file through the same service as the web form, with extraction forced inline so the
command reports what was found before it returns. A file already ingested is a no-op; a file the
service refuses is reported with its Vietnamese message and makes the command exit with code 2
once every file has been tried.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db.models import Count

from theodoi.accounts.models import Membership, OrgUnit, Role, UnitKind
from theodoi.accounts.services import unit_find
from theodoi.core.refusals import Refused
from theodoi.jobs.conf import run_inline

SYSTEM_USERNAME = "theodoi"
EXIT_REFUSED = 2


def _message(exc: ValidationError | PermissionDenied) -> str:
    if isinstance(exc, ValidationError):
        return " ".join(str(m) for m in exc.messages)
    return str(exc) or "Không có quyền thực hiện."


def system_user() -> Any:
    """The `theodoi` account the CLI acts as when no --user is given: a planner, no password."""
    user, created = get_user_model().objects.get_or_create(
        username=SYSTEM_USERNAME, defaults={"first_name": "theodoi", "last_name": "Hệ thống"}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    if not Membership.objects.filter(user=user, role=Role.PLANNER).exists():
        unit: OrgUnit | None = (
            OrgUnit.objects.filter(code="so-khdt").first()
            or unit_find("Sở Kế hoạch và Đầu tư")
            or OrgUnit.objects.filter(kind=UnitKind.PROVINCE).first()
        )
        if unit is None:
            unit = OrgUnit.objects.create(
                name=f"UBND tỉnh {settings.PROVINCE_NAME}", code="ubnd-tinh", kind=UnitKind.PROVINCE
            )
        Membership.objects.create(user=user, unit=unit, role=Role.PLANNER)
    return user


class Command(BaseCommand):
    help = "Tải văn bản (.txt, .docx, .pdf) lên, trích xuất chỉ tiêu, nhiệm vụ; --publish để công bố luôn."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="+", type=Path, metavar="FILE", help="Tệp văn bản cần tải lên.")
        parser.add_argument(
            "--publish", action="store_true",
            help="Xác nhận mọi mục trích xuất được và công bố vào kế hoạch năm của văn bản.",
        )
        parser.add_argument("--plan-year", type=int, default=None, help="Năm kế hoạch (ghi đè năm đọc được).")
        parser.add_argument("--user", default=None, help="Tên đăng nhập người tải (mặc định: tài khoản hệ thống).")

    def handle(self, *args: Any, **options: Any) -> None:
        # The command must report what extraction found, so extraction runs before it returns.
        with run_inline():
            self._handle(options)

    def _handle(self, options: dict[str, Any]) -> None:
        user = self._user(options["user"])
        created = present = refused = 0
        for path in options["files"]:
            outcome = self._ingest_one(path, user, publish=options["publish"], plan_year=options["plan_year"])
            created += outcome == "created"
            present += outcome == "present"
            refused += outcome == "refused"
        self.stdout.write(
            f"Tổng cộng: {created} văn bản mới, {present} đã có sẵn (bỏ qua), {refused} bị từ chối hoặc lỗi."
        )
        if refused:
            raise CommandError(f"{refused} tệp không xử lý được (xem thông báo ở trên).", returncode=EXIT_REFUSED)

    def _user(self, username: str | None) -> Any:
        if not username:
            return system_user()
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"Không có người dùng “{username}”.", returncode=EXIT_REFUSED)
        return user

    def _refuse(self, name: str, message: str) -> str:
        self.stderr.write(f"[từ chối] {name}: {message}")
        return "refused"

    def _ingest_one(self, path: Path, user: Any, *, publish: bool, plan_year: int | None) -> str:
        from theodoi.documents.extraction import extraction_run
        from theodoi.documents.models import DocumentStatus
        from theodoi.documents.services import document_set_plan_year, document_upload

        name = path.name
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return self._refuse(str(path), "không tìm thấy tệp.")
        except OSError as exc:
            return self._refuse(str(path), f"không đọc được tệp ({exc.strerror or exc}).")
        try:
            result = document_upload(user=user, name=name, data=data)
        except (ValidationError, PermissionDenied) as exc:
            return self._refuse(name, _message(exc))
        document = result.document
        if not result.created:
            self.stdout.write(
                f"[đã có] {name}: trùng với văn bản #{document.pk} “{document.title}” "
                f"({document.get_status_display()}), không tải lại."
            )
            return "present"
        document.refresh_from_db()
        if document.status == DocumentStatus.UPLOADED:
            # Inside an outer transaction (tests, scripts) the on-commit job has not run yet.
            document = extraction_run(document.pk)
        if document.status == DocumentStatus.FAILED:
            return self._refuse(name, f"trích xuất lỗi: {document.error_message}")
        if plan_year is not None and document.plan_year != plan_year:
            try:
                document_set_plan_year(user=user, document=document, plan_year=plan_year)
            except Refused as exc:
                return self._refuse(name, exc.message)
        counts = dict(document.items.values_list("kind").annotate(n=Count("pk")).order_by())
        label = document.get_kind_display()
        if document.number:
            label += f" số {document.number}"
        self.stdout.write(
            f"[mới] {name}: văn bản #{document.pk} ({label}, năm kế hoạch {document.plan_year or 'chưa rõ'}) — "
            f"{counts.get('target', 0)} chỉ tiêu, {counts.get('actual', 0)} kết quả thực hiện, "
            f"{counts.get('assignment', 0)} khối giao nhiệm vụ, {counts.get('deadline', 0)} thời hạn."
        )
        for warning in document.warnings or []:
            self.stdout.write(f"    lưu ý: {warning}")
        if publish:
            return self._publish(name, document, user)
        return "created"

    def _publish(self, name: str, document: Any, user: Any) -> str:
        from theodoi.documents.items import document_confirm_all
        from theodoi.documents.publish import document_publish

        try:
            document_confirm_all(user=user, document=document)
            plan = document_publish(user=user, document=document)
        except (ValidationError, PermissionDenied) as exc:
            return self._refuse(name, f"chưa công bố được: {_message(exc)}")
        self.stdout.write(f"    đã công bố vào “{plan.name}”.")
        return "created"

