"""`submit_load.py --profile N`: where a save's time goes, from cProfile over N saves made in this
process through the same URL, middleware, view and service as the server runs (Django's test
client instead of gunicorn and the socket), on the benchmark's database.

Prints the functions with the most time of their own and the project's functions by cumulative
time, and the mean wall time per save next to an empty GET /healthz in the same process.
"""

from __future__ import annotations

import cProfile
import io
import json
import pstats
import time
from typing import Any


def _save(client: Any, person: dict[str, Any], n: int) -> None:
    target = person["targets"][n % len(person["targets"])]
    body = {"expected_version": person["version"], "values": [{"target": target, "value": f"{n},5"}]}
    response = client.put(f"/api/reporting/forms/{person['form']}/values", data=json.dumps(body),
                          content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {person['token']}",
                          HTTP_HOST="127.0.0.1")
    assert response.status_code == 200, response.content[:200]
    person["version"] = response.json()["version"]


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

