"""Project-wide pytest fixtures: the named cast and inline background jobs."""

from __future__ import annotations

import pytest
from hypothesis import settings as hypothesis_settings

# No per-example deadline: hypothesis's default 200 ms is a timed test, and on a loaded 2-core
# machine a correct parser example can take longer (it failed that way, never on a wrong answer).
hypothesis_settings.register_profile("theodoi", deadline=None)
hypothesis_settings.load_profile("theodoi")


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


@pytest.fixture
def client_for(cast):  # type: ignore[no-untyped-def]
    """client_for("planner") is a test client signed in as that cast member ("anonymous": nobody)."""
    from django.test import Client

    def make(member: str) -> Client:
        client = Client()
        if member != "anonymous":
            client.force_login(getattr(cast, member))
        return client

    return make


_DB_FIXTURES = {"db", "transactional_db", "django_db_blocker_unblocked", "live_server"}


def pytest_collection_modifyitems(config, items):  # type: ignore[no-untyped-def]
    """With THEODOI_DB_TESTS_ONLY=1 (the PostgreSQL pass of `make test`), run only the tests that
    touch the database: the pure rules (extractor, periods, engine, renderer) were already run
    once and do not depend on the database engine."""
    import os

    if os.environ.get("THEODOI_DB_TESTS_ONLY") != "1":
        return
    keep, drop = [], []
    for item in items:
        uses_db = item.get_closest_marker("django_db") is not None or bool(
            _DB_FIXTURES & set(getattr(item, "fixturenames", ()))
        )
        (keep if uses_db else drop).append(item)
    items[:] = keep
    config.hook.pytest_deselected(items=drop)
