"""The embedded default (SQLite file, `manage.py runserver`, thread jobs) under concurrent writers.

Twenty people open the upload form and save a document at the same moment, while the extraction
threads those uploads start write to the same file. With WAL, a busy timeout and IMMEDIATE write
transactions (theodoi/settings.py) every save is stored and no request fails with
"database is locked"; without them 2 of 20 concurrent form saves were 500s. The server is a real
subprocess on a SQLite file, not the test database (an in-memory database has no file locks).
"""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from theodoi.jobs.stack import ROOT, _wait_port, free_port

pytestmark = [pytest.mark.slow]
PEOPLE = 20


@pytest.fixture(scope="module")
def embedded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path, Path]]:
    base = tmp_path_factory.mktemp("embedded")
    env = {**os.environ, "DATABASE_URL": "", "CELERY_BROKER_URL": "", "REDIS_URL": "", "BACKGROUND_JOBS": "thread",
           "THEODOI_VAR_DIR": str(base), "MEDIA_ROOT": str(base / "media"), "DEBUG": "1", "PYTHONPATH": str(ROOT),
           "DJANGO_SETTINGS_MODULE": "theodoi.settings", "LOG_LEVEL": "WARNING"}
    subprocess.run([sys.executable, "manage.py", "migrate", "--noinput"], env=env, cwd=ROOT, check=True,
                   capture_output=True)
    subprocess.run([sys.executable, "-c", "import django; django.setup(); from theodoi.test import make_cast; "
                    "make_cast()"], env=env, cwd=ROOT, check=True, capture_output=True)
    port = free_port()
    log = base / "server.log"
    with open(log, "wb") as out:
        server = subprocess.Popen([sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
                                  env=env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
        try:
            _wait_port(port, 30, "runserver")
            yield f"http://127.0.0.1:{port}", base / "theodoi.sqlite3", log
        finally:
            server.kill()
            server.wait(timeout=10)


def _session(url: str) -> Any:
    import requests
    from django.urls import reverse

    from theodoi.test import PASSWORD

    session = requests.Session()
    login = url + reverse("accounts:login")
    session.get(login, timeout=10)
    response = session.post(login, data={"username": "planner", "password": PASSWORD,
                                         "csrfmiddlewaretoken": session.cookies["csrftoken"]},
                            headers={"Referer": login}, timeout=10, allow_redirects=False)
    assert response.status_code == 302
    return session


def test_twenty_concurrent_form_saves_are_all_stored(embedded: tuple[str, Path, Path]) -> None:
    from django.urls import reverse

    from theodoi.documents.testing import RESOLUTION

    url, database, log = embedded
    page = url + reverse("documents:upload")
    sessions = [_session(url) for _ in range(PEOPLE)]
    start = threading.Barrier(PEOPLE)
    statuses: list[int] = []

    def person(number: int) -> None:
        session = sessions[number]
        start.wait()
        form = session.get(page, timeout=60)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text)
        response = session.post(page, data={"title": f"vb{number}", "csrfmiddlewaretoken": token.group(1) if token else ""},
                                files={"file": (f"vb{number}.txt", f"{RESOLUTION}\nbản {number}\n".encode())},
                                headers={"Referer": page}, timeout=60, allow_redirects=False)
        statuses.extend([form.status_code, response.status_code])

    threads = [threading.Thread(target=person, args=(n,)) for n in range(PEOPLE)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert sorted(set(statuses)) == [200, 302], statuses
    assert len(statuses) == 2 * PEOPLE
    with sqlite3.connect(database) as conn:
        titles = {row[0] for row in conn.execute("SELECT title FROM documents_document")}
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert titles == {f"vb{n}" for n in range(PEOPLE)}
    # The extraction threads the uploads started write to the same file: all of them finish too.
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        with sqlite3.connect(database, timeout=20) as conn:
            states = {row[0] for row in conn.execute("SELECT status FROM documents_document")}
        if states == {"review"}:
            break
        time.sleep(0.5)
    assert states == {"review"}
    assert "database is locked" not in log.read_text(errors="replace")
