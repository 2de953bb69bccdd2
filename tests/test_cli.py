"""`theodoi ingest`: the console script uploads, reports counts in Vietnamese, exits 2 on refusal."""

from __future__ import annotations

import re
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from theodoi import cli
from theodoi.home.demo.load import SAMPLE_FILE


def _ingest(*args: str) -> str:
    out = StringIO()
    call_command("ingest", *args, stdout=out, stderr=out)
    return out.getvalue()


def _counted(output: str, what: str) -> int:
    match = re.search(rf"(\d+) {what}", output)
    assert match, f"no count of {what!r} in: {output}"
    return int(match.group(1))


@pytest.mark.django_db(transaction=True)
def test_console_script_ingests_the_sample_and_exits_0(cast: Any, capsys: Any) -> None:
    # A command run from the console closes the database connections when it ends, as Django's
    # run_from_argv does: on PostgreSQL that would end a test transaction, so this test commits.
    from theodoi.documents.models import Document, DocumentStatus

    assert cli.main(["ingest", str(SAMPLE_FILE), "--user", cast.planner.username]) == 0
    output = capsys.readouterr().out
    assert "[mới] nghi-quyet-mau.txt" in output
    assert _counted(output, "chỉ tiêu") >= 8
    assert _counted(output, "khối giao nhiệm vụ") >= 2
    assert "Tổng cộng: 1 văn bản mới" in output
    document = Document.objects.get()
    assert document.status == DocumentStatus.REVIEW
    assert document.uploaded_by == cast.planner


def test_ingest_publish_puts_the_sample_into_its_plan(cast: Any) -> None:
    from theodoi.plans.models import Plan, PlanKind

    output = _ingest(str(SAMPLE_FILE), "--publish", "--user", cast.planner.username)
    assert "đã công bố vào “Kế hoạch phát triển kinh tế - xã hội năm 2022”" in output
    plan = Plan.objects.get(kind=PlanKind.YEAR, year_start=2022)
    assert plan.targets.count() >= 8
    assert plan.assignments.count() >= 2


def test_plan_year_overrides_the_year_read(cast: Any) -> None:
    from theodoi.plans.models import Plan, PlanKind

    _ingest(str(SAMPLE_FILE), "--publish", "--plan-year", "2023", "--user", cast.planner.username)
    assert Plan.objects.filter(kind=PlanKind.YEAR, year_start=2023).exists()
    assert not Plan.objects.filter(kind=PlanKind.YEAR, year_start=2022).exists()


def test_reingest_is_a_no_op(cast: Any) -> None:
    from theodoi.documents.models import Document, ExtractedItem

    _ingest(str(SAMPLE_FILE), "--user", cast.planner.username)
    counts = (Document.objects.count(), ExtractedItem.objects.count())
    output = _ingest(str(SAMPLE_FILE), "--publish", "--user", cast.planner.username)
    assert "[đã có] nghi-quyet-mau.txt" in output
    assert "0 văn bản mới, 1 đã có sẵn" in output
    assert (Document.objects.count(), ExtractedItem.objects.count()) == counts


def test_bad_file_exits_2_with_a_vietnamese_message(cast: Any, tmp_path: Path, capsys: Any) -> None:
    bad = tmp_path / "bang-tinh.xls"
    bad.write_bytes(b"\xd0\xcf\x11\xe0 not a plan")
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["ingest", str(bad), "--user", cast.planner.username])
    assert exit_info.value.code == 2
    captured = capsys.readouterr()
    assert "[từ chối] bang-tinh.xls: Chỉ nhận tệp .txt, .docx hoặc .pdf." in captured.err
    assert "1 bị từ chối" in captured.out


def test_unreadable_and_missing_files_are_refused_but_the_rest_is_ingested(cast: Any, tmp_path: Path) -> None:
    from theodoi.documents.models import Document

    broken = tmp_path / "hong.pdf"
    broken.write_bytes(b"%PDF-1.4 this is not really a PDF")
    out = StringIO()
    with pytest.raises(CommandError) as error:
        call_command(
            "ingest", str(broken), str(tmp_path / "khong-co.txt"), str(SAMPLE_FILE),
            "--user", cast.planner.username, stdout=out, stderr=out,
        )
    assert error.value.returncode == 2
    output = out.getvalue()
    assert "[từ chối] hong.pdf:" in output
    assert "không tìm thấy tệp" in output
    assert "[mới] nghi-quyet-mau.txt" in output
    assert Document.objects.count() == 1


def test_without_user_the_system_planner_is_used(db: Any) -> None:
    from django.contrib.auth import get_user_model

    from theodoi.accounts.models import Membership, Role
    from theodoi.documents.models import Document

    _ingest(str(SAMPLE_FILE))
    system = get_user_model().objects.get(username="theodoi")
    assert not system.has_usable_password()
    assert Membership.objects.filter(user=system, role=Role.PLANNER).exists()
    assert Document.objects.get().uploaded_by == system
    _ingest(str(SAMPLE_FILE))  # a second run reuses the account
    assert Membership.objects.filter(user=system).count() == 1


def test_unknown_user_exits_2(db: Any) -> None:
    with pytest.raises(CommandError) as error:
        _ingest(str(SAMPLE_FILE), "--user", "khong-ai")
    assert error.value.returncode == 2
    assert "Không có người dùng" in str(error.value)


def test_a_user_without_the_planner_role_is_refused(cast: Any) -> None:
    with pytest.raises(CommandError) as error:
        _ingest(str(SAMPLE_FILE), "--user", cast.health_reporter.username)
    assert error.value.returncode == 2
