"""Concurrent reporters saving values against a running server on PostgreSQL.

    .venv/bin/python benchmarks/submit_load.py [--duration 60] [--users 50] [--workers N]
    .venv/bin/python benchmarks/submit_load.py --open-loop [--reporters 300] [--interval 2] [--endpoint both]

Open loop (``--open-loop``, how a province types): each of ``--reporters`` officials saves once every
``--interval`` seconds with ±``--jitter`` spread, whether or not the server has answered the last
save; latency is measured from the *scheduled* send time, so a server that falls behind shows it
(no coordinated omission). Run against the API, the web grid's autosave, or both in turn; then the
closed-loop maximum (``--users`` saving back to back for ``--closed-seconds``) and GET /healthz
through the same server give the ratio "closed-loop max / floor". Goal: p99 < 150 ms, 0 errors,
0 lost; closed-loop max >= 0.5 x the floor.

Creates a fresh PostgreSQL database (dropped at the end), migrates it, seeds one unit, reporter,
API token and open monthly form per user, starts gunicorn on it, then has every user save values
(`PUT /api/reporting/forms/{id}/values`, Vietnamese number text, with the optimistic version check)
as fast as the server answers, for ``--duration`` seconds. Prints sustained saves/s, p50/p99
latency, errors, and the raw psycopg single-row INSERT+COMMIT rate measured on the same database in
the same run; afterwards checks that every acknowledged save is in the database.
Server: gunicorn gthread, one worker per core plus one, 4 threads each, persistent DB connections
(DB_CONN_MAX_AGE=600). Client: one keep-alive connection per user on plain asyncio streams.
Goal: saves/s >= 0.25 x raw rate, p99 < 150 ms, 0 lost.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from load_client import run_floor, run_load, run_open_loop  # noqa: E402  (beside this script)


def parse_args() -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--duration", type=float, default=60.0, help="seconds of load (default 60)")
    p.add_argument("--users", type=int, default=50, help="concurrent reporters (default 50)")
    # CPU-bound Python: one worker process per core plus one (to run while another waits on a commit),
    # and a few threads each so that a worker waiting on PostgreSQL still takes the next request.
    p.add_argument("--server", choices=["gunicorn", "granian"], default="gunicorn", help="WSGI server")
    p.add_argument("--workers", type=int, default=(os.cpu_count() or 2) + 1, help="gunicorn workers")
    p.add_argument("--threads", type=int, default=4, help="threads per gunicorn worker")
    p.add_argument("--keep-alive", type=int, default=2,
                   help="gunicorn keep-alive seconds (0: a connection per request, spread over the workers)")
    p.add_argument("--targets", type=int, default=5, help="targets per form")
    p.add_argument("--warmup", type=float, default=5.0, help="seconds of unrecorded load first (imports, connections)")
    p.add_argument("--port", type=int, default=0, help="server port (default: a free one)")
    p.add_argument("--pg", default=os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432"),
                   help="PostgreSQL server URL without database name")
    p.add_argument("--endpoint", choices=["auto", "api", "web", "both"], default="auto",
                   help="api: PUT /api/reporting/forms/{id}/values (bearer token); web: the grid's autosave "
                        "POST /bao-cao-dinh-ky/bieu/{id}/luu/ (session + CSRF); auto: api when mounted")
    p.add_argument("--floor-seconds", type=float, default=10.0,
                   help="seconds of GET /healthz load after the run (0: skip): the server's ceiling")
    p.add_argument("--raw-seconds", type=float, default=5.0, help="seconds of the raw INSERT+COMMIT measure")
    p.add_argument("--open-loop", action="store_true",
                   help="reporters save on a schedule (one save per --interval s each), latency from the schedule")
    p.add_argument("--reporters", type=int, default=300, help="open loop: reporters (default 300)")
    p.add_argument("--interval", type=float, default=2.0, help="open loop: seconds between a reporter's saves")
    p.add_argument("--jitter", type=float, default=0.25, help="open loop: ± share of the interval (default 0.25)")
    p.add_argument("--profile", type=int, default=0, metavar="N",
                   help="profile N API saves in this process (cProfile) and stop: where a save's time goes")
    p.add_argument("--db", default=os.environ.get("BENCH_DB", ""),
                   help="name of the benchmark's own database (created and dropped; default theodoi_bench_<pid>)")
    p.add_argument("--closed-seconds", type=float, default=15.0,
                   help="open loop: seconds of the closed-loop maximum measured after it (0: skip)")
    return p.parse_args()


def admin_sql(pg: str, sql: str) -> None:
    import psycopg

    with psycopg.connect(f"{pg}/postgres", autocommit=True) as conn:
        conn.execute(sql)


def raw_insert_rate(url: str, seconds: float) -> float:
    """Single connection, one row per transaction: the floor cost of a durable write on this server."""
    import psycopg

    with psycopg.connect(url) as conn:
        conn.execute("CREATE TABLE IF NOT EXISTS bench_raw (id bigserial primary key, at timestamptz, v text)")
        conn.commit()
        n, start = 0, time.perf_counter()
        while time.perf_counter() - start < seconds:
            conn.execute("INSERT INTO bench_raw (at, v) VALUES (now(), %s)", (f"{n},5",))
            conn.commit()
            n += 1
        rate = n / (time.perf_counter() - start)
        conn.execute("DROP TABLE bench_raw")
        conn.commit()
    return rate


def seed(users: int, targets: int) -> list[dict[str, Any]]:
    """Units, reporters, tokens, a plan with targets, the seed regime and one open form per user."""
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
    from django.contrib.sessions.backends.db import SessionStore
    from django.core.management import call_command

    from theodoi.accounts.models import Membership, OrgUnit, Role, UnitKind
    from theodoi.accounts.testing import bearer_key
    from theodoi.plans.models import Indicator, Plan, Target
    from theodoi.reporting.periods import Period, PeriodKind
    from theodoi.reporting.services import duties_from_plan, form_open_or_create, regime_ensure_seed

    call_command("migrate", verbosity=0)
    province = OrgUnit.objects.create(name="UBND tỉnh (bench)", code="bench-tinh", kind=UnitKind.PROVINCE)
    plan = Plan.objects.create(name="Kế hoạch (bench)", year_start=2026, year_end=2026, unit=province)
    User = get_user_model()
    people: list[dict[str, Any]] = []
    for i in range(users):
        unit = OrgUnit.objects.create(name=f"Sở thứ {i + 1}", code=f"bench-{i}", parent=province)
        user = User(username=f"bench{i}", first_name="Cán bộ", last_name=f"số {i}")
        user.set_unusable_password()
        user.save()
        Membership.objects.create(user=user, unit=unit, role=Role.REPORTER)
        key = bearer_key(user, name=f"bench-{i}")
        session = SessionStore()
        session[SESSION_KEY], session[BACKEND_SESSION_KEY] = str(user.pk), settings.AUTHENTICATION_BACKENDS[-1]
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        ids = []
        for t in range(targets):
            ind = Indicator.objects.create(name=f"Chỉ tiêu {t + 1} của {unit.name}", unit="tỷ đồng")
            ids.append(Target.objects.create(plan=plan, indicator=ind, value=1000, unit="tỷ đồng", period="2026",
                                             responsible_unit=unit).pk)
        people.append({"user": user, "unit": unit, "token": key, "targets": ids,
                       "session": session.session_key, "csrf": f"{random.getrandbits(128):032x}"})
    regime = regime_ensure_seed()
    duties_from_plan(user=None, regime=regime, plan=plan)
    key = Period(PeriodKind.MONTHLY, 2026, 12).key
    for p in people:
        form = form_open_or_create(user=p["user"], regime=regime, unit=p["unit"], period_key=key)
        p["form"], p["version"] = form.pk, form.version
    return people



def verify(acks: list) -> int:
    """Every acknowledged save must be a stored version with that value; returns how many are lost."""
    from decimal import Decimal

    from theodoi.reporting.models import ValueVersion

    stored = {
        (form_id, target_id, Decimal((after or {})["value"]))
        for form_id, target_id, after in ValueVersion.objects.filter(action="save").values_list(
            "value__form_id", "value__target_id", "after"
        )
    }
    return sum((f, t, Decimal(v)) not in stored for f, t, v, _ in acks)


def wait_for(url: str, proc: subprocess.Popen, seconds: float = 60) -> None:
    import httpx

    deadline = time.time() + seconds
    while time.time() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited with {proc.returncode}")
        try:
            if httpx.get(url, timeout=1).status_code < 500:
                return
        except httpx.HTTPError:
            time.sleep(0.3)
    raise SystemExit("server did not start")


def cpu_seconds(pid: int) -> float:
    """User+system CPU of a process and its children (gunicorn master and workers), from /proc."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    pids = [pid]
    try:
        pids += [int(x) for x in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return 0.0
    for p in pids:
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / ticks  # utime, stime
    return total


def postgres_cpu_seconds() -> float:
    """User+system CPU of every PostgreSQL process on this machine (0 when they are not visible)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            head, _, rest = (entry / "stat").read_text().rpartition(")")
        except OSError:
            continue
        if "postgres" in head.rsplit("(", 1)[-1]:
            fields = rest.split()
            total += (int(fields[11]) + int(fields[12])) / ticks
    return total


def per_request(server_cpu: float, pg_cpu: float, requests: int) -> str:
    """``server 4.0 ms, PostgreSQL 1.2 ms``: CPU seconds of a phase shared out over its requests."""
    n = max(requests, 1)
    return f"server {server_cpu / n * 1000:.2f} ms, PostgreSQL {pg_cpu / n * 1000:.2f} ms"


def server_command(args: argparse.Namespace) -> list[str]:
    """The WSGI server under test: gunicorn (gthread) or granian, both serving theodoi.wsgi."""
    if args.server == "granian":
        return [str(ROOT / ".venv/bin/granian"), "--interface", "wsgi", "--host", "127.0.0.1", "--port", str(args.port),
                "--workers", str(args.workers), "--blocking-threads", str(args.threads), "--log-level", "warning",
                "--no-ws", "theodoi.wsgi:application"]
    return [str(ROOT / ".venv/bin/gunicorn"), "theodoi.wsgi:application", "-b", f"127.0.0.1:{args.port}",
            "-w", str(args.workers), "-k", "gthread", "--threads", str(args.threads), "--log-level", "warning",
            "--preload", "--keep-alive", str(args.keep_alive), "--backlog", "2048"]


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def percentile(values_ms: list[float], q: float) -> float:
    ordered = sorted(values_ms) or [0.0]
    return ordered[min(len(ordered) - 1, int(len(ordered) * q))]


def resolve_endpoints(base: str, endpoint: str) -> list[str]:
    if endpoint == "both":
        return ["api", "web"]
    if endpoint != "auto":
        return [endpoint]
    import httpx

    mounted = httpx.get(f"{base}/api/openapi.json").json().get("paths", {})
    return ["api" if "/api/reporting/forms/{form_id}/values" in mounted else "web"]


def open_loop(args: argparse.Namespace, base: str, server: subprocess.Popen, people: list[dict]) -> tuple[bool, list]:
    """Each endpoint: the open-loop schedule, then the closed-loop maximum; then the /healthz floor."""
    all_acks: list = []
    rows: list[str] = []
    ok = True
    closed_rates: list[float] = []
    for endpoint in resolve_endpoints(base, args.endpoint):
        offered = args.reporters / args.interval
        print(f"{endpoint}: open loop, {args.reporters} reporters × one save per {args.interval:g} s "
              f"(±{args.jitter:.0%}) = {offered:.0f} saves/s offered, {args.duration:g} s…", flush=True)
        if args.warmup > 0:
            _, warm, _, _ = asyncio.run(run_load(base, people[: args.users], args.warmup, endpoint))
            all_acks += warm
        cpu0, pg0 = cpu_seconds(server.pid), postgres_cpu_seconds()
        lat, acks, errors, elapsed = asyncio.run(run_open_loop(base, people[: args.reporters], args, endpoint))
        server_cpu, pg_cpu = cpu_seconds(server.pid) - cpu0, postgres_cpu_seconds() - pg0
        all_acks += acks
        ms = [x * 1000 for x in lat]
        p50, p99 = percentile(ms, 0.5), percentile(ms, 0.99)
        ok = ok and p99 < 150 and not errors
        rows.append(f"{endpoint:4} open loop   {len(acks) / elapsed:7.1f} saves/s of {offered:.0f} offered; "
                    f"p50 {p50:.1f} ms, p99 {p99:.1f} ms, max {max(ms or [0]):.0f} ms; errors {len(errors)}"
                    + (f" (first: {errors[0]})" if errors else "")
                    + f"; CPU/save server {server_cpu / max(len(acks), 1) * 1000:.1f} ms, "
                      f"PostgreSQL {pg_cpu / max(len(acks), 1) * 1000:.2f} ms")
        if args.closed_seconds > 0:
            cpu0, pg0 = cpu_seconds(server.pid), postgres_cpu_seconds()
            _, c_acks, c_errors, c_elapsed = asyncio.run(run_load(base, people[: args.users], args.closed_seconds,
                                                                  endpoint))
            c_cpu = per_request(cpu_seconds(server.pid) - cpu0, postgres_cpu_seconds() - pg0, len(c_acks))
            all_acks += c_acks
            closed_rates.append(len(c_acks) / c_elapsed)
            ok = ok and not c_errors
            rows.append(f"{endpoint:4} closed loop {closed_rates[-1]:7.1f} saves/s max ({args.users} users back to "
                        f"back, {c_elapsed:.0f} s); errors {len(c_errors)}; CPU/save {c_cpu}")
    cpu0, pg0 = cpu_seconds(server.pid), postgres_cpu_seconds()
    floor = asyncio.run(run_floor(base, args.users, args.floor_seconds)) if args.floor_seconds > 0 else 0.0
    f_cpu = per_request(cpu_seconds(server.pid) - cpu0, postgres_cpu_seconds() - pg0,
                        int(floor * args.floor_seconds))
    print()
    for row in rows:
        print(row)
    if floor:
        print(f"floor GET /healthz    {floor:.1f}/s (same server, client and users); CPU/request {f_cpu}")
        for rate in closed_rates:
            ok = ok and rate >= 0.5 * floor
            print(f"closed max / floor    {rate / floor:.2f}  (goal >= 0.50)")
    print(f"machine               {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}")
    return ok, all_acks


def main() -> int:
    args = parse_args()
    if args.open_loop:
        # A reporter pauses `interval` s between saves: the server must keep the connection open that long.
        args.keep_alive = max(args.keep_alive, int(args.interval * (1 + args.jitter)) + 3)
    args.port = args.port or free_port()
    db = args.db or f"theodoi_bench_{os.getpid()}"
    url = f"{args.pg}/{db}"
    env = {**os.environ, "DATABASE_URL": url, "DEBUG": "0", "SECRET_KEY": "bench-only", "DB_CONN_MAX_AGE": "600",
           "ALLOWED_HOSTS": "127.0.0.1,localhost", "LOG_LEVEL": "WARNING", "DJANGO_SETTINGS_MODULE": "theodoi.settings",
           "REDIS_URL": "", "CELERY_BROKER_URL": ""}
    os.environ.update(env)
    admin_sql(args.pg, f'CREATE DATABASE "{db}"')
    server = None
    try:
        n_people = max(args.users, args.reporters) if args.open_loop else args.users
        print(f"database {db}: migrating and seeding {n_people} reporters…", flush=True)
        people = seed(n_people, args.targets)
        if args.profile:
            from save_profile import profile_saves

            profile_saves(people, args.profile)
            from django.db import connections

            connections.close_all()
            admin_sql(args.pg, f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')
            return 0
        raw_before = 0.0 if args.open_loop else raw_insert_rate(url, args.raw_seconds)
        server = subprocess.Popen(server_command(args), cwd=ROOT, env=env, start_new_session=True)
        base = f"http://127.0.0.1:{args.port}"
        wait_for(f"{base}/api/openapi.json", server)
        if args.open_loop:
            passed, acks = open_loop(args, base, server, people)
            return finish_open_loop(args, db, server, passed, acks)
        endpoint = resolve_endpoints(base, args.endpoint)[0]
        print(f"{args.server}: {args.workers} workers × {args.threads} threads; endpoint {endpoint}; "
              f"load {args.users} users × {args.duration:g} s…", flush=True)
        if args.warmup > 0:
            _, warm_acks, warm_errors, _ = asyncio.run(run_load(base, people, args.warmup, endpoint))
            print(f"warm-up: {len(warm_acks)} saves, {len(warm_errors)} errors (not counted)", flush=True)
        else:
            warm_acks = []
        cpu0, load0, client0 = cpu_seconds(server.pid), os.getloadavg()[0], time.process_time()
        pg0 = postgres_cpu_seconds()
        lat, acks, errors, elapsed = asyncio.run(run_load(base, people, args.duration, endpoint))
        server_cpu, load1 = cpu_seconds(server.pid) - cpu0, os.getloadavg()[0]
        pg_cpu = postgres_cpu_seconds() - pg0
        client_cpu = time.process_time() - client0
        measured = len(acks)
        acks = warm_acks + acks  # every acknowledged save, warm-up included, must be stored
        floor = asyncio.run(run_floor(base, args.users, args.floor_seconds)) if args.floor_seconds > 0 else 0.0
        raw_after = raw_insert_rate(url, args.raw_seconds)
    finally:
        if server is not None and server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
    try:
        lost = verify(acks)
        from django.db import connections

        connections.close_all()
    finally:
        admin_sql(args.pg, f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')
    raw = (raw_before + raw_after) / 2
    rate = measured / elapsed
    lat_ms = sorted(x * 1000 for x in lat) or [0.0]
    p50 = statistics.median(lat_ms)
    p99 = lat_ms[min(len(lat_ms) - 1, int(len(lat_ms) * 0.99))]
    print()
    print(f"endpoint              {endpoint}")
    print(f"users                 {args.users}")
    print(f"duration              {elapsed:.1f} s")
    print(f"acknowledged saves    {measured}  ({len(acks)} with the warm-up, all checked)")
    print(f"sustained saves/s     {rate:.1f}")
    print(f"latency p50 / p99     {p50:.1f} ms / {p99:.1f} ms")
    print(f"errors                {len(errors)}" + (f"  (first: {errors[0]})" if errors else ""))
    print(f"raw INSERT+COMMIT/s   {raw:.1f}  (before {raw_before:.0f}, after {raw_after:.0f}; one connection)")
    print(f"ratio saves/raw       {rate / raw:.2f}  (goal >= 0.25)")
    print(f"lost acknowledged     {lost}")
    if floor:
        print(f"floor: GET /healthz   {floor:.1f}/s  (one SELECT 1 through the same server and client; saves/floor "
              f"{rate / floor:.2f}, goal rate {0.25 * raw:.0f}/s is {0.25 * raw / floor:.2f} × this floor)")
    print(f"server CPU per save   {server_cpu / max(measured, 1) * 1000:.1f} ms  ({args.server} workers; "
          f"{os.cpu_count()} CPUs, load average {load0:.1f} → {load1:.1f} during the run)")
    print(f"client CPU per save   {client_cpu / max(measured, 1) * 1000:.2f} ms  (this load generator)")
    print(f"PostgreSQL CPU/save   {pg_cpu / max(measured, 1) * 1000:.2f} ms  (every postgres process)")
    ok = rate >= 0.25 * raw and p99 < 150 and lost == 0 and not errors
    print("RESULT                " + ("PASS" if ok else "FAIL"))
    return 0 if ok else 1


def finish_open_loop(args: argparse.Namespace, db: str, server: subprocess.Popen, passed: bool, acks: list) -> int:
    """Stop the server, check every acknowledged save is stored, drop the database, print the verdict."""
    os.killpg(server.pid, signal.SIGTERM)
    server.wait(timeout=30)
    try:
        lost = verify(acks)
        from django.db import connections

        connections.close_all()
    finally:
        admin_sql(args.pg, f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')
    print(f"lost acknowledged     {lost} of {len(acks)} (warm-up and closed loop included)")
    ok = passed and lost == 0
    print("RESULT                " + ("PASS" if ok else "FAIL"))
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
