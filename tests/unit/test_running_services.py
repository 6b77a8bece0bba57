"""Running use cases over the in-memory store: validation, idempotence, where minutes come from."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from fakes import FakeStore

from runlift.adapters.catalogue_loader import load_library
from runlift.domain.log import PerformedSession
from runlift.domain.training_load import RunEntry
from runlift.services import athletes, running
from runlift.services.errors import BadInput

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT / "examples" / "dev-ten-minutes.yaml"
START = dt.date(2026, 11, 16)  # a Monday
TODAY = dt.date(2026, 12, 20)
NOW = dt.datetime(2026, 12, 20, 8, 0, tzinfo=dt.UTC)


@pytest.fixture
def store() -> FakeStore:
    fake = FakeStore()
    athletes.create_athlete(fake, load_library(), DEV.read_text(), str(DEV), START, START, NOW)
    return fake


def test_a_run_is_stored_once_per_client_id_with_its_type_as_an_id(store: FakeStore) -> None:
    run = RunEntry(START, 10_000.0, 3300, "EASY")
    first = running.add_run(store, "Dev", run, "r1", TODAY, NOW)
    again = running.add_run(store, "Dev", run, "r1", TODAY, NOW)
    assert (first.added, first.spike, again.added) == (True, None, False)
    assert store.commits == 3  # the athlete, then one commit per add
    listing = running.list_runs(store, "Dev")
    assert [(s.run.type, s.source, spike) for s, spike in listing.runs] == [
        ("easy", "manual", None)
    ]


def test_adding_a_long_run_reports_its_spike(store: FakeStore) -> None:
    first = START - dt.timedelta(days=30)  # a month of history before the runs below
    running.add_run(store, "Dev", RunEntry(first, 5_000.0), None, TODAY, NOW)
    running.add_run(store, "Dev", RunEntry(START, 10_000.0), None, TODAY, NOW)
    later = RunEntry(START + dt.timedelta(days=10), 25_000.0)
    result = running.add_run(store, "Dev", later, None, TODAY, NOW)
    assert result.spike is not None
    assert (result.spike.percent_over, result.spike.band) == (150.0, ">100%")


def test_no_spike_is_reported_before_a_month_of_runs_is_logged(store: FakeStore) -> None:
    running.add_run(store, "Dev", RunEntry(START, 10_000.0), None, TODAY, NOW)
    later = RunEntry(START + dt.timedelta(days=10), 25_000.0)
    assert running.add_run(store, "Dev", later, None, TODAY, NOW).spike is None
    assert [spike for _, spike in running.list_runs(store, "Dev").runs] == [None, None]
    report = running.weekly_load(store, "Dev", START, START + dt.timedelta(days=13))
    assert [w.spikes for w in report.weeks] == [(), ()]


@pytest.mark.parametrize(
    ("run", "field"),
    [
        (RunEntry(TODAY + dt.timedelta(days=2), 5000.0), "date"),
        (RunEntry(TODAY, 50.0), "distance"),
        (RunEntry(TODAY, 5000.0, 60), "duration"),
        (RunEntry(TODAY, 5000.0, None, "jog"), "type"),
    ],
)
def test_bad_runs_change_nothing(store: FakeStore, run: RunEntry, field: str) -> None:
    with pytest.raises(BadInput) as caught:
        running.add_run(store, "Dev", run, None, TODAY, NOW)
    assert caught.value.field == field
    assert store.commits == 1
    assert running.list_runs(store, "Dev").runs == []


def test_strength_minutes_come_from_times_then_the_plan_then_nowhere(store: FakeStore) -> None:
    with store() as uow:
        athlete = uow.athletes.all()[0]
        plan = uow.plans.latest(athlete.id)
        assert plan is not None
        planned = uow.plans.sessions(plan.id)
    first_week = [p for p in planned if p.date < START + dt.timedelta(days=7)]
    timed, from_plan = first_week[0].date, first_week[1].date
    estimate = int(first_week[1].session["estimated_minutes"])
    week_days = [START + dt.timedelta(days=d) for d in range(7)]
    unplanned = next(d for d in week_days if d not in {p.date for p in planned})
    start = dt.datetime.combine(timed, dt.time(18), dt.UTC)
    with store() as uow:
        for session in (
            PerformedSession(timed, start, start + dt.timedelta(minutes=25), srpe=6),
            PerformedSession(from_plan, srpe=5),
            PerformedSession(unplanned, srpe=8),
        ):
            uow.sessions.add(athlete.id, session)
        uow.commit()
    (week,) = running.weekly_load(store, "Dev", START, START + dt.timedelta(days=6)).weeks
    assert week.strength_sessions == 3
    assert week.strength_load == 6 * 25 + 5 * estimate
    assert week.strength_unrated == 1
