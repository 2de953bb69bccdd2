"""Test helper: a live API token for a person, through the same service the pages use."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from theodoi.accounts.tokens import ALL_SCOPES


def bearer_key(user: Any, *, scopes: Iterable[str] = ALL_SCOPES, name: str = "test") -> str:
    """The key (to put after `Bearer `) of a new token of ``user`` with ``scopes``."""
    from theodoi.accounts.services import token_create

    _token, key = token_create(actor=user, name=name, scopes=scopes)
    return key


def bearer(key: str) -> Any:
    """A test client that sends ``Authorization: Bearer <key>`` with every request."""
    from django.test import Client

    return Client(HTTP_AUTHORIZATION=f"Bearer {key}")
