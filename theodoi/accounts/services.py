"""Operations on units and people."""

from __future__ import annotations

import logging
import re
import secrets
from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils.text import slugify

from theodoi.accounts.models import ApiToken, OrgUnit, UnitKind
from theodoi.core.text import fold

log = logging.getLogger(__name__)
_COLLECTIVE = re.compile(r"\b(cac|các)\b", re.IGNORECASE)


def guess_unit_kind(name: str) -> str:
    """Guess a unit's kind from its name: 'UBND huyện ...' is a district, 'Sở ...' a department."""
    folded = fold(name)
    if _COLLECTIVE.search(folded) or folded.startswith(("thu truong", "chu tich")):
        return UnitKind.COLLECTIVE
    if "huyen" in folded or "thanh pho" in folded and "ubnd" in folded:
        return UnitKind.DISTRICT
    if folded.startswith(("xa ", "phuong ", "thi tran ")):
        return UnitKind.COMMUNE
    if "tinh uy" in folded or "ban tuyen giao" in folded or "ban to chuc" in folded:
        return UnitKind.PARTY
    return UnitKind.DEPARTMENT


def unit_find(name: str) -> OrgUnit | None:
    """Find a unit by its name or one of its aliases, ignoring case and diacritics."""
    folded = fold(name)
    if not folded:
        return None
    unit = OrgUnit.objects.filter(name_folded=folded).first()
    if unit:
        return unit
    for candidate in OrgUnit.objects.exclude(aliases=[]).only("pk", "aliases", "name"):
        if any(fold(alias) == folded for alias in candidate.aliases):
            return candidate
    return None


def unit_resolve(name: str, *, parent: OrgUnit | None = None) -> OrgUnit:
    """Find the unit a document names, or create it under the province (documents name new agencies)."""
    found = unit_find(name)
    if found:
        return found
    base = slugify(fold(name))[:70] or "don-vi"
    code, n = base, 1
    while OrgUnit.objects.filter(code=code).exists():
        n += 1
        code = f"{base}-{n}"
    if parent is None:
        parent = OrgUnit.objects.filter(kind=UnitKind.PROVINCE).first()
    return OrgUnit.objects.create(name=name.strip(), code=code, kind=guess_unit_kind(name), parent=parent)


def token_create(*, user: Any, name: str = "") -> ApiToken:
    """A new personal API token for the signed-in user (acts with the user's own roles)."""
    if not getattr(user, "is_authenticated", False):
        raise PermissionDenied("Cần đăng nhập.")
    token = ApiToken.objects.create(user=user, key=secrets.token_urlsafe(32), name=name.strip()[:100])
    log.info("api token %s created for %s", token.pk, user.username)
    return token


def token_delete(*, user: Any, token_id: int) -> None:
    """Revoke one of the user's own tokens (someone else's token id is simply not found)."""
    deleted, _ = ApiToken.objects.filter(user=user, pk=token_id).delete()
    if deleted:
        log.info("api token %s revoked by %s", token_id, user.username)
