"""Real API server processes for the HTTP tests: `runlift serve` on a free port, and its users.

The server runs on SQLite in a temporary data folder and, when RUNLIFT_TEST_PG_URL is set, on
PostgreSQL in a fresh schema dropped afterwards. Tests talk to it with httpx, each from an
address of its own (X-Forwarded-For, which uvicorn trusts from 127.0.0.1), so the per-address
sign-in limit of one test never locks another out.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
from sqlalchemy import text

from runlift import schemas
from runlift.adapters.db.engine import make_engine

PG_URL = os.environ.get("RUNLIFT_TEST_PG_URL") or None
SQLITE, POSTGRESQL = "sqlite", "postgresql"
BACKENDS = [
    SQLITE,
    pytest.param(
        POSTGRESQL,
        marks=pytest.mark.skipif(PG_URL is None, reason="RUNLIFT_TEST_PG_URL is not set"),
    ),
]
PASSWORD = "correct horse battery"
STARTUP_SECONDS = 60
_addresses = itertools.count(1)


@dataclass
class Server:
    """A running `runlift serve`: where it answers and which store it uses."""

    base_url: str
    backend: str
    process: subprocess.Popen[bytes]
    log: Path


@dataclass
class User:
    """A signed-up account with a bearer token: its ids and the headers that sign it in."""

    email: str
    account_id: int
    athlete_id: int | None
    headers: dict[str, str] = field(default_factory=dict)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def _server_env(data_dir: Path, database_url: str | None, schema: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("RUNLIFT_")}
    env |= {
        "RUNLIFT_DATA_DIR": str(data_dir / "data"),
        "RUNLIFT_CACHE_DIR": str(data_dir / "cache"),
        "RUNLIFT_DEV": "1",
    }
    if database_url:
        env["RUNLIFT_DATABASE_URL"] = database_url
    if schema:
        env["RUNLIFT_DATABASE_SCHEMA"] = schema
    return env


def _wait_until_up(server: Server) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            pytest.fail(f"the server exited:\n{server.log.read_text()}", pytrace=False)
        try:
            if httpx.get(f"{server.base_url}/openapi.json", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.1)
    pytest.fail(f"the server did not answer in time:\n{server.log.read_text()}", pytrace=False)


@contextlib.contextmanager
def _pg_schema() -> Iterator[str]:
    """A fresh PostgreSQL schema, dropped with everything in it afterwards."""
    assert PG_URL is not None
    name = f"api_{uuid.uuid4().hex}"
    admin = make_engine(PG_URL)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{name}"'))
    try:
        yield name
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{name}" CASCADE'))
        admin.dispose()


@contextlib.contextmanager
def running_server(
    folder: Path,
    backend: str,
    workers: int = 1,
    secret: str | None = None,
    extra_env: dict[str, str] | None = None,
) -> Iterator[Server]:
    """`runlift serve` on a free port over a new store on `backend`, stopped on leaving;
    `extra_env` adds settings (RUNLIFT_TODAY, say)."""
    with contextlib.ExitStack() as stack:
        schema = stack.enter_context(_pg_schema()) if backend == POSTGRESQL else None
        env = _server_env(folder, PG_URL if schema else None, schema)
        if secret is not None:
            env["RUNLIFT_SECRET_KEY"] = secret
            env.pop("RUNLIFT_DEV")
        env |= extra_env or {}
        port = _free_port()
        log = folder / "server.log"
        command = [str(Path(sys.executable).with_name("runlift")), "serve"]
        command += ["--port", str(port), "--workers", str(workers)]
        with log.open("wb") as out:
            process = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT)
        server = Server(f"http://127.0.0.1:{port}", backend, process, log)
        try:
            _wait_until_up(server)
            yield server
        finally:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def new_address() -> str:
    """An address no other test signs in from."""
    number = next(_addresses)
    return f"10.{number // 65536 % 256}.{number // 256 % 256}.{number % 256}"


def sign_up(http: httpx.Client, role: str = "athlete", name: str = "Ana") -> User:
    """A new account with a unique e-mail, signed in: its ids and bearer headers."""
    email = f"{name.lower()}-{uuid.uuid4().hex[:12]}@example.com"
    body = {"email": email, "password": PASSWORD, "name": name, "role": role}
    created = http.post("/auth/signup", json=body)
    assert created.status_code == 201, created.text
    token = http.post("/auth/token", json={"email": email, "password": PASSWORD})
    assert token.status_code == 200, token.text
    account = created.json()
    headers = {"Authorization": f"Bearer {token.json()['access_token']}"}
    return User(email, account["id"], account["athlete_id"], headers)


PROFILE: dict[str, object] = {
    "name": "Dev",
    "level": "intermediate",
    "style": "classic",
    "race": {"distance": "none"},
    "strength": {"sessions_per_week": 3, "minutes_per_session": 10},
    "equipment": ["resistance_band", "towel"],
    "runs": {"mon": "easy", "wed": "hills", "fri": "easy", "sat": "long"},
    "injuries": ["plantar_fasciitis"],
}


def with_plan(client: httpx.Client, user: User, start: str = "2027-01-04") -> schemas.Plan:
    """Give the user's athlete the test profile, planned from `start`."""
    put = client.put(
        "/athletes/me/profile", json=PROFILE, params={"start": start}, headers=user.headers
    )
    assert put.status_code == 200, put.text
    return schemas.Plan.model_validate(put.json())
