"""A person's API tokens stop working when their password changes or their account is deactivated.

A token acts as its owner; an owner who changes a leaked password, or an administrator who locks
an account, expects every way in to close, not only the web session.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db.models.signals import pre_save
from django.dispatch import receiver

from theodoi.accounts.services import tokens_revoke_all


@receiver(pre_save, sender=get_user_model(), dispatch_uid="accounts.revoke_tokens_on_credentials")
def revoke_tokens_on_credentials(sender: Any, instance: Any, update_fields: Any = None, **_: Any) -> None:
    if instance.pk is None or instance._state.adding:
        return
    if update_fields is not None and not {"password", "is_active"} & set(update_fields):
        return  # e.g. the last_login written at every sign-in
    before = sender.objects.filter(pk=instance.pk).values("password", "is_active").first()
    if before is None:
        return
    reasons = []
    if before["password"] != instance.password:
        reasons.append("password changed")
    if before["is_active"] and not instance.is_active:
        reasons.append("account deactivated")
    if reasons:
        tokens_revoke_all(user_id=instance.pk, reason=", ".join(reasons))
