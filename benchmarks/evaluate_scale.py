"""Evaluation at national scale: generate a synthetic dataset in PostgreSQL, and print, each against
one SQL GROUP BY over the same values measured in the same process:

* the cold full evaluation (no status stored yet; goal at most 3x the GROUP BY);
* the nightly full run over stored statuses (unchanged targets skipped by their inputs digest);
* 1% of the values changed -> the incremental refresh of the targets they feed (goal at most 0.3x);
* one changed value -> the time until its statuses are fresh, from the write to the refresh done
  (jobs run inline, so the refresh the job runner would do after the commit is inside the timing),
  p95 over --changes changes (goal under 100 ms);
* the province dashboard's p95 latency (goal under 200 ms).

At --scale 1: 34 provinces, 3,300 communes, 300 indicators, 60 months (2021-2025). Each province
reports all 300 indicators and each commune 50 of them, every month: about 10.5 million values.
Targets are one per unit, indicator and year (the commune ones are not "main" targets, so the
province dashboard shows the province's own 300). --scale multiplies provinces and communes; the
default (0.02) finishes in a few minutes on a 2-core machine.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python benchmarks/evaluate_scale.py --scale 0.02

The script creates (and drops, unless --keep) its own database, `theodoi_bench_scale` or the one
--database names; it never touches the database named in DATABASE_URL beyond connecting to it to
create that one. --reuse runs on a dataset a --keep run left (its statuses emptied first). Beside
each wall time it prints the CPU time of this process and of its PostgreSQL backend: on a shared
machine their sum against the GROUP BY's CPU is the steadier ratio. At the end: the peak RSS of
this process and the database's size.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlparse, urlunparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PROVINCES, COMMUNES, INDICATORS, COMMUNE_INDICATORS, YEARS = 34, 3300, 300, 50, (2021, 2022, 2023, 2024, 2025)
BENCH_DB = "theodoi_bench_scale"  # --database names another one (one per person sharing a server)


def _admin_url(url: str, db: str) -> str:
    parts = urlparse(url)
    return urlunparse(parts._replace(path="/" + db))


def _recreate_database(base_url: str, name: str, *, reuse: bool) -> tuple[str, bool]:
    """The benchmark's database URL, and whether it was kept from an earlier --keep run (--reuse)."""
    import psycopg

    with psycopg.connect(_admin_url(base_url, "postgres"), autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone() is not None
        if not (reuse and exists):
            conn.execute(f"DROP DATABASE IF EXISTS {name}")
            conn.execute(f"CREATE DATABASE {name}")
    return _admin_url(base_url, name), reuse and exists


def _drop_database(base_url: str, name: str) -> None:
    import psycopg
    from django.db import connections

    connections.close_all()
    with psycopg.connect(_admin_url(base_url, "postgres"), autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name}")


def _forget_statuses() -> None:
    """A kept dataset (--reuse) starts like a fresh one: no status stored, no refresh recorded,
    and no benchmark user left from the last run."""
    from django.contrib.auth import get_user_model
    from django.db import connection

    from theodoi.evaluation.models import StatusRefresh, TargetStatus

    with connection.cursor() as cur:
        cur.execute(f"TRUNCATE {TargetStatus._meta.db_table}, {StatusRefresh._meta.db_table}")
    get_user_model().objects.filter(username="bench_leader").delete()


def _setup_django(url: str) -> None:
    os.environ["DATABASE_URL"] = url
    # The refresh after a write runs in the job runner; inline here, so that "fresh" is measured.
    os.environ["BACKGROUND_JOBS"] = "inline"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "theodoi.settings")
    os.environ.setdefault("DEBUG", "1")
    import django

    django.setup()
    import logging

    from django.core.management import call_command

    for name in ("theodoi.jobs", "theodoi.request", "axes"):  # a line per job and request drowns the figures
        logging.getLogger(name).setLevel(logging.WARNING)

    call_command("migrate", verbosity=0)


def _generate(scale: float) -> dict[str, int]:
    """Units, indicators, plans and targets with the ORM; forms and values with INSERT ... SELECT."""
    from django.db import connection

    from theodoi.accounts.models import OrgUnit, UnitKind
    from theodoi.plans.models import Indicator, Plan, PublishStatus
    from theodoi.reporting.services import regime_ensure_seed

    n_prov = max(1, round(PROVINCES * scale))
    n_comm = max(n_prov, round(COMMUNES * scale))
    provinces = OrgUnit.objects.bulk_create(
        [OrgUnit(name=f"UBND tỉnh {i:02d}", code=f"tinh-{i:02d}", kind=UnitKind.PROVINCE) for i in range(n_prov)]
    )
    OrgUnit.objects.bulk_create(
        [
            OrgUnit(name=f"UBND xã {i:04d}", code=f"xa-{i:04d}", kind=UnitKind.COMMUNE, parent=provinces[i % n_prov])
            for i in range(n_comm)
        ],
        batch_size=2000,
    )
    fields = ["economy", "society", "defence", "party"]
    Indicator.objects.bulk_create(
        [
            Indicator(name=f"Chỉ tiêu {i:03d}", unit="%" if i % 3 else "tỷ đồng", field=fields[i % 4],
                      measure="flow" if i % 3 == 0 else "stock", direction="lower" if i % 17 == 0 else "higher")
            for i in range(INDICATORS)
        ]
    )
    Plan.objects.bulk_create(
        [
            Plan(name=f"Kế hoạch {y} {p.name}", year_start=y, year_end=y, unit=p, status=PublishStatus.PUBLISHED)
            for p in provinces for y in YEARS
        ]
    )
    regime = regime_ensure_seed()
    with connection.cursor() as cur:
        # Targets: province x 300 indicators (main) and commune x first 50 indicators (not main), per year.
        cur.execute(
            """
            INSERT INTO plans_target (plan_id, indicator_id, comparator, value, value_max, unit, period,
                responsible_unit_id, is_change, baseline, forecast_only, is_main, status)
            SELECT pl.id, ind.id, '>=', CASE WHEN ind.measure = 'flow' THEN 1000 + (ind.id %% 50) * 100 ELSE 60 + ind.id %% 30 END,
                   NULL, ind.unit, pl.year_start::text, u.id, false, NULL, false, u.kind = 'province', 'published'
            FROM accounts_orgunit u
            JOIN plans_plan pl ON pl.unit_id = COALESCE(u.parent_id, u.id)
            JOIN plans_indicator ind ON (u.kind = 'province' OR ind.id <= (SELECT min(id) FROM plans_indicator) + %s)
            WHERE u.kind IN ('province', 'commune')
            """,
            [COMMUNE_INDICATORS - 1],
        )
        # One form per unit and month; 85% accepted, 10% submitted, 5% still a draft.
        cur.execute(
            """
            INSERT INTO reporting_reportform (regime_id, unit_id, period_key, status, version, return_reason,
                created_at, updated_at)
            SELECT %s, u.id, to_char(make_date(y, m, 1), 'YYYY-MM'),
                   CASE WHEN (u.id * 7 + m + y) %% 20 = 0 THEN 'draft'
                        WHEN (u.id * 7 + m + y) %% 10 = 1 THEN 'submitted' ELSE 'accepted' END,
                   1, '', now(), now()
            FROM accounts_orgunit u, generate_series(%s, %s) y, generate_series(1, 12) m
            WHERE u.kind IN ('province', 'commune')
            """,
            [regime.pk, YEARS[0], YEARS[-1]],
        )
        # Values: year-to-date figures around the pace of the target.
        cur.execute(
            """
            INSERT INTO reporting_reportvalue (form_id, target_id, value, estimate, comment, evidence, issues, review_note,
                updated_at)
            SELECT f.id, t.id,
                   round((CASE WHEN ind.measure = 'flow'
                               THEN t.value * substr(f.period_key, 6, 2)::int / 12 * (0.8 + random() * 0.35)
                               ELSE t.value * (0.88 + random() * 0.2) END)::numeric, 2),
                   NULL, '', '', '[]'::jsonb, '', now()
            FROM reporting_reportform f
            JOIN plans_target t ON t.responsible_unit_id = f.unit_id AND t.period = substr(f.period_key, 1, 4)
            JOIN plans_indicator ind ON ind.id = t.indicator_id
            """
        )
        cur.execute("ANALYZE")
        cur.execute("SELECT count(*) FROM reporting_reportvalue")
        values = cur.fetchone()[0]
        cur.execute("SELECT count(*) FROM plans_target")
        targets = cur.fetchone()[0]
    return {"provinces": n_prov, "communes": n_comm, "indicators": INDICATORS, "months": 12 * len(YEARS),
            "targets": targets, "values": values}


GROUP_BY = """
    SELECT v.target_id, (f.status IN ('accepted', 'locked')) AS public, max(f.period_key), count(*), sum(v.value)
    FROM reporting_reportvalue v JOIN reporting_reportform f ON f.id = v.form_id
    WHERE f.status IN ('submitted', 'approved', 'accepted', 'locked')
    GROUP BY v.target_id, public
"""


class _Cost:
    """Wall time, this process's CPU time and the CPU time of its PostgreSQL backend over a block.

    On a shared machine the wall time of a CPU-bound process stretches with the load average
    (with a load of 5 on 2 cores it gets well under one core), so the two CPU times are printed
    beside it: their sum against the GROUP BY's backend CPU is the steadier ratio. The backend's
    CPU is read from /proc (PostgreSQL on this machine); None where it cannot be. Parallel
    workers' CPU is not counted (see `_time_group_by`)."""

    def __init__(self) -> None:
        self.wall = self.python = 0.0
        self.postgres: float | None = None

    def __enter__(self) -> _Cost:
        self._start = (time.perf_counter(), time.process_time(), _backend_cpu())
        return self

    def __exit__(self, *exc: object) -> None:
        wall, python, postgres = self._start
        self.wall, self.python = time.perf_counter() - wall, time.process_time() - python
        now = _backend_cpu()
        self.postgres = now - postgres if now is not None and postgres is not None else None

    @property
    def cpu(self) -> float:
        return self.python + (self.postgres or 0.0)

    def line(self, baseline: _Cost) -> str:
        pg = f"{self.postgres:.2f} s" if self.postgres is not None else "n/a"
        text = f"{self.wall:8.2f} s  (CPU: Python {self.python:.2f} s, PostgreSQL {pg})  ratio {self.wall / baseline.wall:.2f}x"
        if self.postgres is not None and baseline.postgres:
            text += f" wall, {self.cpu / baseline.postgres:.2f}x CPU"
        return text


_BACKEND: list[int] = []


def _backend_cpu() -> float | None:
    """utime + stime of this connection's PostgreSQL backend process, in seconds."""
    from django.db import connection

    try:
        if not _BACKEND:
            with connection.cursor() as cur:
                cur.execute("SELECT pg_backend_pid()")
                _BACKEND.append(cur.fetchone()[0])
        with open(f"/proc/{_BACKEND[0]}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def _time_group_by() -> _Cost:
    """The baseline: the wall time is the best of three; the CPU time is that of one more run
    without parallel workers, whose CPU the backend's figure would leave out (the recompute's
    reduction runs without them; an incremental one over many targets may use them, uncounted)."""
    from django.db import connection, transaction

    runs = []
    for _ in range(3):
        with connection.cursor() as cur, _Cost() as cost:
            cur.execute(GROUP_BY)
            cur.fetchall()
        runs.append(cost)
    best = min(runs, key=lambda c: c.wall)
    with transaction.atomic(), connection.cursor() as cur:
        cur.execute("SET LOCAL max_parallel_workers_per_gather = 0")
        with _Cost() as serial:
            cur.execute(GROUP_BY)
            cur.fetchall()
    best.postgres = serial.postgres
    return best


def _time_evaluation() -> tuple[_Cost, int]:
    """The cost of a full recompute and the rows it covered."""
    from theodoi.evaluation.services import target_statuses_recompute

    with _Cost() as cost:
        rows = target_statuses_recompute()
    return cost, rows


def _time_incremental(share: float, *, figures: bool = True) -> tuple[_Cost, int, int, Any]:
    """Change `share` of the values, then refresh the targets they feed, told (form, target) of each
    value as the save's event tells it, and (`figures`) each figure before and after, as the save
    path's event carries them: cost, values changed, targets fed, the refresh's tally."""
    from django.db import connection

    from theodoi.evaluation.services import Tally, on_values_changed

    with connection.cursor() as cur:
        cur.execute(
            "UPDATE reporting_reportvalue v SET value = round(v.value * 1.07, 2) FROM ("
            "SELECT id, value AS old FROM reporting_reportvalue TABLESAMPLE BERNOULLI (%s)) o WHERE v.id = o.id "
            "RETURNING v.form_id, v.target_id, o.old, v.value",
            [share * 100],
        )
        changed = cur.fetchall()
    fed = [(row[0], row[1]) for row in changed]
    revisions = {(f, t): (_text(old), _text(new)) for f, t, old, new in changed} if figures else {}
    tally = Tally()
    with _Cost() as cost:
        on_values_changed((), form_targets=fed, revisions=revisions, tally=tally)
    return cost, len(fed), len({t for _f, t in fed}), tally


def _text(figure: Any) -> str | None:
    return None if figure is None else str(figure)


def _time_one_value_fresh(changes: int) -> list[float]:
    """One accepted value of the latest month changed at a time, as a write does it (the value, then
    the "targets changed" event, one transaction); the time from the write's start until the
    target's stored status shows the new figure."""
    import random

    from django.db import transaction

    from theodoi.core.events import send_targets_changed
    from theodoi.evaluation.models import TargetStatus
    from theodoi.reporting.models import ReportForm, ReportValue

    latest = f"{YEARS[-1]}-12"
    picks = list(
        ReportValue.objects.filter(form__period_key=latest, form__status="accepted", target__is_main=True)
        .values_list("pk", "form_id", "target_id", "value")[:2000]
    )
    rng = random.Random(13)
    times = []
    for n, (pk, form_id, target_id, value) in enumerate(rng.sample(picks, min(changes, len(picks)))):
        new = round(float(value) * 1.3 + n + 1, 2)
        started = time.perf_counter()
        with transaction.atomic():
            ReportValue.objects.filter(pk=pk).update(value=new)
            # as the save path sends it (reporting.services.values._statuses_follow)
            send_targets_changed(sender=ReportForm, target_ids=[target_id], reason="values_saved",
                                 form_targets=[(form_id, target_id)], revisions=[(form_id, target_id, value, new)])
        times.append(time.perf_counter() - started)
        stored = TargetStatus.objects.get(target_id=target_id, period=str(YEARS[-1]), public=True).value
        assert stored is not None and abs(stored - new) < 0.01, (target_id, stored, new)
    return times


def _dashboard_latencies(requests: int) -> list[float]:
    from django.contrib.auth import get_user_model
    from django.test import Client

    from theodoi.accounts.models import Membership, OrgUnit, Role

    province = OrgUnit.objects.filter(kind="province").order_by("code").first()
    assert province is not None
    user = get_user_model().objects.create_user("bench_leader", password="x")
    Membership.objects.create(user=user, unit=province, role=Role.LEADER)
    client = Client()
    client.force_login(user)
    url = f"/danh-gia/don-vi/{province.code}/?nam={YEARS[-1]}"
    response = client.get(url, HTTP_HOST="127.0.0.1")
    assert response.status_code == 200, response.status_code
    times = []
    for _ in range(requests):
        started = time.perf_counter()
        response = client.get(url, HTTP_HOST="127.0.0.1")
        times.append(time.perf_counter() - started)
        assert response.status_code == 200
    return times


def _print_footprint() -> None:
    """Peak memory of this process (the engine's side) and the database's size on disk."""
    import resource

    from django.db import connection

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux
    with connection.cursor() as cur:
        cur.execute("SELECT pg_database_size(current_database())")
        size = cur.fetchone()[0]
    print(f"peak RSS of this process: {peak:,.0f} MiB; database size: {size / 2**30:.2f} GiB")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=0.02, help="share of the national dataset (1 = ~10.5 M values)")
    parser.add_argument("--requests", type=int, default=40, help="dashboard requests for the p95")
    parser.add_argument("--changed", type=float, default=0.01, help="share of values changed for the incremental run")
    parser.add_argument("--changes", type=int, default=50, help="single-value changes for the time-until-fresh p95")
    parser.add_argument("--database", default=BENCH_DB, help="the benchmark's own database (created and dropped)")
    parser.add_argument("--keep", action="store_true", help="keep the benchmark's database afterwards")
    parser.add_argument("--reuse", action="store_true",
                        help="use the dataset a --keep run left (statuses emptied first) instead of generating one")
    args = parser.parse_args(argv)
    base = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    if not base.startswith("postgres"):
        parser.error("DATABASE_URL must point to PostgreSQL")
    url, reused = _recreate_database(base, args.database, reuse=args.reuse)
    try:
        _setup_django(url)
        print(f"scale {args.scale:g} (1 = national: {PROVINCES} provinces, {COMMUNES:,} communes, "
              f"{INDICATORS} indicators, {12 * len(YEARS)} months)")
        started = time.perf_counter()
        if reused:
            _forget_statuses()
            print(f"reused the dataset kept in {args.database} (the --scale given is not applied)")
        else:
            sizes = _generate(args.scale)
            print(f"generated in {time.perf_counter() - started:.1f} s: "
                  + ", ".join(f"{k} {v:,}" for k, v in sizes.items()))
        print("load average before timing (1, 5, 15 min): " + ", ".join(f"{x:.2f}" for x in os.getloadavg()))
        _time_group_by()  # warm the cache so both timings read the same pages from memory
        group_by = _time_group_by()
        pg = f"{group_by.postgres:.2f} s" if group_by.postgres is not None else "n/a"
        print(f"SQL GROUP BY over the values:       {group_by.wall:8.2f} s  (PostgreSQL CPU {pg})")
        cold, rows = _time_evaluation()
        print(f"cold full evaluation:               {cold.line(group_by)}  ({rows:,} status rows; goal <= 3x)")
        # The nightly case: the statuses are stored already; unchanged inputs are skipped.
        again, _rows = _time_evaluation()
        print(f"full again, over stored statuses:   {again.line(group_by)}")
        group_by = _time_group_by()  # again: the machine is shared, keep it current
        for figures in (False, True):
            inc, changed, fed, tally = _time_incremental(args.changed, figures=figures)
            told = "figures before and after" if figures else "(form, target) only"
            print(f"{args.changed:.0%} of values changed ({changed:,} values, {fed:,} targets; {told}) -> incremental: "
                  f"{inc.line(group_by)}  ({tally.untouched:,} targets left alone, {tally.written:,} rows written, "
                  f"{tally.skipped:,} skipped; GROUP BY {group_by.wall:.2f} s, "
                  f"PostgreSQL CPU {group_by.postgres or 0:.2f} s; goal <= 0.3x)")
        fresh = _time_one_value_fresh(args.changes)
        fresh_p95 = statistics.quantiles(fresh, n=20)[-1] * 1000
        print(f"one changed value -> fresh: median {statistics.median(fresh) * 1000:.0f} ms, p95 {fresh_p95:.0f} ms "
              f"over {len(fresh)} changes  (goal < 100 ms)")
        times = _dashboard_latencies(args.requests)
        p95 = statistics.quantiles(times, n=20)[-1] * 1000
        print(f"province dashboard: median {statistics.median(times) * 1000:.0f} ms, p95 {p95:.0f} ms "
              f"over {len(times)} requests  (goal < 200 ms)")
        print("load average (1, 5, 15 min): " + ", ".join(f"{x:.2f}" for x in os.getloadavg()))
        _print_footprint()
    finally:
        if not args.keep:
            _drop_database(base, args.database)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
