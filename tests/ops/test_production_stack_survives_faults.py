"""The README's production stack, faulted as an operator would, loses no document.

One test on purpose: starting PostgreSQL, Redis, gunicorn, two Celery workers and beat
(theodoi/jobs/stack.py) is most of its time. Documents go in through the real login and upload
forms over HTTP; then, each while a job is running: (a) kill -9 of the worker running it,
(b) PostgreSQL restarted in immediate mode, (c) Redis restarted empty. After each, every document
must end reviewable, or failed with a retry, within two minutes; the measured settle times are
printed. /readyz is checked along the way: 200 with a live worker, 503 with Redis down and with
every worker down. The workers are the project's real workers with extraction slowed to a few
seconds (theodoi/jobs/tests/slow_worker.py), so a fault can land in the middle of a job.

The test process uses no database of its own (it reads the stack's PostgreSQL directly), so it
runs in the SQLite pass of `make test`; it is skipped where PostgreSQL's or Redis's binaries are
missing. The embedded runner killed mid-job is theodoi/jobs/tests/test_killed_runners_lose_no_job.py.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from theodoi.jobs.stack import Stack, missing_tools

pytestmark = [pytest.mark.slow]
SETTLE_LIMIT_S = 120.0
SLOW_WORKER = ("-m", "theodoi.jobs.tests.slow_worker", "worker", "{name}")


@pytest.fixture(scope="module")
def stack() -> Iterator[Stack]:
    missing = missing_tools()
    if missing:
        pytest.skip(f"the production stack needs {', '.join(missing)}")
    running = Stack(worker_argv=SLOW_WORKER)
    try:
        running.start()
        yield running
    finally:
        running.stop()


def _rows(stack: Stack, sql: str) -> list[tuple[Any, ...]]:
    import psycopg

    with psycopg.connect(f"host=127.0.0.1 port={stack.pg_port} user=postgres dbname=theodoi",
                         connect_timeout=2) as conn:
        return list(conn.execute(sql).fetchall())


def _wait(what: str, check: Callable[[], bool], timeout: float) -> float:
    """Seconds until `check()` is true; database errors while it restarts count as "not yet"."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        try:
            if check():
                return time.monotonic() - started
        except Exception:  # noqa: BLE001 - the stack is being faulted: ask again
            pass
        time.sleep(0.2)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


def _signed_in(stack: Stack) -> Any:
    import requests
    from django.urls import reverse

    from theodoi.test import PASSWORD

    session = requests.Session()
    login = stack.url + reverse("accounts:login")
    _wait("the web server to answer", lambda: session.get(login, timeout=5).status_code == 200, timeout=30)
    response = session.post(login, data={"username": "planner", "password": PASSWORD,
                                         "csrfmiddlewaretoken": session.cookies["csrftoken"]},
                            headers={"Referer": login}, timeout=10, allow_redirects=False)
    assert response.status_code == 302, response.text[:500]
    return session


def _upload(stack: Stack, session: Any, title: str) -> float:
    """Upload one resolution through the upload form; returns how long the request took."""
    from django.urls import reverse

    from theodoi.documents.testing import RESOLUTION

    page = stack.url + reverse("documents:upload")
    form = session.get(page, timeout=10)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text)
    assert token, form.text[:500]
    started = time.monotonic()
    response = session.post(page, data={"title": title, "csrfmiddlewaretoken": token.group(1)},
                            files={"file": (f"{title}.txt", f"{RESOLUTION}\n{title}\n".encode())},
                            headers={"Referer": page}, timeout=30, allow_redirects=False)
    assert response.status_code == 302, response.text[:800]
    return time.monotonic() - started


def _running_pid(stack: Stack, title: str) -> int:
    rows = _rows(stack, "SELECT j.progress_message FROM jobs_job j JOIN documents_document d ON d.id = j.subject_id "
                        f"WHERE d.title = '{title}' AND j.state = 'running' ORDER BY j.id DESC LIMIT 1")
    return int(rows[0][0].split()[1]) if rows and rows[0][0].startswith("pid ") else 0


def _unsettled(stack: Stack) -> list[tuple[Any, ...]]:
    """Documents neither reviewable nor failed-with-a-retry (failed document, failed job)."""
    return _rows(stack, """
        SELECT d.title, d.status, j.state FROM documents_document d
        JOIN jobs_job j ON j.subject_id = d.id AND j.id = (SELECT max(id) FROM jobs_job WHERE subject_id = d.id)
        WHERE NOT (d.status = 'review' AND j.state = 'done') AND NOT (d.status = 'failed' AND j.state = 'failed')
    """)


def _ready(stack: Stack) -> tuple[int, dict[str, Any]]:
    import requests

    response = requests.get(stack.url + "/readyz", timeout=15)
    return response.status_code, response.json()


def _settle(stack: Stack, fault: str, settle_times: dict[str, float]) -> None:
    settle_times[fault] = round(_wait(f"every document to settle after {fault}", lambda: not _unsettled(stack),
                                      timeout=SETTLE_LIMIT_S), 1)


def test_kill_9_of_a_worker_postgres_and_redis_restarts_leave_no_document_stuck(stack: Stack,
                                                                                record_property: Any) -> None:
    settle_times: dict[str, float] = {}
    began = time.monotonic()
    session = _signed_in(stack)
    _wait("both workers to answer /readyz", lambda: _ready(stack) == (200, _ready(stack)[1])
          and _ready(stack)[1]["workers"] == "2 answering", timeout=40)

    # (a) kill -9 of the worker in the middle of the job: the other worker finishes it.
    upload_s = [_upload(stack, session, "a1"), _upload(stack, session, "a2")]
    _wait("a worker to start a1", lambda: _running_pid(stack, "a1") > 0, timeout=30)
    victim = _running_pid(stack, "a1")
    name = next(n for n, pid in stack.worker_pids().items() if pid == victim)
    stack.kill(name)
    _settle(stack, "worker kill -9", settle_times)
    assert _rows(stack, "SELECT max(attempts) FROM jobs_job")[0][0] >= 2  # a1 really ran twice
    status, body = _ready(stack)
    assert (status, body["workers"]) == (200, "1 answering"), body

    # (b) PostgreSQL restarted in immediate mode (every connection cut) while a job runs.
    upload_s.append(_upload(stack, session, "b1"))
    _wait("a worker to start b1", lambda: _running_pid(stack, "b1") > 0, timeout=30)
    stack.restart_postgres()
    _settle(stack, "PostgreSQL immediate restart", settle_times)

    # (c) Redis restarted empty while one job runs and another waits in its queue.
    upload_s += [_upload(stack, session, "c1"), _upload(stack, session, "c2")]
    _wait("a worker to start c1", lambda: _running_pid(stack, "c1") > 0, timeout=30)
    stack.stop_redis()
    status, body = _ready(stack)
    assert (status, body["broker"]) == (503, "unavailable"), body
    stack.start_redis()
    _settle(stack, "Redis restarted empty", settle_times)
    _wait("/readyz to be 200 again with the worker back on Redis", lambda: _ready(stack)[0] == 200, timeout=30)

    # Every worker down: /readyz says so.
    for name in list(stack.worker_pids()):
        stack.kill(name)
    status, body = _ready(stack)
    assert (status, body["workers"]) == (503, "no worker answered"), body

    states = dict(_rows(stack, "SELECT title, status FROM documents_document"))
    assert states == dict.fromkeys(("a1", "a2", "b1", "c1", "c2"), "review"), states
    record_property("settle_seconds", settle_times)
    print(f"\nsettle times (s): {settle_times}; upload requests (s): {[round(s, 2) for s in upload_s]}; "
          f"faults and checks took {time.monotonic() - began:.0f} s after start-up")
    assert max(settle_times.values()) < SETTLE_LIMIT_S
    assert max(upload_s) < 5, "an upload request waited on the job"
