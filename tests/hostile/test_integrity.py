"""Integrity of the store (issue 10, items 1-3 and 5), on SQLite and PostgreSQL.

Poisoned export documents are refused before anything is written; text and numbers no database
keeps alike are refused at input; a store damaged behind runlift's back is reported and repaired
by `runlift db check`; concurrent loggers of one day share one session, and two imports at once
never both succeed.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import sys
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hostile_support import use_backend
from sqlalchemy import Engine, text

from cli_helpers import run
from core_helpers import PINNED_TODAY, app_core
from runlift.adapters.catalogue_loader import load_library
from runlift.adapters.db.engine import make_engine
from runlift.domain.library import Library
from runlift.domain.progression import Load
from runlift.domain.vocab import Units
from runlift.services import athletes, training, transfer
from runlift.services.errors import RunliftError
from runlift.services.ports import UnitOfWork

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "integration"))
from backends import BACKENDS

pytestmark = pytest.mark.usefixtures("pinned_today")

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent / "integrity"
ANA = ROOT / "examples" / "ana-marathon.yaml"
START = "2026-11-16"
DAY = dt.date(2026, 11, 17)
NOW = dt.datetime(2026, 11, 17, 18, 0, tzinfo=dt.UTC)
Factory = Callable[[], UnitOfWork]


@cache
def library() -> Library:
    return load_library()


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The CLI on SQLite in the test's data folder, or on PostgreSQL in a fresh schema."""
    with use_backend(str(request.param), monkeypatch):
        yield str(request.param)


def engine() -> Engine:
    """The store the CLI of this test writes to."""
    return app_core().engine


def make_uow() -> Factory:
    return app_core().uow_factory()


def exported(capsys: pytest.CaptureFixture[str]) -> str:
    """The whole store as `runlift export` writes it."""
    return transfer.document_text(transfer.export_document(make_uow()))


def refused(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """Run a command that must be refused: exit 2, one 'error: ' line, no traceback."""
    code, out, err = run(capsys, *argv)
    assert (code, out) == (2, ""), err
    assert err.startswith("error: "), err
    assert err.count("\n") == 1, err
    assert "Traceback" not in err
    return err


# --- export documents ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def document(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A real export: Ana, her plan, and a session of two logged sets (built on SQLite)."""
    path = tmp_path_factory.mktemp("source") / "store.db"
    source = make_engine(f"sqlite:///{path}")
    from runlift.adapters.db.engine import upgrade
    from runlift.adapters.db.uow import SqlUnitOfWork

    upgrade(source)

    def factory() -> UnitOfWork:
        return SqlUnitOfWork(source)

    try:
        text_ = ANA.read_text(encoding="utf-8")
        start = dt.date.fromisoformat(START)
        athletes.create_athlete(factory, library(), text_, "ana", start, PINNED_TODAY, NOW)
        entries = [
            training.SetEntry("goblet-squat", 8, Load(20.0, Units.KG), client_id="a"),
            training.SetEntry("side-plank", None, seconds=30, client_id="b"),
        ]
        training.log_sets(factory, library(), "Ana", DAY, entries, PINNED_TODAY, NOW)
        return transfer.export_document(factory)
    finally:
        source.dispose()


def _first_item(session: dict[str, Any]) -> dict[str, Any]:
    item: dict[str, Any] = next(b for b in session["blocks"] if b["items"])["items"][0]
    return item


def _planned(doc: dict[str, Any]) -> dict[str, Any]:
    session: dict[str, Any] = doc["athletes"][0]["plans"][0]["planned_sessions"][0]["session"]
    return session


def _plan_session(doc: dict[str, Any]) -> dict[str, Any]:
    plan = doc["athletes"][0]["plans"][0]["plan"]
    session: dict[str, Any] = next(s for w in plan["weeks"] for s in w["sessions"])
    return session


def _set(doc: dict[str, Any]) -> dict[str, Any]:
    one: dict[str, Any] = doc["athletes"][0]["sessions"][0]["sets"][0]
    return one


PLANNED = "athletes.0.plans.0.planned_sessions.0.session"
POISONS: dict[str, tuple[Callable[[dict[str, Any]], None], str]] = {
    "planned-session-without-blocks": (lambda d: _planned(d).pop("blocks"), f"{PLANNED}.blocks"),
    "plan-session-without-blocks": (lambda d: _plan_session(d).pop("blocks"), "plan.weeks.0"),
    "unknown-exercise": (
        lambda d: _first_item(_planned(d)).update(exercise="moon-squat"),
        f"{PLANNED}.blocks.",
    ),
    "item-without-reps": (lambda d: _first_item(_planned(d)).pop("reps"), f"{PLANNED}.blocks."),
    "items-none": (
        lambda d: next(b for b in _planned(d)["blocks"]).update(items="none"),
        f"{PLANNED}.blocks.0.items",
    ),
    "nan-in-planned-session": (
        lambda d: _planned(d).update(estimated_minutes=float("nan")),
        f"{PLANNED}.estimated_minutes: nan is not a finite number",
    ),
    "infinite-load": (
        lambda d: _set(d)["load"].update(value=float("inf")),
        "athletes.0.sessions.0.sets.0.load.value: inf is not a finite number",
    ),
    "huge-number-in-plan": (
        lambda d: _plan_session(d).update(estimated_minutes=1e999),
        "athletes.0.plans.0.plan.weeks.0.sessions.0.estimated_minutes: inf is not a finite",
    ),
    "nul-in-name": (lambda d: d["athletes"][0].update(name="A\x00na"), "athletes.0.name"),
    "nul-in-notes": (
        lambda d: d["athletes"][0]["sessions"][0].update(notes="x\x00"),
        "athletes.0.sessions.0.notes",
    ),
    "nul-in-client-id": (lambda d: _set(d).update(client_id="a\x00"), "client_id"),
    "client-id-of-121": (lambda d: _set(d).update(client_id="x" * 121), "client_id"),
    "set-beyond-32-bits": (lambda d: _set(d).update(set_number=2**31), "set_number"),
    "reps-beyond-32-bits": (lambda d: _set(d).update(reps=2**31), "reps"),
    "srpe-beyond-32-bits": (
        lambda d: d["athletes"][0]["sessions"][0].update(srpe=2**31),
        "athletes.0.sessions.0.srpe",
    ),
}


@pytest.mark.parametrize("poison", sorted(POISONS))
def test_a_poisoned_export_is_refused_and_the_store_stays_empty(
    capsys: pytest.CaptureFixture[str],
    backend: str,
    document: dict[str, Any],
    tmp_path: Path,
    poison: str,
) -> None:
    spoil, where = POISONS[poison]
    spoilt = copy.deepcopy(document)
    spoil(spoilt)
    path = tmp_path / f"{poison}.json"
    path.write_text(json.dumps(spoilt, allow_nan=True), encoding="utf-8")
    before = exported(capsys)
    err = refused(capsys, "import", str(path))
    assert where in err, err
    assert exported(capsys) == before


def test_the_unspoilt_document_imports_on_this_backend(
    capsys: pytest.CaptureFixture[str], backend: str, document: dict[str, Any], tmp_path: Path
) -> None:
    path = tmp_path / "export.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    code, _, err = run(capsys, "import", str(path))
    assert code == 0, err
    assert json.loads(exported(capsys)) == document


# --- limits at input --------------------------------------------------------------------------


@pytest.fixture
def ana(capsys: pytest.CaptureFixture[str], backend: str) -> str:
    code, _, err = run(capsys, "athlete", "create", str(ANA), "--start", START)
    assert code == 0, err
    return backend


LIMITS: dict[str, tuple[list[str], str]] = {
    "nul-in-athlete-name": (["athlete", "create", str(ANA), "--athlete", "B\x00en"], "name"),
    "nul-in-client-id": (["log", "goblet-squat", "--reps", "8", "--id", "a\x00b"], "--id"),
    "client-id-of-121": (["log", "goblet-squat", "--reps", "8", "--id", "x" * 121], "--id"),
    "nul-in-run-id": (["runs", "add", "--distance", "5km", "--id", "r\x00"], "--id"),
}


@pytest.mark.parametrize("case", sorted(LIMITS))
@pytest.mark.usefixtures("ana")
def test_values_no_database_keeps_are_refused_at_input(
    capsys: pytest.CaptureFixture[str], case: str
) -> None:
    argv, field = LIMITS[case]
    before = exported(capsys)
    err = refused(capsys, *argv)
    assert err.startswith(f"error: {field}: "), err
    assert exported(capsys) == before


SESSION_FILES = {
    "session-set-beyond-32-bits.json": "set: 2147483648 is out of range",
    "session-nul-in-notes.json": "notes",
    "session-nul-in-session-id.json": "client_id",
    "session-session-id-of-121.json": "sets.0.id",
}


@pytest.mark.parametrize("name", sorted(SESSION_FILES))
@pytest.mark.usefixtures("ana")
def test_session_files_with_values_no_database_keeps_are_refused(
    capsys: pytest.CaptureFixture[str], name: str
) -> None:
    before = exported(capsys)
    err = refused(capsys, "log", "--file", str(HERE / name))
    assert err.startswith(f"error: {SESSION_FILES[name]}"), err
    assert exported(capsys) == before


def test_a_profile_whose_name_holds_a_nul_is_refused(
    capsys: pytest.CaptureFixture[str], backend: str, tmp_path: Path
) -> None:
    profile = tmp_path / "nul.yaml"
    profile.write_text(
        ANA.read_text(encoding="utf-8").replace("name: Ana", 'name: "A\\0na"'), encoding="utf-8"
    )
    before = exported(capsys)
    err = refused(capsys, "athlete", "create", str(profile))
    assert "NUL" in err
    assert exported(capsys) == before


# --- a store damaged behind runlift's back ------------------------------------------------------


def _poison_store() -> None:
    """Rows no command could use, written with plain SQL as an old import or a hand edit would."""
    with engine().begin() as c:
        latest = c.execute(text("SELECT max(id) FROM plans")).scalar_one()
        planned = c.execute(
            text("SELECT min(id) FROM planned_sessions WHERE plan_id = :p"), {"p": latest}
        ).scalar_one()
        c.execute(
            text("UPDATE planned_sessions SET session_json = :j WHERE id = :i"),
            {"j": '{"title": "no blocks"}', "i": planned},
        )
        c.execute(text("UPDATE plans SET plan_json = 'NaN' WHERE id = :p"), {"p": latest})
        first_set = c.execute(text("SELECT min(id) FROM set_logs")).scalar_one()
        c.execute(
            text("UPDATE set_logs SET target_json = '{\"sets\": 3}' WHERE id = :i"),
            {"i": first_set},
        )
        c.execute(text("UPDATE runs SET distance_m = -5"))


@pytest.mark.usefixtures("ana")
def test_db_check_reports_damage_commands_name_it_and_repair_mends_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert run(capsys, "log", "goblet-squat", "--reps", "8", "--date", str(DAY))[0] == 0
    assert run(capsys, "runs", "add", "--distance", "5km", "--date", str(DAY))[0] == 0
    code, out, _ = run(capsys, "db", "check")
    assert (code, out.startswith("the store is sound")) == (0, True)
    _poison_store()

    for argv in (["today"], ["next", "goblet-squat"], ["log", "push-up", "--reps", "5"]):
        code, out, err = run(capsys, *argv)
        assert code == 1, (argv, out, err)
        assert err.startswith("error: store: "), err
        assert err.count("\n") == 1, err
        assert "runlift db check" in err
        assert "Traceback" not in err
    code, out, err = run(capsys, "db", "check")
    assert code == 1
    lines = out.splitlines()
    assert len(lines) == 4, out
    assert {line.split()[1] for line in lines} == {"plans", "planned_sessions", "set_logs", "runs"}
    assert all(line.startswith("Ana: ") for line in lines)
    assert "4 damaged rows" in err

    code, out, err = run(capsys, "db", "check", "--repair")
    assert code == 0, out + err
    assert out.count("repaired Ana: ") == 5, out  # four rows, and a new plan version
    assert "plan version 2 re-built from the profile" in out
    for argv in (["today"], ["next", "goblet-squat"], ["db", "check"]):
        code, out, err = run(capsys, *argv)
        assert code == 0, (argv, err)
    exported(capsys)


@pytest.mark.usefixtures("ana")
def test_a_repaired_store_exports_a_document_that_imports_again(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert run(capsys, "log", "goblet-squat", "--reps", "8", "--date", str(DAY))[0] == 0
    assert run(capsys, "runs", "add", "--distance", "5km", "--date", str(DAY))[0] == 0
    _poison_store()
    assert run(capsys, "db", "check", "--repair")[0] == 0
    path = tmp_path / "repaired.json"
    assert run(capsys, "export", "-o", str(path))[0] == 0
    with engine().begin() as c:
        c.execute(text("DELETE FROM athletes"))
    code, _, err = run(capsys, "import", str(path))
    assert code == 0, err


# --- concurrency --------------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.usefixtures("ana")
def test_concurrent_loggers_of_one_day_share_one_session_and_number_sets_uniquely() -> None:
    factory = make_uow()
    lib = library()
    barrier = threading.Barrier(8)

    def logger(worker: int) -> None:
        barrier.wait()
        for n in range(8):
            exercise = "goblet-squat" if (worker + n) % 2 else "push-up"
            entry = training.SetEntry(exercise, 5 + n)
            training.log_sets(factory, lib, "Ana", DAY, [entry], PINNED_TODAY, NOW)

    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(logger, range(8)))
    with factory() as uow:
        record = uow.athletes.get("Ana")
        assert record is not None
        assert len(uow.sessions.on(record.id, DAY)) == 1
        sets = uow.sets.all(record.id)
    assert len(sets) == 64
    numbers = [(s.logged.exercise, s.logged.set_number) for s in sets]
    assert len(set(numbers)) == 64, "set numbers are unique per exercise"


@pytest.mark.slow
def test_two_imports_at_once_never_both_succeed(backend: str, document: dict[str, Any]) -> None:
    factory = make_uow()
    lib = library()
    barrier = threading.Barrier(4)

    def importer(index: int) -> str:
        copied = copy.deepcopy(document)
        copied["athletes"][0]["name"] = f"Runner {index}"
        barrier.wait()
        try:
            transfer.import_document(factory, lib, copied, PINNED_TODAY)
        except RunliftError as exc:
            return str(exc)
        return "imported"

    with ThreadPoolExecutor(max_workers=4) as pool:
        outcomes = list(pool.map(importer, range(4)))
    assert outcomes.count("imported") == 1, outcomes
    assert all("import needs an empty store" in o for o in outcomes if o != "imported"), outcomes
    with factory() as uow:
        assert len(uow.athletes.all()) == 1
