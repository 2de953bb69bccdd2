"""`manage.py flush` that can empty the append-only audit tables on SQLite too.

Django's flush empties SQLite with ``DELETE FROM`` each table, which the audit triggers refuse
(migration reporting 0003). This command, which replaces Django's own (an installed app's command
wins over django.core's), sets the one-row ``theodoi_audit_maintenance`` flag for the triggers and
clears it again inside one transaction with the flush: committed, the flag is never seen by any
other connection. TransactionTestCase and live-server tests flush through it between tests, and
`loaddemo --reset` does. On PostgreSQL flush uses TRUNCATE, which row triggers do not see, so it
runs unchanged.
"""

from __future__ import annotations

from typing import Any

from django.core.management.commands import flush
from django.db import connections, transaction

MAINTENANCE = "theodoi_audit_maintenance"


class Command(flush.Command):
    def handle(self, **options: Any) -> None:
        connection = connections[options["database"]]
        if connection.vendor != "sqlite" or MAINTENANCE not in connection.introspection.table_names():
            return super().handle(**options)
        with transaction.atomic(using=connection.alias):
            with connection.cursor() as cursor:
                cursor.execute(f"INSERT INTO {MAINTENANCE} (id, reason) VALUES (1, 'flush')")
            super().handle(**options)
            with connection.cursor() as cursor:
                cursor.execute(f"DELETE FROM {MAINTENANCE}")
        return None
