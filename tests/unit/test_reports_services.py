"""History, e1RM trend, records and weekly volume over a small log in the fake store: no I/O."""

from __future__ import annotations

import datetime as dt

import pytest
from fakes import FakeStore
from log_fixtures import KG, LB, LOG, MONDAY, NEXT_MONDAY, SQUAT_TARGET, THURSDAY, ana_with_a_log

from runlift.adapters.catalogue_loader import load_library
from runlift.domain.library import Library
from runlift.domain.progression import Load, epley
from runlift.domain.records import RepsRecord
from runlift.services import reports
from runlift.services.errors import NotFound


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


@pytest.fixture
def store() -> FakeStore:
    return ana_with_a_log()


def test_history_lists_every_set_oldest_first_with_what_was_logged(
    store: FakeStore, library: Library
) -> None:
    rows = reports.history(store, library, "Ana")
    assert [(r.date, r.exercise, r.set_number, r.reps, r.load, r.seconds) for r in rows] == LOG
    assert {r.variant for r in rows if r.exercise == "push-up"} == {"push-up"}
    assert [r.target for r in rows[:2]] == [SQUAT_TARGET, SQUAT_TARGET]
    assert rows[2].target is None


def test_history_of_one_exercise_accepts_its_alias(store: FakeStore, library: Library) -> None:
    rows = reports.history(store, library, "Ana", "goblet squats")
    assert {r.exercise for r in rows} == {"goblet-squat"}
    assert [r.date for r in rows] == [MONDAY, MONDAY, THURSDAY, THURSDAY, NEXT_MONDAY]


def test_the_e1rm_trend_is_the_best_per_day_in_the_athletes_units(
    store: FakeStore, library: Library
) -> None:
    trend = reports.e1rm_trend(store, library, "Ana", "goblet-squat")
    assert (trend.athlete, trend.exercise, trend.units) == ("Ana", "goblet-squat", KG)
    assert [day for day, _ in trend.points] == [MONDAY, THURSDAY]  # 12 reps give no estimate
    assert trend.points[0][1] == pytest.approx(epley(24.0, 8))
    # Thursday's 80 lb triple beats its 30 kg five once both are in kg.
    assert trend.points[1][1] == pytest.approx(Load(epley(80.0, 3) or 0, LB).to(KG).value)


def test_records_give_the_best_e1rm_the_most_reps_and_the_longest_hold(
    store: FakeStore,
) -> None:
    units, records = reports.records(store, "Ana")
    assert units == KG
    by_slug = {r.exercise: r for r in records}
    assert list(by_slug) == ["goblet-squat", "push-up", "side-plank"]
    squat = by_slug["goblet-squat"].e1rm
    assert squat is not None
    assert (squat.date, squat.reps, squat.load) == (THURSDAY, 3, Load(80.0, LB))
    assert by_slug["push-up"].reps_at == [RepsRecord(None, 15, THURSDAY)]
    assert by_slug["push-up"].e1rm is None
    assert by_slug["side-plank"].longest_hold == (45, NEXT_MONDAY)


def test_weekly_volume_counts_sets_per_iso_week_and_primary_muscle(
    store: FakeStore, library: Library
) -> None:
    weeks = reports.weekly_volume(store, library, "Ana")
    assert [(w.week, w.monday) for w in weeks] == [("2026-W47", MONDAY), ("2026-W48", NEXT_MONDAY)]
    exercises = library.catalogue.exercises
    expected: list[dict[str, int]] = [{}, {}]
    for day, slug, *_ in LOG:
        for muscle in exercises[slug].primary_muscles:
            tally = expected[0 if day < NEXT_MONDAY else 1]
            tally[muscle.value] = tally.get(muscle.value, 0) + 1
    assert [w.sets for w in weeks] == [dict(sorted(e.items())) for e in expected]
    assert weeks[0].sets["quadriceps"] == 4
    assert weeks[0].sets["chest"] == 2


def test_weekly_volume_since_a_day_leaves_earlier_weeks_out(
    store: FakeStore, library: Library
) -> None:
    weeks = reports.weekly_volume(store, library, "Ana", NEXT_MONDAY)
    assert [w.week for w in weeks] == ["2026-W48"]
    assert reports.weekly_volume(store, library, "Ana", NEXT_MONDAY + dt.timedelta(days=1)) == []


def test_reports_of_an_empty_log_are_empty(library: Library) -> None:
    store = ana_with_a_log()
    with store() as uow:
        uow.athletes.add("Ben", store.data.athletes["Ana"].profile_yaml, dt.datetime.now(dt.UTC))
        uow.commit()
    assert reports.history(store, library, "Ben") == []
    assert reports.records(store, "Ben") == (KG, [])
    assert reports.weekly_volume(store, library, "Ben") == []
    assert reports.e1rm_trend(store, library, "Ben", "goblet-squat").points == []


def test_reports_name_an_unknown_athlete_or_exercise(store: FakeStore, library: Library) -> None:
    with pytest.raises(NotFound, match="Zed"):
        reports.records(store, "Zed")
    with pytest.raises(NotFound, match="goblet"):
        reports.history(store, library, "Ana", "goblet-squatt")
