"""Project-wide pytest fixtures: the named cast and inline background jobs."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _inline_jobs(settings, tmp_path_factory):  # type: ignore[no-untyped-def]
    """Jobs run inside the request that queued them, so tests see their results at once;
    uploads go to a temporary folder, never into the demo's var/."""
    settings.BACKGROUND_JOBS = "inline"
    # The cast's passwords need no strength in tests; full-strength hashing costs seconds per test.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path_factory.getbasetemp() / "media"


@pytest.fixture
def cast(db):  # type: ignore[no-untyped-def]
    from theodoi.test import make_cast

    return make_cast()
