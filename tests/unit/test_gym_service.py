"""Gym mode's use cases over an in-memory store: the day as the phone shows it, stamping the
session at the end, and the summary's new records."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from fakes import FakeStore

from runlift.adapters.catalogue_loader import load_library
from runlift.domain.library import Library
from runlift.domain.progression import Load
from runlift.domain.vocab import Units
from runlift.services import accounts, athletes, gym, training
from runlift.services.athletes import only_athlete
from runlift.services.coaching import athlete_access
from runlift.services.errors import BadInput, Hidden
from runlift.services.training import SetEntry

ROOT = Path(__file__).resolve().parents[2]
ANA = ROOT / "examples" / "ana-marathon.yaml"
START = dt.date(2026, 11, 16)  # a Monday; Ana trains Tuesdays and Thursdays in week 1
TUESDAY = START + dt.timedelta(days=1)
NEXT_TUESDAY = TUESDAY + dt.timedelta(days=7)
NOW = dt.datetime(2026, 11, 10, 8, 0, tzinfo=dt.UTC)
KG = Units.KG


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


@pytest.fixture
def store(library: Library) -> FakeStore:
    fake = FakeStore()
    athletes.create_athlete(
        fake, library, ANA.read_text(), str(ANA), START, START - dt.timedelta(days=6), NOW
    )
    return fake


def _log(store: FakeStore, library: Library, day: dt.date, slug: str, reps: int) -> None:
    entries = [SetEntry(slug, reps, Load(20, KG), None, 2, f"{day}-{slug}-{n}") for n in (1, 2)]
    training.log_sets(store, library, only_athlete(store), day, entries, day, NOW)


def test_the_day_lists_trained_items_with_target_how_to_and_one_tap_result(
    store: FakeStore, library: Library
) -> None:
    day = gym.gym_day(store, library, only_athlete(store), TUESDAY, TUESDAY)
    assert day.can_log
    assert day.titles
    assert day.trained
    for item in day.trained:
        assert item.target is not None
        assert item.steps  # the catalogue's how-to
        assert item.prescribed is not None
        assert item.remaining == item.target.sets
        assert item.last_sets == ()
    assert all(item.prescribed is None for item in day.shown_only)


def test_last_time_and_done_sets_come_from_the_log(store: FakeStore, library: Library) -> None:
    name = only_athlete(store)
    trained = gym.gym_day(store, library, name, TUESDAY, TUESDAY).trained
    first = next(i for i in trained if i.target is not None and i.target.sets >= 2)
    _log(store, library, TUESDAY, first.exercise, 6)
    today = gym.gym_day(store, library, name, TUESDAY, TUESDAY).trained
    same_day = next(i for i in today if i.exercise == first.exercise)
    assert len(same_day.done) == 2
    assert same_day.next_set == 3
    later = gym.gym_day(store, library, name, NEXT_TUESDAY, NEXT_TUESDAY)
    again = next(i for i in later.trained if i.exercise == first.exercise)
    assert again.last_date == TUESDAY
    assert [s.reps for s in again.last_sets] == [6, 6]
    assert again.done == ()


def test_a_day_ahead_is_shown_without_logging(store: FakeStore, library: Library) -> None:
    day = gym.gym_day(store, library, only_athlete(store), NEXT_TUESDAY, TUESDAY)
    assert not day.can_log
    assert day.trained


def test_a_rest_day_names_the_next_session(store: FakeStore, library: Library) -> None:
    monday = START
    day = gym.gym_day(store, library, only_athlete(store), monday, monday)
    assert day.items == ()
    assert day.next_date is not None
    assert day.next_date > monday
    assert day.next_title


def test_finish_stamps_rpe_and_note_and_needs_a_logged_session(
    store: FakeStore, library: Library
) -> None:
    name = only_athlete(store)
    with pytest.raises(Hidden):
        gym.finish_session(store, name, TUESDAY, 6, "fine")
    _log(store, library, TUESDAY, "forward-lunge", 6)
    done = gym.finish_session(store, name, TUESDAY, 6, "fine")
    assert (done.srpe, done.notes) == (6, "fine")
    kept = gym.finish_session(store, name, TUESDAY, None, None)
    assert (kept.srpe, kept.notes) == (6, "fine")
    with pytest.raises(BadInput):
        gym.finish_session(store, name, TUESDAY, 6, "bad\x00note")


def test_the_summary_names_records_beaten_that_day(store: FakeStore, library: Library) -> None:
    name = only_athlete(store)
    with pytest.raises(Hidden):
        gym.summary(store, library, name, TUESDAY)
    _log(store, library, TUESDAY, "forward-lunge", 6)
    first = gym.summary(store, library, name, TUESDAY)
    assert first.sets == 2
    assert first.records == ()  # a first log is not a record beaten
    _log(store, library, NEXT_TUESDAY, "forward-lunge", 8)
    second = gym.summary(store, library, name, NEXT_TUESDAY)
    kinds = {(r.exercise, r.kind) for r in second.records}
    assert ("Forward lunge", "estimated 1RM") in kinds
    assert ("Forward lunge", "most reps") in kinds


def test_a_runner_without_a_plan_has_no_day(library: Library) -> None:
    fake = FakeStore()
    account = accounts.sign_up(fake, "ana@example.com", "a long password", "Ana", "athlete", NOW)
    name = athlete_access(fake, account, "me").name
    with pytest.raises(gym.NoPlanYet) as raised:
        gym.gym_day(fake, library, name, TUESDAY, TUESDAY)
    assert raised.value.http_status == 404
