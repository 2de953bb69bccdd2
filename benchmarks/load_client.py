"""The load client of benchmarks/submit_load.py: one keep-alive connection per reporter on plain
asyncio streams, the save request, the closed-loop, open-loop (scheduled) and health-check loops.

Apart from the scenario (seeding, the server, the report) so that each reads on its own; the client
must cost next to nothing, since it runs on the same cores as the server.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import time


class Conn:
    """One keep-alive HTTP/1.1 connection per reporter on plain asyncio streams.

    The load runs on the same cores as the server, so the client must cost next to nothing (the run
    prints its CPU per save); a general-purpose client (httpx: pool, header and URL models, decoding)
    does far more work per request than this."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def request(self, method: str, path: str, body: bytes, headers: dict[str, str]) -> tuple[int, bytes]:
        """One request; a kept-alive connection that the server closed meanwhile is reopened once."""
        reused = self.writer is not None
        try:
            return await self._request(method, path, body, headers)
        except (ConnectionError, asyncio.IncompleteReadError):
            if not reused:
                raise
            return await self._request(method, path, body, headers)

    async def _request(self, method: str, path: str, body: bytes, headers: dict[str, str]) -> tuple[int, bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        head = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
        self.writer.write(
            f"{method} {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\n{head}\r\n".encode("latin-1") + body
        )
        try:
            status_line = await self.reader.readline()
            if not status_line:
                raise ConnectionError("server closed the connection")
            length, close = 0, False
            while True:
                line = await self.reader.readline()
                if line in (b"\r\n", b""):
                    break
                name, _, value = line.decode("latin-1").partition(":")
                name = name.strip().lower()
                if name == "content-length":
                    length = int(value)
                elif name == "connection" and value.strip().lower() == "close":
                    close = True
            data = await self.reader.readexactly(length) if length else b""
        except BaseException:
            self.close()
            raise
        if close:
            self.close()
        return int(status_line.split()[1]), data

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


def save_request(base: str, person: dict, endpoint: str, n: int) -> tuple[str, str, bytes, dict[str, str], int, str]:
    """The n-th autosave of one official: one value in Vietnamese number text, with the version check."""
    import json
    from decimal import Decimal

    from theodoi.core.vnnumber import format_vn_number

    if endpoint == "api":
        method, url = "PUT", f"/api/reporting/forms/{person['form']}/values"
        headers = {"Authorization": f"Bearer {person['token']}"}
    else:
        method, url = "POST", f"/bao-cao-dinh-ky/bieu/{person['form']}/luu/"
        headers = {"Cookie": f"sessionid={person['session']}; csrftoken={person['csrf']}",
                   "X-CSRFToken": person["csrf"], "Referer": base}
    target = person["targets"][n % len(person["targets"])]
    value = f"{n}{random.randint(0, 999):03d},5"
    text = format_vn_number(Decimal(value.replace(",", ".")))  # "12.345,5"
    body = {"expected_version": person["version"], "values": [{"target": target, "value": text}]}
    return method, url, json.dumps(body).encode(), headers, target, value.replace(",", ".")


async def save_once(conn: Conn, base: str, person: dict, endpoint: str, n: int, acks: list, errors: list) -> bool:
    """Send one save and record its outcome; False when no answer came (the caller backs off)."""
    import json

    method, url, body, headers, target, value = save_request(base, person, endpoint, n)
    try:
        status, data = await asyncio.wait_for(conn.request(method, url, body, headers), 30)
    except Exception as exc:  # connection refused or reset, timeouts
        errors.append(repr(exc))
        return False
    if status == 200:
        person["version"] = json.loads(data)["version"]
        acks.append((person["form"], target, value, person["version"]))
    else:
        errors.append(f"{status} {data[:120].decode(errors='replace')}")
    return True


def _connection(base: str) -> Conn:
    from urllib.parse import urlsplit

    parts = urlsplit(base)
    return Conn(parts.hostname or "127.0.0.1", parts.port or 80)


async def reporter(base: str, person: dict, stop_at: float, lat: list[float], acks: list, errors: list,
                   endpoint: str) -> None:
    """One official saving one value at a time, back to back, as fast as the server answers (closed loop)."""
    conn, n = _connection(base), 0
    try:
        while time.perf_counter() < stop_at:
            n += 1
            t0 = time.perf_counter()
            if not await save_once(conn, base, person, endpoint, n, acks, errors):
                await asyncio.sleep(0.05)
                continue
            lat.append(time.perf_counter() - t0)
    finally:
        conn.close()


async def scheduled_reporter(base: str, person: dict, start: float, stop_at: float, interval: float, jitter: float,
                             lat: list[float], acks: list, errors: list, endpoint: str) -> None:
    """One official saving on a schedule (open loop): one save every ``interval`` s ± ``jitter``.

    Latency runs from the time the save was *due*, not from when it was sent: when the server
    falls behind, a save that waits for the previous one counts its wait (no coordinated omission)."""
    rng = random.Random(person["form"])
    conn, n = _connection(base), 0
    due = start + rng.uniform(0, interval)
    try:
        while due < stop_at:
            delay = due - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            n += 1
            if await save_once(conn, base, person, endpoint, n, acks, errors):
                lat.append(time.perf_counter() - due)
            due += interval * rng.uniform(1 - jitter, 1 + jitter)
    finally:
        conn.close()


async def run_open_loop(base: str, people: list[dict], args: argparse.Namespace,
                        endpoint: str) -> tuple[list[float], list, list, float]:
    lat: list[float] = []
    acks: list = []
    errors: list = []
    start = time.perf_counter()
    stop_at = start + args.duration
    await asyncio.gather(*(scheduled_reporter(base, p, start, stop_at, args.interval, args.jitter, lat, acks, errors,
                                              endpoint) for p in people))
    return lat, acks, errors, time.perf_counter() - start


async def pinger(base: str, stop_at: float, counts: list[int]) -> None:
    """One client asking the health check (one ``SELECT 1``) as fast as the server answers."""
    from urllib.parse import urlsplit

    parts = urlsplit(base)
    conn = Conn(parts.hostname or "127.0.0.1", parts.port or 80)
    try:
        while time.perf_counter() < stop_at:
            status, _ = await conn.request("GET", "/healthz", b"", {})
            counts[0 if status == 200 else 1] += 1
    finally:
        conn.close()


async def run_floor(base: str, users: int, duration: float) -> float:
    """Requests/s of the cheapest request (the health check) through the same server, client and users:
    the ceiling that the framework and server alone put on any endpoint on this machine."""
    counts = [0, 0]
    start = time.perf_counter()
    await asyncio.gather(*(pinger(base, start + duration, counts) for _ in range(users)))
    if counts[1]:
        raise SystemExit(f"health check failed {counts[1]} times")
    return counts[0] / (time.perf_counter() - start)


async def run_load(base: str, people: list[dict], duration: float, endpoint: str) -> tuple[list[float], list, list, float]:
    lat: list[float] = []
    acks: list = []
    errors: list = []
    start = time.perf_counter()
    stop_at = start + duration
    await asyncio.gather(*(reporter(base, p, stop_at, lat, acks, errors, endpoint) for p in people))
    elapsed = time.perf_counter() - start
    return lat, acks, errors, elapsed
