"""Correcting the log on SQLite and PostgreSQL: targets follow edits, undo restores ids, and a
session file is recorded once even when sent eight times at the same moment."""

from __future__ import annotations

import datetime as dt
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from backends import Store

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))
import training_plans as plans

from runlift.adapters.catalogue_loader import load_library
from runlift.domain.library import Library
from runlift.domain.log import PerformedSession
from runlift.domain.progression import Load
from runlift.domain.training_load import RunEntry
from runlift.domain.vocab import Units
from runlift.services import corrections, logbook, reports, running, training
from runlift.services.errors import NothingToUndo
from runlift.services.ports import ChangeKind
from runlift.services.training import SetEntry

LUNGE = "forward-lunge"
PLANK = "side-plank"
KG = Units.KG
NOW = dt.datetime(2026, 1, 20, 8, 0, tzinfo=dt.UTC)
PLAN = plans.weekly({1: [plans.item(LUNGE, kit=["dumbbell"], reps=(4, 6))]})
TUESDAY = plans.tuesday(1)


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


@pytest.fixture
def tess(store: Store) -> Store:
    with store() as uow:
        athlete = uow.athletes.add("Tess", plans.profile(), NOW)
        uow.plans.add(athlete.id, plans.START, plans.profile(), "{}", list(PLAN), NOW)
        uow.commit()
    return store


def lunges(reps: int, kg: float = 16, count: int = 3) -> list[SetEntry]:
    return [SetEntry(LUNGE, reps, Load(kg, KG), rir=2) for _ in range(count)]


def log(store: Store, library: Library, day: dt.date, entries: list[SetEntry]) -> list[bool]:
    return training.log_sets(store, library, "Tess", day, entries, day, NOW)


def session_file(store: Store, library: Library) -> logbook.SessionLogged:
    entries = [*lunges(6), SetEntry(PLANK, None, None, 30)]
    session = PerformedSession(TUESDAY, srpe=7)
    return logbook.log_session(store, library, "Tess", TUESDAY, entries, TUESDAY, NOW, session)


def history(store: Store, library: Library) -> list[reports.HistoryRow]:
    return reports.history(store, library, "Tess")


def test_an_edit_recomputes_the_next_target(tess: Store, library: Library) -> None:
    log(tess, library, plans.tuesday(1), lunges(6))
    log(tess, library, plans.tuesday(2), lunges(6))
    ahead = plans.tuesday(2)
    assert training.next_for(tess, library, "Tess", LUNGE, ahead).target.load == Load(18, KG)
    last = history(tess, library)[-1].id
    corrections.edit_set(tess, library, "Tess", last, reps=3, now=NOW)
    assert training.next_for(tess, library, "Tess", LUNGE, ahead).target.load == Load(16, KG)


def test_undo_of_an_edit_restores_the_old_values(tess: Store, library: Library) -> None:
    log(tess, library, TUESDAY, lunges(6, count=1))
    before = history(tess, library)
    corrections.edit_set(tess, library, "Tess", before[0].id, reps=4, rir=0, now=NOW)
    assert (history(tess, library)[0].reps, history(tess, library)[0].rir) == (4, 0)
    assert corrections.undo(tess, "Tess", NOW).kind == ChangeKind.SET_EDITED
    assert history(tess, library) == before


def test_undo_of_a_delete_restores_the_set_with_its_id(tess: Store, library: Library) -> None:
    log(tess, library, TUESDAY, [SetEntry(LUNGE, 6, Load(16, KG), rir=2, client_id="c-1")])
    log(tess, library, TUESDAY, lunges(5, count=1))
    with tess() as uow:
        athlete = uow.athletes.get("Tess")
        assert athlete is not None
        everything = uow.sets.all(athlete.id)
    corrections.delete_set(tess, "Tess", everything[0].id, NOW)
    assert [r.id for r in history(tess, library)] == [everything[1].id]
    corrections.undo(tess, "Tess", NOW)
    with tess() as uow:
        assert uow.sets.all(athlete.id) == everything  # id, client id, log time and target


def test_undo_of_a_session_file_removes_the_whole_session(tess: Store, library: Library) -> None:
    assert session_file(tess, library).recorded == [True] * 4
    summary = corrections.undo(tess, "Tess", NOW)
    assert (summary.kind, summary.sessions, summary.sets) == (ChangeKind.SESSION_LOGGED, 1, 4)
    with tess() as uow:
        athlete = uow.athletes.get("Tess")
        assert athlete is not None
        assert (uow.sessions.all(athlete.id), uow.sets.all(athlete.id)) == ([], [])


def test_undo_walks_back_and_says_when_nothing_is_left(tess: Store, library: Library) -> None:
    log(tess, library, TUESDAY, lunges(6))
    running.add_run(tess, "Tess", RunEntry(TUESDAY, 8000.0, 2400, "easy"), None, TUESDAY, NOW)
    corrections.delete_session(tess, "Tess", TUESDAY, NOW)
    kinds = [corrections.undo(tess, "Tess", NOW).kind for _ in range(3)]
    assert kinds == [ChangeKind.SESSION_DELETED, ChangeKind.RUN_LOGGED, ChangeKind.SETS_LOGGED]
    with pytest.raises(NothingToUndo):
        corrections.undo(tess, "Tess", NOW)
    assert history(tess, library) == []
    assert running.list_runs(tess, "Tess").runs == []


def _one_week_load(store: Store) -> tuple[int, int]:
    monday = TUESDAY - dt.timedelta(days=1)
    (week,) = running.weekly_load(store, "Tess", monday, monday + dt.timedelta(days=6)).weeks
    return week.strength_sessions, week.strength_load


def test_the_same_session_file_twice_is_one_session(tess: Store, library: Library) -> None:
    first, second = session_file(tess, library), session_file(tess, library)
    assert (first.already_recorded, second.already_recorded) == (False, True)
    assert second.recorded == [False] * 4
    assert len(history(tess, library)) == 4
    assert _one_week_load(tess) == (1, 7 * 40)


@pytest.mark.slow
def test_eight_identical_session_files_at_once_leave_one_session(
    tess: Store, library: Library
) -> None:
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda _: session_file(tess, library), range(8)))
    assert sorted(r.already_recorded for r in results) == [False] + [True] * 7
    assert len(history(tess, library)) == 4
    assert _one_week_load(tess) == (1, 7 * 40)
    corrections.undo(tess, "Tess", NOW)
    with pytest.raises(NothingToUndo):
        corrections.undo(tess, "Tess", NOW)
