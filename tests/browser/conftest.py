"""Browser tests: Debian's Chromium driven by the Python playwright package against live_server.

Never `playwright install`: the browser is /usr/bin/chromium. Playwright's sync API runs an event
loop in the test thread, so Django's async-safety guard is relaxed for these tests only.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from theodoi.documents.testing import fake_extractor  # noqa: F401

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
# Module scope: one sync_playwright per thread at a time, and other modules start their own.

SHOTS = Path("/tmp/shots")
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is not installed")
    with sync_api.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page_as(browser: Any, live_server: Any) -> Iterator[Callable[[Any], Any]]:
    """page_as(user) is a Chromium page signed in as that user (None: anonymous)."""
    contexts: list[Any] = []

    def make(user: Any = None) -> Any:
        context = browser.new_context(locale="vi-VN", viewport={"width": 1360, "height": 900})
        contexts.append(context)
        if user is not None:
            from django.test import Client

            client = Client()
            client.force_login(user)
            context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value,
                                  "url": live_server.url}])
        page = context.new_page()
        page.set_default_timeout(15000)
        return page

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def shot() -> Callable[[Any, str], None]:
    SHOTS.mkdir(exist_ok=True)

    def take(page: Any, name: str) -> None:
        page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)

    return take


@pytest.fixture
def sign_in(live_server: Any) -> Callable[[Any, str], None]:
    """sign_in(page, username): through the login form, as a person does (the cast's password)."""
    from theodoi.test import PASSWORD

    def do(page: Any, username: str) -> None:
        page.goto(live_server.url + "/tai-khoan/dang-nhap/")
        page.fill("#id_username", username)
        page.fill("#id_password", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(live_server.url + "/")

    return do
