"""What every hostile case needs: a store on SQLite or PostgreSQL, and the refusal contract.

A test module in tests/hostile/ gets a fresh store per test with a fixture of four lines:

    @pytest.fixture(params=BACKENDS)
    def backend(request, monkeypatch) -> Iterator[str]:
        with use_backend(request.param, monkeypatch):
            yield request.param

(no conftest.py here: mypy would see two modules named conftest).
"""

from __future__ import annotations

import contextlib
import os
import signal
import uuid
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import FrameType

import pytest
from sqlalchemy import text

from core_helpers import close_app_core
from runlift.adapters.db.engine import make_engine
from runlift.entrypoints.cli.root import main

PG_URL = os.environ.get("RUNLIFT_TEST_PG_URL") or None
SQLITE = "sqlite"
POSTGRESQL = "postgresql"
BACKENDS = [
    SQLITE,
    pytest.param(
        POSTGRESQL,
        marks=pytest.mark.skipif(PG_URL is None, reason="RUNLIFT_TEST_PG_URL is not set"),
    ),
]
ROOT = Path(__file__).resolve().parents[2]
PROFILE = ROOT / "examples" / "ana-marathon.yaml"
# A guard against a hang blocking the whole suite; the cases assert limits, never the clock.
HANG_SECONDS = 120


@contextlib.contextmanager
def use_backend(backend: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Point the CLI at an empty store: the test's data folder, or a new PostgreSQL schema."""
    if backend == SQLITE:
        yield
        return
    assert PG_URL is not None
    schema = f"t_{uuid.uuid4().hex}"
    admin = make_engine(PG_URL)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    monkeypatch.setenv("RUNLIFT_DATABASE_URL", PG_URL)
    monkeypatch.setenv("RUNLIFT_DATABASE_SCHEMA", schema)
    close_app_core()
    try:
        yield
    finally:
        close_app_core()
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


class Hang(Exception):
    """The command did not finish within HANG_SECONDS."""


def _hang(_signal: int, _frame: FrameType | None) -> None:
    raise Hang(f"no answer within {HANG_SECONDS} s")


def call(capsys: pytest.CaptureFixture[str], argv: Sequence[str]) -> tuple[int, str, str]:
    """Run the CLI in-process: (exit status, stdout, stderr); an escaping exception fails."""
    capsys.readouterr()
    previous = signal.signal(signal.SIGALRM, _hang)
    signal.alarm(HANG_SECONDS)
    try:
        code = main(list(argv))
    except (Hang, KeyboardInterrupt):
        raise
    except BaseException as exc:  # what a user would see as a traceback
        pytest.fail(f"{' '.join(argv)}: {type(exc).__name__} escaped: {exc!r:.300}")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    out, err = capsys.readouterr()
    return code, out, err


def snapshot(capsys: pytest.CaptureFixture[str], folder: Path) -> str:
    """Everything in the store, as `runlift export` writes it (to compare before and after)."""
    path = folder / f"snapshot-{uuid.uuid4().hex}.json"
    code, _, err = call(capsys, ["export", "-o", str(path)])
    assert code == 0, f"export failed: {err}"
    found = path.read_text(encoding="utf-8")
    path.unlink()
    return found


def seed(capsys: pytest.CaptureFixture[str]) -> None:
    """One athlete with a plan, a logged set and a run, so a change would show in the export."""
    for argv in (
        ["athlete", "create", str(PROFILE), "--start", "2026-11-16"],
        ["log", "goblet-squat", "--reps", "8", "--load", "20kg", "--date", "2026-11-17"],
        ["runs", "add", "--distance", "8km", "--minutes", "45", "--date", "2026-11-18"],
    ):
        code, _, err = call(capsys, argv)
        assert code == 0, f"{' '.join(argv)}: {err}"


def assert_refused(code: int, err: str, status: int = 2, expected: str | None = None) -> None:
    """The contract: the status, exactly one stderr line 'error: ...', and no traceback."""
    assert "Traceback" not in err, err
    assert code == status, f"exit {code}, stderr: {err!r}"
    assert err.startswith("error: "), err
    assert err.count("\n") == 1, f"not one line: {err!r}"
    assert err.endswith("\n"), f"not one line: {err!r}"
    if expected is not None:
        assert expected in err, err
