"""The page a locked-out login gets: the login form again, saying it is locked and until when.

django-axes counts failed logins and, once a username is locked, refuses it even with the right
password; it calls lockout_response (settings.AXES_LOCKOUT_CALLABLE) for the answer. The lock
ends LOGIN_LOCKOUT_MINUTES after the most recent failure, so that is the time shown.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from axes.helpers import get_client_ip_address, get_client_username, get_cool_off
from axes.models import AccessAttempt
from django.contrib.auth.forms import AuthenticationForm
from django.db.models import Max
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

log = logging.getLogger(__name__)


def locked_until(username: str, ip_address: str | None) -> datetime | None:
    """When the lock on this username (from this address) ends: last failure + the cool-off."""
    cool_off = get_cool_off()
    if cool_off is None:
        return None
    attempts = AccessAttempt.objects.filter(username=username)
    if ip_address:
        attempts = attempts.filter(ip_address=ip_address)
    last = attempts.aggregate(last=Max("attempt_time"))["last"]
    return (last or timezone.now()) + cool_off


def lockout_response(
    request: HttpRequest, original_response: HttpResponse | None = None, credentials: dict[str, Any] | None = None
) -> HttpResponse:
    username = get_client_username(request, credentials) or ""
    until = locked_until(username, get_client_ip_address(request))
    log.warning("login locked out for username %r from %s until %s", username, get_client_ip_address(request), until)
    form = AuthenticationForm(request, initial={"username": username})
    return render(
        request,
        "registration/login.html",
        {"form": form, "locked_until": until and timezone.localtime(until), "locked_username": username},
        status=429,
    )
