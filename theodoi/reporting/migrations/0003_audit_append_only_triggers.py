"""The audit trail is append-only in the database itself: UPDATE and DELETE on its tables fail.

PostgreSQL: one BEFORE UPDATE OR DELETE row trigger per table raising restrict_violation (23001,
an IntegrityError in Django). TRUNCATE fires no row trigger: it is how `manage.py flush` and the
test runner's TransactionTestCase empty PostgreSQL, it needs the TRUNCATE privilege, and a
deployment can run the application under a role without it (and without ownership, so it cannot
drop the triggers either).

SQLite has neither privileges nor TRUNCATE, and `flush` empties tables with DELETE. The triggers
there step aside only while the one-row table ``theodoi_audit_maintenance`` holds a row. No
model maps that table, so neither the ORM nor /admin can write it; the project's `flush` command
(theodoi/core/management/commands/flush.py) inserts the row and removes it again inside the
flush's own transaction, so no other connection ever sees it set. Anyone who can open the SQLite
file can do anything to it anyway: the hash chain (``audit_verify``) is what detects that.
"""

from django.db import migrations

TABLES = ("reporting_auditentry", "reporting_valueversion")
MAINTENANCE = "theodoi_audit_maintenance"

PG_FUNCTION = """
CREATE OR REPLACE FUNCTION theodoi_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'theodoi: % on % refused: the audit trail is append-only', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'restrict_violation';
END
$$
"""


def create(apps, schema_editor):
    run = schema_editor.execute
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        run(PG_FUNCTION, params=None)  # no parameters: its % are RAISE placeholders
        for table in TABLES:
            run(f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table}"
                " FOR EACH ROW EXECUTE FUNCTION theodoi_audit_append_only()")
    elif vendor == "sqlite":
        run(f"CREATE TABLE IF NOT EXISTS {MAINTENANCE} (id INTEGER PRIMARY KEY CHECK (id = 1), reason TEXT NOT NULL)")
        for table in TABLES:
            for op in ("UPDATE", "DELETE"):
                run(f"CREATE TRIGGER {table}_no_{op.lower()} BEFORE {op} ON {table}"
                    f" WHEN NOT EXISTS (SELECT 1 FROM {MAINTENANCE})"
                    f" BEGIN SELECT RAISE(ABORT, 'theodoi: {op} on {table} refused: the audit trail is append-only');"
                    " END")
    else:
        raise RuntimeError(f"theodoi: no append-only audit triggers for the {vendor} database")


def drop(apps, schema_editor):
    run = schema_editor.execute
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        for table in TABLES:
            run(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
        run("DROP FUNCTION IF EXISTS theodoi_audit_append_only()")
    elif vendor == "sqlite":
        for table in TABLES:
            for op in ("update", "delete"):
                run(f"DROP TRIGGER IF EXISTS {table}_no_{op}")
        run(f"DROP TABLE IF EXISTS {MAINTENANCE}")


class Migration(migrations.Migration):

    dependencies = [("reporting", "0002_audit_hash_chain")]

    operations = [migrations.RunPython(create, drop)]
