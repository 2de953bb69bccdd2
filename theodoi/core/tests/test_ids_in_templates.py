"""Ids and text offsets rendered into names and links stay plain digits past 999.

With Django's thousand separator on, {{ 1563 }} rendered "1.563" in the vi locale: the report form's
field names ("value-1.563") and the source links ("?hl=1.234-1.250") broke once a database had more
than 999 targets (PostgreSQL test runs reach such ids; SQLite test runs rarely do). Numbers meant for
reading are grouped by the vnformat filters instead, which this pins too.
"""

from __future__ import annotations

import pytest
from django.template import Context, Template
from django.utils import translation


@pytest.mark.parametrize("language", ["vi", "en"])
def test_a_large_id_renders_as_plain_digits(language: str) -> None:
    with translation.override(language):
        html = Template('<input name="value-{{ pk }}"><a href="?hl={{ start }}-{{ end }}">').render(
            Context({"pk": 1563, "start": 1234, "end": 123456})
        )
    assert html == '<input name="value-1563"><a href="?hl=1234-123456">'


def test_numbers_for_reading_are_still_grouped_by_the_vietnamese_filter() -> None:
    with translation.override("vi"):
        html = Template("{% load evaluation_tags %}{{ x|num }}").render(Context({"x": 1234567.5}))
    assert html == "1.234.567,5"
