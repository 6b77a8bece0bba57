"""The coach pages' use cases over the fake store: an athlete under a coach in one call, a
coach's note through the notes service, and the athlete's side of consent."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from fakes import FakeStore

from runlift.adapters.catalogue_loader import load_library
from runlift.domain.library import Library
from runlift.domain.log import LoggedSet, PerformedSession
from runlift.domain.real_week import Status
from runlift.services import athletes, coach_view, coaching
from runlift.services.errors import BadInput, Hidden
from runlift.services.ports import Account, EditKind, Role

ANA = Path(__file__).resolve().parents[2] / "examples" / "ana-marathon.yaml"
MON = dt.date(2026, 11, 30)
TODAY = dt.date(2026, 12, 1)
NOW = dt.datetime(2026, 11, 20, 8, 0, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


def _account(store: FakeStore, name: str, role: Role) -> Account:
    with store() as uow:
        account = uow.accounts.add(f"{name.lower()}@example.com", name, "hash", role, NOW)
        if role is not Role.COACH:
            athlete = uow.athletes.add(f"acct-{account.id}", "", NOW)
            uow.accounts.set_athlete(account.id, athlete.id)
        uow.commit()
        found = uow.accounts.get(account.id)
    assert found is not None
    return found


@pytest.fixture
def people(library: Library) -> tuple[FakeStore, Account, Account, Account]:
    """A coach, Ana (coached, planned from Monday 2026-11-30, a set today) and Bob (not)."""
    store = FakeStore()
    coach = _account(store, "Cleo", Role.COACH)
    ana, bob = _account(store, "Ana", Role.ATHLETE), _account(store, "Bob", Role.ATHLETE)
    coaching.accept_invitation(store, ana, coaching.create_invitation(store, coach, NOW), NOW)
    name = f"acct-{ana.id}"
    athletes.update_athlete(store, library, name, ANA.read_text(), "p", MON, MON, NOW, by=ana.id)
    assert ana.athlete_id is not None
    with store() as uow:
        session_id = uow.sessions.add(ana.athlete_id, PerformedSession(TODAY))
        logged = LoggedSet("goblet-squat", 1, 9, rir=2)
        uow.sets.add(ana.athlete_id, session_id, TODAY, logged, "goblet-squat", NOW)
        uow.commit()
    return store, coach, ana, bob


def test_the_overview_has_two_weeks_the_log_and_the_changes(
    people: tuple[FakeStore, Account, Account, Account], library: Library
) -> None:
    store, coach, ana, _ = people
    seen = coach_view.athlete_overview(store, library, coach, str(ana.athlete_id), TODAY)
    assert (seen.athlete_id, seen.name) == (ana.athlete_id, "Ana")
    assert [w.monday for w in seen.weeks] == [MON, MON + dt.timedelta(days=7)]
    statuses = {s.status for d in seen.weeks[1].days for s in d.sessions}
    assert statuses == {Status.PLANNED}
    assert [(r.exercise, r.reps) for r in seen.recent] == [("goblet-squat", 9)]
    assert seen.exercise_names == {"goblet-squat": "Goblet squat"}
    assert [(c.kind, c.author_name) for c in seen.changes] == [(EditKind.PROFILE, "Ana")]


def test_only_a_coached_athlete_is_found(
    people: tuple[FakeStore, Account, Account, Account], library: Library
) -> None:
    store, coach, ana, bob = people
    for caller, ref in ((coach, str(bob.athlete_id)), (ana, str(ana.athlete_id)), (ana, "me")):
        with pytest.raises(Hidden):
            coach_view.athlete_overview(store, library, caller, ref, TODAY)
    coaching.revoke_coach(store, ana, coach.id, NOW)
    with pytest.raises(Hidden):
        coach_view.athlete_overview(store, library, coach, str(ana.athlete_id), TODAY)


def test_a_coach_note_is_kept_and_logged_a_bad_one_is_refused(
    people: tuple[FakeStore, Account, Account, Account],
) -> None:
    store, coach, ana, bob = people
    ref = str(ana.athlete_id)

    def note_on(who: Account, athlete: str, text: str) -> object:
        return coach_view.add_coach_note(store, who, athlete, TODAY, text, today=TODAY, now=NOW)

    note = coach_view.add_coach_note(
        store, coach, ref, TODAY, " easy on the knee ", today=TODAY, now=NOW
    )
    assert (note.text, note.author_name) == ("easy on the knee", "Cleo")
    with pytest.raises(BadInput):
        note_on(coach, ref, "   ")
    with pytest.raises(Hidden):
        note_on(coach, str(bob.athlete_id), "hi")
    mine = coach_view.my_coaches(store, ana)
    assert [c.name for c in mine.coaches] == ["Cleo"]
    assert [(c.kind, c.author_name) for c in mine.changes] == [
        (EditKind.NOTE, "Cleo"),
        (EditKind.PROFILE, "Ana"),
    ]
    assert coach_view.my_coaches(store, bob).coaches == ()
    with pytest.raises(Hidden):
        coach_view.my_coaches(store, coach)
