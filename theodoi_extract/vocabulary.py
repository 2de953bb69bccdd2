"""Vocabulary loading: the word lists live in `vocab/*.json`, apart from the rules.

Keeping words as data means a province can add a unit, an agency or a cue word without touching
the rules (see docs/extractor.md). Files are read once, through importlib.resources, so they are
found in an installed wheel as well as in a checkout.
"""

from __future__ import annotations

import json
import unicodedata
from functools import cache
from importlib import resources
from typing import Any


@cache
def load(name: str) -> dict[str, Any]:
    """Return the parsed `vocab/<name>.json`, NFC-normalised (cached for the process)."""
    raw = resources.files("theodoi_extract").joinpath("vocab", f"{name}.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(unicodedata.normalize("NFC", raw))
    return data


def words(name: str, key: str) -> list[str]:
    """A list entry of a vocabulary file."""
    value = load(name)[key]
    assert isinstance(value, list)
    return [str(v) for v in value]


def mapping(name: str, key: str) -> dict[str, Any]:
    """A dict entry of a vocabulary file."""
    value = load(name)[key]
    assert isinstance(value, dict)
    return dict(value)
