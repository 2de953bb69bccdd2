"""`submit_load.py --profile N`: where a save's time goes, from cProfile over N saves made in this
process through the same URL, middleware, view and service as the server runs (Django's test
client instead of gunicorn and the socket), on the benchmark's database.

Prints the functions with the most time of their own and the project's functions by cumulative
time, and the mean wall time per save next to an empty GET /healthz in the same process.

Then, without the profiler, the statements of one API save and one web autosave, and the CPU of
each request, interleaved (healthz, API save, web autosave, again): this process's Python CPU and
the CPU of its PostgreSQL backend process (from /proc, so other work on a shared machine does not
count). Their total, as a multiple of the health check's, is what the closed-loop ratio of
``submit_load.py`` measures through gunicorn, without the load of other agents in it.
"""

from __future__ import annotations

import cProfile
import io
import json
import os
import pstats
import re
import time
from pathlib import Path
from typing import Any


def _save(client: Any, person: dict[str, Any], n: int) -> None:
    target = person["targets"][n % len(person["targets"])]
    body = {"expected_version": person["version"], "values": [{"target": target, "value": f"{n},5"}]}
    response = client.put(f"/api/reporting/forms/{person['form']}/values", data=json.dumps(body),
                          content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {person['token']}",
                          HTTP_HOST="127.0.0.1")
    assert response.status_code == 200, response.content[:200]
    person["version"] = response.json()["version"]


def _web_save(client: Any, person: dict[str, Any], n: int) -> None:
    target = person["targets"][n % len(person["targets"])]
    body = {"expected_version": person["version"], "values": [{"target": target, "value": f"{n},5"}]}
    client.cookies["sessionid"], client.cookies["csrftoken"] = person["session"], person["csrf"]
    response = client.post(f"/bao-cao-dinh-ky/bieu/{person['form']}/luu/", data=json.dumps(body),
                           content_type="application/json", HTTP_X_CSRFTOKEN=person["csrf"], HTTP_HOST="127.0.0.1",
                           HTTP_REFERER="http://127.0.0.1")
    assert response.status_code == 200, response.content[:200]
    person["version"] = response.json()["version"]


def _health(client: Any, person: dict[str, Any], n: int) -> None:
    assert client.get("/healthz", HTTP_HOST="127.0.0.1").status_code == 200


def _label(sql: str) -> str:
    """``UPDATE reporting_reportform``: the statement's verb and first table."""
    found = re.search(r'(?:FROM|UPDATE|INTO)\s+"?(\w+)', sql)
    return f"{sql.split(' ')[0]} {found.group(1)}" if found else sql[:20]


def _backend_cpu(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def cost_per_request(people: list[dict[str, Any]], rounds: int) -> None:
    """Statements of a save, and the CPU of each kind of request, interleaved (see the module doc)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    kinds = {"GET /healthz": _health, "API save": _save, "web autosave": _web_save}
    for name, fn in kinds.items():
        for n, person in enumerate(people[:20]):
            fn(client, person, n + 5000)  # warm; the unit's history is cached from here on
        with CaptureQueriesContext(connection) as queries:
            fn(client, people[0], 5100)
        sql = [q["sql"] for q in queries.captured_queries]
        print(f"{name:13} {len(sql)} statements: " + "; ".join(_label(s) for s in sql))
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = int(cursor.fetchone()[0])
    python = dict.fromkeys(kinds, 0.0)
    backend = dict.fromkeys(kinds, 0.0)
    for n in range(rounds):
        person = people[n % min(len(people), 20)]
        for name, fn in kinds.items():
            c0, p0 = time.process_time(), _backend_cpu(pid)
            fn(client, person, 6000 + n)
            python[name] += time.process_time() - c0
            backend[name] += _backend_cpu(pid) - p0
    floor = python["GET /healthz"] + backend["GET /healthz"]
    print(f"CPU per request, {rounds} of each interleaved, no profiler (load average {os.getloadavg()[0]:.1f}):")
    for name in kinds:
        total = python[name] + backend[name]
        print(f"  {name:13} Python {python[name] / rounds * 1000:.2f} ms + PostgreSQL backend "
              f"{backend[name] / rounds * 1000:.2f} ms = {total / rounds * 1000:.2f} ms, {total / floor:.2f} × healthz "
              f"(a closed-loop ratio of {floor / total:.2f})")


def profile_saves(people: list[dict[str, Any]], saves: int, top: int = 25) -> None:
    from django.test import Client

    client = Client()
    for n, person in enumerate(people[:20]):  # warm: imports, connections, caches
        _save(client, person, n)
    started = time.perf_counter()
    for _n in range(200):
        assert client.get("/healthz", HTTP_HOST="127.0.0.1").status_code == 200
    healthz = (time.perf_counter() - started) / 200
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    for n in range(saves):
        _save(client, people[n % len(people)], n + 100)
    profiler.disable()
    per_save = (time.perf_counter() - started) / saves
    print(f"profile: {saves} API saves in process, {per_save * 1000:.2f} ms each under cProfile; "
          f"GET /healthz {healthz * 1000:.2f} ms each (not profiled)")
    for sort, only in (("tottime", ""), ("cumulative", "theodoi/")):
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out)
        stats.sort_stats(sort).print_stats(only, top) if only else stats.sort_stats(sort).print_stats(top)
        print("\n".join(line for line in out.getvalue().splitlines() if line.strip())[:6000])
    cost_per_request(people, max(saves, 300))
