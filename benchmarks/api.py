"""Measure the HTTP API: `runlift serve --workers 2` under 16 and 64 concurrent connections.

For each of POST a set, GET today and GET the whole plan it prints requests/s, p50/p99 latency,
errors, the server's CPU milliseconds per request (its processes' utime + stime from /proc) and,
for POSTs, the rows stored against the 2xx answers. SQLite always; PostgreSQL when `--pg URL` or
RUNLIFT_TEST_PG_URL is given, in a fresh schema dropped afterwards. The load generator is a small
keep-alive HTTP/1.1 client over asyncio streams, so that it takes as little of the shared CPU as
it can from the server it measures.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import itertools
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from sqlalchemy import text

from runlift.adapters.db.engine import make_engine

WORKERS = 2
CONNECTIONS = (16, 64)
FULL = {"POST set": 3000, "GET today": 3000, "GET plan": 600}
QUICK = {"POST set": 300, "GET today": 300, "GET plan": 60}
CAP_SECONDS = {False: 8.0, True: 4.0}  # per run (full, quick): stop issuing requests after it
WARM_UP = 40
STARTUP_SECONDS = 60
EXERCISES = ("push-up", "glute-bridge", "forward-lunge", "step-up", "single-leg-calf-raise")
TICKS = os.sysconf("SC_CLK_TCK")
Request = Callable[[int], bytes]


@dataclass
class Outcome:
    """What one load run saw: latencies of answered requests, statuses, errors, wall time."""

    latencies: list[float] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)
    errors: int = 0
    seconds: float = 0.0

    def successes(self) -> int:
        return sum(count for status, count in self.statuses.items() if 200 <= status < 300)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


@contextmanager
def _pg_schema(url: str) -> Iterator[str]:
    """A fresh PostgreSQL schema, dropped with everything in it afterwards."""
    name = f"bench_{uuid.uuid4().hex}"
    admin = make_engine(url)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{name}"'))
    try:
        yield name
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{name}" CASCADE'))
        admin.dispose()


@contextmanager
def _server(
    folder: Path, database_url: str | None, schema: str | None
) -> Iterator[tuple[int, int]]:
    """`runlift serve --workers 2` on a free port: (its pid, its port), stopped on leaving."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("RUNLIFT_")}
    env |= {"RUNLIFT_DATA_DIR": str(folder / "data"), "RUNLIFT_CACHE_DIR": str(folder / "cache")}
    env["RUNLIFT_DEV"] = "1"
    if database_url and schema:
        env |= {"RUNLIFT_DATABASE_URL": database_url, "RUNLIFT_DATABASE_SCHEMA": schema}
    port = _free_port()
    command = [str(Path(sys.executable).with_name("runlift")), "serve", "--port", str(port)]
    log = folder / "server.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [*command, "--workers", str(WORKERS)], env=env, stdout=out, stderr=subprocess.STDOUT
        )
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            if process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"the server did not start:\n{log.read_text()}")
            try:
                if httpx.get(f"http://127.0.0.1:{port}/openapi.json").status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        yield process.pid, port
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _descendants(pid: int) -> list[int]:
    """The process and all its descendants, from /proc/<pid>/task/*/children."""
    found = [pid]
    for current in found:
        try:
            for task in Path(f"/proc/{current}/task").iterdir():
                found += [int(child) for child in (task / "children").read_text().split()]
        except FileNotFoundError:
            continue
    return found


def _cpu_seconds(pid: int) -> float:
    """utime + stime of the server and its workers, in seconds."""
    total = 0
    for process in _descendants(pid):
        try:
            stat = Path(f"/proc/{process}/stat").read_text()
        except FileNotFoundError:
            continue
        fields = stat.rsplit(")", 1)[1].split()  # the name may hold spaces; fields from state on
        total += int(fields[11]) + int(fields[12])
    return total / TICKS


def _profile(monday: dt.date) -> dict[str, object]:
    """A marathoner's profile with a race twenty weeks after `monday`."""
    race_day = monday + dt.timedelta(weeks=20, days=6)
    return {
        "name": "Bench",
        "level": "intermediate",
        "style": "performance",
        "units": "kg",
        "body_mass": 62,
        "race": {"distance": "marathon", "date": race_day.isoformat()},
        "strength": {
            "sessions_per_week": 2, "minutes_per_session": 40, "preferred_days": ["mon", "thu"]
        },
        "equipment": ["dumbbell", "bench", "resistance_band", "mini_band", "foam_roller"],
        "runs": {"tue": "intervals", "thu": "easy", "sat": "easy", "sun": "long"},
        "injuries": ["runners_knee"],
    }  # fmt: skip


def _athlete(port: int) -> str:
    """Sign up an athlete with a plan from this Monday; its bearer token."""
    email = f"bench-{uuid.uuid4().hex[:12]}@example.com"
    with httpx.Client(base_url=f"http://127.0.0.1:{port}/api/v1", timeout=60) as http:
        body = {"email": email, "password": "correct horse battery", "name": "Bench"}
        http.post("/auth/signup", json=body | {"role": "athlete"}).raise_for_status()
        answer = http.post("/auth/token", json={"email": email, "password": body["password"]})
        token: str = answer.raise_for_status().json()["access_token"]
        today = dt.date.today()
        monday = today - dt.timedelta(days=today.weekday())
        headers = {"Authorization": f"Bearer {token}"}
        put = http.put(
            "/athletes/me/profile",
            json=_profile(monday),
            params={"start": monday.isoformat()},
            headers=headers,
        )
        put.raise_for_status()
    return token


def _stored_sets(port: int, token: str) -> int:
    """How many sets the athlete has, counted through the API's paging."""
    count, cursor = 0, None
    headers = {"Authorization": f"Bearer {token}"}
    with httpx.Client(base_url=f"http://127.0.0.1:{port}/api/v1", timeout=60) as http:
        while True:
            params = {"limit": 500} | ({"cursor": cursor} if cursor else {})
            page = http.get("/athletes/me/sets", params=params, headers=headers)
            page.raise_for_status()
            count += len(page.json()["items"])
            cursor = page.json()["next"]
            if cursor is None:
                return count


def _requests(port: int, token: str) -> dict[str, Request]:
    """Each measured request as raw HTTP/1.1 bytes, the n-th of its kind."""
    head = f"Host: 127.0.0.1:{port}\r\nAuthorization: Bearer {token}\r\n"
    today = dt.date.today().isoformat()

    def get(path: str) -> Request:
        raw = f"GET /api/v1/athletes/me/{path} HTTP/1.1\r\n{head}\r\n".encode()
        return lambda _: raw

    def post_set(number: int) -> bytes:
        body = json.dumps(
            {
                "client_id": str(uuid.uuid4()),
                "exercise": EXERCISES[number % len(EXERCISES)],
                "date": today,
                "reps": 6 + number % 8,
                "load": None,
                "seconds": None,
                "rir": 2,
            }
        ).encode()
        lines = f"POST /api/v1/athletes/me/sets HTTP/1.1\r\n{head}"
        lines += f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
        return lines.encode() + body

    return {"POST set": post_set, "GET today": get("today"), "GET plan": get("plan")}


async def _exchange(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, request: bytes
) -> int:
    """Send one request on a kept-alive connection and read its answer; the status."""
    writer.write(request)
    await writer.drain()
    status_line = await reader.readline()
    if not status_line:
        raise ConnectionError("the server closed the connection")
    status = int(status_line.split()[1])
    length = 0
    while (line := await reader.readline()) not in (b"\r\n", b""):
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
        elif name.strip().lower() == b"transfer-encoding":
            raise ConnectionError("chunked answers are not expected")
    await reader.readexactly(length)
    return status


async def _drive(
    port: int, request: Request, total: int, connections: int, cap: float = 60.0
) -> Outcome:
    """`total` requests over `connections` kept-alive connections, as fast as they are answered;
    no new request is sent after `cap` seconds, so a slow server still ends a run in time."""
    outcome = Outcome()
    numbers = iter(range(total))
    stop_at = time.perf_counter() + cap

    async def connection() -> None:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            for number in numbers:
                started = time.perf_counter()
                if started > stop_at:
                    break
                try:
                    status = await _exchange(reader, writer, request(number))
                except (ConnectionError, asyncio.IncompleteReadError, ValueError, IndexError):
                    outcome.errors += 1
                    writer.close()
                    reader, writer = await asyncio.open_connection("127.0.0.1", port)
                    continue
                outcome.latencies.append(time.perf_counter() - started)
                outcome.statuses[status] = outcome.statuses.get(status, 0) + 1
        finally:
            writer.close()

    started = time.perf_counter()
    await asyncio.gather(*(connection() for _ in range(connections)))
    outcome.seconds = time.perf_counter() - started
    return outcome


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


def _report(backend: str, name: str, connections: int, outcome: Outcome, cpu: float) -> str:
    answered = len(outcome.latencies)
    non_2xx = answered - outcome.successes()
    return (
        f"{backend:<10} {name:<9} {connections:>5} {answered / outcome.seconds:>9.0f}"
        f" {1000 * statistics.median(outcome.latencies):>8.1f}"
        f" {1000 * _percentile(outcome.latencies, 0.99):>8.1f}"
        f" {outcome.errors + non_2xx:>6} {1000 * cpu / max(answered, 1):>8.2f} {answered:>8}"
    )


def _bench_backend(
    backend: str, database_url: str | None, counts: dict[str, int], cap: float
) -> bool:
    """Run every load against one store; False if any POST stored other than its 2xx answers."""
    consistent = True
    with contextlib.ExitStack() as stack:
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        schema = stack.enter_context(_schema(database_url))
        pid, port = stack.enter_context(_server(folder, database_url, schema))
        token = _athlete(port)
        requests = _requests(port, token)
        for request in requests.values():  # warm every worker and path
            asyncio.run(_drive(port, request, WARM_UP, 4))
        for connections, (name, request) in itertools.product(CONNECTIONS, requests.items()):
            before_rows = _stored_sets(port, token) if name == "POST set" else 0
            before_cpu = _cpu_seconds(pid)
            outcome = asyncio.run(_drive(port, request, counts[name], connections, cap))
            cpu = _cpu_seconds(pid) - before_cpu
            line = _report(backend, name, connections, outcome, cpu)
            if name == "POST set":
                stored = _stored_sets(port, token) - before_rows
                created = outcome.statuses.get(201, 0)
                line += f"   rows {stored} / 2xx {outcome.successes()} (201: {created})"
                consistent &= stored == outcome.successes()
            others = {s: n for s, n in outcome.statuses.items() if not 200 <= s < 300}
            print(line + (f"   non-2xx {others}" if others else ""), flush=True)
    return consistent


@contextmanager
def _schema(database_url: str | None) -> Iterator[str | None]:
    if database_url is None:
        yield None
    else:
        with _pg_schema(database_url) as name:
            yield name


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a smaller run")
    parser.add_argument("--pg", metavar="URL", default=os.environ.get("RUNLIFT_TEST_PG_URL"))
    arguments = parser.parse_args()
    counts = QUICK if arguments.quick else FULL
    cap = CAP_SECONDS[arguments.quick]
    print(
        f"runlift serve --workers {WORKERS}; requests per run: {counts}, at most {cap:.0f} s each"
    )
    print(
        f"{'backend':<10} {'request':<9} {'conns':>5} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8}"
        f" {'errors':>6} {'cpu ms':>8} {'answered':>8}"
    )
    consistent = _bench_backend("sqlite", None, counts, cap)
    if arguments.pg:
        consistent &= _bench_backend("postgresql", arguments.pg, counts, cap)
    if not consistent:
        raise SystemExit("rows stored differ from the 2xx answers")


if __name__ == "__main__":
    main()
