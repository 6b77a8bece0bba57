"""The history page's data over the fake store: days newest first and paged, chart series, weekly
sessions done against planned, and corrections from the form's text fields."""

from __future__ import annotations

import datetime as dt

import pytest
from fakes import FakeStore
from log_fixtures import KG, LB, MONDAY, NEXT_MONDAY, NOW, THURSDAY, ana_with_a_log

from runlift.adapters.catalogue_loader import load_library
from runlift.domain.library import Library
from runlift.domain.loads import Load
from runlift.domain.log import LoggedSet, PerformedSession
from runlift.domain.targets import epley
from runlift.services import history_page as pages
from runlift.services.coaching import AthleteAccess
from runlift.services.errors import BadInput, NotFound

TODAY = dt.date(2026, 11, 25)


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


@pytest.fixture
def store() -> FakeStore:
    return ana_with_a_log()


def ana(store: FakeStore) -> AthleteAccess:
    with store() as uow:
        record = uow.athletes.get("Ana")
    assert record is not None
    return AthleteAccess(record.id, "Ana", False, 0, 0)


def test_days_come_newest_first_with_their_sets_in_order(
    store: FakeStore, library: Library
) -> None:
    page = pages.history_page(store, library, ana(store), TODAY)
    assert [d.date for d in page.days] == [NEXT_MONDAY, THURSDAY, MONDAY]
    monday = page.days[-1]
    assert [(r.exercise, r.set_number) for r in monday.rows] == [
        ("goblet-squat", 1),
        ("goblet-squat", 2),
        ("push-up", 1),
        ("side-plank", 1),
    ]
    assert monday.srpe == 6
    assert (page.total_sets, page.page, page.pages, page.units) == (9, 1, 1, KG)
    assert page.name == "Ana"


def test_long_logs_come_a_week_of_training_days_at_a_time(
    store: FakeStore, library: Library
) -> None:
    access = ana(store)
    with store() as uow:
        for offset in range(1, 9):
            day = MONDAY - dt.timedelta(days=offset * 2)
            session_id = uow.sessions.add(access.athlete_id, PerformedSession(day))
            logged = LoggedSet("push-up", 1, 10 + offset)
            uow.sets.add(access.athlete_id, session_id, day, logged, "push-up", NOW)
        uow.commit()
    first = pages.history_page(store, library, access, TODAY)
    second = pages.history_page(store, library, access, TODAY, page=2)
    beyond = pages.history_page(store, library, access, TODAY, page=99)
    assert (first.pages, len(first.days), len(second.days)) == (2, pages.DAYS_PER_PAGE, 4)
    assert first.days[-1].date > second.days[0].date
    assert beyond.page == 2


def test_lifts_chart_the_best_e1rm_per_day_and_moves_their_reps_or_holds(
    store: FakeStore, library: Library
) -> None:
    page = pages.history_page(store, library, ana(store), TODAY)
    assert [s.exercise for s in page.e1rm] == ["goblet-squat"]
    squat = page.e1rm[0]
    assert squat.measure == "e1rm"
    assert [d for d, _ in squat.points] == [MONDAY, THURSDAY]  # 12 reps give no estimate
    assert squat.points[0][1] == pytest.approx(epley(24.0, 8) or 0)
    assert squat.points[1][1] == pytest.approx(Load(epley(80.0, 3) or 0, LB).to(KG).value)
    moves = {s.exercise: s for s in page.bodyweight}
    assert moves["push-up"].measure == "reps"
    assert moves["push-up"].points == ((MONDAY, 12.0), (THURSDAY, 15.0))
    assert moves["side-plank"].measure == "seconds"
    assert moves["side-plank"].points == ((MONDAY, 30.0), (NEXT_MONDAY, 45.0))


def test_weeks_count_planned_and_done_sessions_and_carry_volume_and_load(
    store: FakeStore, library: Library
) -> None:
    page = pages.history_page(store, library, ana(store), TODAY, weeks=3)
    assert [(w.monday, w.planned, w.done) for w in page.sessions] == [
        (MONDAY - dt.timedelta(weeks=1), 0, 0),
        (MONDAY, 2, 2),
        (NEXT_MONDAY, 0, 1),
    ]
    assert [w.monday for w in page.volume] == [MONDAY, NEXT_MONDAY]
    assert page.volume[0].sets["glutes"] >= 2
    assert sum(w.run_km for w in page.load) == pytest.approx(18.0)


def test_an_empty_log_has_nothing_to_chart(library: Library) -> None:
    store = FakeStore()
    with store() as uow:
        record = uow.athletes.add("Bo", "", NOW)
        uow.commit()
    page = pages.history_page(store, library, AthleteAccess(record.id, "Bo", False, 0, 0), TODAY)
    assert (page.days, page.e1rm, page.bodyweight, page.volume, page.sessions) == ((),) * 5
    assert page.pages == 1
    assert all(w.run_km == 0 and w.strength_sessions == 0 for w in page.load)


def test_the_form_edits_in_the_athletes_units_and_blank_keeps_a_value(
    store: FakeStore, library: Library
) -> None:
    access = ana(store)
    squat = pages.history_page(store, library, access, TODAY).days[-1].rows[0]
    fields = {"reps": "9", "load": "22,5", "seconds": "", "rir": ""}
    edited = pages.edit_logged_set(store, library, access, squat.id, fields, NOW)
    assert (edited.logged.reps, edited.logged.load, edited.logged.rir) == (9, Load(22.5, KG), 2)
    assert pages.logged_set(store, access, squat.id).reps == 9


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"reps": "-1"}, "reps"),
        ({"reps": "ten"}, "reps"),
        ({"load": "heavy"}, "load"),
        ({"load": "1e9"}, "load"),
        ({"load": "nan"}, "load"),
        ({}, "set"),
    ],
)
def test_bad_form_values_are_refused_naming_the_field(
    store: FakeStore, library: Library, fields: dict[str, str], field: str
) -> None:
    access = ana(store)
    squat = pages.history_page(store, library, access, TODAY).days[-1].rows[0]
    with pytest.raises(BadInput) as refused:
        pages.edit_logged_set(store, library, access, squat.id, fields, NOW)
    assert refused.value.field == field
    assert pages.logged_set(store, access, squat.id).reps == squat.reps


def test_another_athletes_set_is_not_found(store: FakeStore, library: Library) -> None:
    with store() as uow:
        other = uow.athletes.add("Cy", "", NOW)
        uow.commit()
    access = AthleteAccess(other.id, "Cy", False, 0, 0)
    squat = pages.history_page(store, library, ana(store), TODAY).days[-1].rows[0]
    with pytest.raises(NotFound):
        pages.logged_set(store, access, squat.id)
    with pytest.raises(NotFound):
        pages.edit_logged_set(store, library, access, squat.id, {"reps": "5"}, NOW)
