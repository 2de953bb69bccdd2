"""A signed-in web request reads its session with one statement and its user with the roles in
another, with Django's own checks kept; sessions signed in under Django's ModelBackend still work."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import BACKEND_SESSION_KEY, get_user_model
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from theodoi.accounts.backends import BACKEND, DJANGO_BACKEND, RoleModelBackend, SessionStore
from theodoi.accounts.models import Role
from theodoi.accounts.permissions import roles_of
from theodoi.test import PASSWORD

pytestmark = pytest.mark.django_db


def test_the_backend_gives_the_orm_user_field_for_field_with_roles(cast: Any) -> None:
    found = RoleModelBackend().get_user(cast.health_reporter.pk)
    stored = get_user_model().objects.get(pk=cast.health_reporter.pk)
    for field in stored._meta.concrete_fields:
        assert getattr(found, field.attname) == getattr(stored, field.attname), field.name
    with CaptureQueriesContext(connection) as queries:
        assert roles_of(found) == {Role.REPORTER}
    assert queries.captured_queries == []


def test_the_backend_gives_nobody_for_an_inactive_or_unknown_user(cast: Any) -> None:
    type(cast.planner).objects.filter(pk=cast.planner.pk).update(is_active=False)
    backend = RoleModelBackend()
    assert backend.get_user(cast.planner.pk) is None
    assert backend.get_user(987_654) is None
    assert backend.get_user("not a number") is None


def test_a_password_login_is_kept_under_the_role_backend(cast: Any) -> None:
    client = Client()
    response = client.post(reverse("accounts:login"), {"username": cast.planner.username, "password": PASSWORD})
    assert response.status_code == 302
    session = SessionStore(client.session.session_key)
    assert session[BACKEND_SESSION_KEY] == BACKEND
    assert client.get("/").status_code == 200


def test_an_expired_or_unknown_session_key_reads_as_empty(cast: Any) -> None:
    client = Client()
    client.force_login(cast.planner)
    key = client.session.session_key
    assert SessionStore(key).load()
    assert SessionStore("x" * 32).load() == {}
    Session.objects.filter(session_key=key).update(expire_date="2000-01-01T00:00:00Z")
    assert SessionStore(key).load() == {}


def test_a_session_of_djangos_model_backend_is_moved_onto_the_role_backend(cast: Any) -> None:
    client = Client()
    client.force_login(cast.health_reporter)
    session = client.session
    session[BACKEND_SESSION_KEY] = DJANGO_BACKEND  # signed in before the switch
    session.save()
    response = client.get("/bao-cao-dinh-ky/")
    assert response.status_code == 200 and response.wsgi_request.user == cast.health_reporter
    assert SessionStore(session.session_key)[BACKEND_SESSION_KEY] == BACKEND


def test_a_password_change_still_ends_the_other_sessions(cast: Any) -> None:
    client = Client()
    client.force_login(cast.health_reporter)
    user = type(cast.health_reporter).objects.get(pk=cast.health_reporter.pk)
    user.set_password("another-password-2026")
    user.save()
    response = client.get("/bao-cao-dinh-ky/")
    assert not response.wsgi_request.user.is_authenticated
