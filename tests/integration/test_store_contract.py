"""One contract for every store: the same tests on the fake, on SQLite and on PostgreSQL.

The services are unit-tested against tests/unit/fakes.py; these tests make sure that what they
learn there holds on the real stores too. Each test takes `store`, a factory of units of work,
and runs once per store; PostgreSQL joins when RUNLIFT_TEST_PG_URL is set.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from backends import PG_URL, POSTGRESQL, SQLITE, Database, Store

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))
from fakes import FakeStore

from runlift.adapters.db.engine import make_engine, upgrade
from runlift.domain.log import LoggedSet, PerformedSession
from runlift.domain.progression import Load, Target, epley
from runlift.domain.target_codec import target_to_dict
from runlift.domain.training_load import RunEntry
from runlift.domain.vocab import Units
from runlift.services.errors import Conflict
from runlift.services.ports import (
    Account,
    AthleteRecord,
    ChangeKind,
    EditKind,
    LogChange,
    PlannedSessionRecord,
    PlanRecord,
    Role,
    SetRow,
    StoredChange,
    StoredNote,
    StoredRun,
    StoredSession,
    StoredSet,
    UnitOfWork,
)

Factory = Callable[[], UnitOfWork]

FAKE = "fake"
STORES = [
    FAKE,
    SQLITE,
    pytest.param(
        POSTGRESQL,
        marks=pytest.mark.skipif(PG_URL is None, reason="RUNLIFT_TEST_PG_URL is not set"),
    ),
]

NOW = dt.datetime(2026, 11, 21, 9, 30, tzinfo=dt.UTC)
BERLIN = dt.timezone(dt.timedelta(hours=2))
BERLIN_NOW = NOW.astimezone(BERLIN)
DAY = dt.date(2026, 11, 17)  # a Tuesday
PROFILE = "name: Ana\nlevel: intermediate\n"
KG, LB = Units.KG, Units.LB


@pytest.fixture(params=STORES)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Factory]:
    """An empty store: the in-memory fake, or a migrated SQLite file or PostgreSQL schema."""
    if request.param == FAKE:
        yield FakeStore()
        return
    if request.param == SQLITE:
        url, schema = f"sqlite:///{tmp_path / 'store.db'}", None
    else:
        assert PG_URL is not None
        url, schema = PG_URL, request.getfixturevalue("pg_schema")
    engine = make_engine(url, schema=schema)
    upgrade(engine)
    yield Store(Database(str(request.param), url, schema, engine))
    engine.dispose()


# Helpers -----------------------------------------------------------------------------------


def _write(store: Factory, action: Callable[[UnitOfWork], object]) -> object:
    """Do one thing in a unit of work and commit it; what the action returned."""
    with store() as uow:
        result = action(uow)
        uow.commit()
    return result


def _athlete(store: Factory, name: str = "Ana") -> int:
    with store() as uow:
        athlete = uow.athletes.add(name, PROFILE, NOW)
        uow.commit()
    return athlete.id


def _session(
    store: Factory, athlete_id: int, day: dt.date = DAY, client_id: str | None = None
) -> int:
    with store() as uow:
        session_id = uow.sessions.add(athlete_id, PerformedSession(day, client_id=client_id))
        uow.commit()
    return session_id


def _set(
    exercise: str = "goblet-squat",
    number: int = 1,
    reps: int | None = 8,
    load: Load | None = None,
    client_id: str | None = None,
    seconds: int | None = None,
    rir: int | None = None,
    target: Target | None = None,
) -> LoggedSet:
    return LoggedSet(exercise, number, reps, load, seconds, rir, target, client_id)


def _add_sets(
    store: Factory, athlete_id: int, session_id: int, day: dt.date, sets: list[LoggedSet]
) -> list[bool]:
    with store() as uow:
        done = [uow.sets.add(athlete_id, session_id, day, s, s.exercise, NOW) for s in sets]
        uow.commit()
    return done


def _is_utc(value: dt.datetime | None) -> bool:
    return value is not None and value.utcoffset() == dt.timedelta(0)


# Athletes ----------------------------------------------------------------------------------


def test_athletes_come_back_by_name_in_code_point_order(store: Factory) -> None:
    for name in ("Zoe", "ana", "Ben"):
        _athlete(store, name)
    with store() as uow:
        assert [a.name for a in uow.athletes.all()] == ["Ben", "Zoe", "ana"]
        ben = uow.athletes.get("Ben")
        assert ben is not None
        assert (ben.name, ben.profile_yaml) == ("Ben", PROFILE)
        assert uow.athletes.get("ben") is None
        assert uow.athletes.get("Nobody") is None


def test_a_name_that_exists_is_a_conflict_and_nothing_is_kept(store: Factory) -> None:
    first = _athlete(store)

    def twice(uow: UnitOfWork) -> None:
        uow.athletes.add("Ben", PROFILE, NOW)
        uow.athletes.add("Ana", "name: Other\n", NOW)

    with pytest.raises(Conflict):
        _write(store, twice)
    with store() as uow:
        assert [(a.id, a.name, a.profile_yaml) for a in uow.athletes.all()] == [
            (first, "Ana", PROFILE)
        ]


def test_a_profile_update_changes_the_text_and_only_the_updated_stamp(store: Factory) -> None:
    created = dt.datetime(2026, 11, 1, 8, 0, tzinfo=BERLIN)
    changed = dt.datetime(2026, 11, 2, 8, 0, 0, 123456, tzinfo=BERLIN)
    athlete = _write(store, lambda uow: uow.athletes.add("Ana", PROFILE, created))
    with store() as uow:
        ana = uow.athletes.get("Ana")
        assert ana == athlete
        assert ana is not None
        uow.athletes.update_profile(ana.id, "name: Ana\nlevel: advanced\n", changed)
        uow.commit()
    with store() as uow:
        updated = uow.athletes.get("Ana")
        assert updated is not None
        assert updated.profile_yaml == "name: Ana\nlevel: advanced\n"
        stamps = uow.athletes.stamps(updated.id)
    assert stamps == (created, changed)
    assert all(_is_utc(stamp) for stamp in stamps)


# Plans -------------------------------------------------------------------------------------


def _planned(day: dt.date, position: int, deload: bool = False) -> PlannedSessionRecord:
    content = {
        "title": f"Session {position}",
        "blocks": [{"kind": "main", "items": [{"exercise": "goblet-squat", "sets": 3}]}],
    }
    return PlannedSessionRecord(day, position, 1, deload, f"Session {position}", content)


def test_plan_versions_count_per_athlete_and_the_latest_is_the_highest(store: Factory) -> None:
    ana, ben = _athlete(store), _athlete(store, "Ben")
    with store() as uow:
        v1 = uow.plans.add(ana, DAY, PROFILE, '{"v": 1}', [], NOW)
        theirs = uow.plans.add(ben, DAY, PROFILE, "{}", [], NOW)
        v2 = uow.plans.add(ana, DAY + dt.timedelta(7), "name: Ana\n", '{"v": 2}', [], NOW)
        uow.commit()
    assert (v1.version, v2.version, theirs.version) == (1, 2, 1)
    assert (v2.athlete_id, v2.start, v2.profile_yaml, v2.plan_json) == (
        ana,
        DAY + dt.timedelta(7),
        "name: Ana\n",
        '{"v": 2}',
    )
    with store() as uow:
        assert uow.plans.latest(ana) == v2
        assert uow.plans.all(ana) == [v1, v2]
        assert uow.plans.latest(ben) == theirs
        assert uow.plans.latest(12345) is None
        assert uow.plans.all(12345) == []


def test_planned_sessions_come_back_by_date_then_position(store: Factory) -> None:
    ana = _athlete(store)
    later = DAY + dt.timedelta(days=3)
    written = [_planned(later, 0), _planned(DAY, 1, deload=True), _planned(DAY, 0)]
    plan = _write(store, lambda uow: uow.plans.add(ana, DAY, PROFILE, "{}", written, NOW))
    with store() as uow:
        assert uow.plans.all(ana) == [plan]
        sessions = uow.plans.sessions(uow.plans.all(ana)[0].id)
        assert uow.plans.sessions(12345) == []
        plan_id = uow.plans.all(ana)[0].id
        first_days = uow.plans.sessions(plan_id, DAY, later - dt.timedelta(days=1))
        from_later = uow.plans.sessions(plan_id, later)
        up_to_later = uow.plans.sessions(plan_id, None, later)
    assert sessions == [_planned(DAY, 0), _planned(DAY, 1, deload=True), _planned(later, 0)]
    assert first_days == sessions[:2]  # a range keeps both its ends
    assert from_later == sessions[2:]
    assert up_to_later == sessions


def test_plans_read_twice_in_one_unit_of_work_follow_its_writes_and_rollback(
    store: Factory,
) -> None:
    ana = _athlete(store)
    with store() as uow:
        assert uow.plans.latest(ana) is None
        plan = uow.plans.add(ana, DAY, PROFILE, "{}", [_planned(DAY, 0)], NOW)
        assert uow.plans.latest(ana) == plan
        assert uow.plans.sessions(plan.id) == [_planned(DAY, 0)]
        (row,) = [r for r in uow.audit.rows("planned_sessions") if r.athlete_id == ana]
        uow.audit.delete("planned_sessions", [row.id])
        assert uow.plans.sessions(plan.id) == []
        uow.rollback()
        assert uow.plans.latest(ana) is None


def test_a_plan_stamp_comes_back_in_utc(store: Factory) -> None:
    ana = _athlete(store)
    made = dt.datetime(2026, 11, 20, 23, 30, tzinfo=BERLIN)
    plan_id = _write(store, lambda uow: uow.plans.add(ana, DAY, PROFILE, "{}", [], made).id)
    assert isinstance(plan_id, int)
    with store() as uow:
        stamp = uow.plans.created_at(plan_id)
    assert stamp == made
    assert _is_utc(stamp)


def test_a_plan_of_an_unknown_athlete_is_a_conflict(store: Factory) -> None:
    with pytest.raises(Conflict):
        _write(store, lambda uow: uow.plans.add(98765, DAY, PROFILE, "{}", [], NOW))


# Plan adjustments --------------------------------------------------------------------------


def test_adjustments_come_back_per_plan_in_the_order_made_with_every_field(
    store: Factory,
) -> None:
    ana, ben = _athlete(store), _athlete(store, "Ben")
    with store() as uow:
        v1 = uow.plans.add(ana, DAY, PROFILE, "{}", [], NOW)
        theirs = uow.plans.add(ben, DAY, PROFILE, "{}", [], NOW)
        later = dt.datetime(2026, 11, 21, 23, 30, tzinfo=BERLIN)
        moved = uow.adjustments.add(ana, v1.id, DAY, DAY + dt.timedelta(2), "spacing: ü", later)
        skipped = uow.adjustments.add(ana, v1.id, DAY + dt.timedelta(3), None, None, NOW)
        uow.adjustments.add(ben, theirs.id, DAY, None, None, NOW)
        uow.commit()
    assert (moved.plan_id, moved.original, moved.new, moved.warning) == (
        v1.id,
        DAY,
        DAY + dt.timedelta(2),
        "spacing: ü",
    )
    assert moved.created_at == later
    assert _is_utc(moved.created_at)
    with store() as uow:
        assert uow.adjustments.for_plan(v1.id) == [moved, skipped]
        assert [a.new for a in uow.adjustments.for_plan(theirs.id)] == [None]
        assert uow.adjustments.for_plan(12345) == []
        assert _is_utc(uow.adjustments.for_plan(v1.id)[0].created_at)


def test_a_new_plan_version_has_no_adjustments(store: Factory) -> None:
    ana = _athlete(store)
    v1 = _write(store, lambda uow: uow.plans.add(ana, DAY, PROFILE, "{}", [], NOW))
    assert isinstance(v1, PlanRecord)
    _write(store, lambda uow: uow.adjustments.add(ana, v1.id, DAY, None, None, NOW))
    v2 = _write(store, lambda uow: uow.plans.add(ana, DAY, PROFILE, "{}", [], NOW))
    assert isinstance(v2, PlanRecord)
    with store() as uow:
        assert len(uow.adjustments.for_plan(v1.id)) == 1
        assert uow.adjustments.for_plan(v2.id) == []


def test_an_adjustment_of_an_unknown_plan_or_athlete_is_a_conflict(store: Factory) -> None:
    ana = _athlete(store)
    plan = _write(store, lambda uow: uow.plans.add(ana, DAY, PROFILE, "{}", [], NOW))
    assert isinstance(plan, PlanRecord)
    with pytest.raises(Conflict):
        _write(store, lambda uow: uow.adjustments.add(ana, 98765, DAY, None, None, NOW))
    with pytest.raises(Conflict):
        _write(store, lambda uow: uow.adjustments.add(98765, plan.id, DAY, None, None, NOW))
    with store() as uow:
        assert uow.adjustments.for_plan(plan.id) == []


# Performed sessions ------------------------------------------------------------------------


def test_a_session_client_id_seen_before_gives_the_stored_session(store: Factory) -> None:
    ana, ben = _athlete(store), _athlete(store, "Ben")
    started = dt.datetime(2026, 11, 17, 18, 0, tzinfo=dt.UTC)
    session = PerformedSession(DAY, started, started + dt.timedelta(minutes=40), 7, "good", "s-1")
    with store() as uow:
        first = uow.sessions.add(ana, session)
        again = uow.sessions.add(ana, session)
        uow.commit()
    later = _write(store, lambda uow: uow.sessions.add(ana, PerformedSession(DAY, client_id="s-1")))
    theirs = _session(store, ben, client_id="s-1")
    assert first == again == later
    assert theirs != first
    with store() as uow:
        assert [(s.id, s.session) for s in uow.sessions.all(ana)] == [(first, session)]
        assert [s.id for s in uow.sessions.all(ben)] == [theirs]


def test_sessions_without_client_id_are_separate_and_the_first_of_a_day_is_found(
    store: Factory,
) -> None:
    ana, ben = _athlete(store), _athlete(store, "Ben")
    later = _session(store, ana, DAY + dt.timedelta(days=1))
    first = _session(store, ana)
    second = _session(store, ana)
    _session(store, ben, DAY - dt.timedelta(days=1))
    assert len({later, first, second}) == 3
    with store() as uow:
        assert uow.sessions.id_on(ana, DAY) == first
        assert uow.sessions.id_on(ana, DAY + dt.timedelta(days=1)) == later
        assert uow.sessions.id_on(ana, DAY - dt.timedelta(days=1)) is None
        assert [s.id for s in uow.sessions.all(ana)] == [first, second, later]


def test_an_update_changes_the_session_but_keeps_its_client_id(store: Factory) -> None:
    ana = _athlete(store)
    session_id = _session(store, ana, client_id="keep")
    start = dt.datetime(2026, 11, 17, 18, 5, tzinfo=BERLIN)
    changed = PerformedSession(DAY, start, start + dt.timedelta(minutes=50), 8, "hard", "other")
    _write(store, lambda uow: uow.sessions.update(session_id, changed))
    with store() as uow:
        [stored] = uow.sessions.all(ana)
    assert stored.id == session_id
    assert stored.session == PerformedSession(
        DAY, changed.started_at, changed.ended_at, 8, "hard", "keep"
    )
    assert _is_utc(stored.session.started_at)
    assert _is_utc(stored.session.ended_at)


def test_a_session_of_an_unknown_athlete_is_a_conflict(store: Factory) -> None:
    with pytest.raises(Conflict):
        _write(store, lambda uow: uow.sessions.add(98765, PerformedSession(DAY)))


# Sets --------------------------------------------------------------------------------------


def test_a_set_client_id_seen_before_stores_nothing_and_says_so(store: Factory) -> None:
    ana, ben = _athlete(store), _athlete(store, "Ben")
    mine, theirs = _session(store, ana), _session(store, ben)
    assert _add_sets(store, ana, mine, DAY, [_set(client_id="a1")]) == [True]
    assert _add_sets(store, ana, mine, DAY, [_set(reps=3, client_id="a1")]) == [False]
    # Within one unit of work too, and the unit of work stays usable afterwards.
    twice = [_set(number=2, client_id="b"), _set(number=3, client_id="b"), _set(number=4)]
    assert _add_sets(store, ana, mine, DAY, twice) == [True, False, True]
    # The id is the athlete's own: another athlete may use the same one.
    assert _add_sets(store, ben, theirs, DAY, [_set(client_id="a1")]) == [True]
    # Sets without an id are never merged.
    assert _add_sets(store, ana, mine, DAY, [_set(number=5), _set(number=5)]) == [True, True]
    with store() as uow:
        stored = uow.sets.all(ana)
        assert len(uow.sets.all(ben)) == 1
    assert [(s.logged.set_number, s.logged.reps, s.logged.client_id) for s in stored] == [
        (1, 8, "a1"),
        (2, 8, "b"),
        (4, 8, None),
        (5, 8, None),
        (5, 8, None),
    ]


def test_set_numbers_continue_per_session_and_exercise(store: Factory) -> None:
    ana = _athlete(store)
    monday, tuesday = _session(store, ana), _session(store, ana, DAY + dt.timedelta(days=1))
    _add_sets(store, ana, monday, DAY, [_set(number=1), _set(number=3), _set("push-up", 1)])
    with store() as uow:
        assert uow.sets.next_number(monday, "goblet-squat") == 4  # after the highest, not a count
        assert uow.sets.next_number(monday, "push-up") == 2
        assert uow.sets.next_number(monday, "side-plank") == 1
        assert uow.sets.next_number(tuesday, "goblet-squat") == 1


def test_highest_numbers_are_per_exercise_of_one_session(store: Factory) -> None:
    ana = _athlete(store)
    monday, tuesday = _session(store, ana), _session(store, ana, DAY + dt.timedelta(days=1))
    _add_sets(store, ana, monday, DAY, [_set(number=1), _set(number=3), _set("push-up", 1)])
    with store() as uow:
        assert uow.sets.highest_numbers(monday) == {"goblet-squat": 3, "push-up": 1}
        assert uow.sets.highest_numbers(tuesday) == {}


def test_many_sets_are_added_at_once_each_with_its_own_id(store: Factory) -> None:
    ana, ben = _athlete(store), _athlete(store, "Ben")
    mine, theirs = _session(store, ana), _session(store, ben)
    _add_sets(store, ana, mine, DAY, [_set(client_id="old")])
    _add_sets(store, ben, theirs, DAY, [_set(client_id="b")])
    rows = [
        SetRow(mine, DAY, "goblet-squat", _set(number=n, load=Load(10.0 + n, KG)), NOW)
        for n in (2, 3)
    ] + [
        SetRow(mine, DAY, "push-up", _set("push-up", 1, client_id="new"), NOW),
        SetRow(mine, DAY, "push-up", _set("push-up", 2), NOW),
        SetRow(mine, DAY, "push-up", _set("push-up", 2), NOW),  # alike: both stored
    ]
    with store() as uow:
        assert uow.sets.known_client_ids(ana, ["old", "new", "b"]) == {"old"}
        assert uow.sets.known_client_ids(ben, ["old", "b"]) == {"b"}
        assert uow.sets.add_many(ana, []) == []
        ids = uow.sets.add_many(ana, rows)
        uow.commit()
    assert len(set(ids)) == len(rows)
    assert all(i is not None for i in ids)
    with store() as uow:
        for set_id, row in zip(ids, rows, strict=True):
            assert set_id is not None
            found = uow.sets.get(ana, set_id)
            assert found is not None
            assert found.logged == row.logged
        assert uow.sets.known_client_ids(ana, ["new"]) == {"new"}
        found_new = uow.sets.by_client_id(ana, "new")
        assert found_new is not None
        assert found_new.id == ids[2]
        assert found_new.logged == rows[2].logged
        assert uow.sets.by_client_id(ben, "new") is None
        assert uow.sets.by_client_id(ana, "b") is None


def test_add_many_leaves_out_a_client_id_stored_already(store: Factory) -> None:
    ana = _athlete(store)
    mine = _session(store, ana)
    _add_sets(store, ana, mine, DAY, [_set(client_id="taken")])
    rows = [
        SetRow(mine, DAY, "goblet-squat", _set(number=2, client_id="taken"), NOW),
        SetRow(mine, DAY, "goblet-squat", _set(number=3, client_id="fresh"), NOW),
    ]
    with store() as uow:
        ids = uow.sets.add_many(ana, rows)
        uow.commit()
    assert ids[0] is None
    assert ids[1] is not None
    with store() as uow:
        assert [s.logged.client_id for s in uow.sets.all(ana)] == ["taken", "fresh"]


def test_sets_keep_every_field_and_come_back_by_date_session_and_order(store: Factory) -> None:
    ana = _athlete(store)
    later = DAY + dt.timedelta(days=2)
    late_session = _session(store, ana, later)
    early_session = _session(store, ana, DAY)
    second_early = _session(store, ana, DAY)
    target = Target("goblet-squat", "goblet-squat", 3, (8, 12), None, Load(22.5, KG), 2)
    hold_target = Target("side-plank", "side-plank", 2, None, 30, None, 3, tempo="3-1-1")
    kg = _set(number=1, reps=10, load=Load(22.5, KG), rir=2, target=target, client_id="k")
    lb = _set(number=2, reps=9, load=Load(50.0, LB), rir=1, target=target)
    hold = _set("side-plank", 1, None, seconds=35, rir=3, target=hold_target)
    zero = _set("push-up", 1, 0, load=Load(0.0, KG))
    # Written out of order: the later day first, the second session of the day before the first.
    _add_sets(store, ana, late_session, later, [zero])
    _add_sets(store, ana, second_early, DAY, [hold])
    _add_sets(store, ana, early_session, DAY, [kg, lb])
    with store() as uow:
        stored = uow.sets.all(ana)
        squats = uow.sets.all(ana, "goblet-squat")
        assert uow.sets.all(ana, "nordic-curl") == []
    assert [s.logged for s in stored] == [kg, lb, hold, zero]
    assert [(s.date, s.session_id, s.variant) for s in stored] == [
        (DAY, early_session, "goblet-squat"),
        (DAY, early_session, "goblet-squat"),
        (DAY, second_early, "side-plank"),
        (later, late_session, "push-up"),
    ]
    assert [s.logged for s in squats] == [kg, lb]


def test_recent_sets_are_those_of_the_last_days_the_exercise_was_done(store: Factory) -> None:
    ana = _athlete(store)
    days = [DAY + dt.timedelta(days=n) for n in (0, 2, 4)]
    for day in days:
        session_id = _session(store, ana, day)
        _add_sets(store, ana, session_id, day, [_set(number=1), _set(number=2), _set("push-up")])
    with store() as uow:
        two = uow.sets.recent(ana, "goblet-squat", 2)
        assert uow.sets.recent(ana, "nordic-curl", 2) == []
        assert len(uow.sets.recent(ana, "goblet-squat", 10)) == 6
    assert [s.date for s in two] == [days[1], days[1], days[2], days[2]]
    assert {s.logged.exercise for s in two} == {"goblet-squat"}


def test_recent_sets_of_several_exercises_are_each_ones_own_recent_sets(store: Factory) -> None:
    ana, bo = _athlete(store), _athlete(store, "bo")
    days = [DAY + dt.timedelta(days=n) for n in (0, 2, 4)]
    for n, day in enumerate(days):
        session_id = _session(store, ana, day)
        squats = [_set(number=1), _set(number=2)] if n < 2 else [_set(number=1)]
        _add_sets(store, ana, session_id, day, [*squats, _set("push-up")])
    _add_sets(store, bo, _session(store, bo, days[2]), days[2], [_set("push-up")])
    exercises = ["goblet-squat", "push-up", "nordic-curl"]
    with store() as uow:
        together = uow.sets.recent_of(ana, exercises, 2)
        alone = {e: uow.sets.recent(ana, e, 2) for e in exercises}
        assert uow.sets.recent_of(ana, [], 2) == {}
    assert together == alone
    assert [s.date for s in together["goblet-squat"]] == [days[1], days[1], days[2]]
    assert [s.date for s in together["push-up"]] == [days[1], days[2]]
    assert together["nordic-curl"] == []
    with store() as uow:
        before = uow.sets.recent_of(ana, exercises, 2, before=days[2])
        on_first = uow.sets.recent_of(ana, exercises, 2, before=days[0])
    assert [s.date for s in before["goblet-squat"]] == [days[0], days[0], days[1], days[1]]
    assert [s.date for s in before["push-up"]] == [days[0], days[1]]
    assert on_first == {e: [] for e in exercises}


def test_set_log_times_come_back_in_utc_by_set_id(store: Factory) -> None:
    ana = _athlete(store)
    session_id = _session(store, ana)
    at = dt.datetime(2026, 11, 17, 19, 15, 30, 250000, tzinfo=BERLIN)
    _write(store, lambda uow: uow.sets.add(ana, session_id, DAY, _set(), "goblet-squat", at))
    with store() as uow:
        [stored] = uow.sets.all(ana)
        times = uow.sets.logged_times(ana)
        assert uow.sets.logged_times(12345) == {}
    assert times == {stored.id: at}
    assert _is_utc(times[stored.id])


def test_set_rows_are_stored_exactly_as_given(store: Factory) -> None:
    ana = _athlete(store)
    session_id = _session(store, ana)
    at = dt.datetime(2026, 11, 17, 18, 0, tzinfo=BERLIN)
    rows = [
        SetRow(session_id, DAY, "goblet-squat", _set(number=7, client_id="x"), at),
        SetRow(session_id, DAY, "box-squat", _set(number=2, load=Load(40.0, KG)), NOW),
    ]
    _write(store, lambda uow: uow.sets.add_rows(ana, rows))
    _write(store, lambda uow: uow.sets.add_rows(ana, []))
    with store() as uow:
        stored = uow.sets.all(ana)
        times = uow.sets.logged_times(ana)
    assert [(s.session_id, s.date, s.variant, s.logged) for s in stored] == [
        (r.session_id, r.date, r.variant, r.logged) for r in rows
    ]
    assert [times[s.id] for s in stored] == [at, NOW]


def test_set_rows_repeating_a_known_client_id_are_a_conflict(store: Factory) -> None:
    ana = _athlete(store)
    session_id = _session(store, ana)
    _add_sets(store, ana, session_id, DAY, [_set(client_id="x")])
    rows = [
        SetRow(session_id, DAY, "goblet-squat", _set(number=2, client_id="y"), NOW),
        SetRow(session_id, DAY, "goblet-squat", _set(number=3, client_id="x"), NOW),
    ]
    with pytest.raises(Conflict):
        _write(store, lambda uow: uow.sets.add_rows(ana, rows))
    with store() as uow:
        assert [s.logged.client_id for s in uow.sets.all(ana)] == ["x"]


@pytest.mark.parametrize("client_id", [None, "c-1"])
def test_a_set_of_an_unknown_session_is_a_conflict_never_a_retry(
    store: Factory, client_id: str | None
) -> None:
    ana = _athlete(store)
    logged = _set(client_id=client_id)
    with pytest.raises(Conflict):
        _write(store, lambda uow: uow.sets.add(ana, 98765, DAY, logged, "goblet-squat", NOW))


# Runs --------------------------------------------------------------------------------------


def _run(store: Factory, athlete_id: int, run: RunEntry, client_id: str | None = None) -> bool:
    added = _write(store, lambda uow: uow.runs.add(athlete_id, run, "manual", client_id, NOW))
    assert isinstance(added, bool)
    return added


def test_runs_come_back_by_date_then_order_with_every_field(store: Factory) -> None:
    ana = _athlete(store)
    later = RunEntry(DAY, 12_500.5, 3900, "long")
    earlier = RunEntry(DAY - dt.timedelta(days=3), 8000.0, None, None)
    same_day = RunEntry(DAY, 3000.0, 900, "easy")
    assert _run(store, ana, later, "r2")
    assert _run(store, ana, earlier)
    at = dt.datetime(2026, 11, 17, 7, 0, tzinfo=BERLIN)
    _write(store, lambda uow: uow.runs.add(ana, same_day, "gpx", "gpx:f:0", at))
    with store() as uow:
        stored = uow.runs.all(ana)
    assert [s.run for s in stored] == [earlier, later, same_day]
    assert [(s.source, s.client_id) for s in stored] == [
        ("manual", None),
        ("manual", "r2"),
        ("gpx", "gpx:f:0"),
    ]
    assert [s.logged_at for s in stored] == [NOW, NOW, at]
    assert all(_is_utc(s.logged_at) for s in stored)
    assert len({s.id for s in stored}) == 3


def test_since_keeps_runs_on_and_after_the_day(store: Factory) -> None:
    ana = _athlete(store)
    for offset in range(5):
        _run(store, ana, RunEntry(DAY + dt.timedelta(days=offset), 5000.0 + offset))
    with store() as uow:
        since = uow.runs.all(ana, DAY + dt.timedelta(days=3))
        assert len(uow.runs.all(ana, None)) == 5
        assert uow.runs.all(ana, DAY + dt.timedelta(days=9)) == []
    assert [s.run.date for s in since] == [DAY + dt.timedelta(days=3), DAY + dt.timedelta(days=4)]


def test_a_run_client_id_seen_before_adds_nothing_for_the_same_athlete(store: Factory) -> None:
    ana, ben = _athlete(store), _athlete(store, "Ben")
    run = RunEntry(DAY, 10_000.0, 3300, "easy")
    assert _run(store, ana, run, "gpx:abc:0")
    assert not _run(store, ana, RunEntry(DAY, 20_000.0), "gpx:abc:0")
    assert _run(store, ben, run, "gpx:abc:0")
    assert _run(store, ana, run)  # no client id: a second run of the same shape is stored
    with store() as uow:
        assert [s.run for s in uow.runs.all(ana)] == [run, run]
        assert [s.run for s in uow.runs.all(ben)] == [run]


def test_a_run_of_an_unknown_athlete_is_a_conflict(store: Factory) -> None:
    with pytest.raises(Conflict):
        _run(store, 98765, RunEntry(DAY, 5000.0), "r")


# Corrections: new rows' ids, get, update, delete and restore under the same ids -------------


def test_add_new_gives_the_new_id_or_none_for_a_known_client_id(store: Factory) -> None:
    ana = _athlete(store)
    with store() as uow:
        first = uow.sessions.add_new(ana, PerformedSession(DAY, client_id="s"))
        assert first is not None
        assert uow.sessions.add_new(ana, PerformedSession(DAY, client_id="s")) is None
        plain = uow.sessions.add_new(ana, PerformedSession(DAY))
        set_id = uow.sets.add_new(ana, first, DAY, _set(client_id="k"), "goblet-squat", NOW)
        assert uow.sets.add_new(ana, first, DAY, _set(client_id="k"), "goblet-squat", NOW) is None
        run_id = uow.runs.add_new(ana, RunEntry(DAY, 5000.0), "manual", "r", NOW)
        assert uow.runs.add_new(ana, RunEntry(DAY, 6000.0), "manual", "r", NOW) is None
        uow.commit()
    with store() as uow:
        assert [s.id for s in uow.sessions.all(ana)] == [first, plain]
        assert [s.id for s in uow.sets.all(ana)] == [set_id]
        assert [r.id for r in uow.runs.all(ana)] == [run_id]


def test_a_set_is_got_by_id_for_its_own_athlete_only_with_its_log_time(store: Factory) -> None:
    ana, ben = _athlete(store), _athlete(store, "Ben")
    session_id = _session(store, ana)
    at = dt.datetime(2026, 11, 17, 19, 0, tzinfo=BERLIN)
    target = Target("goblet-squat", "goblet-squat", 3, (8, 12), None, Load(22.5, KG), 2)
    logged = _set(reps=9, load=Load(22.5, KG), rir=2, target=target, client_id="c")
    set_id = _write(store, lambda uow: uow.sets.add_new(ana, session_id, DAY, logged, "v", at))
    assert isinstance(set_id, int)
    with store() as uow:
        got = uow.sets.get(ana, set_id)
        assert uow.sets.get(ben, set_id) is None
        assert uow.sets.get(ana, 98765) is None
        assert uow.sets.all(ana) == [got]
    assert got == StoredSet(set_id, session_id, DAY, "v", logged, at)
    assert got is not None
    assert _is_utc(got.logged_at)


def test_an_update_changes_reps_load_seconds_and_rir_only(store: Factory) -> None:
    ana = _athlete(store)
    session_id = _session(store, ana)
    target = Target("goblet-squat", "goblet-squat", 3, (8, 12), None, Load(20.0, KG), 2)
    logged = _set(reps=8, load=Load(20.0, KG), rir=2, target=target, client_id="c")
    other = _set(number=2, reps=8)
    _add_sets(store, ana, session_id, DAY, [logged, other])
    with store() as uow:
        first, second = uow.sets.all(ana)
        changed = _set("push-up", 7, 5, Load(45.0, LB), "z", seconds=20, rir=0)
        uow.sets.update(first.id, changed)
        uow.commit()
    with store() as uow:
        assert uow.sets.all(ana) == [
            StoredSet(
                first.id,
                session_id,
                DAY,
                "goblet-squat",
                _set(reps=5, load=Load(45.0, LB), seconds=20, rir=0, target=target, client_id="c"),
                NOW,
            ),
            second,
        ]


def test_deleted_sets_runs_and_sessions_come_back_with_their_ids(store: Factory) -> None:
    ana = _athlete(store)
    started = dt.datetime(2026, 11, 17, 18, 0, tzinfo=BERLIN)
    day_session = PerformedSession(DAY, started, started + dt.timedelta(minutes=30), 6, "n", "s1")
    session_id = _write(store, lambda uow: uow.sessions.add(ana, day_session))
    assert isinstance(session_id, int)
    target = Target("goblet-squat", "goblet-squat", 3, (8, 12), None, Load(20.0, KG), 2)
    _add_sets(store, ana, session_id, DAY, [_set(target=target, client_id="a"), _set(number=2)])
    _run(store, ana, RunEntry(DAY, 8000.0, 2400, "easy"), "r1")
    with store() as uow:
        sessions, sets, runs = uow.sessions.on(ana, DAY), uow.sets.all(ana), uow.runs.all(ana)
        assert uow.sessions.on(ana, DAY + dt.timedelta(days=1)) == []
        assert uow.sets.of_sessions([session_id]) == sets
        assert uow.sets.of_sessions([]) == []
        assert uow.runs.get(ana, runs[0].id) == runs[0]
        assert uow.runs.get(ana + 1000, runs[0].id) is None
        uow.sets.delete([s.id for s in sets])
        uow.sessions.delete([session_id])
        uow.runs.delete([runs[0].id])
        uow.commit()
    with store() as uow:
        assert (uow.sessions.all(ana), uow.sets.all(ana), uow.runs.all(ana)) == ([], [], [])
        uow.sessions.restore(ana, sessions)
        uow.sets.restore(ana, sets)
        uow.runs.restore(ana, runs)
        uow.commit()
    with store() as uow:
        assert uow.sessions.all(ana) == sessions
        assert uow.sets.all(ana) == sets
        assert uow.runs.all(ana) == runs
        # New rows never take a restored id.
        new_set = uow.sets.add_new(ana, session_id, DAY, _set(number=3), "x", NOW)
        new_run = uow.runs.add_new(ana, RunEntry(DAY, 1000.0), "manual", None, NOW)
    assert new_set not in {s.id for s in sets}
    assert new_run != runs[0].id


def test_deleting_a_session_takes_its_sets_with_it(store: Factory) -> None:
    ana = _athlete(store)
    session_id = _session(store, ana)
    _add_sets(store, ana, session_id, DAY, [_set()])
    _write(store, lambda uow: uow.sessions.delete([session_id]))
    with store() as uow:
        assert uow.sets.all(ana) == []


def test_restoring_over_a_row_that_exists_is_a_conflict(store: Factory) -> None:
    ana = _athlete(store)
    session_id = _session(store, ana)
    _add_sets(store, ana, session_id, DAY, [_set()])
    _run(store, ana, RunEntry(DAY, 8000.0))
    with store() as uow:
        [stored_set], [run] = uow.sets.all(ana), uow.runs.all(ana)
        [session] = uow.sessions.all(ana)
    for restore in (
        lambda uow: uow.sets.restore(ana, [stored_set]),
        lambda uow: uow.runs.restore(ana, [run]),
        lambda uow: uow.sessions.restore(ana, [session]),
    ):
        with pytest.raises(Conflict):
            _write(store, restore)


def _change(session_id: int) -> LogChange:
    target = Target("side-plank", "side-plank", 2, None, 30, None, 3, tempo="3-1-1", counts=False)
    hold = _set("side-plank", 2, None, seconds=35, rir=3, target=target, client_id="é")
    before = StoredSet(7, session_id, DAY, "side-plank", hold, NOW)
    run = StoredRun(8, RunEntry(DAY, 12_345.6, None, "long"), "gpx", "gpx:f:0", NOW)
    started = dt.datetime(2026, 11, 17, 17, 0, tzinfo=dt.UTC)
    session = StoredSession(session_id, PerformedSession(DAY, started, None, 4, "ok", "auto:ab"))
    return LogChange(
        ChangeKind.SESSION_DELETED,
        DAY,
        ("side-plank", "goblet-squat"),
        added_sets=(1, 2),
        added_runs=(3,),
        added_sessions=(4,),
        sets_before=(before,),
        runs_before=(run,),
        sessions_before=(session,),
    )


def test_the_journal_keeps_changes_exactly_and_gives_the_latest_open_one(store: Factory) -> None:
    ana, ben = _athlete(store), _athlete(store, "Ben")
    at = dt.datetime(2026, 11, 18, 7, 0, tzinfo=BERLIN)
    first, second = _change(11), LogChange(ChangeKind.SET_EDITED, None)
    with store() as uow:
        assert uow.journal.latest_open(ana) is None
        one = uow.journal.add(ana, first, at)
        two = uow.journal.add(ana, second, NOW)
        uow.journal.add(ben, LogChange(ChangeKind.RUN_LOGGED, DAY, added_runs=(9,)), NOW)
        uow.commit()
    with store() as uow:
        latest = uow.journal.latest_open(ana)
        assert latest is not None
        assert (latest.id, latest.change, latest.created_at) == (two, second, NOW)
        assert uow.journal.mark_undone(two)
        assert not uow.journal.mark_undone(two)
        uow.commit()
    with store() as uow:
        latest = uow.journal.latest_open(ana)
        assert latest is not None
        assert (latest.id, latest.change, latest.created_at) == (one, first, at)
        assert _is_utc(latest.created_at)
        assert uow.journal.mark_undone(one)
        assert uow.journal.latest_open(ana) is None
        # Leaving without commit keeps the change open.
    with store() as uow:
        assert uow.journal.latest_open(ana) is not None


# Summaries ---------------------------------------------------------------------------------


def test_daily_best_e1rm_is_epley_over_loaded_sets_of_one_to_ten_reps(store: Factory) -> None:
    ana = _athlete(store)
    day2 = DAY + dt.timedelta(days=3)
    s1, s2 = _session(store, ana, DAY), _session(store, ana, day2)
    _add_sets(
        store,
        ana,
        s1,
        DAY,
        [
            _set(number=1, reps=5, load=Load(40.0, KG)),  # 46.67
            _set(number=2, reps=10, load=Load(36.0, KG)),  # 48.0: the day's best
            _set(number=3, reps=12, load=Load(45.0, KG)),  # 63.0 but 12 reps: ignored
            _set(number=4, reps=0, load=Load(60.0, KG)),  # a failed rep: no estimate
            _set(number=5, reps=3, load=Load(100.0, LB)),  # other unit: its own row
            _set(number=6, reps=None, seconds=30, load=Load(50.0, KG)),  # a hold: no estimate
            _set("push-up", 1, 8, load=Load(80.0, KG)),  # other exercise
        ],
    )
    _add_sets(store, ana, s2, day2, [_set(number=1, reps=8, load=Load(0.0, KG)), _set(number=2)])
    with store() as uow:
        rows = uow.summaries.daily_best_e1rm(ana, "goblet-squat")
        assert uow.summaries.daily_best_e1rm(ana, "nordic-curl") == []
    assert [(day, unit) for day, _, unit in rows] == [(DAY, "kg"), (DAY, "lb")]
    assert rows[0][1] == pytest.approx(epley(36.0, 10))
    assert rows[1][1] == pytest.approx(epley(100.0, 3))


def test_weekly_sets_count_per_monday_and_exercise_from_a_day_on(store: Factory) -> None:
    ana, ben = _athlete(store), _athlete(store, "Ben")
    monday = DAY - dt.timedelta(days=1)
    sunday = monday + dt.timedelta(days=6)
    next_monday = monday + dt.timedelta(days=7)
    for day, sets in [
        (monday, [_set(number=1), _set(number=2), _set("push-up")]),
        (sunday, [_set(number=1)]),
        (next_monday, [_set("push-up"), _set("box-squat")]),
    ]:
        _add_sets(store, ana, _session(store, ana, day), day, sets)
    _add_sets(store, ben, _session(store, ben, monday), monday, [_set()])
    with store() as uow:
        everything = uow.summaries.weekly_sets(ana)
        from_sunday = uow.summaries.weekly_sets(ana, sunday)
        assert uow.summaries.weekly_sets(12345) == []
    assert everything == [
        (monday, "goblet-squat", 3),
        (monday, "push-up", 1),
        (next_monday, "box-squat", 1),
        (next_monday, "push-up", 1),
    ]
    assert from_sunday == [
        (monday, "goblet-squat", 1),
        (next_monday, "box-squat", 1),
        (next_monday, "push-up", 1),
    ]


# Transactions ------------------------------------------------------------------------------


def test_leaving_without_commit_keeps_nothing(store: Factory) -> None:
    ana = _athlete(store)
    session_id = _session(store, ana)
    with store() as uow:
        uow.athletes.add("Ghost", PROFILE, NOW)
        uow.plans.add(ana, DAY, PROFILE, "{}", [_planned(DAY, 0)], NOW)
        uow.sessions.add(ana, PerformedSession(DAY, client_id="lost"))
        uow.sets.add(ana, session_id, DAY, _set(client_id="lost"), "goblet-squat", NOW)
        uow.runs.add(ana, RunEntry(DAY, 5000.0), "manual", "lost", NOW)
        assert uow.athletes.get("Ghost") is not None  # visible inside its own unit of work
    with store() as uow:
        assert uow.athletes.get("Ghost") is None
        assert uow.plans.latest(ana) is None
        assert [s.id for s in uow.sessions.all(ana)] == [session_id]
        assert uow.sets.all(ana) == []
        assert uow.runs.all(ana) == []


def test_rollback_forgets_since_the_last_commit_and_the_unit_goes_on(store: Factory) -> None:
    ana = _athlete(store)
    session_id = _session(store, ana)
    with store() as uow:
        uow.sets.add(ana, session_id, DAY, _set(client_id="a"), "goblet-squat", NOW)
        uow.commit()
        uow.sets.add(ana, session_id, DAY, _set(client_id="b"), "goblet-squat", NOW)
        uow.rollback()
        uow.sets.add(ana, session_id, DAY, _set(client_id="c"), "goblet-squat", NOW)
        uow.commit()
    with store() as uow:
        assert [s.logged.client_id for s in uow.sets.all(ana)] == ["a", "c"]


def test_an_error_inside_the_unit_of_work_keeps_nothing(store: Factory) -> None:
    ana = _athlete(store)

    def crash(uow: UnitOfWork) -> None:
        uow.runs.add(ana, RunEntry(DAY, 5000.0), "manual", None, NOW)
        raise RuntimeError("crash before commit")

    with pytest.raises(RuntimeError, match="crash"):
        _write(store, crash)
    with store() as uow:
        assert uow.runs.all(ana) == []


# Locks and the store audit -----------------------------------------------------------------


def test_locks_last_as_long_as_the_unit_of_work_and_change_nothing(store: Factory) -> None:
    ana = _athlete(store)
    for _ in range(2):  # released on commit and on leaving: the second unit takes them again
        with store() as uow:
            uow.athletes.lock(ana)
            uow.athletes.lock_all()
            uow.commit()
        with store() as uow:
            uow.athletes.lock_all()
            uow.athletes.lock(ana)
    with store() as uow:
        assert [a.id for a in uow.athletes.all()] == [ana]


def test_the_audit_gives_rows_undecoded_and_mends_them_by_id(store: Factory) -> None:
    ana = _athlete(store)
    ben = _athlete(store, "Ben")
    planned = [_planned(DAY, 0), _planned(DAY, 1)]
    _write(store, lambda uow: uow.plans.add(ben, DAY, PROFILE, '{"x": 1}', planned, NOW))
    session = _session(store, ana)
    target = Target("goblet-squat", "goblet-squat", 3, (8, 12), None, Load(20.0, KG), 2)
    _add_sets(store, ana, session, DAY, [_set(target=target), _set(number=2)])
    _write(store, lambda uow: uow.runs.add(ana, RunEntry(DAY, 5000.0), "manual", None, NOW))
    with store() as uow:
        plans = uow.audit.rows("plans")
        rows = uow.audit.rows("planned_sessions")
        sessions = uow.audit.rows("performed_sessions")
        sets = uow.audit.rows("set_logs")
        runs = uow.audit.rows("runs")
    assert [(r.athlete_id, r.values["plan_json"]) for r in plans] == [(ben, '{"x": 1}')]
    assert [(r.athlete_id, json.loads(r.values["session_json"])) for r in rows] == [
        (ben, p.session) for p in planned
    ]
    assert [(r.athlete_id, r.values["srpe"]) for r in sessions] == [(ana, None)]
    assert [json.loads(r.values["target_json"] or "null") for r in sets] == [
        target_to_dict(target),
        None,
    ]
    assert [(r.athlete_id, r.values["distance_m"]) for r in runs] == [(ana, 5000.0)]
    with store() as uow:
        uow.audit.update("plans", plans[0].id, {"plan_json": "{}"})
        uow.audit.delete("planned_sessions", [rows[0].id])
        uow.audit.update("set_logs", sets[0].id, {"target_json": None})
        uow.audit.delete("set_logs", [sets[1].id])
        uow.audit.delete("runs", [runs[0].id])
        uow.commit()
    with store() as uow:
        assert [p.plan_json for p in uow.plans.all(ben)] == ["{}"]
        assert uow.plans.sessions(uow.plans.all(ben)[0].id) == planned[1:]
        assert [(s.id, s.logged.target) for s in uow.sets.all(ana)] == [(sets[0].id, None)]
        assert uow.runs.all(ana) == []


# Accounts (the web API) ------------------------------------------------------------------------


def _account(store: Factory, email: str = "ana@example.com", roles: Role = Role.ATHLETE) -> int:
    with store() as uow:
        account = uow.accounts.add(email, "Ana", "hash$x", roles, NOW)
        uow.commit()
    return account.id


def test_accounts_are_found_by_id_email_and_athlete(store: Factory) -> None:
    account_id = _account(store)
    athlete_id = _athlete(store, "acct-1")
    with store() as uow:
        uow.accounts.set_athlete(account_id, athlete_id)
        uow.commit()
    with store() as uow:
        account = uow.accounts.get(account_id)
        assert account == Account(
            account_id, "ana@example.com", "Ana", Role.ATHLETE, athlete_id, False, NOW
        )
        assert uow.accounts.by_email("ana@example.com") == account
        assert uow.accounts.by_athlete(athlete_id) == account
        assert uow.accounts.by_email("bob@example.com") is None
        assert uow.accounts.password_hash(account_id) == "hash$x"
        assert uow.athletes.by_id(athlete_id) == AthleteRecord(athlete_id, "acct-1", PROFILE)
        assert uow.athletes.by_id(athlete_id + 1000) is None
        uow.accounts.set_disabled(account_id, True)
        uow.commit()
    with store() as uow:
        assert [a.disabled for a in uow.accounts.all()] == [True]


def test_an_e_mail_is_taken_once(store: Factory) -> None:
    _account(store)
    with pytest.raises(Conflict):
        _account(store, "ana@example.com", Role.COACH)


def test_tokens_are_found_by_digest_touched_and_revoked(store: Factory) -> None:
    account_id = _account(store)
    later = NOW + dt.timedelta(hours=1)
    with store() as uow:
        token = uow.tokens.add(account_id, "d" * 64, "phone", BERLIN_NOW)
        uow.commit()
    assert token.created_at == NOW
    with store() as uow:
        assert uow.tokens.by_digest("d" * 64) == token
        assert uow.tokens.by_digest("e" * 64) is None
        uow.tokens.touch(token.id, later)
        uow.tokens.revoke(token.id, later)
        uow.commit()
    with store() as uow:
        uow.tokens.revoke(token.id, later + dt.timedelta(hours=1))  # the first revocation stays
        uow.commit()
    with store() as uow:
        [listed] = uow.tokens.of_account(account_id)
    assert (listed.last_used_at, listed.revoked_at) == (later, later)


def test_rate_limit_counters_add_up_per_key_and_window(store: Factory) -> None:
    window, next_window = NOW, NOW + dt.timedelta(minutes=15)
    with store() as uow:
        assert [uow.rate_limits.hit("k", window) for _ in range(3)] == [1, 2, 3]
        assert uow.rate_limits.hit("k", next_window) == 1
        assert uow.rate_limits.hit("other", window) == 1
        uow.commit()
    with store() as uow:
        assert uow.rate_limits.count("k", window) == 3
        uow.rate_limits.forget_before(next_window)
        uow.commit()
    with store() as uow:
        assert (uow.rate_limits.count("k", window), uow.rate_limits.count("k", next_window)) == (
            0,
            1,
        )


def test_invitations_are_used_once_and_links_revoked(store: Factory) -> None:
    coach_id = _account(store, "coach@example.com", Role.COACH)
    athlete_id = _account(store)
    with store() as uow:
        invitation = uow.invitations.add(coach_id, "c" * 64, NOW)
        assert uow.invitations.use(invitation.id, athlete_id, NOW)
        assert not uow.invitations.use(invitation.id, athlete_id, NOW)
        link = uow.coach_links.add(coach_id, athlete_id, NOW)
        uow.commit()
    with store() as uow:
        assert uow.invitations.by_digest("c" * 64) == replace(invitation, used_by=athlete_id)
        assert uow.coach_links.active(coach_id, athlete_id) == link
        assert uow.coach_links.of_coach(coach_id) == [link]
        assert uow.coach_links.of_athlete(athlete_id) == [link]
        assert uow.coach_links.active(athlete_id, coach_id) is None
        uow.coach_links.revoke(link.id, NOW)
        uow.commit()
    with store() as uow:
        assert uow.coach_links.active(coach_id, athlete_id) is None
        assert uow.coach_links.of_coach(coach_id) == []


# Who changed what: the changes log and notes on sessions ---------------------------------------


def test_changes_come_back_newest_first_per_athlete_with_every_field(store: Factory) -> None:
    coach_id = _account(store, "coach@example.com", Role.COACH)
    ana, ben = _athlete(store, "chg-ana"), _athlete(store, "chg-ben")
    later = NOW + dt.timedelta(minutes=5)
    with store() as uow:
        first = uow.changes.add(ana, coach_id, EditKind.PROFILE, "profile changed", BERLIN_NOW)
        second = uow.changes.add(ana, None, EditKind.MOVE, "moved Thu to Fri", later)
        uow.changes.add(ben, coach_id, EditKind.NOTE, "note on 2026-12-10", later)
        uow.commit()
    assert first == StoredChange(first.id, ana, coach_id, EditKind.PROFILE, "profile changed", NOW)
    with store() as uow:
        assert uow.changes.of_athlete(ana, 10) == [second, first]
        assert uow.changes.of_athlete(ana, 1) == [second]
        assert [c.kind for c in uow.changes.of_athlete(ben, 10)] == [EditKind.NOTE]
        assert uow.changes.of_athlete(ana + ben + 1000, 10) == []


def test_notes_come_back_newest_first_of_a_day_with_every_field(store: Factory) -> None:
    author = _account(store)
    ana = _athlete(store, "note-ana")
    day, other = dt.date(2026, 12, 10), dt.date(2026, 12, 11)
    with store() as uow:
        first = uow.notes.add(ana, author, day, "Knees: go easy\non the hops", BERLIN_NOW)
        second = uow.notes.add(ana, author, other, "Élan ✓", NOW)
        third = uow.notes.add(ana, author, day, "Felt fine", NOW)
        uow.commit()
    assert first == StoredNote(first.id, ana, author, day, "Knees: go easy\non the hops", NOW)
    with store() as uow:
        assert uow.notes.of_athlete(ana) == [third, second, first]
        assert uow.notes.of_athlete(ana, day) == [third, first]
        assert uow.notes.of_athlete(ana, dt.date(2026, 12, 12)) == []


def test_a_change_or_note_of_an_unknown_athlete_or_account_is_a_conflict(store: Factory) -> None:
    author = _account(store)
    ana = _athlete(store, "chg-unknown")
    attempts: list[Callable[[UnitOfWork], object]] = [
        lambda uow: uow.changes.add(ana + 1000, author, EditKind.MOVE, "x", NOW),
        lambda uow: uow.changes.add(ana, author + 1000, EditKind.MOVE, "x", NOW),
        lambda uow: uow.notes.add(ana + 1000, author, NOW.date(), "x", NOW),
        lambda uow: uow.notes.add(ana, author + 1000, NOW.date(), "x", NOW),
    ]
    for attempt in attempts:
        with pytest.raises(Conflict):
            _write(store, attempt)
    with store() as uow:
        assert uow.changes.of_athlete(ana, 10) == []
        assert uow.notes.of_athlete(ana) == []
