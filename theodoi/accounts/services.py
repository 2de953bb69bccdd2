"""Operations on units and people."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from theodoi.accounts import tokens
from theodoi.accounts.models import AccountPreference, ApiToken, OrgUnit, UnitKind
from theodoi.accounts.permissions import PermissionRefused
from theodoi.accounts.tokens import TokenScope
from theodoi.core import audit
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


def token_create(
    *,
    actor: Any,
    owner: Any | None = None,
    name: str = "",
    scopes: Iterable[str] = (TokenScope.READ,),
    days: int = tokens.DEFAULT_DAYS,
) -> tuple[ApiToken, str]:
    """A new API token for ``owner`` (the actor themself unless an administrator makes one for
    someone), and its key, which is returned here once and never stored.

    The profile page and /admin both come here, so every token has a random key, at least one
    scope and an expiry at most a year away."""
    owner = owner or actor
    if not getattr(actor, "is_authenticated", False):
        raise PermissionRefused(_("Cần đăng nhập."))
    if owner.pk != actor.pk and not actor.has_perm("accounts.add_apitoken"):
        raise PermissionRefused(_("Chỉ quản trị viên được tạo mã truy cập cho người khác."))
    if not owner.is_active:
        raise ValidationError(_("Tài khoản này đã bị khóa, không thể tạo mã truy cập."))
    wanted = set(scopes)
    if not wanted or not wanted <= set(tokens.ALL_SCOPES):
        raise ValidationError(_("Hãy chọn ít nhất một phạm vi hợp lệ: đọc, báo cáo hoặc kế hoạch."))
    wanted.add(TokenScope.READ)  # a token that may write may also read what it writes
    chosen = [s for s in tokens.ALL_SCOPES if s in wanted]
    if not 1 <= int(days) <= tokens.MAX_DAYS:
        raise ValidationError(_("Thời hạn của mã phải từ 1 đến %(max)s ngày.") % {"max": tokens.MAX_DAYS})
    key = tokens.new_key()
    token = ApiToken.objects.create(
        user=owner,
        name=name.strip()[:100],
        prefix=key[: tokens.SHOWN],
        digest=tokens.digest(key),
        scopes=",".join(chosen),
        expires_at=timezone.now() + timedelta(days=int(days)),
    )
    audit.record(actor=actor, action="token.create", subject=token, before=None,
                 after=audit.snapshot(token, ["user", "name", "prefix", "scopes", "expires_at"]))
    log.info("api token %s (%s) created for %s by %s", token.pk, token.scopes, owner.username, actor.username)
    return token, key


def token_revoke(*, user: Any, token_id: int) -> bool:
    """Revoke one of the user's own tokens (someone else's token id is simply not found).

    The row stays, marked revoked, so the owner still sees which key stopped working and when."""
    if not getattr(user, "is_authenticated", False):
        raise PermissionRefused(_("Cần đăng nhập."))
    revoked = _revoke(ApiToken.objects.filter(user=user, pk=token_id), "revoked by owner", actor=user)
    if revoked:
        log.info("api token %s revoked by %s", token_id, user.username)
    return bool(revoked)


def tokens_revoke_all(*, user_id: int, reason: str) -> int:
    """Revoke every live token of a person (password changed, account deactivated): the system's
    consequence of the account change, which the account's own history records."""
    return _revoke(ApiToken.objects.filter(user_id=user_id), reason, actor=None)


def tokens_revoke(*, actor: Any, token_ids: Iterable[int], reason: str) -> int:
    """Revoke the given tokens (an administrator's action in /admin); one audit event per token."""
    if not (getattr(actor, "is_authenticated", False) and actor.has_perm("accounts.change_apitoken")):
        raise PermissionRefused(_("Chỉ quản trị viên được thu hồi mã truy cập của người khác."))
    return _revoke(ApiToken.objects.filter(pk__in=list(token_ids)), reason, actor=actor)


def _revoke(tokens_qs: Any, reason: str, *, actor: Any) -> int:
    """Mark the live tokens of ``tokens_qs`` revoked; a person's revocation is audited token by token."""
    with transaction.atomic():
        live = list(tokens_qs.filter(revoked_at__isnull=True).select_for_update())
        now = timezone.now()
        for token in live:
            token.revoked_at, token.revoked_reason = now, reason[:100]
            token.save(update_fields=["revoked_at", "revoked_reason"])
            if actor is not None:
                audit.record(actor=actor, action="token.revoke", subject=token, before={"revoked_at": None},
                             after=audit.snapshot(token, ["revoked_at", "revoked_reason"]))
    if live:
        log.info("%s api tokens revoked: %s", len(live), reason)
    return len(live)


def language_set(*, user: Any, language: str) -> AccountPreference:
    """A person's own choice of the language of what is sent to them; audited like their other
    settings. Call inside the caller's transaction when saved with other settings."""
    if not getattr(user, "is_authenticated", False):
        raise PermissionRefused(_("Cần đăng nhập để đổi cài đặt."))
    if language not in {code for code, _name in settings.LANGUAGES}:
        raise ValidationError(_("Ngôn ngữ không hợp lệ."))
    with transaction.atomic():
        pref, created = AccountPreference.objects.select_for_update().get_or_create(user=user)
        before = None if created else audit.snapshot(pref, ["language"])
        if created or pref.language != language:
            pref.language = language
            pref.save(update_fields=["language"])
            audit.record(actor=user, action="account.language", subject=pref, before=before,
                         after=audit.snapshot(pref, ["language"]))
    return pref


# --------------------------------------------------------------------------- edits in /admin

# Every model that /admin writes (directly or as an inline), and what the audit keeps of each
# edit: the named fields, or ALL (every editable field and many-to-many, less _NEVER_KEPT). A model
# not listed here cannot be saved through admin_save (TypeError): theodoi.accounts.tests.
# test_admin_registry holds every registered admin to either this service or read-only.
ALL = None
_ADMIN_FIELDS: dict[str, tuple[str, ...] | None] = {
    "auth.user": ("username", "first_name", "last_name", "email", "is_active", "is_staff", "is_superuser",
                  "groups", "user_permissions"),
    "auth.group": ALL,
    "accounts.orgunit": ("name", "short_name", "code", "kind", "parent", "head_title", "valid_to", "successor"),
    "accounts.membership": ("user", "unit", "role"),
    "accounts.apitoken": ("user", "name", "prefix", "scopes", "expires_at", "revoked_at"),
    "documents.document": ALL,
    "plans.plan": ALL,
    "plans.indicator": ALL,
    "plans.target": ALL,
    "plans.assignment": ALL,
    "plans.task": ALL,
    "plans.actual": ALL,
    "reporting.reportingregime": ALL,
    "reporting.reportingduty": ALL,
    "investment.project": ALL,
    "investment.disbursementrulesetting": ALL,
    "notifications.notificationpreference": ALL,
    "axes.accessattempt": ("username", "ip_address", "failures_since_start", "attempt_time"),
}
# The password is never kept, not even hashed (the audit says only that it changed); nor a
# token's digest, nor a document's whole text and its folded copy (megabytes, and in the file).
_NEVER_KEPT = frozenset({"password", "digest", "text", "text_folded", "name_folded"})
_ADMIN_ENTITIES = {"auth.user": "user", "accounts.orgunit": "unit", "accounts.membership": "membership",
                   "accounts.apitoken": "token"}
_PEOPLE = {"auth.user", "auth.group", "accounts.orgunit", "accounts.membership", "accounts.apitoken"}


def admin_audited(model: Any) -> bool:
    """Whether /admin may write ``model`` through admin_save/admin_delete."""
    return str(model._meta.label_lower) in _ADMIN_FIELDS


def _admin_label(instance: Any) -> str:
    label = instance._meta.label_lower
    if label not in _ADMIN_FIELDS:
        raise TypeError(f"{label} is not edited through accounts.services.admin_save")
    return str(label)


def _admin_field_names(instance: Any, label: str) -> list[str]:
    opts = instance._meta
    named = _ADMIN_FIELDS[label]
    fields = [*opts.concrete_fields, *opts.many_to_many]
    if named is ALL:
        return [f.name for f in fields if f.editable and not f.primary_key and f.name not in _NEVER_KEPT]
    return [f.name for f in fields if f.name in named]


def _admin_snapshot(instance: Any, label: str) -> dict[str, Any]:
    """The kept fields, many-to-many as sorted ids (a group's permissions, a user's groups)."""
    names = _admin_field_names(instance, label)
    many = {f.name for f in instance._meta.many_to_many}
    files = {f.name for f in instance._meta.concrete_fields if isinstance(f, models.FileField)}
    out = audit.snapshot(instance, [n for n in names if n not in many | files])
    out.update({name: getattr(instance, name).name or "" for name in names if name in files})
    for name in (n for n in names if n in many):
        out[name] = sorted(getattr(instance, name).values_list("pk", flat=True)) if instance.pk else []
    return out


def _admin_allowed(actor: Any, instance: Any, verb: str, label: str) -> None:
    codename = f"{instance._meta.app_label}.{verb}_{instance._meta.model_name}"
    if not (getattr(actor, "is_authenticated", False) and actor.has_perm(codename)):
        if label in _PEOPLE:
            raise PermissionRefused(_("Chỉ quản trị viên được sửa tài khoản, đơn vị và vai trò."))
        raise PermissionRefused(_("Bạn không có quyền sửa mục này trong trang quản trị."))


def _admin_entity(label: str) -> str:
    return _ADMIN_ENTITIES.get(label, label.partition(".")[2])


def admin_save(*, actor: Any, instance: Any, created: bool, save_m2m: Callable[[], None] | None = None) -> Any:
    """Save a row as an administrator edited it in /admin, with one audit event (``user.create``,
    ``unit.update``, ``plan.update``…) of the fields before and after: /admin is the one place
    where rows are written without a business service, so it must leave the same trail.

    ``save_m2m`` (the admin form's) runs inside the same transaction, before the "after" snapshot,
    so a group's new permissions are in the event that records the change."""
    label = _admin_label(instance)
    _admin_allowed(actor, instance, "add" if created else "change", label)
    with transaction.atomic():
        stored = None if created else type(instance)._default_manager.filter(pk=instance.pk).first()
        before = _admin_snapshot(stored, label) if stored is not None else None
        instance.save()
        if save_m2m is not None:
            save_m2m()
        after = _admin_snapshot(instance, label)
        if label == "auth.user":
            changed = stored is None or stored.password != instance.password
            after["password_changed"] = changed
            if before is not None:
                before["password_changed"] = False
        verb = "create" if stored is None else "update"
        audit.record(actor=actor, action=f"{_admin_entity(label)}.{verb}", subject=instance, before=before,
                     after=after, note="admin")
    return instance


def admin_delete(*, actor: Any, instance: Any) -> None:
    """Delete a row from /admin; the audit keeps what it was."""
    label = _admin_label(instance)
    _admin_allowed(actor, instance, "delete", label)
    with transaction.atomic():
        audit.record(actor=actor, action=f"{_admin_entity(label)}.delete", subject=instance,
                     before=_admin_snapshot(instance, label), after=None, note="admin")
        instance.delete()
