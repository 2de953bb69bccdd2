"""API tokens cannot be guessed, blanked, reused after revocation or expiry, or used beyond scope.

The bypass these pin down: /admin made tokens with an empty key, and a blank `Authorization:
Bearer` header then acted as that token's owner.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from theodoi.accounts import tokens
from theodoi.accounts.models import ApiToken
from theodoi.accounts.services import token_create
from theodoi.accounts.testing import bearer, bearer_key

pytestmark = pytest.mark.django_db
ME = "/api/accounts/me"


def test_only_the_digest_is_stored_and_the_key_has_its_shape(cast: Any) -> None:
    token, key = token_create(actor=cast.planner, scopes=["read"])
    stored = ApiToken.objects.get(pk=token.pk)
    assert key not in {v for v in stored.__dict__.values() if isinstance(v, str)}
    assert stored.digest == tokens.digest(key) and len(key) >= tokens.MIN_LENGTH
    assert key.startswith(stored.prefix) and len(stored.prefix) == tokens.SHOWN


@pytest.mark.parametrize("header", ["Bearer ", "Bearer  ", "Bearer x", "Bearer " + "a" * 31,
                                    "Bearer " + "é" * 40, "Bearer td_" + "a" * 40 + " x", "Bearer null"])
def test_a_blank_short_or_malformed_key_is_401_even_beside_real_tokens(cast: Any, header: str) -> None:
    bearer_key(cast.planner)
    bearer_key(cast.health_reporter)
    client = Client(HTTP_AUTHORIZATION=header)
    assert client.get(ME).status_code == 401
    assert client.post("/api/reporting/forms", {}, content_type="application/json").status_code == 401


def test_the_database_refuses_a_token_without_a_full_digest_or_a_scope(cast: Any) -> None:
    later = timezone.now() + timedelta(days=1)
    for digest, scopes in (("", "read"), ("abc", "read"), ("0" * 64, "")):
        with pytest.raises(IntegrityError), transaction.atomic():
            ApiToken.objects.create(user=cast.planner, digest=digest, prefix="x", scopes=scopes, expires_at=later)


def test_a_revoked_token_is_401(cast: Any, client_for: Any) -> None:
    token, key = token_create(actor=cast.health_reporter, scopes=["read"])
    assert bearer(key).get(ME).status_code == 200
    client_for("health_reporter").post(reverse("accounts:token_delete", args=[token.pk]))
    assert bearer(key).get(ME).status_code == 401
    assert ApiToken.objects.get(pk=token.pk).revoked_at is not None


def test_an_expired_token_is_401(cast: Any) -> None:
    token, key = token_create(actor=cast.health_reporter, scopes=["read"], days=1)
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert bearer(key).get(ME).status_code == 401


def test_a_password_change_or_deactivation_revokes_every_token(cast: Any) -> None:
    key = bearer_key(cast.health_reporter)
    other = bearer_key(cast.planner)
    user = cast.health_reporter
    user.set_password("một-mật-khẩu-mới-2026")
    user.save()
    assert bearer(key).get(ME).status_code == 401
    assert bearer(other).get(ME).status_code == 200
    planner = cast.planner
    planner.is_active = False
    planner.save(update_fields=["is_active"])
    planner.is_active = True
    planner.save()
    assert bearer(other).get(ME).status_code == 401


def test_signing_in_does_not_revoke_tokens(cast: Any) -> None:
    from theodoi.test import PASSWORD

    key = bearer_key(cast.planner)
    signed_in = Client().post(reverse("accounts:login"), {"username": cast.planner.username, "password": PASSWORD})
    assert signed_in.status_code == 302
    assert bearer(key).get(ME).status_code == 200


def test_the_profile_page_makes_a_scoped_expiring_token_and_shows_it_once(cast: Any, client_for: Any) -> None:
    client = client_for("health_reporter")
    page = client.post(reverse("accounts:token_create"), {"name": "bảng tính", "scopes": ["report"], "days": "30"},
                       follow=True).content.decode()
    token = ApiToken.objects.get(user=cast.health_reporter)
    assert token.scope_list == ["read", "report"]
    assert timedelta(days=29) < token.expires_at - timezone.now() <= timedelta(days=30)
    key = page.split('<code class="key">', 1)[1].split("<", 1)[0]
    assert tokens.digest(key) == token.digest
    assert key not in client.get(reverse("accounts:profile")).content.decode()


def test_the_profile_form_refuses_no_scope_or_an_odd_expiry_in_vietnamese(cast: Any, client_for: Any) -> None:
    client = client_for("health_reporter")
    no_scope = client.post(reverse("accounts:token_create"), {"name": "x", "days": "30"})
    assert no_scope.status_code == 400 and "Hãy chọn ít nhất một phạm vi" in no_scope.content.decode()
    odd = client.post(reverse("accounts:token_create"), {"scopes": ["read"], "days": "100000"})
    assert odd.status_code == 400
    assert not ApiToken.objects.filter(user=cast.health_reporter).exists()


def test_the_service_refuses_a_long_life_or_someone_elses_token(cast: Any) -> None:
    from django.core.exceptions import PermissionDenied, ValidationError

    with pytest.raises(ValidationError):
        token_create(actor=cast.planner, scopes=["read"], days=tokens.MAX_DAYS + 1)
    with pytest.raises(ValidationError):
        token_create(actor=cast.planner, scopes=["admin"])
    with pytest.raises(PermissionDenied):
        token_create(actor=cast.planner, owner=cast.health_reporter, scopes=["read"])


def test_admin_creates_tokens_through_the_service_and_shows_each_key_once(cast: Any) -> None:
    from django.contrib.auth import get_user_model

    admin_user = get_user_model().objects.create_superuser("quantri", "qt@example.vn", "mật-khẩu-quản-trị-1")
    client = Client()
    client.force_login(admin_user)
    url = reverse("admin:accounts_apitoken_add")
    keys = []
    for name in ("bảng tính 1", "bảng tính 2"):
        response = client.post(url, {"user": cast.health_reporter.pk, "name": name, "scopes": ["read"], "days": "90"},
                               follow=True)
        assert response.status_code == 200
        text = response.content.decode()
        keys.append(text.split("hãy sao chép ngay): ", 1)[1].split("<", 1)[0].strip())
    assert len(set(keys)) == 2
    for key in keys:
        assert bearer(key).get(ME).json()["username"] == cast.health_reporter.username
    assert client.get(reverse("admin:accounts_apitoken_changelist")).status_code == 200
    assert all(k not in client.get(reverse("admin:accounts_apitoken_changelist")).content.decode() for k in keys)


def test_a_guesser_is_refused_after_the_limit_even_with_a_right_key(cast: Any, settings: Any) -> None:
    from django.core.cache import cache

    cache.clear()
    settings.API_TOKEN_FAILURE_LIMIT = 5
    key = bearer_key(cast.planner)
    guesser = Client(REMOTE_ADDR="203.0.113.7")
    for _ in range(5):
        assert guesser.get(ME, HTTP_AUTHORIZATION="Bearer td_" + "g" * 43).status_code == 401
    assert guesser.get(ME, HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 401
    assert Client(REMOTE_ADDR="198.51.100.2", HTTP_AUTHORIZATION=f"Bearer {key}").get(ME).status_code == 200
    cache.clear()
