"""Correcting the log over the in-memory store: edit, delete, undo, and session files once only."""

from __future__ import annotations

import datetime as dt
import json

import gpxpy
import gpxpy.gpx
import pytest
import training_plans as plans
from fakes import FakeStore

from runlift.adapters.catalogue_loader import load_library
from runlift.adapters.run_files import read_run_file
from runlift.domain.library import Library
from runlift.domain.log import PerformedSession
from runlift.domain.progression import Load
from runlift.domain.training_load import RunEntry
from runlift.domain.vocab import Units
from runlift.services import corrections, logbook, reports, running, training
from runlift.services.errors import BadInput, NotFound, NothingToUndo
from runlift.services.ports import ChangeKind
from runlift.services.session_document import parse_session_document
from runlift.services.training import SetEntry

LUNGE = "forward-lunge"
PLANK = "side-plank"
KG = Units.KG
NOW = dt.datetime(2026, 1, 20, 8, 0, tzinfo=dt.UTC)
PLAN = plans.weekly({1: [plans.item(LUNGE, kit=["dumbbell"], reps=(4, 6))]})


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


@pytest.fixture
def tess() -> FakeStore:
    return plans.store(plans.profile(), PLAN)


def tue(week: int) -> dt.date:
    return plans.tuesday(week)


def lunges(reps: int, kg: float, count: int = 3) -> list[SetEntry]:
    return [SetEntry(LUNGE, reps, Load(kg, KG), rir=2) for _ in range(count)]


def next_load(store: FakeStore, library: Library, today: dt.date) -> Load | None:
    return training.next_for(store, library, "Tess", LUNGE, today).target.load


def set_ids(store: FakeStore) -> list[int]:
    return [row.id for row in reports.history(store, load_library(), "Tess")]


def session_file(store: FakeStore, library: Library, day: dt.date, srpe: int = 7) -> list[bool]:
    entries = [*lunges(6, 16), SetEntry(PLANK, None, None, 30)]
    session = PerformedSession(day, srpe=srpe)
    return training.log_sets(store, library, "Tess", day, entries, day, NOW, session)


# Stable ids --------------------------------------------------------------------------------


def test_history_and_runs_show_each_row_with_its_stored_id(
    tess: FakeStore, library: Library
) -> None:
    plans.log(tess, library, tue(1), lunges(6, 16))
    running.add_run(tess, "Tess", RunEntry(tue(1), 8000.0), None, tue(1), NOW)
    with tess() as uow:
        athlete = uow.athletes.get("Tess")
        assert athlete is not None
        stored = [s.id for s in uow.sets.all(athlete.id)]
        run_ids = [r.id for r in uow.runs.all(athlete.id)]
    assert set_ids(tess) == stored
    assert [s.id for s, _ in running.list_runs(tess, "Tess").runs] == run_ids


# Edit --------------------------------------------------------------------------------------


def test_an_edit_changes_the_next_target_and_undo_brings_it_back(
    tess: FakeStore, library: Library
) -> None:
    plans.log(tess, library, tue(1), lunges(6, 16))
    plans.log(tess, library, tue(2), lunges(6, 16))
    assert next_load(tess, library, tue(2)) == Load(18, KG)  # two top sessions: one step up
    last = set_ids(tess)[-1]
    edited = corrections.edit_set(tess, library, "Tess", last, reps=4, now=NOW)
    assert (edited.id, edited.logged.reps, edited.logged.load) == (last, 4, Load(16, KG))
    assert next_load(tess, library, tue(2)) == Load(16, KG)  # a set short of the top: repeat
    undone = corrections.undo(tess, "Tess", NOW)
    assert (undone.kind, undone.date, undone.exercises, undone.sets) == (
        ChangeKind.SET_EDITED,
        tue(2),
        (LUNGE,),
        1,
    )
    assert next_load(tess, library, tue(2)) == Load(18, KG)


def test_an_edit_changes_only_the_given_fields(tess: FakeStore, library: Library) -> None:
    plans.log(tess, library, tue(1), [SetEntry(LUNGE, 6, Load(16, KG), rir=2, client_id="c")])
    [set_id] = set_ids(tess)
    with tess() as uow:
        before = uow.sets.get(uow.athletes.get("Tess").id, set_id)  # type: ignore[union-attr]
    after = corrections.edit_set(tess, library, "Tess", set_id, load=Load(17.5, KG), now=NOW)
    assert before is not None
    assert after.logged.load == Load(17.5, KG)
    assert (after.logged.reps, after.logged.rir, after.logged.client_id) == (6, 2, "c")
    assert after.logged.target == before.logged.target
    assert (after.session_id, after.date, after.variant) == (
        before.session_id,
        before.date,
        before.variant,
    )


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"reps": 201}, "reps"),
        ({"rir": 11}, "rir"),
        ({"load": Load(40, Units.LB)}, "load"),
        ({"load": Load(900, KG)}, "load"),
        ({"seconds": 30}, "seconds"),
        ({}, "set"),
    ],
)
def test_a_bad_edit_names_the_field_and_changes_nothing(
    tess: FakeStore, library: Library, changes: dict[str, object], field: str
) -> None:
    plans.log(tess, library, tue(1), lunges(6, 16, count=1))
    [set_id] = set_ids(tess)
    before = tess.data.sets
    commits = tess.commits
    with pytest.raises(BadInput) as caught:
        corrections.edit_set(tess, library, "Tess", set_id, now=NOW, **changes)  # type: ignore[arg-type]
    assert caught.value.field == field
    assert (tess.data.sets, tess.commits) == (before, commits)


def test_reps_on_a_hold_are_refused(tess: FakeStore, library: Library) -> None:
    plans.log(tess, library, tue(1), [SetEntry(PLANK, None, None, 30)])
    [set_id] = set_ids(tess)
    with pytest.raises(BadInput) as caught:
        corrections.edit_set(tess, library, "Tess", set_id, reps=10, now=NOW)
    assert caught.value.field == "reps"
    held = corrections.edit_set(tess, library, "Tess", set_id, seconds=45, now=NOW)
    assert held.logged.seconds == 45


def test_an_unknown_set_or_another_athletes_set_is_not_found(
    tess: FakeStore, library: Library
) -> None:
    with tess() as uow:
        uow.athletes.add("Ben", plans.profile(), NOW)
        uow.commit()
    training.log_sets(tess, library, "Ben", tue(1), lunges(6, 16, 1), tue(1), NOW)
    [bens] = [s.id for _, s in tess.data.sets]
    for wrong in (bens, 98765):
        with pytest.raises(NotFound) as caught:
            corrections.edit_set(tess, library, "Tess", wrong, reps=5, now=NOW)
        assert (caught.value.kind, caught.value.name) == ("set", str(wrong))
        with pytest.raises(NotFound):
            corrections.delete_set(tess, "Tess", wrong, NOW)
    with pytest.raises(NotFound):
        corrections.delete_run(tess, "Tess", 98765, NOW)


# Delete and undo ---------------------------------------------------------------------------


def test_undoing_a_delete_restores_the_set_with_its_id_and_everything_else(
    tess: FakeStore, library: Library
) -> None:
    plans.log(tess, library, tue(1), [SetEntry(LUNGE, 6, Load(16, KG), rir=2, client_id="x")])
    before = list(tess.data.sets)
    times = dict(tess.data.set_times)
    [set_id] = set_ids(tess)
    removed = corrections.delete_set(tess, "Tess", set_id, NOW)
    assert removed.id == set_id
    assert set_ids(tess) == []
    summary = corrections.undo(tess, "Tess", NOW)
    assert (summary.kind, summary.sets) == (ChangeKind.SET_DELETED, 1)
    assert tess.data.sets == before
    assert tess.data.set_times == times


def test_deleting_a_session_removes_it_with_its_sets_and_undo_brings_all_back(
    tess: FakeStore, library: Library
) -> None:
    session_file(tess, library, tue(1))
    plans.log(tess, library, tue(2), lunges(6, 16))
    sessions_before, sets_before = dict(tess.data.sessions), list(tess.data.sets)
    deleted = corrections.delete_session(tess, "Tess", tue(1), NOW)
    assert (deleted.kind, deleted.sessions, deleted.sets) == (ChangeKind.SESSION_DELETED, 1, 4)
    assert {s.date for _, s in tess.data.sets} == {tue(2)}
    assert len(tess.data.sessions) == 1
    with pytest.raises(NotFound) as caught:
        corrections.delete_session(tess, "Tess", tue(1), NOW)
    assert caught.value.kind == "session"
    corrections.undo(tess, "Tess", NOW)
    assert tess.data.sessions == sessions_before
    assert sorted(tess.data.sets, key=lambda x: x[1].id) == sets_before


def test_runs_logged_and_deleted_are_undone(tess: FakeStore) -> None:
    run = RunEntry(tue(1), 8000.0, 2400, "easy")
    running.add_run(tess, "Tess", run, "r1", tue(1), NOW)
    stored = list(tess.data.runs)
    [(_, first)] = stored
    corrections.delete_run(tess, "Tess", first.id, NOW)
    assert tess.data.runs == []
    assert corrections.undo(tess, "Tess", NOW).kind == ChangeKind.RUN_DELETED
    assert tess.data.runs == stored
    assert corrections.undo(tess, "Tess", NOW).kind == ChangeKind.RUN_LOGGED
    assert tess.data.runs == []
    assert running.add_run(tess, "Tess", run, "r1", tue(1), NOW).added  # the id is free again


def test_undo_walks_back_one_change_at_a_time_until_nothing_is_left(
    tess: FakeStore, library: Library
) -> None:
    plans.log(tess, library, tue(1), lunges(6, 16))
    plans.log(tess, library, tue(1), lunges(5, 16, count=1))
    corrections.delete_set(tess, "Tess", set_ids(tess)[0], NOW)
    assert len(set_ids(tess)) == 3
    kinds = [corrections.undo(tess, "Tess", NOW) for _ in range(3)]
    assert [(k.kind, k.sets, k.sessions) for k in kinds] == [
        (ChangeKind.SET_DELETED, 1, 0),
        (ChangeKind.SETS_LOGGED, 1, 0),
        (ChangeKind.SETS_LOGGED, 3, 1),  # the first log also made the day's session
    ]
    assert (tess.data.sets, tess.data.sessions) == ([], {})
    with pytest.raises(NothingToUndo) as caught:
        corrections.undo(tess, "Tess", NOW)
    assert "nothing left to undo" in str(caught.value)
    assert isinstance(caught.value, NotFound)


def test_a_retried_set_stores_nothing_and_journals_nothing(
    tess: FakeStore, library: Library
) -> None:
    entry = SetEntry(LUNGE, 6, Load(16, KG), rir=2, client_id="once")
    assert plans.log(tess, library, tue(1), [entry]) == [True]
    assert plans.log(tess, library, tue(1), [entry]) == [False]
    assert len(tess.data.journal) == 1
    corrections.undo(tess, "Tess", NOW)
    with pytest.raises(NothingToUndo):
        corrections.undo(tess, "Tess", NOW)


# Session files -----------------------------------------------------------------------------


def test_the_same_session_file_twice_records_one_session_and_one_load(
    tess: FakeStore, library: Library
) -> None:
    assert session_file(tess, library, tue(1)) == [True] * 4  # alike sets are all stored
    again = logbook.log_session(
        tess,
        library,
        "Tess",
        tue(1),
        [*lunges(6, 16), SetEntry(PLANK, None, None, 30)],
        tue(1),
        NOW,
        PerformedSession(tue(1), srpe=7),
    )
    assert again == logbook.SessionLogged([False] * 4, already_recorded=True)
    assert len(tess.data.sessions) == 1
    assert len(tess.data.sets) == 4
    assert len(tess.data.journal) == 1
    [(_, stored)] = tess.data.sessions.values()
    assert stored.client_id is not None
    assert stored.client_id.startswith("auto:")
    assert len(stored.client_id) <= 120
    monday = tue(1) - dt.timedelta(days=1)
    (week,) = running.weekly_load(tess, "Tess", monday, monday + dt.timedelta(days=6)).weeks
    assert (week.strength_sessions, week.strength_load) == (1, 7 * 40)


def test_a_different_file_or_day_is_another_session(tess: FakeStore, library: Library) -> None:
    session_file(tess, library, tue(1))
    session_file(tess, library, tue(2))
    other = [SetEntry(LUNGE, 5, Load(16, KG), rir=2)]
    session = PerformedSession(tue(1))
    assert training.log_sets(tess, library, "Tess", tue(1), other, tue(1), NOW, session) == [True]
    assert len(tess.data.sessions) == 3


def test_a_session_file_with_its_own_id_is_recorded_once_whatever_it_holds(
    tess: FakeStore, library: Library
) -> None:
    session = PerformedSession(tue(1), client_id="watch-123")
    first = logbook.log_session(tess, library, "Tess", tue(1), lunges(6, 16), tue(1), NOW, session)
    second = logbook.log_session(tess, library, "Tess", tue(1), lunges(5, 16), tue(1), NOW, session)
    assert (first.already_recorded, second.already_recorded) == (False, True)
    assert [s.client_id for _, s in tess.data.sessions.values()] == ["watch-123"]
    assert len(tess.data.sets) == 3


def test_undoing_a_session_file_removes_the_whole_session_and_frees_it(
    tess: FakeStore, library: Library
) -> None:
    session_file(tess, library, tue(1))
    summary = corrections.undo(tess, "Tess", NOW)
    assert (summary.kind, summary.sets, summary.sessions) == (ChangeKind.SESSION_LOGGED, 4, 1)
    assert summary.exercises == (LUNGE, PLANK)
    assert (tess.data.sets, tess.data.sessions) == ([], {})
    assert session_file(tess, library, tue(1)) == [True] * 4


def test_the_session_key_is_stable_and_tells_contents_apart() -> None:
    day = dt.date(2026, 1, 6)
    entries = lunges(6, 16)
    key = logbook.session_key(day, entries, [LUNGE] * 3)
    assert key == logbook.session_key(day, list(entries), [LUNGE] * 3)
    assert key != logbook.session_key(day, entries[:2], [LUNGE] * 2)
    assert key != logbook.session_key(day + dt.timedelta(days=1), entries, [LUNGE] * 3)
    assert key != logbook.session_key(day, lunges(6, 16.5), [LUNGE] * 3)
    assert key.startswith("auto:")
    assert len(key) == 5 + 64


def _gpx(starts: list[dt.datetime]) -> bytes:
    """GPX data with one 2 km track per start."""
    gpx = gpxpy.gpx.GPX()
    for start in starts:
        segment = gpxpy.gpx.GPXTrackSegment()
        for i in range(21):
            time = start + dt.timedelta(seconds=30 * i)
            segment.points.append(
                gpxpy.gpx.GPXTrackPoint(52.0 + i * 100 / 111_195, 13.0, time=time)
            )
        track = gpxpy.gpx.GPXTrack()
        track.segments.append(segment)
        gpx.tracks.append(track)
    return gpx.to_xml().encode("utf-8")


def test_an_import_of_runs_is_one_change_and_a_repeated_import_none(tess: FakeStore) -> None:
    starts = [
        dt.datetime.combine(tue(1) + dt.timedelta(days=d), dt.time(7), dt.UTC) for d in (0, 2)
    ]
    data = _gpx(starts)
    found = read_run_file("week.gpx", data)
    assert running.import_runs(tess, "Tess", found, tue(2), NOW).added == 2
    assert running.import_runs(tess, "Tess", found, tue(2), NOW).added == 0
    assert len(tess.data.journal) == 1
    summary = corrections.undo(tess, "Tess", NOW)
    assert (summary.kind, summary.runs, summary.date) == (ChangeKind.RUNS_IMPORTED, 2, tue(1))
    assert tess.data.runs == []


@pytest.mark.parametrize("key", ["id", "client_id"])
def test_a_session_file_names_its_own_id_as_id_or_client_id(key: str) -> None:
    sets = [{"exercise": LUNGE, "reps": 6}]
    text = json.dumps({"date": "2026-01-06", key: "w-1", "sets": sets})
    assert parse_session_document(text, "session.json").client_id == "w-1"
