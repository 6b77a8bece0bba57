"""Move, skip, the week view and `today` over the fake store, with Ana's marathon plan.

Ana's week 1 (from Monday 2026-11-16): strength on Tuesday (intervals) and Thursday (easy),
a rehab top-up on Saturday (easy run), the long run on Sunday.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from fakes import FakeStore

from runlift import schemas
from runlift.adapters.catalogue_loader import load_library
from runlift.domain.library import Library
from runlift.domain.log import PerformedSession
from runlift.domain.real_week import Status
from runlift.domain.training_load import RunEntry
from runlift.services import athletes, running, training
from runlift.services.errors import BadInput, Conflict
from runlift.services.real_week import move_session, skip_session
from runlift.services.week_view import WeekSession, WeekView, week_view

ANA = Path(__file__).resolve().parents[2] / "examples" / "ana-marathon.yaml"
MON = dt.date(2026, 11, 16)
TUE, WED, THU, FRI, SAT, SUN = (MON + dt.timedelta(days=i) for i in range(1, 7))
NOW = dt.datetime(2026, 11, 10, 8, 0, tzinfo=dt.UTC)
BEFORE_LONG = "spacing: no strength the day before the long run"


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


@pytest.fixture
def store(library: Library) -> FakeStore:
    fake = FakeStore()
    athletes.create_athlete(fake, library, ANA.read_text(), str(ANA), MON, MON, NOW)
    return fake


def sessions(view: WeekView) -> list[WeekSession]:
    return [s for d in view.days for s in d.sessions if s.kind == "strength"]


def by_planned(view: WeekView, day: dt.date) -> WeekSession:
    return next(s for s in sessions(view) if s.planned == day)


def log_session(store: FakeStore, day: dt.date) -> None:
    with store() as uow:
        athlete = uow.athletes.get("Ana")
        assert athlete is not None
        uow.sessions.add(athlete.id, PerformedSession(day))
        uow.commit()


def test_the_plan_week_is_as_the_docstring_says(store: FakeStore, library: Library) -> None:
    view = week_view(store, library, "Ana", MON)
    assert [(s.planned, s.status) for s in sessions(view)] == [
        (TUE, Status.PLANNED),
        (THU, Status.PLANNED),
    ]
    assert [d.planned_run for d in view.days][1::5] == ["intervals", "long"]
    assert view.next is not None
    assert view.next.date == TUE


def test_a_move_onto_the_day_before_the_long_run_is_refused_with_the_reason(
    store: FakeStore, library: Library
) -> None:
    with pytest.raises(BadInput) as refused:
        move_session(store, library, "Ana", THU, SAT, today=MON, now=NOW)
    assert (refused.value.field, refused.value.message) == ("to", BEFORE_LONG)
    assert store.data.adjustments == []


def test_anyway_moves_it_and_keeps_the_warning(store: FakeStore, library: Library) -> None:
    moved = move_session(store, library, "Ana", THU, SAT, anyway=True, today=MON, now=NOW)
    assert (moved.original, moved.moved_from, moved.to, moved.warning) == (
        THU,
        THU,
        SAT,
        BEFORE_LONG,
    )
    assert [(a.original, a.new, a.warning) for a in store.data.adjustments] == [
        (THU, SAT, BEFORE_LONG)
    ]
    line = by_planned(week_view(store, library, "Ana", MON), THU)
    assert (line.status, line.on, line.warning) == (Status.MOVED, SAT, BEFORE_LONG)


@pytest.mark.parametrize(
    ("to", "field", "error"),
    [
        (MON - dt.timedelta(days=1), "to", BadInput),
        (SUN + dt.timedelta(days=1), "to", BadInput),
        (THU, "to", BadInput),
        (TUE, "to", Conflict),
    ],
)
def test_moves_to_the_past_another_week_the_same_day_or_a_taken_day_are_refused(
    store: FakeStore, library: Library, to: dt.date, field: str, error: type[Exception]
) -> None:
    with pytest.raises(error) as refused:
        move_session(store, library, "Ana", THU, to, anyway=True, today=MON, now=NOW)
    assert getattr(refused.value, "field", None) == field
    assert store.data.adjustments == []


def test_a_day_without_a_strength_session_or_a_done_one_cannot_move(
    store: FakeStore, library: Library
) -> None:
    with pytest.raises(BadInput) as nothing:
        move_session(store, library, "Ana", WED, FRI, today=MON, now=NOW)
    assert nothing.value.field == "date"
    log_session(store, TUE)
    with pytest.raises(Conflict):
        move_session(store, library, "Ana", TUE, WED, today=TUE, now=NOW)


def test_skip_marks_the_session_skipped_once(store: FakeStore, library: Library) -> None:
    assert skip_session(store, library, "Ana", TUE, today=MON, now=NOW) == TUE
    line = by_planned(week_view(store, library, "Ana", WED), TUE)
    assert (line.status, line.on) == (Status.SKIPPED, None)
    with pytest.raises(Conflict):
        skip_session(store, library, "Ana", TUE, today=MON, now=NOW)


def test_a_missed_tuesday_is_offered_on_wednesday_and_today_says_so(
    store: FakeStore, library: Library
) -> None:
    line = by_planned(week_view(store, library, "Ana", WED), TUE)
    assert (line.status, line.on) == (Status.OFFERED, WED)
    today = training.day_view(store, library, "Ana", WED, today=WED)
    assert [r.title for r, _ in today.sessions] == [line.title]
    assert today.notes == ["missed: nothing logged Tuesday; offered Wednesday"]
    assert training.day_view(store, library, "Ana", TUE, today=TUE).notes == []
    assert training.day_view(store, library, "Ana", WED).sessions == []  # no today: no misses


def test_a_missed_session_with_no_day_left_is_dropped_and_today_says_why(
    store: FakeStore, library: Library
) -> None:
    move_session(store, library, "Ana", THU, SUN, today=WED, now=NOW)
    line = by_planned(week_view(store, library, "Ana", SAT), TUE)
    assert (line.status, line.on) == (Status.DROPPED, None)
    reason = (
        f"missed: nothing logged Tuesday; dropped: Saturday: {BEFORE_LONG}; "
        "Sunday has another session"
    )
    assert line.why == (reason,)
    assert reason in training.day_view(store, library, "Ana", SAT, today=SAT).notes


def test_day_view_follows_a_move(store: FakeStore, library: Library) -> None:
    log_session(store, TUE)  # else Tuesday's missed session is offered on the free Thursday
    move_session(store, library, "Ana", THU, FRI, today=MON, now=NOW)
    thursday = training.day_view(store, library, "Ana", THU)
    friday = training.day_view(store, library, "Ana", FRI)
    assert thursday.sessions == []
    assert thursday.notes == ["Base strength B planned today is now on 2026-11-20"]
    assert thursday.next_planned is not None
    assert thursday.next_planned.date == FRI
    assert [(r.title, r.date) for r, _ in friday.sessions] == [("Base strength B", FRI)]
    assert friday.notes == ["moved by the runner from Thursday to Friday"]
    assert all(t.decision is not None for t in friday.sessions[0][1] if t.block == "main")


def test_a_long_run_on_saturday_instead_of_sunday_lightens_fridays_session(
    store: FakeStore, library: Library
) -> None:
    log_session(store, TUE)
    move_session(store, library, "Ana", THU, FRI, today=WED, now=NOW)
    run = RunEntry(SAT, 28_000.0, 9_000, "long")
    running.add_run(store, "Ana", run, None, SAT, NOW)
    view = week_view(store, library, "Ana", SAT)
    line = by_planned(view, THU)
    assert (line.status, line.on, line.lightened) == (Status.OFFERED, SUN, True)
    assert line.why[-1] == (
        "spacing: missed: nothing logged Friday; offered Sunday, lightened to moderate loads "
        "(+2 RIR, about 15% lighter), no jumps (Long run logged Saturday instead of Sunday)"
    )
    saturday = next(d for d in view.days if d.date == SAT)
    assert [(r.type, r.distance_km) for r in saturday.logged_runs] == [("long", 28.0)]
    sunday = training.day_view(store, library, "Ana", SUN, today=SUN)
    (record, _) = sunday.sessions[0]
    assert record.deload
    assert record.session["counts_for_progression"] is False
    assert "plyometric" not in [b["kind"] for b in record.session["blocks"]]
    assert line.why[-1] in record.session["why"]


def test_a_new_plan_version_starts_clean(store: FakeStore, library: Library) -> None:
    skip_session(store, library, "Ana", TUE, today=MON, now=NOW)
    athletes.update_athlete(store, library, "Ana", ANA.read_text(), "ana", MON, MON, NOW)
    assert by_planned(week_view(store, library, "Ana", MON), TUE).status is Status.PLANNED


def test_the_week_view_fits_its_public_shape(store: FakeStore, library: Library) -> None:
    move_session(store, library, "Ana", THU, SAT, anyway=True, today=MON, now=NOW)
    view = week_view(store, library, "Ana", WED)
    shape = schemas.WeekView.model_validate(dataclasses.asdict(view))
    (moved,) = [s for s in shape.days[5].sessions if s.kind == "strength"]
    assert (moved.planned, moved.warning) == (THU, BEFORE_LONG)
    assert schemas.SHAPES["week"] is schemas.WeekView
    today = schemas.Today(athlete="Ana", date=WED, sessions=())
    assert "notes" not in today.model_dump(mode="json")


def test_a_day_looked_at_ahead_of_time_offers_nothing_yet(
    store: FakeStore, library: Library
) -> None:
    ahead = training.day_view(store, library, "Ana", WED, today=MON)
    assert (ahead.sessions, ahead.notes) == ([], [])
    assert ahead.next_planned is not None
    assert ahead.next_planned.date == THU
    line = by_planned(week_view(store, library, "Ana", WED, today=MON), TUE)
    assert (line.status, line.on) == (Status.PLANNED, TUE)
