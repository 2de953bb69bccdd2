"""A private copy of the README's production stack on one machine, for fault tests and rehearsals.

PostgreSQL (its own cluster, initdb in a temporary folder), Redis without persistence, gunicorn
serving theodoi, Celery workers and one beat: the same commands as docs/deployment.md's systemd
units, on free local ports, with the job timings shortened through the environment so a fault
settles in seconds. tests/ops/test_production_stack_survives_faults.py drives it;
`python -m theodoi.jobs.stack` starts one and prints its address until Ctrl+C.

Faults are what an operator does: `kill_worker` (SIGKILL), `restart_postgres` (immediate mode:
no checkpoint, every connection cut), `restart_redis` (a new empty server on the same port).
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PG_BIN = Path(os.environ.get("THEODOI_PG_BIN", "/usr/local/bin"))


def missing_tools() -> list[str]:
    """What this machine lacks to run the stack (empty: it can)."""
    needed = [PG_BIN / "initdb", PG_BIN / "pg_ctl"]
    missing = [str(path) for path in needed if not path.exists()]
    if shutil.which("redis-server") is None:
        missing.append("redis-server")
    if not (Path(sys.executable).parent / "gunicorn").exists():
        missing.append("gunicorn (in the virtualenv)")
    return missing


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_port(port: int, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            sock.settimeout(0.5)
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError(f"{what} did not open port {port} within {timeout} s")


def _as_postgres_user() -> list[str]:
    """PostgreSQL refuses to run as root: run its tools as the `postgres` account then."""
    if os.geteuid() != 0:
        return []
    return ["runuser", "-u", "postgres", "--"]


@dataclass
class Stack:
    """Start with `start()`, stop with `stop()` (or use as a context manager)."""

    workers: int = 2
    # Shortened job timings (settings.JOBS_*, JOBS_SWEEP_SECONDS for beat's sweep).
    timings: dict[str, str] = field(default_factory=lambda: {
        "JOBS_HEARTBEAT_SECONDS": "0.5", "JOBS_STALE_SECONDS": "3", "JOBS_QUEUED_STALE_SECONDS": "8",
        "JOBS_RETRY_BACKOFF_SECONDS": "1", "JOBS_SWEEP_SECONDS": "1",
    })
    # The command a worker runs (argv after the python executable); {name} is the worker's name.
    worker_argv: tuple[str, ...] = ("-m", "celery", "-A", "theodoi", "worker", "--pool=solo", "-n", "{name}@%h",
                                    "-l", "warning", "--without-gossip", "--without-mingle")
    base: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="theodoi-stack-")))
    pg_port: int = field(default_factory=free_port)
    redis_port: int = field(default_factory=free_port)
    web_port: int = field(default_factory=free_port)
    processes: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.web_port}"

    @property
    def database_url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.pg_port}/theodoi"

    @property
    def broker_url(self) -> str:
        return f"redis://127.0.0.1:{self.redis_port}/0"

    def env(self) -> dict[str, str]:
        return {
            **os.environ, **self.timings,
            "DATABASE_URL": self.database_url, "CELERY_BROKER_URL": self.broker_url, "REDIS_URL": self.broker_url,
            "BACKGROUND_JOBS": "", "DEBUG": "0", "SECRET_KEY": "stack-" + self.base.name, "SECURE_COOKIES": "0",
            "ALLOWED_HOSTS": "127.0.0.1,localhost", "THEODOI_VAR_DIR": str(self.base / "var"),
            "MEDIA_ROOT": str(self.base / "media"), "STATIC_ROOT": str(self.base / "static"), "DB_CONN_MAX_AGE": "0", "PYTHONPATH": str(ROOT),
            "DJANGO_SETTINGS_MODULE": "theodoi.settings", "LOG_LEVEL": "WARNING",
        }

    # -- services -------------------------------------------------------------------------
    def _spawn(self, name: str, argv: list[str]) -> subprocess.Popen[bytes]:
        log = open(self.base / f"{name}.log", "ab")  # noqa: SIM115 - kept open for the process's life
        process = subprocess.Popen(argv, env=self.env(), cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
                                   start_new_session=True)
        self.processes[name] = process
        return process

    def start_postgres(self) -> None:
        data = self.base / "pg"
        data.mkdir()
        if os.geteuid() == 0:
            shutil.chown(self.base, "postgres")
            shutil.chown(data, "postgres")
        subprocess.run([*_as_postgres_user(), str(PG_BIN / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres",
                        "--no-sync", "-E", "UTF8"], check=True, capture_output=True)
        self._pg_ctl("start")
        import psycopg

        with psycopg.connect(f"host=127.0.0.1 port={self.pg_port} user=postgres dbname=postgres",
                             autocommit=True) as conn:
            conn.execute("CREATE DATABASE theodoi")

    def _pg_ctl(self, action: str, *extra: str) -> None:
        options = f"-p {self.pg_port} -k {self.base / 'pg'} -c listen_addresses=127.0.0.1 -c fsync=off"
        subprocess.run([*_as_postgres_user(), str(PG_BIN / "pg_ctl"), "-D", str(self.base / "pg"), "-o", options,
                        "-l", str(self.base / "pg" / "server.log"), "-w", action, *extra],
                       check=True, capture_output=True)

    def start_redis(self) -> None:
        self._spawn("redis", ["redis-server", "--port", str(self.redis_port), "--bind", "127.0.0.1",
                              "--save", "", "--appendonly", "no"])
        _wait_port(self.redis_port, 10, "redis-server")

    def manage(self, *args: str) -> None:
        subprocess.run([sys.executable, "manage.py", *args], env=self.env(), cwd=ROOT, check=True,
                       capture_output=True)

    def start_web(self) -> None:
        self._spawn("web", [str(Path(sys.executable).parent / "gunicorn"), "theodoi.wsgi", "-b",
                            f"127.0.0.1:{self.web_port}", "-w", "2", "--timeout", "30"])
        _wait_port(self.web_port, 30, "gunicorn")

    def start_worker(self, name: str) -> subprocess.Popen[bytes]:
        return self._spawn(name, [sys.executable, *(a.replace("{name}", name) for a in self.worker_argv)])

    def start_beat(self) -> None:
        self._spawn("beat", [sys.executable, "-m", "celery", "-A", "theodoi", "beat", "-l", "warning",
                             "-s", str(self.base / "beat-schedule")])

    def start(self, *, seed: str = "theodoi.test.make_cast") -> Stack:
        """Everything, in the order of docs/deployment.md; `seed` names a function that adds people."""
        self.start_postgres()
        self.start_redis()
        # collectstatic (whitenoise's manifest, needed with DEBUG off) runs beside the migrations.
        static = subprocess.Popen([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], env=self.env(),
                                  cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.manage("migrate", "--noinput")
        if static.wait(timeout=120) != 0:
            raise RuntimeError("collectstatic failed")
        if seed:
            module, _, function = seed.rpartition(".")
            subprocess.run([sys.executable, "-c", f"import django; django.setup(); "
                            f"from {module} import {function}; {function}()"],
                           env=self.env(), cwd=ROOT, check=True, capture_output=True)
        self.start_web()
        for number in range(1, self.workers + 1):
            self.start_worker(f"worker{number}")
        self.start_beat()
        return self

    # -- faults ---------------------------------------------------------------------------
    def worker_pids(self) -> dict[str, int]:
        return {name: p.pid for name, p in self.processes.items() if name.startswith("worker") and p.poll() is None}

    def kill(self, name: str) -> None:
        process = self.processes[name]
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)

    def restart_postgres(self) -> None:
        self._pg_ctl("restart", "-m", "immediate")

    def stop_redis(self) -> None:
        self.kill("redis")

    def restart_redis(self) -> None:
        """A Redis without persistence comes back empty: every queued message is gone."""
        self.stop_redis()
        self.start_redis()

    def stop(self) -> None:
        for process in list(self.processes.values()):
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)
        if (self.base / "pg" / "PG_VERSION").exists():
            subprocess.run([*_as_postgres_user(), str(PG_BIN / "pg_ctl"), "-D", str(self.base / "pg"), "-m",
                            "immediate", "-w", "stop"], capture_output=True)
        shutil.rmtree(self.base, ignore_errors=True)

    def log(self, name: str) -> str:
        path = self.base / f"{name}.log"
        return path.read_text(errors="replace")[-3000:] if path.exists() else ""

    def __enter__(self) -> Stack:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def main() -> None:  # pragma: no cover - an operator's rehearsal tool
    missing = missing_tools()
    if missing:
        sys.exit(f"missing: {', '.join(missing)}")
    with Stack() as stack:
        print(f"theodoi stack at {stack.url} (PostgreSQL {stack.pg_port}, Redis {stack.redis_port}); Ctrl+C stops it")
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
