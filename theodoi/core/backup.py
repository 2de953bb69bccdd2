"""Backup and restore of one theodoi instance: the database and every stored file, with a manifest.

A backup folder holds the database (PostgreSQL: `pg_dump` custom format; SQLite: the online
backup API, consistent while the app runs), a copy of every file in the configured storage (local
disk or S3), and `manifest.json` with the SHA-256 of each of them and the row count of every
table. Restore checks every hash before it touches anything, then loads the database and the
files, and compares the row counts with the manifest. Uploaded plan documents, evidence and
issued reports are files, not rows: a dump without them restores a system whose links are dead.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import dj_database_url
from django.apps import apps
from django.core.files import File
from django.core.files.storage import Storage, default_storage
from django.db import connection

from theodoi import version

log = logging.getLogger(__name__)
MANIFEST = "manifest.json"
FORMAT = 1


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why, in Vietnamese, for the operator."""


@dataclass(frozen=True)
class Summary:
    folder: Path
    tables: int
    rows: int
    files: int


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _stored_files(storage: Storage, folder: str = "") -> Iterator[str]:
    try:
        dirs, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in files:
        yield f"{folder}/{name}" if folder else name
    for sub in dirs:
        yield from _stored_files(storage, f"{folder}/{sub}" if folder else sub)


def row_counts(using: Any = None) -> dict[str, int]:
    """Rows of every table the project's models own (plus Django's), read with plain SQL."""
    conn = using or connection
    tables = sorted({m._meta.db_table for m in apps.get_models(include_auto_created=True) if m._meta.managed})
    existing = set(conn.introspection.table_names())
    counts = {}
    with conn.cursor() as cursor:
        for table in tables:
            if table in existing:
                cursor.execute(f"SELECT COUNT(*) FROM {conn.ops.quote_name(table)}")
                counts[table] = int(cursor.fetchone()[0])
    return counts


def _pg_env(settings_dict: dict[str, Any]) -> dict[str, str]:
    env = dict(os.environ)
    for key, var in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER"), ("PASSWORD", "PGPASSWORD")):
        if settings_dict.get(key):
            env[var] = str(settings_dict[key])
    return env


def _run(command: list[str], env: dict[str, str]) -> None:
    try:
        result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    except FileNotFoundError as exc:
        raise BackupError(f"Không tìm thấy chương trình {command[0]} (cài gói postgresql-client).") from exc
    if result.returncode != 0:
        log.error("%s failed: %s", command[0], result.stderr.strip())
        raise BackupError(f"{command[0]} báo lỗi: {result.stderr.strip()[:300]}")


def backup(target: Path) -> Summary:
    """Write a new backup folder under ``target`` (named by the UTC time) and return its summary."""
    folder = target / datetime.now(UTC).strftime("theodoi-%Y%m%dT%H%M%SZ")
    folder.mkdir(parents=True, exist_ok=False)
    vendor = connection.vendor
    if vendor == "postgresql":
        db_file = folder / "database.dump"
        name = str(connection.settings_dict["NAME"])
        _run(["pg_dump", "--format=custom", "--no-owner", f"--file={db_file}", name], _pg_env(connection.settings_dict))
    elif vendor == "sqlite":
        db_file = folder / "database.sqlite3"
        connection.ensure_connection()
        destination = sqlite3.connect(db_file)
        try:
            connection.connection.backup(destination)
        finally:
            destination.close()
    else:
        raise BackupError(f"Chưa hỗ trợ sao lưu cơ sở dữ liệu {vendor}.")
    rows = row_counts()
    files: dict[str, str] = {}
    for name in _stored_files(default_storage):
        if name.startswith("readyz/"):
            continue
        copy = folder / "files" / name
        copy.parent.mkdir(parents=True, exist_ok=True)
        with default_storage.open(name, "rb") as source, copy.open("wb") as sink:
            shutil.copyfileobj(source, sink)
        files[name] = _sha256(copy)
    manifest = {
        "format": FORMAT, "created_at": datetime.now(UTC).isoformat(), "version": version(),
        "database": {"vendor": vendor, "file": db_file.name, "sha256": _sha256(db_file)},
        "rows": rows, "files": files,
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    log.info("backup written to %s: %s tables, %s rows, %s files", folder, len(rows), sum(rows.values()), len(files))
    return Summary(folder, len(rows), sum(rows.values()), len(files))


def read_manifest(folder: Path) -> dict[str, Any]:
    """The manifest of a backup folder, after checking every file against its hash."""
    path = folder / MANIFEST
    if not path.is_file():
        raise BackupError(f"Thư mục {folder} không phải bản sao lưu của theodoi (thiếu {MANIFEST}).")
    manifest: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Bản sao lưu định dạng {manifest.get('format')} không được phiên bản này hỗ trợ.")
    db = manifest["database"]
    if _sha256(folder / db["file"]) != db["sha256"]:
        raise BackupError(f"Tệp cơ sở dữ liệu {db['file']} đã bị thay đổi hoặc hỏng (mã băm không khớp).")
    for name, digest in manifest["files"].items():
        copy = folder / "files" / name
        if not copy.is_file() or _sha256(copy) != digest:
            raise BackupError(f"Tệp {name} trong bản sao lưu bị thiếu hoặc hỏng (mã băm không khớp).")
    return manifest


def restore(folder: Path, *, database_url: str | None = None, storage: Storage | None = None) -> Summary:
    """Load a checked backup into the configured database (or ``database_url``, e.g. a fresh one)
    and storage; nothing is touched unless every hash matches first."""
    manifest = read_manifest(folder)
    db = manifest["database"]
    target: dict[str, Any] = dict(dj_database_url.parse(database_url) if database_url else connection.settings_dict)
    vendor = "postgresql" if "postgresql" in target["ENGINE"] else "sqlite" if "sqlite" in target["ENGINE"] else "?"
    if vendor != db["vendor"]:
        raise BackupError(f"Bản sao lưu là của {db['vendor']}, không nạp được vào {vendor}.")
    if vendor == "postgresql":
        _run(["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction",
              f"--dbname={target['NAME']}", str(folder / db["file"])], _pg_env(target))
    else:
        _restore_sqlite(folder / db["file"], target if database_url else None)
    rows = _restored_counts(target if database_url else None)
    wrong = {t: (n, rows.get(t)) for t, n in manifest["rows"].items() if rows.get(t) != n}
    if wrong:
        raise BackupError(f"Số dòng sau khi khôi phục không khớp bản sao lưu: {sorted(wrong)[:5]}")
    storage = storage or default_storage
    for name in manifest["files"]:
        if storage.exists(name):
            storage.delete(name)
        with (folder / "files" / name).open("rb") as handle:
            saved = storage.save(name, File(handle))
        if saved != name:
            raise BackupError(f"Kho tệp lưu {name} dưới tên khác ({saved}); khôi phục dừng lại.")
    log.info("restored %s: %s rows, %s files", folder, sum(rows.values()), len(manifest["files"]))
    return Summary(folder, len(rows), sum(rows.values()), len(manifest["files"]))


def _restore_sqlite(source_file: Path, target: dict[str, Any] | None) -> None:
    source = sqlite3.connect(source_file)
    try:
        if target is None:
            connection.ensure_connection()
            source.backup(connection.connection)
        else:
            destination = sqlite3.connect(target["NAME"])
            try:
                source.backup(destination)
            finally:
                destination.close()
    finally:
        source.close()


def _restored_counts(target: dict[str, Any] | None) -> dict[str, int]:
    """Row counts of the database just restored: the configured one, or another by its URL."""
    if target is None:
        return row_counts()
    tables = sorted({m._meta.db_table for m in apps.get_models(include_auto_created=True) if m._meta.managed})
    if "sqlite" in target["ENGINE"]:
        conn: Any = sqlite3.connect(target["NAME"])
        existing = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    else:
        import psycopg

        conn = psycopg.connect(dbname=target["NAME"], host=target.get("HOST") or None,
                               port=target.get("PORT") or None, user=target.get("USER") or None,
                               password=target.get("PASSWORD") or None)
        existing = {r[0] for r in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")}
    try:
        return {t: int(conn.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0]) for t in tables if t in existing}
    finally:
        conn.close()

