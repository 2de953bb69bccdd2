"""A value's evidence file goes out only to those who may open the value's history page.

Sở Y tế's evidence: its reporter, its head, the planner and the leader get the bytes; the district's
reporter gets what the page gives them (no bytes); anonymous callers are sent to the login page.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from theodoi.reporting.services import form_open_or_create, value_evidence_attach

pytestmark = pytest.mark.django_db

EVIDENCE = b"%PDF-1.4 minh chung so giuong benh"
MEMBERS = ("planner", "health_reporter", "health_head", "district_reporter", "leader", "anonymous")


def _body(response: Any) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.fixture
def value(world: Any) -> Any:
    c = world.cast
    form = form_open_or_create(user=c.health_reporter, regime=world.regime, unit=c.health, period_key=world.period.key)
    value = form.values.get(target=world.beds)
    value_evidence_attach(user=c.health_reporter, value=value, file=SimpleUploadedFile("thống-kê giường.pdf", EVIDENCE))
    return value


def _client(world: Any, member: str) -> Client:
    client = Client()
    if member != "anonymous":
        client.force_login(getattr(world.cast, member))
    return client


@pytest.mark.parametrize("member", MEMBERS)
def test_the_evidence_answers_as_the_history_page_does(world: Any, value: Any, member: str) -> None:
    client = _client(world, member)
    page = client.get(reverse("reporting:history", args=[value.pk]))
    response = client.get(reverse("reporting:evidence", args=[value.pk]))
    assert response.status_code == page.status_code
    expected = {"district_reporter": 403, "anonymous": 302}.get(member, 200)
    assert response.status_code == expected
    if expected == 200:
        assert _body(response) == EVIDENCE
        # The Vietnamese name survives (RFC 5987 filename*; the storage made the space a "_"), its folders do not.
        # (a name already taken gets the storage's random suffix).
        assert re.search(r"filename\*=utf-8''th%E1%BB%91ng-k%C3%AA_gi%C6%B0%E1%BB%9Dng(_\w{7})?\.pdf$",
                         response["Content-Disposition"]), response["Content-Disposition"]
        assert response["Content-Disposition"].startswith("attachment;")
    else:
        assert EVIDENCE not in _body(response)


def test_the_history_page_links_the_evidence_through_the_view(world: Any, value: Any) -> None:
    page = _client(world, "health_reporter").get(reverse("reporting:history", args=[value.pk]))
    assert reverse("reporting:evidence", args=[value.pk]).encode() in page.content
    assert b"/media/" not in page.content
    assert re.search(r">thống-kê_giường(_\w{7})?\.pdf<", page.content.decode())


def test_a_value_without_evidence_or_unknown_is_a_404(world: Any, value: Any) -> None:
    other = value.form.values.get(target=world.insured)
    client = _client(world, "planner")
    assert client.get(reverse("reporting:evidence", args=[other.pk])).status_code == 404
    assert client.get(reverse("reporting:evidence", args=[999999])).status_code == 404


def test_with_debug_off_the_evidence_is_still_served(world: Any, value: Any, settings: Any) -> None:
    settings.DEBUG = False
    response = _client(world, "health_head").get(reverse("reporting:evidence", args=[value.pk]))
    assert response.status_code == 200
    assert _body(response) == EVIDENCE
