"""Upgrading hashes the keys already handed out and deletes the blank ones /admin made."""

from __future__ import annotations

import hashlib

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("accounts", "0001_initial")]
AFTER = [("accounts", "0002_api_token_hashed_scoped_expiring")]


@pytest.fixture
def back_to_latest_afterwards():  # type: ignore[no-untyped-def]
    """Going back to accounts 0001 also unapplies every migration that depends on accounts 0002
    (geo's, for one): put the whole schema back so the tests after this one find their tables."""
    yield
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("back_to_latest_afterwards")
def test_existing_keys_keep_working_and_blank_keys_are_gone() -> None:
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    user = old.get_model("auth", "User").objects.create(username="cu", password="!")
    token_model = old.get_model("accounts", "ApiToken")
    good = "k" * 43
    token_model.objects.create(user=user, key=good, name="bảng tính")
    token_model.objects.create(user=user, key="", name="tạo trong admin")
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps.get_model("accounts", "ApiToken")
    rows = list(new.objects.values("name", "digest", "prefix", "scopes"))
    assert rows == [{"name": "bảng tính", "digest": hashlib.sha256(good.encode()).hexdigest(),
                     "prefix": good[:10], "scopes": "read,report,plan"}]
