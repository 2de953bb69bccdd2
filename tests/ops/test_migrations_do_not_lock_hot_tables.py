"""No migration builds an index on a hot table in a way that blocks writes while it builds.

Walks every migration of the project (as on disk) and fails on: `AddIndex`, or `AddField` /
`AlterField` of a field with an index (db_index, unique, a foreign key), or raw SQL with a
CREATE INDEX, on a table of HOT_TABLES, unless it is one of theodoi/core/migration_ops.py's
concurrent operations in a migration with `atomic = False`. Initial migrations create their
tables empty, so nothing waits on them.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.apps import apps
from django.db import connection, migrations
from django.db.migrations.loader import MigrationLoader

from theodoi.core.migration_ops import HOT_TABLES, AddIndexConcurrently, CreateIndexConcurrently

# Migrations that shipped before this check, each with why it is harmless: (app, name) -> reason.
EXCEPTIONS: dict[tuple[str, str], str] = {
    ("reporting", "0002_audit_hash_chain"): (
        "shipped before this check (edc50a8): its RunPython rewrites every audit row to chain the hashes, "
        "so the upgrade holds those rows anyway; the chain indexes are built in the same step"
    ),
}
CREATE_INDEX = re.compile(r"CREATE\s+(UNIQUE\s+)?INDEX\s+(?!CONCURRENTLY)", re.IGNORECASE)


def _table(app_label: str, model_name: str) -> str:
    try:
        return str(apps.get_model(app_label, model_name)._meta.db_table)
    except LookupError:  # a model deleted since: Django's default name
        return f"{app_label}_{model_name.lower()}"


def _indexed(field: Any) -> bool:
    return bool(getattr(field, "db_index", False) or (getattr(field, "unique", False) and not field.primary_key)
                or getattr(field, "remote_field", None) is not None and getattr(field, "db_index", True))


def _had_index(before: Any, app_label: str, operation: Any) -> bool:
    """An AlterField builds an index only where the field had none before the migration."""
    if before is None:
        return False
    try:
        old = before.models[app_label, operation.model_name_lower].fields[operation.name]
    except KeyError:
        return False
    return _indexed(old)


def locking_index_builds(migration: Any, before: Any = None) -> list[str]:
    """What in this migration would build an index on a hot table while blocking its writes.

    `before` is the project state the migration starts from (to see what an AlterField changes).
    """
    if migration.initial:
        return []
    found = []
    for operation in migration.operations:
        if isinstance(operation, (AddIndexConcurrently, CreateIndexConcurrently)):
            if migration.atomic:
                found.append(f"{operation.describe()}: the migration must set atomic = False")
            continue
        if isinstance(operation, migrations.AddIndex):
            table = _table(migration.app_label, operation.model_name)
            if table in HOT_TABLES:
                found.append(f"AddIndex {operation.index.name} on {table}: use migration_ops.AddIndexConcurrently")
        elif (isinstance(operation, (migrations.AddField, migrations.AlterField)) and _indexed(operation.field)
              and not (isinstance(operation, migrations.AlterField) and _had_index(before, migration.app_label,
                                                                                    operation))):
            table = _table(migration.app_label, operation.model_name)
            if table in HOT_TABLES:
                found.append(f"{type(operation).__name__} {operation.name} on {table} builds an index: add the field "
                             "without it, then the index with migration_ops.AddIndexConcurrently")
        elif isinstance(operation, migrations.RunSQL):
            sql = " ".join(operation.sqls if isinstance(operation.sqls, list) else [str(operation.sql)]) \
                if hasattr(operation, "sqls") else str(operation.sql)
            if CREATE_INDEX.search(sql) and any(table in sql for table in HOT_TABLES):
                found.append(f"RunSQL builds an index on a hot table: use migration_ops.CreateIndexConcurrently ({sql[:80]})")
    return found


def test_no_migration_locks_a_hot_table_to_build_an_index() -> None:
    loader = MigrationLoader(None, ignore_no_migrations=True)
    bad = {
        f"{app}.{name}": problems
        for (app, name), migration in sorted(loader.disk_migrations.items())
        if app in {c.label for c in apps.get_app_configs() if c.name.startswith("theodoi")}
        and (app, name) not in EXCEPTIONS
        and (problems := locking_index_builds(migration, loader.project_state((app, name), at_end=False)))
    }
    assert not bad, f"migrations that lock hot tables while building an index: {bad}"
    assert not set(EXCEPTIONS) - set(loader.disk_migrations), "an exception names a migration that is gone"


def _migration(*operations: Any, atomic: bool = True) -> Any:
    migration = migrations.Migration("0099_test", "plans")
    migration.operations, migration.atomic = list(operations), atomic
    return migration


def test_the_check_finds_each_kind_of_locking_build() -> None:
    from django.db import models

    index = models.Index(fields=["period"], name="plans_target_period_x")
    assert locking_index_builds(_migration(migrations.AddIndex("target", index)))
    assert locking_index_builds(_migration(migrations.AddField("target", "code2", models.CharField(max_length=9,
                                                                                                  db_index=True))))
    assert locking_index_builds(_migration(migrations.RunSQL("CREATE INDEX x ON plans_target (period)")))
    assert locking_index_builds(_migration(AddIndexConcurrently("target", index)))  # atomic left on
    assert not locking_index_builds(_migration(AddIndexConcurrently("target", index), atomic=False))
    assert not locking_index_builds(_migration(migrations.AddField("target", "note2", models.TextField(default=""))))
    assert not locking_index_builds(_migration(migrations.AddIndex("plan", models.Index(fields=["name"], name="p_x"))))
    loader = MigrationLoader(None, ignore_no_migrations=True)
    after_plans = loader.project_state(("plans", "0002_target_unit_period_index"))
    indexed_fk = after_plans.models["plans", "target"].fields["plan"]
    assert not locking_index_builds(_migration(migrations.AlterField("target", "plan", indexed_fk)), after_plans)
    assert locking_index_builds(_migration(migrations.AlterField("target", "period", models.PositiveIntegerField(
        db_index=True))), after_plans)


@pytest.mark.django_db
def test_the_concurrent_index_of_the_targets_exists_after_migrate() -> None:
    """plans.0002 ran through CreateIndexConcurrently when the test database was migrated."""
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, "plans_target")
    assert constraints["plans_target_unit_period_idx"]["columns"] == ["responsible_unit_id", "period"]


@pytest.mark.django_db(transaction=True)
def test_add_index_concurrently_builds_and_drops_the_index() -> None:
    from django.db import models
    from django.db.migrations.state import ProjectState

    from theodoi.plans.models import Target

    index = models.Index(fields=["period", "id"], name="plans_target_period_id_t")
    operation = AddIndexConcurrently("target", index)
    before = ProjectState.from_apps(apps)
    after = before.clone()
    operation.state_forwards("plans", after)
    with connection.schema_editor(atomic=False) as editor:
        operation.database_forwards("plans", editor, before, after)
    with connection.cursor() as cursor:
        assert index.name in connection.introspection.get_constraints(cursor, Target._meta.db_table)
    with connection.schema_editor(atomic=False) as editor:
        operation.database_backwards("plans", editor, after, before)
    with connection.cursor() as cursor:
        assert index.name not in connection.introspection.get_constraints(cursor, Target._meta.db_table)
