"""Throttling of failed API token attempts, per client address.

A guesser trying tokens against the API gets API_TOKEN_FAILURE_LIMIT tries per address within
API_TOKEN_WINDOW_SECONDS; after that every token from that address is refused (401, without being
looked up) until the window, counted from the first failure, ends. TokenAuth calls
is_token_blocked(ip) before the lookup and note_failed_token(ip) after a failed one.

The counters live in Django's cache: Redis in production, so every worker shares them; the
in-process cache of a single-process demo is enough there.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

log = logging.getLogger(__name__)

_PREFIX = "theodoi:token-failures:"


def _key(ip: str) -> str:
    return _PREFIX + (ip or "unknown")


def client_ip(request: HttpRequest) -> str:
    """The address the failures are counted under: the connection's, never a client-sent header."""
    return str(request.META.get("REMOTE_ADDR") or "unknown")


def note_failed_token(ip: str) -> int:
    """Count one failed token attempt from ip; the count so far in this window."""
    key = _key(ip)
    # add() starts the window only when no count exists; incr() keeps the window's expiry.
    if cache.add(key, 1, timeout=settings.API_TOKEN_WINDOW_SECONDS):
        count = 1
    else:
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add() and incr(): a new window
            cache.add(key, 1, timeout=settings.API_TOKEN_WINDOW_SECONDS)
            count = 1
    if count == settings.API_TOKEN_FAILURE_LIMIT:
        log.warning("api token attempts from %s blocked after %d failures", ip, count)
    return count


def is_token_blocked(ip: str) -> bool:
    """True once ip has reached the failure limit in the current window."""
    return int(cache.get(_key(ip)) or 0) >= settings.API_TOKEN_FAILURE_LIMIT


def reset_token_failures(ip: str) -> None:
    cache.delete(_key(ip))
