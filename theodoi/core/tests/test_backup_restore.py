"""A backup restores into a fresh database and storage with the same rows and the same files."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.management import CommandError, call_command
from django.db import connection

from theodoi.core.backup import BackupError, backup, restore, row_counts

pytestmark = pytest.mark.django_db(transaction=True)


def _files(storage: Any, names: list[str]) -> dict[str, str]:
    out = {}
    for name in names:
        with storage.open(name, "rb") as handle:
            out[name] = hashlib.sha256(handle.read()).hexdigest()
    return out


@pytest.fixture
def media(settings: Any, tmp_path: Path) -> Path:
    """A storage of this test's own, so the backup holds exactly this test's files."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return Path(settings.MEDIA_ROOT)


@pytest.fixture
def stored(media: Path, world: Any) -> list[str]:
    """The demo world plus files in storage (an uploaded plan, an evidence scan, a report)."""
    return [
        default_storage.save("documents/2026/01/nghi-quyet.txt", ContentFile("NGHỊ QUYẾT năm 2026".encode())),
        default_storage.save("evidence/2026/bien-ban.pdf", ContentFile(b"%PDF-1.4 " + os.urandom(2048))),
        default_storage.save("reports/bao-cao-quy-1.docx", ContentFile(b"PK" + os.urandom(4096))),
    ]


def _fresh_url(tmp_path: Path) -> tuple[str, Any]:
    """A URL of a new, empty database of the same engine, and how to drop it afterwards."""
    if connection.vendor == "sqlite":
        return f"sqlite:///{tmp_path / 'fresh.sqlite3'}", lambda: None
    import psycopg

    name = f"theodoi_restore_{os.getpid()}"
    params = {k.lower(): v for k, v in connection.settings_dict.items() if k in ("HOST", "PORT", "USER") and v}
    admin = psycopg.connect(dbname="postgres", autocommit=True, **params)
    admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
    admin.execute(f'CREATE DATABASE "{name}"')
    host, port, user = params.get("host", "127.0.0.1"), params.get("port", 5432), params.get("user", "postgres")

    def drop() -> None:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()

    return f"postgres://{user}@{host}:{port}/{name}", drop


def test_round_trip_into_a_fresh_database_and_storage(stored: list[str], tmp_path: Path) -> None:
    before_rows = row_counts()
    summary = backup(tmp_path / "backups")
    manifest = json.loads((summary.folder / "manifest.json").read_text(encoding="utf-8"))
    every_file = sorted(manifest["files"])
    before_files = _files(default_storage, every_file)
    assert manifest["rows"] == before_rows and manifest["files"] == before_files
    assert set(stored) <= set(every_file) and summary.files == len(every_file)
    assert before_rows["documents_document"] >= 1

    url, drop = _fresh_url(tmp_path)
    fresh_storage = FileSystemStorage(location=tmp_path / "fresh-media")
    try:
        restored = restore(summary.folder, database_url=url, storage=fresh_storage)
    finally:
        drop()
    assert restored.rows == sum(before_rows.values())  # restore compares every table's count itself
    assert _files(fresh_storage, every_file) == before_files


def test_a_tampered_backup_is_refused_before_anything_changes(stored: list[str], tmp_path: Path) -> None:
    summary = backup(tmp_path / "backups")
    (summary.folder / "files" / stored[1]).write_bytes(b"changed")
    rows = row_counts()
    with pytest.raises(BackupError, match="bị thiếu hoặc hỏng"):
        restore(summary.folder)
    assert row_counts() == rows


def test_the_commands_say_what_they_did_and_refuse_without_yes(stored: list[str], tmp_path: Path, capsys: Any) -> None:
    call_command("backup", str(tmp_path / "b"))
    folder = next((tmp_path / "b").iterdir())
    assert "Đã sao lưu vào" in capsys.readouterr().out
    call_command("restore", str(folder), "--check")
    assert "Bản sao lưu nguyên vẹn" in capsys.readouterr().out
    with pytest.raises(CommandError, match="--yes"):
        call_command("restore", str(folder))
    with pytest.raises(CommandError, match="thiếu manifest.json"):
        call_command("restore", str(tmp_path), "--yes")
