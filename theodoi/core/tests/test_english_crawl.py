"""Every page a planner, a leader, an approver, a district reporter or a visitor can reach in the demo, in English, shows no Vietnamese chrome.

The page lists of test_english_complete name the main pages; this walks the links instead, from
the home page of the loaded demo (targets, tasks, documents, reports, maps, trail…), so that a page
nobody thought of is checked too. Links are followed by shape (numbers stand for ids): two pages of
each shape, downloads, the admin, the API and the feeds left out.
"""

from __future__ import annotations

import re
from collections import deque
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client

from theodoi.core.tests.test_english_complete import _data_strings, vietnamese_chrome

_HREF = re.compile(r'href="(/[^"#]*)')
_SKIP = re.compile(r"^/(admin|api|i18n|jsi18n|static|tai-khoan/dang-xuat)|\.(docx|xlsx|pdf|ics|csv|txt|json)\b"
                   r"|tai-ve|tai-xuong|xuat|download|/tep/")
PER_SHAPE = 2
MAX_PAGES = 200


def _shape(url: str) -> str:
    """The URL with its ids and slugs (units, fields, projects) replaced: one shape per kind of page."""
    path = re.sub(r"(don-vi|linh-vuc|du-an)/[^/]+/", r"\1/S/", url.split("?")[0])
    return re.sub(r"\d+", "N", path) + ("?" + "&".join(sorted(
        p.split("=")[0] for p in url.split("?")[1].split("&"))) if "?" in url else "")


def queue_left(queue: deque[str], visited: set[str], seen_shapes: dict[str, int]) -> list[str]:
    """Links still to visit when the walk stopped (it must stop because it is done, not at the cap)."""
    return [u for u in queue if u not in visited and not _SKIP.search(u) and seen_shapes.get(_shape(u), 0) < PER_SHAPE]


def crawl(client: Client, start: str) -> dict[str, list[str]]:
    data = _data_strings()
    seen_shapes: dict[str, int] = {}
    queue = deque([start])
    visited: set[str] = set()
    offenders: dict[str, list[str]] = {}
    while queue and len(visited) < MAX_PAGES:
        url = queue.popleft().replace("&amp;", "&")
        shape = _shape(url)
        if url in visited or _SKIP.search(url) or seen_shapes.get(shape, 0) >= PER_SHAPE:
            continue
        visited.add(url)
        seen_shapes[shape] = seen_shapes.get(shape, 0) + 1
        response = client.get(url)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        html = response.content.decode()
        left = vietnamese_chrome(html, data)
        if left:
            offenders[url] = left[:4]
        queue.extend(_HREF.findall(html))
    assert len(visited) > 5 and not queue_left(queue, visited, seen_shapes), sorted(visited)
    return offenders


@pytest.mark.django_db
@pytest.mark.parametrize("username", ["planner", "leader", "yte_head", "dakha_reporter", ""])
def test_the_demo_in_english_shows_no_vietnamese_chrome(username: str, tmp_path: Path,
                                                       django_capture_on_commit_callbacks: Any) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        call_command("loaddemo", "--sample-dir", str(tmp_path), stdout=StringIO())
    client = Client()
    if username:  # "": nobody signed in, the public pages
        client.force_login(get_user_model().objects.get(username=username))
    client.cookies["django_language"] = "en"
    offenders = crawl(client, "/")
    assert offenders == {}, "\n".join(f"{k}: {v}" for k, v in offenders.items())
