"""The plan as a calendar: every week with its marks, sessions where they really stand."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from fakes import FakeStore

from runlift.adapters.catalogue_loader import load_library
from runlift.domain.library import Library
from runlift.domain.log import PerformedSession
from runlift.domain.real_week import Status
from runlift.services import athletes
from runlift.services.plan_calendar import plan_calendar
from runlift.services.real_week import move_session

ANA = Path(__file__).resolve().parents[2] / "examples" / "ana-marathon.yaml"
START = dt.date(2026, 11, 16)
TODAY = dt.date(2026, 11, 24)  # Tuesday of week 2
NOW = dt.datetime(2026, 11, 10, 8, 0, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


@pytest.fixture
def store(library: Library) -> FakeStore:
    fake = FakeStore()
    athletes.create_athlete(fake, library, ANA.read_text(), str(ANA), START, START, NOW)
    return fake


def test_no_plan_no_calendar(library: Library) -> None:
    fake = FakeStore()
    with fake() as uow:
        uow.athletes.add("Bo", "", NOW)
        uow.commit()
    assert plan_calendar(fake, library, "Bo", TODAY) is None


def test_weeks_carry_the_plan_marks_and_where_today_falls(
    store: FakeStore, library: Library
) -> None:
    calendar = plan_calendar(store, library, "Ana", TODAY)
    assert calendar is not None
    plan = athletes.latest_plan(store, "Ana")
    assert len(calendar.weeks) == plan.plan_json.count('"number"')
    assert [w.when for w in calendar.weeks[:3]] == ["past", "current", "coming"]
    assert calendar.current is calendar.weeks[1]
    assert calendar.weeks[-1].phase == "race"
    assert any(w.deload for w in calendar.weeks)
    week = calendar.weeks[1]
    assert week.days[0].date == dt.date(2026, 11, 23)
    assert week.move_days[0] == TODAY
    assert [d.run for d in week.days] == [None, "intervals", None, "easy", None, "easy", "long"]
    past = [s for d in calendar.weeks[0].days for s in d.sessions]
    assert past
    assert not any(s.movable for s in past)
    assert {s.status for s in past} == {Status.DROPPED}
    assert [s.on for s in past] == [s.planned for s in past]
    thursday = week.days[3].sessions[0]
    assert thursday.movable
    assert thursday.session.blocks
    assert thursday.session.why


def test_a_moved_session_stands_on_its_new_day_and_done_ones_no_longer_move(
    store: FakeStore, library: Library
) -> None:
    thursday, friday = dt.date(2026, 11, 26), dt.date(2026, 11, 27)
    move_session(store, library, "Ana", thursday, friday, today=TODAY, now=NOW)
    with store() as uow:
        athlete = uow.athletes.get("Ana")
        assert athlete is not None
        uow.sessions.add(athlete.id, PerformedSession(friday))
        uow.commit()
    calendar = plan_calendar(store, library, "Ana", TODAY)
    assert calendar is not None
    days = {d.date: d for d in calendar.weeks[1].days}
    assert [s.session.kind.value for s in days[thursday].sessions] == []
    moved = days[friday].sessions[0]
    assert (moved.planned, moved.on, moved.status) == (thursday, friday, Status.DONE)
    assert moved.session.date == friday
    assert not moved.movable
