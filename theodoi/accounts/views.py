"""Account pages: the signed-in person's roles and units, and their personal API tokens."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from theodoi.accounts import services
from theodoi.accounts.forms import TokenForm
from theodoi.accounts.models import ApiToken


def _profile(request: HttpRequest, form: TokenForm, status: int = 200) -> HttpResponse:
    user: Any = request.user
    return render(request, "accounts/profile.html", {
        "memberships": user.memberships.select_related("unit").order_by("unit__name"),
        "tokens": ApiToken.objects.filter(user=user).order_by("-created_at"),
        "now": timezone.now(),
        "new_key": request.session.pop("new_token_key", None),
        "token_form": form,
    }, status=status)


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    return _profile(request, TokenForm())


@login_required
@require_POST
def token_create(request: HttpRequest) -> HttpResponse:
    form = TokenForm(request.POST)
    if not form.is_valid():
        return _profile(request, form, status=400)
    try:
        _token, key = services.token_create(
            actor=request.user, name=form.cleaned_data["name"],
            scopes=form.cleaned_data["scopes"], days=form.cleaned_data["days"],
        )
    except ValidationError as exc:
        form.add_error(None, exc)
        return _profile(request, form, status=400)
    # Shown once on the next page; only the digest is stored.
    request.session["new_token_key"] = key
    messages.success(request, _("Đã tạo mã truy cập API; hãy sao chép ngay, mã chỉ hiện một lần."))
    return redirect("accounts:profile")


@login_required
@require_POST
def token_delete(request: HttpRequest, pk: int) -> HttpResponse:
    if services.token_revoke(user=request.user, token_id=pk):
        messages.success(request, _("Đã thu hồi mã truy cập."))
    return redirect("accounts:profile")
