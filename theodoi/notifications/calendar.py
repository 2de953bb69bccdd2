"""An agency's reporting deadlines as an iCalendar feed (RFC 5545) for any calendar app.

Calendar apps fetch a feed without a browser session, so the feed URL carries a signed key
naming the person and the unit; the feed checks on every fetch that the person is still active
and still follows that unit, so a deactivated account's feed goes dark at once.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.core import signing
from django.urls import reverse
from icalendar import Calendar, Event

from theodoi.accounts.models import OrgUnit
from theodoi.notifications.selectors import due_reports, units_followed

_SALT = "theodoi.notifications.calendar"
PAST_DAYS, AHEAD_DAYS = 31, 400


def feed_key(user: Any, unit: OrgUnit) -> str:
    return signing.dumps({"u": user.pk, "unit": unit.pk}, salt=_SALT, compress=True)


def feed_owner(key: str, unit: OrgUnit) -> Any | None:
    """The active person the key was made for, if they still follow ``unit``; else None."""
    try:
        data = signing.loads(key, salt=_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or data.get("unit") != unit.pk or not isinstance(data.get("u"), int):
        return None
    user = get_user_model().objects.filter(pk=int(data["u"]), is_active=True).first()
    if user is None or unit.pk not in {u.pk for u in units_followed(user)}:
        return None
    return user


def unit_calendar(unit: OrgUnit, *, today: date, site_url: str = "") -> bytes:
    """All-day events on each deadline from a month back to about a year ahead."""
    cal = Calendar()
    cal.add("prodid", "-//theodoi//lich bao cao//VI")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", f"Hạn báo cáo — {unit.name}")
    for item in due_reports([unit], today - timedelta(days=PAST_DAYS), today + timedelta(days=AHEAD_DAYS)):
        event = Event()
        event.add("uid", item.uid)
        event.add("summary", f"Hạn gửi báo cáo {item.period.label} — {unit.name}")
        event.add("dtstart", item.due)
        event.add("dtend", item.due + timedelta(days=1))
        event.add("description", f"{item.regime.name}. Kỳ {item.period.label}.")
        if site_url and item.form_id:
            event.add("url", site_url.rstrip("/") + reverse("reporting:form", args=[item.form_id]))
        cal.add_component(event)
    return bytes(cal.to_ical())
