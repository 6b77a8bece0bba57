"""The SQL repositories and unit of work, one suite run on SQLite and on PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest
from backends import Store
from sqlalchemy.exc import IntegrityError

from runlift.domain.log import LoggedSet, PerformedSession
from runlift.domain.progression import Load, Target, epley
from runlift.domain.vocab import Units
from runlift.services.ports import PlannedSessionRecord

NOW = dt.datetime(2026, 11, 21, 9, 30, tzinfo=dt.UTC)
DAY = dt.date(2026, 11, 17)
PROFILE = "name: Ana\nlevel: intermediate\n"


def _athlete(store: Store, name: str = "Ana") -> int:
    with store() as uow:
        athlete = uow.athletes.add(name, PROFILE, NOW)
        uow.commit()
    return athlete.id


def _session(
    store: Store, athlete_id: int, day: dt.date = DAY, client_id: str | None = None
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
    **extra: object,
) -> LoggedSet:
    return LoggedSet(exercise, number, reps, load, client_id=client_id, **extra)  # type: ignore[arg-type]


def _add_sets(
    store: Store, athlete_id: int, session_id: int, day: dt.date, sets: list[LoggedSet]
) -> list[bool]:
    with store() as uow:
        done = [uow.sets.add(athlete_id, session_id, day, s, s.exercise, NOW) for s in sets]
        uow.commit()
    return done


# Athletes ----------------------------------------------------------------------------------


def test_athletes_add_get_all_and_update(store: Store) -> None:
    with store() as uow:
        zoe = uow.athletes.add("Zoe", "name: Zoe\n", NOW)
        ana = uow.athletes.add("Ana", PROFILE, NOW)
        uow.commit()
    assert zoe.id != ana.id
    with store() as uow:
        assert uow.athletes.get("Ana") == ana
        assert uow.athletes.get("Nobody") is None
        assert [a.name for a in uow.athletes.all()] == ["Ana", "Zoe"]
        uow.athletes.update_profile(ana.id, "name: Ana\nlevel: advanced\n", NOW)
        uow.commit()
    with store() as uow:
        updated = uow.athletes.get("Ana")
        assert updated is not None
        assert updated.profile_yaml == "name: Ana\nlevel: advanced\n"
        assert uow.athletes.get("Zoe") == zoe


def test_athlete_names_are_unique(store: Store) -> None:
    _athlete(store)
    with store() as uow, pytest.raises(IntegrityError):
        uow.athletes.add("Ana", PROFILE, NOW)


# Plans -------------------------------------------------------------------------------------


def _planned(day: dt.date, position: int, deload: bool = False) -> PlannedSessionRecord:
    content = {
        "title": f"Session {position}",
        "blocks": [{"kind": "main", "items": [{"exercise": "goblet-squat", "sets": 3}]}],
    }
    return PlannedSessionRecord(day, position, 1, deload, f"Session {position}", content)


def test_plan_versions_increment_and_sessions_round_trip(store: Store) -> None:
    athlete_id = _athlete(store)
    other_id = _athlete(store, "Ben")
    first = [_planned(DAY, 0), _planned(DAY, 1, deload=True), _planned(DAY + dt.timedelta(3), 0)]
    with store() as uow:
        v1 = uow.plans.add(athlete_id, DAY, PROFILE, '{"v": 1}', first, NOW)
        v2 = uow.plans.add(athlete_id, DAY, PROFILE, '{"v": 2}', [_planned(DAY, 0)], NOW)
        ben = uow.plans.add(other_id, DAY, PROFILE, "{}", [], NOW)
        uow.commit()
    assert (v1.version, v2.version, ben.version) == (1, 2, 1)
    with store() as uow:
        assert uow.plans.latest(athlete_id) == v2
        assert uow.plans.all(athlete_id) == [v1, v2]
        assert uow.plans.sessions(v1.id) == first
        assert uow.plans.sessions(v2.id) == [_planned(DAY, 0)]
        assert uow.plans.latest(12345) is None


# Performed sessions and sets ---------------------------------------------------------------


def test_performed_sessions_with_client_ids_are_idempotent(store: Store) -> None:
    athlete_id = _athlete(store)
    started = dt.datetime(2026, 11, 17, 18, 0, tzinfo=dt.UTC)
    session = PerformedSession(DAY, started, started + dt.timedelta(minutes=40), 7, "good", "s-1")
    with store() as uow:
        first = uow.sessions.add(athlete_id, session)
        again = uow.sessions.add(athlete_id, session)
        uow.commit()
    assert first == again
    with store() as uow:
        stored = uow.sessions.all(athlete_id)
    assert [(s.id, s.session) for s in stored] == [(first, session)]


def test_sessions_without_client_id_are_separate_and_can_be_updated(store: Store) -> None:
    athlete_id = _athlete(store)
    first = _session(store, athlete_id)
    second = _session(store, athlete_id)
    assert first != second
    with store() as uow:
        assert uow.sessions.id_on(athlete_id, DAY) == first
        assert uow.sessions.id_on(athlete_id, DAY + dt.timedelta(1)) is None
        uow.sessions.update(second, PerformedSession(DAY, srpe=8, notes="hard"))
        uow.commit()
    with store() as uow:
        stored = {s.id: s.session for s in uow.sessions.all(athlete_id)}
    assert stored[second] == PerformedSession(DAY, srpe=8, notes="hard")
    assert stored[first] == PerformedSession(DAY)


def test_add_set_is_idempotent_on_client_id(store: Store) -> None:
    athlete_id = _athlete(store)
    other_id = _athlete(store, "Ben")
    session_id = _session(store, athlete_id)
    other_session = _session(store, other_id)
    assert _add_sets(store, athlete_id, session_id, DAY, [_set(client_id="a1")]) == [True]
    assert _add_sets(store, athlete_id, session_id, DAY, [_set(reps=3, client_id="a1")]) == [False]
    # The id is the athlete's own: another athlete may use the same one.
    assert _add_sets(store, other_id, other_session, DAY, [_set(client_id="a1")]) == [True]
    # Sets without an id are never merged.
    assert _add_sets(store, athlete_id, session_id, DAY, [_set(), _set()]) == [True, True]
    with store() as uow:
        mine = uow.sets.all(athlete_id)
        theirs = uow.sets.all(other_id)
    assert [s.logged.reps for s in mine] == [8, 8, 8]
    assert [s.logged.client_id for s in mine] == ["a1", None, None]
    assert len(theirs) == 1


def test_a_retried_set_inside_one_transaction_keeps_the_transaction_usable(store: Store) -> None:
    athlete_id = _athlete(store)
    session_id = _session(store, athlete_id)
    sets = [_set(client_id="x"), _set(number=2, client_id="x"), _set(number=3, client_id="y")]
    assert _add_sets(store, athlete_id, session_id, DAY, sets) == [True, False, True]
    with store() as uow:
        assert [s.logged.client_id for s in uow.sets.all(athlete_id)] == ["x", "y"]


def test_sets_keep_every_field_and_come_back_in_order(store: Store) -> None:
    athlete_id = _athlete(store)
    later = DAY + dt.timedelta(days=2)
    late_session = _session(store, athlete_id, later)
    early_session = _session(store, athlete_id, DAY)
    target = Target("goblet-squat", "goblet-squat", 3, (8, 12), None, Load(22.5, Units.KG), 2)
    hold_target = Target("side-plank", "side-plank", 2, None, 30, None, 3)
    kg = _set(number=1, reps=10, load=Load(22.5, Units.KG), rir=2, target=target, client_id="k")
    lb = _set(number=2, reps=9, load=Load(50.0, Units.LB), rir=1, target=target)
    hold = _set("side-plank", 1, None, seconds=35, rir=3, target=hold_target)
    zero = _set("push-up", 1, 0, load=Load(0.0, Units.KG))
    # Written out of date order: the later day first.
    _add_sets(store, athlete_id, late_session, later, [zero])
    _add_sets(store, athlete_id, early_session, DAY, [kg, lb, hold])
    with store() as uow:
        stored = uow.sets.all(athlete_id)
        squats = uow.sets.all(athlete_id, "goblet-squat")
    assert [s.logged for s in stored] == [kg, lb, hold, zero]
    assert [(s.date, s.session_id) for s in stored] == [
        (DAY, early_session),
        (DAY, early_session),
        (DAY, early_session),
        (later, late_session),
    ]
    assert [s.variant for s in stored] == ["goblet-squat", "goblet-squat", "side-plank", "push-up"]
    assert [s.logged for s in squats] == [kg, lb]
    assert stored[1].logged.load == Load(50.0, Units.LB)
    assert stored[2].logged.reps is None
    assert stored[2].logged.seconds == 35


def test_next_set_number_counts_per_session_and_exercise(store: Store) -> None:
    athlete_id = _athlete(store)
    session_id = _session(store, athlete_id)
    _add_sets(store, athlete_id, session_id, DAY, [_set(number=1), _set(number=2)])
    with store() as uow:
        assert uow.sets.next_number(session_id, "goblet-squat") == 3
        assert uow.sets.next_number(session_id, "push-up") == 1


def test_daily_best_e1rm_uses_sets_of_at_most_ten_reps_by_epley(store: Store) -> None:
    athlete_id = _athlete(store)
    day2 = DAY + dt.timedelta(days=3)
    s1 = _session(store, athlete_id, DAY)
    s2 = _session(store, athlete_id, day2)
    kg = Units.KG
    _add_sets(
        store,
        athlete_id,
        s1,
        DAY,
        [
            _set(number=1, reps=5, load=Load(40.0, kg)),  # 46.67
            _set(number=2, reps=10, load=Load(36.0, kg)),  # 48.0: the day's best
            _set(number=3, reps=12, load=Load(45.0, kg)),  # 63.0 but 12 reps: ignored
            _set(number=4, reps=0, load=Load(60.0, kg)),  # a failed rep: no estimate
            _set(number=5, reps=3, load=Load(100.0, Units.LB)),  # other unit: own row
            _set("push-up", 1, 8, load=Load(80.0, kg)),  # other exercise
        ],
    )
    _add_sets(store, athlete_id, s2, day2, [_set(number=1, reps=8, load=Load(0.0, kg))])
    with store() as uow:
        rows = uow.summaries.daily_best_e1rm(athlete_id, "goblet-squat")
    assert [(day, unit) for day, _, unit in rows] == [(DAY, "kg"), (DAY, "lb")]
    assert rows[0][1] == pytest.approx(epley(36.0, 10))
    assert rows[0][1] == pytest.approx(48.0)
    assert rows[1][1] == pytest.approx(epley(100.0, 3))


# Integrity and transactions ----------------------------------------------------------------


def test_foreign_keys_are_enforced(store: Store) -> None:
    athlete_id = _athlete(store)
    with store() as uow, pytest.raises(IntegrityError):
        uow.sets.add(athlete_id, 98765, DAY, _set(), "goblet-squat", NOW)
    with store() as uow, pytest.raises(IntegrityError):
        uow.sessions.add(98765, PerformedSession(DAY))
    with store() as uow:
        assert uow.sets.all(athlete_id) == []
        assert uow.sessions.all(98765) == []


def test_leaving_without_commit_keeps_nothing(store: Store) -> None:
    athlete_id = _athlete(store)
    session_id = _session(store, athlete_id)
    with store() as uow:
        uow.athletes.add("Ghost", PROFILE, NOW)
        uow.plans.add(athlete_id, DAY, PROFILE, "{}", [_planned(DAY, 0)], NOW)
        uow.sessions.add(athlete_id, PerformedSession(DAY, client_id="lost"))
        uow.sets.add(athlete_id, session_id, DAY, _set(client_id="lost"), "goblet-squat", NOW)
    with store() as uow:
        assert uow.athletes.get("Ghost") is None
        assert uow.plans.latest(athlete_id) is None
        assert [s.id for s in uow.sessions.all(athlete_id)] == [session_id]
        assert uow.sets.all(athlete_id) == []


def test_an_error_inside_the_unit_of_work_rolls_back(store: Store) -> None:
    athlete_id = _athlete(store)
    session_id = _session(store, athlete_id)
    # The error must be raised inside the unit of work: that is what the test is about.
    with pytest.raises(RuntimeError), store() as uow:  # noqa: PT012
        uow.sets.add(athlete_id, session_id, DAY, _set(), "goblet-squat", NOW)
        raise RuntimeError("crash before commit")
    with store() as uow:
        uow.sets.add(athlete_id, session_id, DAY, _set(client_id="a"), "goblet-squat", NOW)
        uow.rollback()
        uow.sets.add(athlete_id, session_id, DAY, _set(client_id="b"), "goblet-squat", NOW)
        uow.commit()
    with store() as uow:
        assert [s.logged.client_id for s in uow.sets.all(athlete_id)] == ["b"]
