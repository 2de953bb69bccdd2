"""What an API token key is, how it is stored and what each scope allows; no database here.

A key is shown to its owner once and only its SHA-256 digest is stored, so a copy of the database
(a backup, a replica, an admin's screen) does not hand out working keys. A plain digest is enough:
keys are 256 random bits, not passwords a dictionary could guess. A key that does not have the
shape of an issued key (blank, short, odd characters) is refused before any lookup, which is what
closes the blank-header bypass: no stored token can ever match an empty string.
"""

from __future__ import annotations

import hashlib
import re
import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _

PREFIX = "td_"
MIN_LENGTH = 32
MAX_LENGTH = 128
SHOWN = 10  # characters of a key kept in clear, so its owner can tell tokens apart
MAX_DAYS = 365
DEFAULT_DAYS = 90
_SHAPE = re.compile(r"[A-Za-z0-9_-]+")


class TokenScope(models.TextChoices):
    """What a token may do, on top of what its owner's roles allow."""

    READ = "read", _("Đọc dữ liệu")
    REPORT = "report", _("Nhập và gửi báo cáo")
    PLAN = "plan", _("Quản lý kế hoạch, tài liệu, báo cáo tổng hợp")


ALL_SCOPES = tuple(s.value for s in TokenScope)
_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def new_key() -> str:
    """A fresh key: a recognisable prefix (secret scanners can find leaked keys) + 256 random bits."""
    return PREFIX + secrets.token_urlsafe(32)


def well_formed(key: str) -> bool:
    """Whether ``key`` could be an issued key; anything else is refused without a lookup."""
    return MIN_LENGTH <= len(key) <= MAX_LENGTH and _SHAPE.fullmatch(key) is not None


def digest(key: str) -> str:
    return hashlib.sha256(key.encode("ascii")).hexdigest()


def parse_scopes(text: str) -> frozenset[str]:
    return frozenset(s for s in text.split(",") if s in ALL_SCOPES)


def required_scope(method: str, path: str) -> str:
    """The scope a request needs: reads need `read`, writes to report forms `report`, others `plan`."""
    if method.upper() in _SAFE_METHODS:
        return TokenScope.READ
    if path.startswith("/api/reporting/"):
        return TokenScope.REPORT
    return TokenScope.PLAN
