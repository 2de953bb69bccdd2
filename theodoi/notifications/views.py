"""Pages: reports due this week, notification settings, and the calendar feed."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from theodoi.accounts.models import OrgUnit
from theodoi.accounts.selectors import language_of
from theodoi.accounts.signals import hand_over_language
from theodoi.notifications import calendar, selectors, services
from theodoi.notifications.models import EmailMode

WEEK_DAYS = 7
FEEDS_LISTED = 3


@login_required
def due_this_week(request: HttpRequest) -> HttpResponse:
    """Reports the person's units owe in the next seven days, and those already late this week."""
    units = selectors.units_followed(request.user)
    code = request.GET.get("don-vi", "")
    chosen = next((u for u in units if u.code == code), None)
    if code and chosen is None:
        raise Http404("unit not followed")
    today = timezone.localdate()
    shown = [chosen] if chosen else units
    items = selectors.due_reports(shown, today - timedelta(days=WEEK_DAYS), today + timedelta(days=WEEK_DAYS))
    # One calendar per unit: offered for the chosen unit, or for each of a reporter's few units.
    feed_units = shown if len(shown) <= FEEDS_LISTED else []
    feeds = [(u, request.build_absolute_uri(reverse("notifications:calendar", args=[u.code]))
              + "?khoa=" + calendar.feed_key(request.user, u)) for u in feed_units]
    return render(request, "notifications/due_this_week.html", {
        "units": units, "chosen": chosen, "today": today, "feeds": feeds,
        "late": [i for i in items if i.due < today and not i.is_submitted],
        "upcoming": [i for i in items if i.due >= today],
    })


@login_required
def preferences(request: HttpRequest) -> HttpResponse:
    pref = selectors.preference_for(request.user)
    if request.method == "POST":
        try:
            services.preference_update(
                user=request.user, email_mode=request.POST.get("email_mode", ""),
                message_enabled=request.POST.get("message_enabled") == "on",
                message_address=request.POST.get("message_address", ""),
                language=request.POST.get("language") or None,
            )
        except services.PreferenceError as exc:
            messages.error(request, exc.message_vi)
            return render(request, "notifications/preferences.html",
                          _preferences_context(request, pref, posted=request.POST), status=400)
        hand_over_language(request, request.user)  # the pages follow the language just saved
        messages.success(request, _("Đã lưu cài đặt thông báo."))
        return redirect("notifications:preferences")
    return render(request, "notifications/preferences.html", _preferences_context(request, pref))


def _preferences_context(request: HttpRequest, pref: Any, posted: Any = None) -> dict[str, Any]:
    """Each language is offered under its own name (as the EN/VI switch does), so a reader who
    does not read the page's language still finds theirs."""
    return {"pref": pref, "modes": EmailMode.choices, "posted": posted,
            "languages": settings.LANGUAGES, "language": language_of(request.user)}


def calendar_feed(request: HttpRequest, code: str) -> HttpResponse:
    """No session: the signed key in the URL stands for the person (see calendar.py)."""
    unit = get_object_or_404(OrgUnit, code=code)
    if calendar.feed_owner(request.GET.get("khoa", ""), unit) is None:
        raise Http404("bad or expired calendar key")
    body = calendar.unit_calendar(unit, today=timezone.localdate(), site_url=request.build_absolute_uri("/"))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="han-bao-cao-{unit.code}.ics"'
    return response
