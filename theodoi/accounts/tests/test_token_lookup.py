"""The API token lookup (plain SQL, one statement) gives the same user the ORM would, with their roles."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from theodoi.accounts.models import Role
from theodoi.accounts.permissions import is_planner, roles_of
from theodoi.accounts.selectors import user_for_token
from theodoi.accounts.testing import bearer_key
from theodoi.test import PASSWORD

pytestmark = pytest.mark.django_db


def test_the_token_gives_its_owner_field_for_field(cast: Any) -> None:
    found = user_for_token(bearer_key(cast.health_reporter))
    stored = get_user_model().objects.get(pk=cast.health_reporter.pk)
    assert found is not None
    for field in stored._meta.concrete_fields:
        assert getattr(found, field.attname) == getattr(stored, field.attname), field.name
    assert found.is_authenticated and found.check_password(PASSWORD)


def test_the_roles_come_with_the_user_and_no_further_query_is_needed(cast: Any) -> None:
    key = bearer_key(cast.planner)
    with CaptureQueriesContext(connection) as queries:
        user = user_for_token(key)
        assert user is not None
        assert roles_of(user) == {Role.PLANNER} and is_planner(user)
    assert len(queries.captured_queries) == 1


def test_a_user_without_roles_has_none(cast: Any) -> None:
    nobody = get_user_model().objects.create_user("nobody", password="x")
    found = user_for_token(bearer_key(nobody))
    assert found is not None and roles_of(found) == set()


def test_an_unknown_key_or_an_inactive_owner_gives_nobody(cast: Any) -> None:
    key = bearer_key(cast.district_reporter)
    assert user_for_token("td_" + "x" * 43) is None
    type(cast.district_reporter).objects.filter(pk=cast.district_reporter.pk).update(is_active=False)
    assert user_for_token(key) is None
