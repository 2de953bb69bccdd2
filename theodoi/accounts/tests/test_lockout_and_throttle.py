"""Brute force: wrong passwords lock a username out for a while, wrong tokens block an address."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from theodoi.accounts.throttle import is_token_blocked, note_failed_token, reset_token_failures
from theodoi.test import PASSWORD

pytestmark = pytest.mark.django_db


def _login(client: Client, password: str, username: str = "planner") -> Any:
    return client.post(reverse("accounts:login"), {"username": username, "password": password})


def test_twenty_wrong_passwords_lock_the_username_even_against_the_right_one(cast: Any, settings: Any) -> None:
    assert settings.AXES_FAILURE_LIMIT == 20
    client = Client()
    for _ in range(19):
        assert _login(client, "sai").status_code == 200
    locked = _login(client, "sai")
    assert locked.status_code == 429
    page = _login(client, PASSWORD)
    assert page.status_code == 429
    text = page.content.decode()
    assert "tạm bị khoá" in text and "Hãy thử lại sau" in text
    assert "_auth_user_id" not in client.session
    # Another official is not affected by the planner's lock.
    assert _login(Client(), PASSWORD, username="leader").status_code == 302


def test_the_page_says_until_when_and_the_lock_ends_after_the_cool_off(cast: Any, settings: Any) -> None:
    from axes.models import AccessAttempt

    settings.AXES_FAILURE_LIMIT = 3
    client = Client()
    for _ in range(3):
        _login(client, "sai")
    last = AccessAttempt.objects.get(username="planner").attempt_time
    until = timezone.localtime(last + timedelta(minutes=settings.LOGIN_LOCKOUT_MINUTES))
    assert until.strftime("%H:%M %d/%m/%Y") in _login(client, PASSWORD).content.decode()
    # The cool-off has passed: the right password signs in again.
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=settings.LOGIN_LOCKOUT_MINUTES + 1))
    assert _login(client, PASSWORD).status_code == 302


def test_fewer_failures_then_the_right_password_sign_in_and_reset_the_count(cast: Any) -> None:
    from axes.models import AccessAttempt

    client = Client()
    for _ in range(5):
        _login(client, "sai")
    assert _login(client, PASSWORD).status_code == 302
    assert not AccessAttempt.objects.filter(username="planner").exists()


def test_token_failures_block_an_address_after_the_limit(settings: Any) -> None:
    settings.API_TOKEN_FAILURE_LIMIT = 3
    cache.clear()
    for expected in (1, 2):
        assert note_failed_token("10.0.0.9") == expected
        assert not is_token_blocked("10.0.0.9")
    assert note_failed_token("10.0.0.9") == 3
    assert is_token_blocked("10.0.0.9")
    assert not is_token_blocked("10.0.0.10")
    reset_token_failures("10.0.0.9")
    assert not is_token_blocked("10.0.0.9")


def test_the_token_block_ends_with_its_window(settings: Any) -> None:
    import time

    settings.API_TOKEN_FAILURE_LIMIT = 1
    settings.API_TOKEN_WINDOW_SECONDS = 1
    cache.clear()
    note_failed_token("10.0.0.11")
    assert is_token_blocked("10.0.0.11")
    time.sleep(1.1)
    assert not is_token_blocked("10.0.0.11")
    assert note_failed_token("10.0.0.11") == 1
