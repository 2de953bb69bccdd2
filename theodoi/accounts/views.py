"""Account pages: the signed-in person's roles and units, and their personal API tokens."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from theodoi.accounts import services
from theodoi.accounts.models import ApiToken


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    return render(request, "accounts/profile.html", {
        "memberships": user.memberships.select_related("unit").order_by("unit__name"),
        "tokens": ApiToken.objects.filter(user=user).order_by("-created_at"),
        "new_key": request.session.pop("new_token_key", None),
    })


@login_required
@require_POST
def token_create(request: HttpRequest) -> HttpResponse:
    token = services.token_create(user=request.user, name=request.POST.get("name", ""))
    # Shown once on the next page, never stored anywhere the page can show it again.
    request.session["new_token_key"] = token.key
    messages.success(request, _("Đã tạo mã truy cập API; hãy sao chép ngay, mã chỉ hiện một lần."))
    return redirect("accounts:profile")


@login_required
@require_POST
def token_delete(request: HttpRequest, pk: int) -> HttpResponse:
    services.token_delete(user=request.user, token_id=pk)
    messages.success(request, _("Đã thu hồi mã truy cập."))
    return redirect("accounts:profile")
