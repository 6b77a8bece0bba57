"""An import is all-or-nothing: killed mid-write it leaves an empty store; bad files change nothing.

The kill test runs the installed `runlift import` on ~20,000 sets in a child process, waits until
the child holds SQLite's write lock (its import transaction is open), sleeps a seeded random
delay and sends SIGKILL. Whatever the timing, the store must then hold nothing or everything.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from cli_helpers import run
from core_helpers import app_core, close_app_core
from runlift.adapters.db.engine import make_engine, upgrade
from runlift.services import transfer

pytestmark = pytest.mark.usefixtures("pinned_today")

ROOT = Path(__file__).resolve().parents[2]
ANA = str(ROOT / "examples" / "ana-marathon.yaml")
RUNLIFT = Path(sys.executable).parent / "runlift"
TABLES = ("athletes", "plans", "planned_sessions", "performed_sessions", "set_logs")
BULK_SESSIONS = 2000
SETS_PER_SESSION = 10
SUSTAINED = 0.1  # a write lock held this long is the import transaction, not a schema check
KILLS = 4


def _bulk_sessions() -> list[dict[str, Any]]:
    """Ten goblet-squat sets a day for 2,000 days, in the exact shape `runlift export` writes."""
    first = dt.date(2021, 1, 4)
    target = {
        "exercise": "goblet-squat",
        "variant": "goblet-squat",
        "sets": 3,
        "reps": [8, 12],
        "seconds": None,
        "load": {"value": 20.0, "unit": "kg"},
        "rir": 2,
    }
    return [
        {
            "date": (first + dt.timedelta(days=day)).isoformat(),
            "started_at": None,
            "ended_at": None,
            "srpe": 6,
            "notes": None,
            "client_id": f"bulk-{day}",
            "sets": [
                {
                    "exercise": "goblet-squat",
                    "variant": "goblet-squat",
                    "set_number": number,
                    "reps": 8 + number % 3,
                    "load": {"value": 20.0 + day % 7, "unit": "kg"},
                    "seconds": None,
                    "rir": 2,
                    "target": target,
                    "client_id": f"bulk-{day}-{number}",
                    "logged_at": "2026-01-01T10:00:00+00:00",
                }
                for number in range(1, SETS_PER_SESSION + 1)
            ],
        }
        for day in range(BULK_SESSIONS)
    ]


@pytest.fixture(scope="module")
def big_export(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    """An export of Ana (with her real plan) plus ~20,000 logged sets, and its row counts."""
    folder = tmp_path_factory.mktemp("big")
    env = {**os.environ, "RUNLIFT_DATA_DIR": str(folder / "source")}
    env.pop("RUNLIFT_DATABASE_URL", None)
    subprocess.run(
        [str(RUNLIFT), "athlete", "create", ANA, "--start", "2026-11-16"],
        env=env,
        check=True,
        capture_output=True,
    )
    exported = folder / "source.json"
    subprocess.run(
        [str(RUNLIFT), "export", "-o", str(exported)], env=env, check=True, capture_output=True
    )
    document = json.loads(exported.read_text(encoding="utf-8"))
    document["athletes"][0]["sessions"] = _bulk_sessions()
    path = folder / "big.json"
    path.write_text(transfer.document_text(document), encoding="utf-8")
    athlete = document["athletes"][0]
    counts = {
        "athletes": 1,
        "plans": len(athlete["plans"]),
        "planned_sessions": sum(len(p["planned_sessions"]) for p in athlete["plans"]),
        "performed_sessions": BULK_SESSIONS,
        "set_logs": BULK_SESSIONS * SETS_PER_SESSION,
    }
    return path, counts


@pytest.fixture(scope="module")
def empty_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated, empty SQLite store to copy, so the child process only imports."""
    path = tmp_path_factory.mktemp("empty") / "runlift.db"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    engine.dispose()
    return path


def _counts(database: Path) -> dict[str, int]:
    connection = sqlite3.connect(database)
    try:
        return {t: connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    finally:
        connection.close()


def _writing(database: Path) -> bool:
    """True while another process holds the write lock (BEGIN IMMEDIATE cannot start)."""
    connection = sqlite3.connect(database, timeout=0, isolation_level=None)
    try:
        connection.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        if "locked" not in str(exc):
            raise
        return True
    finally:
        connection.close()
    return False


def _start(data_dir: Path, empty: Path, document: Path) -> subprocess.Popen[bytes]:
    data_dir.mkdir()
    shutil.copyfile(empty, data_dir / "runlift.db")
    env = {**os.environ, "RUNLIFT_DATA_DIR": str(data_dir)}
    env.pop("RUNLIFT_DATABASE_URL", None)
    return subprocess.Popen(
        [str(RUNLIFT), "import", str(document)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _wait_for_write_transaction(child: subprocess.Popen[bytes], database: Path) -> float:
    """Block until the child has held the write lock for SUSTAINED seconds; returns when."""
    deadline = time.monotonic() + 120
    since = None
    while time.monotonic() < deadline:
        if child.poll() is not None:
            pytest.fail(f"import ended before it was seen writing (exit {child.returncode})")
        if _writing(database):
            since = since or time.monotonic()
            if time.monotonic() - since >= SUSTAINED:
                return since
        else:
            since = None
        time.sleep(0.005)
    pytest.fail("import never took the write lock")


@pytest.mark.slow
def test_sigkill_mid_import_leaves_nothing_or_everything(
    big_export: tuple[Path, dict[str, int]], empty_store: Path, tmp_path: Path
) -> None:
    document, full = big_export
    empty = dict.fromkeys(TABLES, 0)

    # An uninterrupted run: it imports everything, and times the write transaction.
    child = _start(tmp_path / "calibrate", empty_store, document)
    began = _wait_for_write_transaction(child, tmp_path / "calibrate" / "runlift.db")
    _out, err = child.communicate(timeout=300)
    window = time.monotonic() - began
    assert child.returncode == 0, err
    assert _counts(tmp_path / "calibrate" / "runlift.db") == full

    rng = random.Random(20261121)
    rolled_back = 0
    for attempt in range(KILLS):
        data_dir = tmp_path / f"kill-{attempt}"
        database = data_dir / "runlift.db"
        child = _start(data_dir, empty_store, document)
        _wait_for_write_transaction(child, database)
        time.sleep(rng.uniform(0.0, 0.6) * window)
        writing = _writing(database)
        child.send_signal(signal.SIGKILL)
        child.communicate(timeout=60)
        after = _counts(database)
        assert after in (empty, full), f"kill {attempt} left a partial import: {after}"
        if writing and child.returncode == -signal.SIGKILL and after == empty:
            rolled_back += 1
    assert rolled_back >= 1, "no kill landed inside the import transaction; lengthen the import"


@pytest.fixture
def small_export(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> dict[str, Any]:
    """A small real export (Ana, her plan, two sets), made in another data dir."""
    source = tmp_path / "source"
    previous = os.environ["RUNLIFT_DATA_DIR"]
    os.environ["RUNLIFT_DATA_DIR"] = str(source)
    close_app_core()
    try:
        assert run(capsys, "athlete", "create", ANA, "--start", "2026-11-16")[0] == 0
        for number in (1, 2):
            code, _, err = run(
                capsys, "log", "goblet-squat", "--reps", "8", "--load", "20kg", "--rir", "2",
                "--date", "2026-11-17", "--id", f"s{number}",
            )  # fmt: skip
            assert code == 0, err
        document = transfer.export_document(app_core().uow_factory())
    finally:
        os.environ["RUNLIFT_DATA_DIR"] = previous
        close_app_core()
    return document


def _store_text() -> str:
    return transfer.document_text(transfer.export_document(app_core().uow_factory()))


def test_import_into_a_store_that_has_an_athlete_changes_nothing(
    capsys: pytest.CaptureFixture[str], small_export: dict[str, Any], tmp_path: Path
) -> None:
    ben = str(ROOT / "examples" / "ben-first-5k.yaml")
    assert run(capsys, "athlete", "create", ben, "--start", "2026-11-16")[0] == 0
    before = _store_text()
    path = tmp_path / "ana.json"
    path.write_text(transfer.document_text(small_export), encoding="utf-8")
    code, out, err = run(capsys, "import", str(path))
    assert (code, out) == (2, "")
    assert err == "error: store: not empty (athletes: Ben); import needs an empty store\n"
    assert _store_text() == before


def _set(document: dict[str, Any]) -> dict[str, Any]:
    first: dict[str, Any] = document["athletes"][0]["sessions"][0]["sets"][0]
    return first


SET = "athletes.0.sessions.0.sets.0"
BROKEN = [
    ("format", lambda d: d.update(format="something-else"), "format: Input should be"),
    ("extra key", lambda d: d["athletes"][0].update(colour="red"), "athletes.0.colour: Extra"),
    ("missing", lambda d: d["athletes"][0].pop("profile_yaml"), "athletes.0.profile_yaml: Field"),
    ("reps", lambda d: _set(d).update(reps=-3), f"{SET}.reps: -3 is out of range"),
    ("load", lambda d: _set(d).update(load={"value": 2000, "unit": "kg"}), f"{SET}.load: "),
    ("unit", lambda d: _set(d).update(load={"value": 20, "unit": "st"}), f"{SET}.load.unit: "),
    ("exercise", lambda d: _set(d).update(exercise="squat-jump-x"), f"{SET}.exercise: unknown"),
    ("logged_at", lambda d: _set(d).update(logged_at="yesterday"), f"{SET}.logged_at: "),
    (
        "client id",
        lambda d: _set(d).update(client_id="s2"),
        "athletes.0.sessions.0.sets.1.client_id: repeats client id 's2'",
    ),
    (
        "future",
        lambda d: d["athletes"][0]["sessions"][0].update(date="2999-01-01"),
        "athletes.0.sessions.0.date: 2999-01-01 is in the future",
    ),
    (
        "profile",
        lambda d: d["athletes"][0].update(profile_yaml="level: expert\n"),
        "athletes.0.profile_yaml: ",
    ),
    (
        "plan version",
        lambda d: d["athletes"][0]["plans"][0].update(version=3),
        "athletes.0.plans.0.version: expected 1",
    ),
]


@pytest.mark.parametrize(("change", "message"), [b[1:] for b in BROKEN], ids=[b[0] for b in BROKEN])
def test_a_bad_document_is_refused_naming_the_field_and_changes_nothing(
    capsys: pytest.CaptureFixture[str],
    small_export: dict[str, Any],
    tmp_path: Path,
    change: Any,
    message: str,
) -> None:
    document = copy.deepcopy(small_export)
    change(document)
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    code, out, err = run(capsys, "import", str(path))
    assert (code, out) == (2, "")
    assert err.startswith(f"error: {message}"), err
    assert len(err.splitlines()) == 1
    assert "Traceback" not in err
    assert _store_text() == transfer.document_text(
        {"format": "runlift-export", "version": 1, "athletes": []}
    )
    path.write_text(json.dumps(small_export), encoding="utf-8")
    assert run(capsys, "import", str(path))[0] == 0, "the unbroken document imports"
