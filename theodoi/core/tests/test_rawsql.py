"""``rawsql.readers`` builds each column's converter once; every caller gets a list of its own."""

from __future__ import annotations

import pytest
from django.db import connection

from theodoi.core import rawsql
from theodoi.reporting.models import ReportValue

pytestmark = pytest.mark.django_db


def test_readers_are_the_columns_converters_and_each_call_gets_its_own_list() -> None:
    first = rawsql.readers(ReportValue, ("value", "issues"))
    assert first == [rawsql._reader(connection.vendor, ReportValue, "value"),
                     rawsql._reader(connection.vendor, ReportValue, "issues")]
    first.clear()  # a caller changing its list must not change what the next caller gets
    assert len(rawsql.readers(ReportValue, ("value", "issues"))) == 2
