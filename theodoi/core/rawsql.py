"""Plain SQL for the few hot paths where building ORM statements costs more than running them.

The autosave and the API token check run every time a reporter pauses typing. Compiling a
QuerySet takes about half a millisecond of CPU per statement, more than PostgreSQL needs to run
it, and a save is a handful of statements. These helpers keep such SQL portable (PostgreSQL and
SQLite) and exact by letting each model field convert its own values to and from the database,
as the ORM does, so a value read or written here is the same Python value the ORM would give.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connection, connections, models

Reader = Callable[[Any], Any]


def _same(value: Any) -> Any:
    return value


@lru_cache(maxsize=256)
def _reader(vendor: str, model: type[models.Model], name: str) -> Reader:
    field = model._meta.get_field(name)
    col = field.get_col(model._meta.db_table)  # type: ignore[union-attr]
    converters = [*connection.ops.get_db_converters(col), *col.get_db_converters(connection)]
    if not converters:
        return _same

    def read(value: Any) -> Any:
        for convert in converters:
            value = convert(value, col, connection)
        return value

    return read


def readers(model: type[models.Model], names: Sequence[str]) -> list[Reader]:
    """One function per column turning what the driver returned into the field's Python value."""
    return list(_readers(connections[DEFAULT_DB_ALIAS].vendor, model, tuple(names)))


@lru_cache(maxsize=256)
def _readers(vendor: str, model: type[models.Model], names: tuple[str, ...]) -> tuple[Reader, ...]:
    """Every autosave reads the same columns: the list is built once per model and column names."""
    return tuple(_reader(vendor, model, name) for name in names)


def db_value(model: type[models.Model], name: str, value: Any) -> Any:
    """A Python value as the field stores it (Decimal, JSON, aware datetime on each backend)."""
    field: Any = model._meta.get_field(name)
    # The connection itself, not the ``connection`` proxy, whose every attribute is a thread-local lookup.
    return field.get_db_prep_save(value, connections[DEFAULT_DB_ALIAS])


def columns(model: type[models.Model], names: Sequence[str], alias: str) -> str:
    """``alias."col", …`` for the model fields ``names`` (attribute names, e.g. ``user_id``)."""
    quote = connection.ops.quote_name
    return ", ".join(f"{alias}.{quote(_column(model, name))}" for name in names)


def table(model: type[models.Model]) -> str:
    return _table(model)


@lru_cache(maxsize=256)
def _table(model: type[models.Model]) -> str:
    """Quoted once per model: PostgreSQL and SQLite quote a name alike."""
    return str(connection.ops.quote_name(model._meta.db_table))


def _column(model: type[models.Model], name: str) -> str:
    field: Any = model._meta.get_field(name)
    return str(field.column)


@contextmanager
def _cursor() -> Iterator[Any]:
    """Django's cursor; on PostgreSQL one that binds parameters on the server.

    Django's psycopg cursors put the parameters into the SQL text, so PostgreSQL parses and plans
    every statement anew. A server-binding cursor lets psycopg prepare a statement after a few runs
    on the (persistent) connection. Django turns psycopg's prepared statements off; the settings
    turn them on (``prepare_threshold``), which only these cursors use: PostgreSQL's CPU per
    autosave fell from 1.6-1.7 to 1.0-1.1 ms (docs/performance.md). The cursor is wrapped as Django
    wraps its own (thread check, error translation, query log in tests)."""
    db = connections[DEFAULT_DB_ALIAS]  # once: each attribute of the ``connection`` proxy is a lookup
    if db.vendor != "postgresql":
        with db.cursor() as cursor:
            yield cursor
        return
    import psycopg

    db.ensure_connection()
    db.validate_thread_sharing()
    raw: Any = psycopg.Cursor(db.connection)  # the stubs expect a CursorWrapper here
    wrapped = db.make_debug_cursor(raw) if db.queries_logged else db.make_cursor(raw)
    with wrapped as cursor:
        yield cursor


def _logged(sql: str) -> None:
    """Django's query log (tests, DEBUG) reads the text of a prepared statement as None: keep ours."""
    db = connections[DEFAULT_DB_ALIAS]
    if db.queries_logged and db.queries_log and db.queries_log[-1]["sql"] is None:
        db.queries_log[-1]["sql"] = sql


def fetch(sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
    with _cursor() as cursor:
        cursor.execute(sql, params)
        _logged(sql)
        return list(cursor.fetchall())


def execute(sql: str, params: Sequence[Any]) -> int:
    with _cursor() as cursor:
        cursor.execute(sql, params)
        _logged(sql)
        return int(cursor.rowcount)
