"""The coach's roster over the fake store, and the rules of its flags (table-driven).

Ana's marathon plan from Monday 2026-11-16 puts strength on Tuesdays and Thursdays; the roster
is read on Tuesday 2026-12-01, so the sessions due are those of 11-17, 11-19, 11-24 and 11-26
(today's counts only once done).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from fakes import FakeStore

from runlift.adapters.catalogue_loader import load_library
from runlift.domain.library import Library
from runlift.domain.log import LoggedSet, PerformedSession
from runlift.domain.progression import Load, SessionResult, SetResult, Target
from runlift.domain.roster_flags import Due, failed_lifts, missed_in_a_row
from runlift.domain.training_load import RunEntry
from runlift.domain.vocab import Units
from runlift.services import athletes, coaching, roster
from runlift.services.errors import Hidden
from runlift.services.ports import Account, Role

ANA = Path(__file__).resolve().parents[2] / "examples" / "ana-marathon.yaml"
MON = dt.date(2026, 11, 16)
TODAY = dt.date(2026, 12, 1)
NOW = dt.datetime(2026, 11, 10, 8, 0, tzinfo=dt.UTC)
DUE = [dt.date(2026, 11, d) for d in (17, 19, 24, 26)]
KG = Units.KG


def day(n: int) -> dt.date:
    return dt.date(2026, 11, n)


# --- the rules -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("done", "flagged"),
    [
        ([], ()),
        ([False], ()),
        ([True, True], ()),
        ([False, True], ()),
        ([True, False], ()),
        ([False, False], (day(2), day(3))),
        ([True, False, False], (day(3), day(4))),
        ([False, False, True], ()),
    ],
)
def test_two_missed_in_a_row_flags_only_the_last_two_due(
    done: list[bool], flagged: tuple[dt.date, ...]
) -> None:
    due = [Due(day(i + 2), d) for i, d in enumerate(done)]
    assert missed_in_a_row(reversed(due)) == flagged


def _target(exercise: str, *, reps: tuple[int, int] | None, seconds: int | None = None) -> Target:
    load = Load(20, KG) if reps else None
    return Target(exercise, exercise, 3, reps, seconds, load, 2 if reps else None)


SQUAT = _target("goblet-squat", reps=(8, 10))
PLANK = _target("front-plank", reps=None, seconds=40)
GOOD = (SetResult(8), SetResult(9), SetResult(10))
SHORT = (SetResult(8), SetResult(6), SetResult(8))  # one set below the bottom of the range


@pytest.mark.parametrize(
    ("sessions", "flagged"),
    [
        ([], ()),
        ([(SQUAT, SHORT)], ()),
        ([(SQUAT, SHORT), (SQUAT, SHORT)], ("goblet-squat",)),
        ([(SQUAT, SHORT), (SQUAT, GOOD)], ()),
        ([(SQUAT, GOOD), (SQUAT, SHORT)], ()),
        ([(SQUAT, GOOD), (SQUAT, SHORT), (SQUAT, SHORT)], ("goblet-squat",)),
        ([(SQUAT, SHORT), (SQUAT, SHORT), (SQUAT, GOOD)], ()),
        ([(PLANK, (SetResult(None, seconds=30),)), (PLANK, (SetResult(None, seconds=35),))],
         ("front-plank",)),
        ([(PLANK, (SetResult(None, seconds=45),)), (PLANK, (SetResult(None, seconds=30),))], ()),
    ],
)  # fmt: skip
def test_two_failed_sessions_on_a_lift_flag_it(
    sessions: list[tuple[Target, tuple[SetResult, ...]]], flagged: tuple[str, ...]
) -> None:
    results = [SessionResult(day(i + 2), t, sets) for i, (t, sets) in enumerate(sessions)]
    assert failed_lifts(reversed(results)) == flagged


def test_sessions_that_do_not_count_never_fail_a_lift() -> None:
    deload = Target("goblet-squat", "goblet-squat", 2, (8, 10), None, None, 4, counts=False)
    results = [SessionResult(day(2), SQUAT, SHORT), SessionResult(day(3), deload, SHORT)]
    assert failed_lifts(results) == ()


# --- the roster over the fake store ------------------------------------------------------------


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


def _account(store: FakeStore, name: str, role: Role) -> Account:
    with store() as uow:
        account = uow.accounts.add(f"{name.lower()}@example.com", name, "hash", role, NOW)
        if role is not Role.COACH:
            athlete = uow.athletes.add(f"acct-{account.id}", "", NOW)
            uow.accounts.set_athlete(account.id, athlete.id)
            account = uow.accounts.get(account.id) or account
        uow.commit()
    return account


def _coach_of(store: FakeStore, coach: Account, athlete: Account) -> None:
    code = coaching.create_invitation(store, coach, NOW)
    coaching.accept_invitation(store, athlete, code, NOW)


def _planned(store: FakeStore, library: Library, athlete: Account) -> None:
    athletes.update_athlete(
        store, library, f"acct-{athlete.id}", ANA.read_text(), "profile", MON, MON, NOW
    )


def _session(store: FakeStore, athlete: Account, on: dt.date, sets: tuple[int, ...] = ()) -> None:
    """A performed session on `on`, with goblet squat sets of these reps against 8-10."""
    assert athlete.athlete_id is not None
    with store() as uow:
        session_id = uow.sessions.add(athlete.athlete_id, PerformedSession(on))
        for number, reps in enumerate(sets, start=1):
            logged = LoggedSet("goblet-squat", number, reps, Load(20, KG), rir=2, target=SQUAT)
            uow.sets.add(athlete.athlete_id, session_id, on, logged, "goblet-squat", NOW)
        uow.commit()


def _run(store: FakeStore, athlete: Account, on: dt.date, km: float) -> None:
    assert athlete.athlete_id is not None
    with store() as uow:
        uow.runs.add(athlete.athlete_id, RunEntry(on, km * 1000, 3600, "easy"), "manual", None, NOW)
        uow.commit()


@pytest.fixture
def store() -> FakeStore:
    return FakeStore()


def test_the_roster_shows_only_athletes_who_accepted_and_have_not_revoked(
    store: FakeStore, library: Library
) -> None:
    coach = _account(store, "Cleo", Role.COACH)
    ana, bob, eve = (_account(store, n, Role.ATHLETE) for n in ("Ana", "Bob", "Eve"))
    _coach_of(store, coach, ana)
    _coach_of(store, coach, eve)
    coaching.revoke_coach(store, eve, coach.id, NOW)
    rows = roster.roster(store, library, coach, TODAY)
    assert [(r.athlete_id, r.name) for r in rows] == [(ana.athlete_id, "Ana")]
    assert bob.athlete_id not in {r.athlete_id for r in rows}
    row = rows[0]  # no profile yet: nothing planned, nothing to flag
    assert (row.next_race, row.done, row.planned, row.last_session, row.flags) == (
        None, 0, 0, None, ()
    )  # fmt: skip
    with pytest.raises(Hidden):
        roster.roster(store, library, ana, TODAY)


def test_done_of_planned_last_session_and_the_race_from_the_profile(
    store: FakeStore, library: Library
) -> None:
    coach, ana = _account(store, "Cleo", Role.COACH), _account(store, "Ana", Role.ATHLETE)
    _coach_of(store, coach, ana)
    _planned(store, library, ana)
    for on in (DUE[0], DUE[2], DUE[3]):
        _session(store, ana, on)
    [row] = roster.roster(store, library, coach, TODAY)
    assert (row.done, row.planned, row.last_session) == (3, 4, DUE[3])
    assert row.next_race == roster.NextRace("marathon", dt.date(2027, 4, 18))
    assert row.flags == ()


def test_two_missed_sessions_in_a_row_are_flagged_with_their_days(
    store: FakeStore, library: Library
) -> None:
    coach, ana = _account(store, "Cleo", Role.COACH), _account(store, "Ana", Role.ATHLETE)
    _coach_of(store, coach, ana)
    _planned(store, library, ana)
    _session(store, ana, DUE[0])
    _session(store, ana, DUE[1])
    [row] = roster.roster(store, library, coach, TODAY)
    assert (row.done, row.planned) == (2, 4)
    assert [f.code for f in row.flags] == ["missed"]
    assert "2026-11-24 and 2026-11-26" in row.flags[0].text


def test_a_recent_run_spike_is_flagged_an_old_one_is_not(
    store: FakeStore, library: Library
) -> None:
    coach, ana = _account(store, "Cleo", Role.COACH), _account(store, "Ana", Role.ATHLETE)
    _coach_of(store, coach, ana)
    for on, km in ((dt.date(2026, 10, 1), 10), (day(1), 10), (day(10), 12), (day(29), 15)):
        _run(store, ana, on, km)
    [row] = roster.roster(store, library, coach, TODAY)
    assert [f.code for f in row.flags] == ["run_spike"]  # 11-29 is 25% over; 11-10 is old news
    assert "15.0 km on 2026-11-29, 25% over" in row.flags[0].text


def test_two_failed_sessions_on_a_lift_are_flagged_by_its_name(
    store: FakeStore, library: Library
) -> None:
    coach, ana = _account(store, "Cleo", Role.COACH), _account(store, "Ana", Role.ATHLETE)
    _coach_of(store, coach, ana)
    _session(store, ana, day(19), (8, 6, 7))
    _session(store, ana, day(24), (8, 8, 5))
    [row] = roster.roster(store, library, coach, TODAY)
    assert [f.code for f in row.flags] == ["failed_lift"]
    name = library.catalogue.exercises["goblet-squat"].name
    assert row.flags[0].text == f"two failed sessions in a row on {name}"
    _session(store, ana, day(26), (10, 10, 10))
    [row] = roster.roster(store, library, coach, TODAY)
    assert row.flags == ()


def test_a_session_missed_this_week_but_offered_later_is_not_due_yet(
    store: FakeStore, library: Library
) -> None:
    coach, ana = _account(store, "Cleo", Role.COACH), _account(store, "Ana", Role.ATHLETE)
    _coach_of(store, coach, ana)
    _planned(store, library, ana)
    _session(store, ana, DUE[0])
    _session(store, ana, DUE[1])
    wednesday = DUE[2] + dt.timedelta(days=1)  # Tuesday's session missed, offered later on
    [row] = roster.roster(store, library, coach, wednesday)
    assert (row.done, row.planned, row.flags) == (2, 2, ())
