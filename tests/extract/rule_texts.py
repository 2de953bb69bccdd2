"""Helpers of the layout-rule tests (test_layout_rules*.py): the item found at a figure of a short
text written for the test, and a check of its attributes that names the one that is wrong."""

from __future__ import annotations

from typing import Any

from theodoi_extract import Target, extract_text


def target_at(text: str, number_text: str, after: str = "") -> Target | None:
    """The target whose span holds `number_text` (its first occurrence after `after`)."""
    ex = extract_text(text)
    anchor = text.index(number_text, text.index(after) if after else 0)
    return next((t for t in ex.targets if t.start <= anchor < t.end and t.number_text == number_text), None)


def check(t: Target | None, **expected: Any) -> None:
    assert t is not None, "no item found"
    for key, value in expected.items():
        assert getattr(t, key) == value, f"{key}: {getattr(t, key)!r} != {value!r}"
