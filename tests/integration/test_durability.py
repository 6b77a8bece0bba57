"""Logged sets are never lost or doubled: retries, concurrent writers, SIGKILL, and bad input.

Every test runs on SQLite and, when RUNLIFT_TEST_PG_URL is set, on PostgreSQL in its own schema.
Child processes inherit the test's environment, so they use the same store.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cli_helpers import run
from core_helpers import app_core
from runlift.services.athletes import resolve_athlete
from runlift.services.ports import StoredSet

pytestmark = pytest.mark.usefixtures("pinned_today")

ROOT = Path(__file__).resolve().parents[2]
PROFILE = ROOT / "examples" / "ana-marathon.yaml"
RUNLIFT = Path(sys.executable).parent / "runlift"
DAY = "2026-11-17"
EXERCISE = "forward-lunge"
CHILD_TIMEOUT = 120

# A child that logs sets through the CLI's own entry point, one transaction per set. It says
# it is ready once imported, then waits for the go-file, so two children write at the same time.
SET_BY_SET = """
import sys, time
from pathlib import Path
from runlift.entrypoints.cli.root import main
prefix, count, go, day = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3]), sys.argv[4]
Path(f"{go}.{prefix}").touch()
while not go.exists():
    time.sleep(0.002)
for i in range(count):
    args = ["log", "forward-lunge", "--reps", "6", "--load", "16kg", "--rir", "2"]
    code = main([*args, "--date", day, "--id", f"{prefix}-{i}"])
    if code != 0:
        sys.exit(code)
"""

# A child that logs batches of sets through the service layer until it is killed; it prints
# the batch number only after log_sets returned, i.e. after the commit.
UNTIL_KILLED = """
import datetime as dt, sys
from runlift.domain.progression import Load
from runlift.domain.vocab import Units
from runlift.bootstrap import bootstrap
from runlift.services import training
batch = int(sys.argv[1])
core = bootstrap()
library = core.library
make_uow = core.uow_factory()
day, today = dt.date(2026, 11, 17), core.today()
for n in range(1_000_000):
    entries = [
        training.SetEntry("forward-lunge", 6, Load(16.0, Units.KG), None, 2, f"k-{n}-{j}")
        for j in range(batch)
    ]
    training.log_sets(make_uow, library, "Ana", day, entries, today, core.now())
    print(n, flush=True)
"""


def stored_sets() -> list[StoredSet]:
    with app_core().uow_factory()() as uow:
        return uow.sets.all(resolve_athlete(uow, "Ana").id)


def stored_sessions() -> int:
    with app_core().uow_factory()() as uow:
        return len(uow.sessions.all(resolve_athlete(uow, "Ana").id))


def create_athlete(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "athlete", "create", str(PROFILE), "--start", "2026-11-16")
    assert code == 0, err


def log_args(client_id: str | None = None, reps: str = "6", load: str = "16kg") -> list[str]:
    args = ["log", EXERCISE, "--reps", reps, "--load", load, "--rir", "2", "--date", DAY]
    return [*args, "--id", client_id] if client_id else args


def session_file(tmp_path: Path, name: str, sets: list[dict[str, object]]) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps({"date": DAY, "sets": sets}), encoding="utf-8")
    return path


def good_set(client_id: str) -> dict[str, object]:
    return {"exercise": EXERCISE, "reps": 6, "load": "16kg", "rir": 2, "id": client_id}


# (a) retries ---------------------------------------------------------------------------------


def test_the_same_client_id_twice_records_one_set(
    cli_backend: str, capsys: pytest.CaptureFixture[str]
) -> None:
    create_athlete(capsys)
    assert run(capsys, *log_args("a1")) == (0, "logged\n", "")
    assert run(capsys, *log_args("a1", reps="5")) == (
        0,
        "already logged (same --id); nothing changed\n",
        "",
    )
    sets = stored_sets()
    assert [(s.logged.client_id, s.logged.reps) for s in sets] == [("a1", 6)]


def test_a_retried_session_file_records_each_set_once(
    cli_backend: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    create_athlete(capsys)
    path = session_file(tmp_path, "s.json", [good_set("f1"), good_set("f2")])
    assert run(capsys, "log", "--file", str(path)) == (
        0,
        "logged 2 of 2 sets (0 already there)\n",
        "",
    )
    assert run(capsys, "log", "--file", str(path)) == (
        0,
        "this session is in the log already; nothing changed\n",
        "",
    )
    assert sorted(s.logged.client_id or "" for s in stored_sets()) == ["f1", "f2"]


# (b) two writers at once ---------------------------------------------------------------------


def _finish(process: subprocess.Popen[str]) -> tuple[int, str]:
    _, err = process.communicate(timeout=CHILD_TIMEOUT)
    return process.returncode, err


@pytest.mark.slow
def test_two_console_scripts_logging_sessions_at_once_both_succeed(
    cli_backend: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    create_athlete(capsys)
    files = [
        session_file(tmp_path, f"{p}.json", [good_set(f"{p}-{i}") for i in range(30)])
        for p in ("a", "b")
    ]
    children = [
        subprocess.Popen(
            [str(RUNLIFT), "log", "--file", str(f)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for f in files
    ]
    results = [_finish(child) for child in children]
    for code, err in results:
        assert code == 0, err
        assert "locked" not in err
    ids = sorted(s.logged.client_id or "" for s in stored_sets())
    assert ids == sorted(f"{p}-{i}" for p in ("a", "b") for i in range(30))


@pytest.mark.slow
def test_two_processes_logging_set_by_set_at_once_both_succeed(
    cli_backend: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    create_athlete(capsys)
    go = tmp_path / "go"
    children = [
        subprocess.Popen(
            [sys.executable, "-c", SET_BY_SET, prefix, "30", str(go), DAY],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for prefix in ("a", "b")
    ]
    deadline = time.monotonic() + CHILD_TIMEOUT
    while not all(Path(f"{go}.{p}").exists() for p in ("a", "b")):
        assert time.monotonic() < deadline, "the logging processes never got ready"
        assert all(child.poll() is None for child in children), "a logging process died"
        time.sleep(0.01)
    go.touch()
    results = [_finish(child) for child in children]
    for code, err in results:
        assert code == 0, err
        assert "locked" not in err
    sets = sorted(stored_sets(), key=lambda s: s.id)
    ids = [s.logged.client_id or "" for s in sets]
    assert sorted(ids) == sorted(f"{p}-{i}" for p in ("a", "b") for i in range(30))
    # The writes interleaved, so the two processes really were logging at the same time.
    writers = [i[0] for i in ids]
    runs = 1 + sum(1 for x, y in itertools.pairwise(writers) if x != y)
    assert runs >= 3, writers


# (c) SIGKILL while logging -------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("batch", [1, 20], ids=["set-by-set", "whole-session"])
def test_a_killed_logging_process_leaves_no_half_written_set_or_session(
    cli_backend: str, capsys: pytest.CaptureFixture[str], batch: int
) -> None:
    create_athlete(capsys)
    child = subprocess.Popen(
        [sys.executable, "-c", UNTIL_KILLED, str(batch)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    acknowledged = 0
    try:
        while acknowledged < 12:
            line = child.stdout.readline()
            assert line, f"the logging process ended early: {child.communicate()[1]}"
            acknowledged += 1
    finally:
        os.kill(child.pid, signal.SIGKILL)
        rest, _ = child.communicate(timeout=CHILD_TIMEOUT)
    assert child.returncode == -signal.SIGKILL
    acknowledged += len(rest.split())
    sets = stored_sets()
    assert len(sets) in (acknowledged * batch, (acknowledged + 1) * batch)
    batches: dict[int, set[int]] = {}
    for s in sets:
        logged = s.logged
        assert (logged.exercise, logged.reps, logged.rir) == (EXERCISE, 6, 2)
        assert logged.load is not None
        assert (logged.load.value, logged.load.unit.value) == (16, "kg")
        assert logged.target is not None
        assert logged.target.exercise == EXERCISE
        _, n, j = (logged.client_id or "").split("-")
        batches.setdefault(int(n), set()).add(int(j))
    assert sorted(batches) == list(range(len(batches)))
    assert all(members == set(range(batch)) for members in batches.values())
    assert run(capsys, *log_args("after-the-crash"))[0] == 0


# (d) bad input changes nothing ---------------------------------------------------------------

A_YEAR_AHEAD = (dt.date.today() + dt.timedelta(days=365)).isoformat()
BAD_LOGS = {
    "negative reps": (["log", EXERCISE, "--reps", "-3", "--date", DAY], "error: --reps: "),
    "2000 kg": (
        ["log", EXERCISE, "--reps", "5", "--load", "2000kg", "--date", DAY],
        "error: --load: ",
    ),
    "unknown exercise": (
        ["log", "moon-squat", "--reps", "5", "--date", DAY],
        "error: unknown exercise 'moon-squat'",
    ),
    "unknown unit": (
        ["log", EXERCISE, "--reps", "5", "--load", "20stone", "--date", DAY],
        "error: --load: '20stone': unknown unit",
    ),
    "a year ahead": (
        ["log", EXERCISE, "--reps", "5", "--date", A_YEAR_AHEAD],
        "error: --date: ",
    ),
}


@pytest.mark.parametrize(("args", "message"), BAD_LOGS.values(), ids=BAD_LOGS.keys())
def test_bad_input_exits_2_with_one_line_and_changes_nothing(
    cli_backend: str, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    create_athlete(capsys)
    assert run(capsys, *log_args("first"))[0] == 0
    before = (len(stored_sets()), stored_sessions())
    code, out, err = run(capsys, *args)
    assert code == 2
    assert out == ""
    assert err.startswith(message), err
    assert err.endswith("\n"), err
    assert err.count("\n") == 1, err
    assert (len(stored_sets()), stored_sessions()) == before


BAD_SETS: dict[str, dict[str, object]] = {
    "negative reps": {"exercise": EXERCISE, "reps": -1},
    "2000 kg": {"exercise": EXERCISE, "reps": 5, "load": "2000kg"},
    "unknown exercise": {"exercise": "moon-squat", "reps": 5},
    "unknown unit": {"exercise": EXERCISE, "reps": 5, "load": {"value": 20, "unit": "stone"}},
}


@pytest.mark.parametrize("bad", BAD_SETS.values(), ids=BAD_SETS.keys())
def test_a_session_file_with_one_bad_set_stores_none_of_its_sets(
    cli_backend: str, capsys: pytest.CaptureFixture[str], tmp_path: Path, bad: dict[str, object]
) -> None:
    create_athlete(capsys)
    path = session_file(tmp_path, "s.json", [good_set("g1"), good_set("g2"), bad, good_set("g3")])
    code, out, err = run(capsys, "log", "--file", str(path))
    assert code == 2
    assert out == ""
    assert err.startswith("error: "), err
    assert err.count("\n") == 1, err
    with app_core().uow_factory()() as uow:
        athlete = resolve_athlete(uow, "Ana")
        assert uow.sets.all(athlete.id) == []
        assert uow.sessions.all(athlete.id) == []
