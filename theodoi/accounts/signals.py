"""What follows a person's account events.

- A person's API tokens stop working when their password changes or their account is deactivated:
  a token acts as its owner; an owner who changes a leaked password, or an administrator who locks
  an account, expects every way in to close, not only the web session.
- At sign-in, the pages turn to the language the account saved.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import pre_save
from django.dispatch import receiver

from theodoi.accounts.models import AccountPreference
from theodoi.accounts.services import tokens_revoke_all
from theodoi.core.middleware import ACCOUNT_LANGUAGE_SESSION_KEY


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


@receiver(user_logged_in, dispatch_uid="accounts.page_language_on_sign_in")
def page_language_on_sign_in(sender: Any, request: Any, user: Any, **_: Any) -> None:
    """A person who saved a language sees the pages in it once signed in, on any computer.

    Only a saved choice (an AccountPreference row) counts: without one, the EN/VI switch of this
    browser stays as it was. The page's middleware moves it into the language cookie."""
    hand_over_language(request, user)


def hand_over_language(request: Any, user: Any) -> None:
    """Put the account's saved language in the session for the next page (see
    core.middleware.LanguageChoiceMiddleware); nothing when none is saved or there is no session."""
    session = getattr(request, "session", None)
    if session is None or getattr(user, "pk", None) is None:
        return
    saved = AccountPreference.objects.filter(user_id=user.pk).values_list("language", flat=True).first()
    if saved:
        session[ACCOUNT_LANGUAGE_SESSION_KEY] = saved
