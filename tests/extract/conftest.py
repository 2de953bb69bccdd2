"""Shared fixtures for the extractor tests: plain functions, no Django, no database."""

from __future__ import annotations

from pathlib import Path

import pytest

from theodoi_extract import Extraction, extract_file

SAMPLES = Path(__file__).parent / "samples"


@pytest.fixture(scope="session")
def sample() -> dict[str, Extraction]:
    """Every sample document, extracted once."""
    return {p.stem: extract_file(p) for p in sorted(SAMPLES.glob("*.txt"))}
