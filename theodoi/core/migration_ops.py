"""Migration operations that build indexes without locking the tables people are writing to.

A plain CREATE INDEX on PostgreSQL holds a lock that blocks every INSERT, UPDATE and DELETE on
the table until the index is built: on a province's targets or report values that is minutes of
"saving…" for every official during an upgrade. CREATE INDEX CONCURRENTLY builds it while writes
go on; it cannot run inside a transaction, so a migration using these operations sets
`atomic = False`. SQLite (the embedded default, one server) has no such option and gets the plain
index. tests/ops/test_migrations_do_not_lock_hot_tables.py walks every migration and fails if an
index on a table of HOT_TABLES is built any other way.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import ProjectState

# Tables written to all day, or big enough that a locked build takes long: an index on one of
# these is built concurrently. New hot tables are added here.
HOT_TABLES: frozenset[str] = frozenset({
    "core_auditevent",
    "documents_document",
    "documents_extracteditem",
    "plans_target",
    "plans_actual",
    "plans_task",
    "reporting_reportvalue",
    "reporting_taskreport",
    "reporting_auditentry",
    "reporting_valueversion",
    "evaluation_targetstatus",
    "investment_disbursement",
    "jobs_job",
})


def _is_postgresql(schema_editor: BaseDatabaseSchemaEditor) -> bool:
    return schema_editor.connection.vendor == "postgresql"


def _drop_invalid(schema_editor: BaseDatabaseSchemaEditor, name: str) -> None:
    """A CONCURRENTLY build that was interrupted leaves an INVALID index of that name: drop it,
    so running the migration again builds it instead of finding the name taken."""
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "SELECT 1 FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
            "WHERE c.relname = %s AND NOT i.indisvalid", [name],
        )
        invalid = cursor.fetchone() is not None
    if invalid:
        schema_editor.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {schema_editor.quote_name(name)}")


class AddIndexConcurrently(migrations.AddIndex):
    """`AddIndex` that does not block writes on PostgreSQL; a plain index elsewhere."""

    atomic = False

    def describe(self) -> str:
        return f"Concurrently create index {self.index.name} on {self.model_name}"

    def database_forwards(self, app_label: str, schema_editor: BaseDatabaseSchemaEditor,
                          from_state: ProjectState, to_state: ProjectState) -> None:
        model = to_state.apps.get_model(app_label, self.model_name)
        if not self.allow_migrate_model(schema_editor.connection.alias, model):
            return
        if _is_postgresql(schema_editor):
            _refuse_in_transaction(schema_editor)
            _drop_invalid(schema_editor, self.index.name)
            schema_editor.add_index(model, self.index, concurrently=True)  # type: ignore[call-arg]
        else:
            schema_editor.add_index(model, self.index)

    def database_backwards(self, app_label: str, schema_editor: BaseDatabaseSchemaEditor,
                           from_state: ProjectState, to_state: ProjectState) -> None:
        model = from_state.apps.get_model(app_label, self.model_name)
        if not self.allow_migrate_model(schema_editor.connection.alias, model):
            return
        if _is_postgresql(schema_editor):
            _refuse_in_transaction(schema_editor)
            schema_editor.remove_index(model, self.index, concurrently=True)  # type: ignore[call-arg]
        else:
            schema_editor.remove_index(model, self.index)


class CreateIndexConcurrently(migrations.operations.base.Operation):
    """An index the model state does not declare (raw SQL), built concurrently on PostgreSQL.

    For an index kept out of `Meta.indexes` on purpose (an older migration added it as SQL);
    `IF NOT EXISTS` makes it safe to run on a database that already has it.
    """

    reversible = True
    atomic = False
    reduces_to_sql = True

    def __init__(self, table: str, name: str, columns: Sequence[str]) -> None:
        self.table, self.name, self.columns = table, name, list(columns)

    def deconstruct(self) -> tuple[str, list[Any], dict[str, Any]]:
        return self.__class__.__qualname__, [], {"table": self.table, "name": self.name, "columns": self.columns}

    def state_forwards(self, app_label: str, state: ProjectState) -> None:
        """The model state is unchanged: the index lives only in the database."""

    def database_forwards(self, app_label: str, schema_editor: BaseDatabaseSchemaEditor,
                          from_state: ProjectState, to_state: ProjectState) -> None:
        quote = schema_editor.quote_name
        columns = ", ".join(quote(column) for column in self.columns)
        concurrently = ""
        if _is_postgresql(schema_editor):
            _refuse_in_transaction(schema_editor)
            _drop_invalid(schema_editor, self.name)
            concurrently = "CONCURRENTLY "
        schema_editor.execute(
            f"CREATE INDEX {concurrently}IF NOT EXISTS {quote(self.name)} ON {quote(self.table)} ({columns})"
        )

    def database_backwards(self, app_label: str, schema_editor: BaseDatabaseSchemaEditor,
                           from_state: ProjectState, to_state: ProjectState) -> None:
        concurrently = "CONCURRENTLY " if _is_postgresql(schema_editor) else ""
        if concurrently:
            _refuse_in_transaction(schema_editor)
        schema_editor.execute(f"DROP INDEX {concurrently}IF EXISTS {schema_editor.quote_name(self.name)}")

    def describe(self) -> str:
        return f"Concurrently create index {self.name} on {self.table}"


def _refuse_in_transaction(schema_editor: BaseDatabaseSchemaEditor) -> None:
    if schema_editor.connection.in_atomic_block:
        raise RuntimeError(
            "CREATE INDEX CONCURRENTLY cannot run in a transaction: set `atomic = False` on the migration."
        )
