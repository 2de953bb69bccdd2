from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from theodoi.accounts.models import ApiToken
from theodoi.test import PASSWORD

pytestmark = pytest.mark.django_db


def test_a_planner_signs_in_with_the_login_form(cast) -> None:
    client = Client()
    response = client.post(reverse("accounts:login"), {"username": "planner", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("accounts:profile")).status_code == 200


def test_a_wrong_password_gets_a_vietnamese_message(cast) -> None:
    response = Client().post(reverse("accounts:login"), {"username": "planner", "password": "sai"})
    assert "Tên đăng nhập hoặc mật khẩu không đúng" in response.content.decode()


def test_a_token_is_shown_once_and_acts_as_its_owner(cast, client_for) -> None:
    client = client_for("health_reporter")
    page = client.post(reverse("accounts:token_create"), {"name": "bảng tính", "scopes": ["read"], "days": "90"},
                       follow=True).content.decode()
    key = page.split('<code class="key">', 1)[1].split("<", 1)[0]
    assert key not in client.get(reverse("accounts:profile")).content.decode()
    me = Client(HTTP_AUTHORIZATION=f"Bearer {key}").get("/api/accounts/me").json()
    assert me["username"] == "yte_reporter" and me["units"] == ["Sở Y tế"]


def test_someone_elses_token_cannot_be_revoked(cast, client_for) -> None:
    from theodoi.accounts.services import token_create

    token, _key = token_create(actor=cast.planner)
    client_for("district_reporter").post(reverse("accounts:token_delete", args=[token.pk]))
    assert ApiToken.objects.get(pk=token.pk).revoked_at is None
    client_for("planner").post(reverse("accounts:token_delete", args=[token.pk]))
    assert ApiToken.objects.get(pk=token.pk).revoked_at is not None
