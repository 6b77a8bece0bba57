"""Athlete and training use cases over an in-memory unit of work: no database, only the rules."""

from __future__ import annotations

import datetime as dt
import inspect
from pathlib import Path

import pytest
import training_plans as plans
from fakes import (
    FakeAdjustments,
    FakeAthletes,
    FakeJournal,
    FakePlans,
    FakeRuns,
    FakeSessions,
    FakeSets,
    FakeStore,
    FakeSummaries,
)

from runlift.adapters.catalogue_loader import load_library
from runlift.adapters.db.adjustment_repository import SqlAdjustments
from runlift.adapters.db.journal_repository import SqlJournal
from runlift.adapters.db.log_repository import SqlSessions, SqlSets, SqlSummaries
from runlift.adapters.db.repositories import SqlAthletes, SqlPlans
from runlift.adapters.db.run_repository import SqlRuns
from runlift.domain.library import Library
from runlift.domain.progression import RULES, Decision, Load
from runlift.domain.vocab import Equipment, Units
from runlift.services import athletes, training
from runlift.services.athletes import only_athlete
from runlift.services.errors import BadInput, Conflict, NotFound
from runlift.services.ports import (
    AdjustmentRepository,
    AthleteRepository,
    JournalRepository,
    LogSummaries,
    PerformedSessionRepository,
    PlanRepository,
    RunRepository,
    SetRepository,
)
from runlift.services.training import PROGRESSED_BLOCKS, SetEntry

ROOT = Path(__file__).resolve().parents[2]
ANA = ROOT / "examples" / "ana-marathon.yaml"
START = dt.date(2026, 11, 16)  # a Monday; Ana trains Tuesdays and Thursdays in week 1
TUESDAYS = [START + dt.timedelta(days=1 + 7 * week) for week in range(6)]  # week 4 is a deload
NOW = dt.datetime(2026, 11, 10, 8, 0, tzinfo=dt.UTC)
KG = Units.KG
LUNGE = "forward-lunge"


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


@pytest.fixture
def store(library: Library) -> FakeStore:
    """A fake store holding Ana and her plan from START."""
    fake = FakeStore()
    athletes.create_athlete(
        fake, library, ANA.read_text(), str(ANA), START, START - dt.timedelta(days=6), NOW
    )
    return fake


def log(
    store: FakeStore,
    library: Library,
    day: dt.date,
    entries: list[SetEntry],
) -> list[bool]:
    return training.log_sets(store, library, only_athlete(store), day, entries, day, NOW)


def lunges(reps: int, kg: float, rir: int = 2, sets: int = 3) -> list[SetEntry]:
    return [SetEntry(LUNGE, reps, Load(kg, KG), rir=rir) for _ in range(sets)]


def all_sets(store: FakeStore) -> int:
    return len(store.data.sets)


# The fake keeps the ports' shape -------------------------------------------------------------


def _methods(cls: type) -> set[str]:
    return {n for n, _ in inspect.getmembers(cls, inspect.isfunction) if not n.startswith("_")}


@pytest.mark.parametrize(
    ("port", "fake", "sql"),
    [
        (AthleteRepository, FakeAthletes, SqlAthletes),
        (PlanRepository, FakePlans, SqlPlans),
        (PerformedSessionRepository, FakeSessions, SqlSessions),
        (SetRepository, FakeSets, SqlSets),
        (RunRepository, FakeRuns, SqlRuns),
        (LogSummaries, FakeSummaries, SqlSummaries),
        (JournalRepository, FakeJournal, SqlJournal),
        (AdjustmentRepository, FakeAdjustments, SqlAdjustments),
    ],
)
def test_the_fake_and_the_sql_repositories_offer_the_same_methods(
    port: type, fake: type, sql: type
) -> None:
    assert _methods(fake) == _methods(port) == _methods(sql)


# Athletes ------------------------------------------------------------------------------------


def test_creating_an_athlete_stores_them_with_plan_version_1(library: Library) -> None:
    fake = FakeStore()
    record, plan = athletes.create_athlete(
        fake, library, ANA.read_text(), str(ANA), START, START, NOW
    )
    assert (record.name, plan.version, plan.start) == ("Ana", 1, START)
    assert record.profile_yaml == ANA.read_text(encoding="utf-8")
    assert fake.commits == 1
    with fake() as uow:
        assert uow.athletes.all() == [record]
        assert uow.plans.all(record.id) == [plan]
        sessions = uow.plans.sessions(plan.id)
    assert sessions
    assert sessions[0].date >= START
    assert [s.date for s in sessions] == sorted(s.date for s in sessions)
    assert any(s.deload for s in sessions)
    assert not sessions[0].deload


def test_creating_the_same_athlete_twice_is_refused_and_changes_nothing(
    store: FakeStore, library: Library
) -> None:
    before = store.commits
    with pytest.raises(Conflict, match="exists"):
        athletes.create_athlete(store, library, ANA.read_text(), str(ANA), START, START, NOW)
    assert store.commits == before
    assert len(store.data.plans) == 1


def test_updating_the_profile_makes_plan_version_2_and_keeps_the_log(
    store: FakeStore, library: Library, tmp_path: Path
) -> None:
    log(store, library, TUESDAYS[0], lunges(6, 16))
    changed = tmp_path / "ana.yaml"
    text = ANA.read_text(encoding="utf-8").replace(
        "minutes_per_session: 40", "minutes_per_session: 30"
    )
    assert text != ANA.read_text(encoding="utf-8")
    changed.write_text(text, encoding="utf-8")
    record, plan = athletes.update_athlete(
        store, library, "Ana", changed.read_text(), str(changed), None, TUESDAYS[1], NOW
    )
    assert plan.version == 2
    assert plan.start == START  # the plan keeps its start once it has begun
    assert record.profile_yaml == text
    with store() as uow:
        assert [p.version for p in uow.plans.all(record.id)] == [1, 2]
        assert uow.athletes.get("Ana") == record
        sets = uow.sets.all(record.id)
    assert [(s.date, s.logged.reps) for s in sets] == [(TUESDAYS[0], 6)] * 3


def test_a_profile_change_for_an_unknown_athlete_is_refused(
    store: FakeStore, library: Library
) -> None:
    with pytest.raises(NotFound, match="unknown athlete 'Zed'"):
        athletes.update_athlete(store, library, "Zed", ANA.read_text(), str(ANA), None, START, NOW)


# The day's targets ---------------------------------------------------------------------------


def test_day_view_gives_targets_for_trained_items_only(store: FakeStore, library: Library) -> None:
    view = training.day_view(store, library, "Ana", TUESDAYS[0])
    assert view.athlete == "Ana"
    assert len(view.sessions) == 1
    _record, items = view.sessions[0]
    blocks = {item.block for item in items}
    assert "warmup" in blocks
    assert "main" in blocks
    for item in items:
        if item.block in PROGRESSED_BLOCKS:
            assert item.decision is not None, item.item["exercise"]
            assert item.decision.target.exercise == item.item["exercise"]
            assert item.decision.target.sets == item.item["sets"]
        else:
            assert item.decision is None, item.item["exercise"]
    assert training.day_view(store, library, "Ana", START).sessions == []


# Logging -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("bad", "error"),
    [
        (SetEntry(LUNGE, -1, Load(16, KG)), BadInput),
        (SetEntry(LUNGE, 5, Load(2000, KG)), BadInput),
        (SetEntry(LUNGE, None), BadInput),
        (SetEntry("moon-squat", 5), NotFound),
    ],
    ids=["negative reps", "2000 kg", "no reps", "unknown exercise"],
)
def test_log_sets_is_all_or_nothing(
    store: FakeStore, library: Library, bad: SetEntry, error: type[Exception]
) -> None:
    before = store.commits
    with pytest.raises(error):
        log(store, library, TUESDAYS[0], [*lunges(6, 16, sets=2), bad, *lunges(6, 16, sets=1)])
    assert store.commits == before
    assert store.data.sets == []
    assert store.data.sessions == {}


def test_log_sets_refuses_a_day_in_the_future(store: FakeStore, library: Library) -> None:
    today = TUESDAYS[0]
    with pytest.raises(BadInput, match=r"^date: "):
        training.log_sets(
            store, library, "Ana", today + dt.timedelta(days=2), lunges(6, 16), today, NOW
        )
    assert all_sets(store) == 0


def test_log_sets_is_idempotent_on_client_ids(store: FakeStore, library: Library) -> None:
    entry = SetEntry(LUNGE, 6, Load(16, KG), rir=2, client_id="s1")
    assert log(store, library, TUESDAYS[0], [entry]) == [True]
    assert log(store, library, TUESDAYS[0], [entry]) == [False]
    other = SetEntry(LUNGE, 5, Load(16, KG), rir=2, client_id="s2")
    assert log(store, library, TUESDAYS[0], [other, entry, other]) == [True, False, False]
    assert [s.logged.client_id for _, s in store.data.sets] == ["s1", "s2"]
    assert [s.logged.set_number for _, s in store.data.sets] == [1, 2]
    assert len(store.data.sessions) == 1


# Progression through the services ------------------------------------------------------------
# On a hand-made plan (forward lunge 3 x 4-6 with dumbbells every Tuesday, week 4 a deload), so
# these pin the progression rules and not the exercises the plan builder happens to pick.

LUNGE_PLAN = plans.weekly({1: [plans.item(LUNGE, kit=["dumbbell"], reps=(4, 6))]})


@pytest.fixture
def tess(library: Library) -> FakeStore:
    return plans.store(plans.profile(), LUNGE_PLAN)


def tue(week: int) -> dt.date:
    return plans.tuesday(week)


def test_next_for_adds_one_load_step_after_two_top_of_range_sessions(
    tess: FakeStore, library: Library
) -> None:
    step = RULES.step(Equipment.DUMBBELL, KG)
    plans.log(tess, library, tue(1), lunges(6, 16))
    first = training.next_for(tess, library, "Tess", LUNGE, tue(1))
    assert first.target.load == Load(16, KG)  # one session at the top is not enough
    assert first.target.reps == (4, 6)
    plans.log(tess, library, tue(2), lunges(6, 16))
    second = training.next_for(tess, library, "Tess", LUNGE, tue(2))
    assert second.rule == "progression"
    assert second.target.load == Load(16 + step, KG) == Load(18, KG)
    assert second.target.reps == (4, 6)
    assert second.target.sets == 3
    # One top session at the new load does not earn another step yet.
    plans.log(tess, library, tue(3), lunges(6, 18))
    assert _lunge_decision(tess, library, tue(5)).target.load == Load(18, KG)
    # Next time is the deload week: lighter than 18 kg, and its sets will not count.
    deload = training.next_for(tess, library, "Tess", LUNGE, tue(3))
    assert deload.rule == "deload"
    assert deload.target.load == Load(16, KG)


def test_next_for_repeats_the_load_when_a_set_falls_short_or_rir_drops(
    tess: FakeStore, library: Library
) -> None:
    plans.log(tess, library, tue(1), lunges(6, 16))
    plans.log(tess, library, tue(2), lunges(6, 16, rir=0))  # top of the range, but at RIR 0
    decision = training.next_for(tess, library, "Tess", LUNGE, tue(2))
    assert decision.target.load == Load(16, KG)
    assert "RIR" in decision.reason


def test_two_failed_sessions_take_load_off(tess: FakeStore, library: Library) -> None:
    plans.log(tess, library, tue(1), lunges(6, 20))
    plans.log(tess, library, tue(2), lunges(3, 20))
    plans.log(tess, library, tue(3), lunges(2, 20))
    decision = training.next_for(tess, library, "Tess", LUNGE, tue(3))
    expected = Load(20 * (1 - RULES.reset_fraction), KG).round_nearest(2.0)
    assert decision.target.load == expected == Load(18, KG)


def test_a_deload_week_target_is_lighter(tess: FakeStore, library: Library) -> None:
    plans.log(tess, library, tue(1), lunges(5, 20))
    plans.log(tess, library, tue(2), lunges(5, 20))
    normal = _lunge_decision(tess, library, tue(3))
    deload = _lunge_decision(tess, library, tue(4))
    after = _lunge_decision(tess, library, tue(5))
    assert normal.rule == "progression"
    assert deload.rule == "deload"
    assert normal.target.load == after.target.load == Load(20, KG)
    assert deload.target.load is not None
    assert deload.target.load.value < 20
    assert deload.target.load.value >= 20 * (1 - 0.2)  # 10-20% lighter
    assert deload.target.sets < normal.target.sets
    assert normal.target.rir is not None
    assert deload.target.rir == normal.target.rir + RULES.deload_rir
    assert deload.target.reps == normal.target.reps
    assert deload.target.variant == LUNGE
    assert not deload.target.counts
    assert normal.target.counts


def test_a_deload_week_cuts_sets_by_40_to_50_percent_once(
    tess: FakeStore, library: Library
) -> None:
    plans.log(tess, library, tue(1), lunges(5, 20))
    normal = _lunge_decision(tess, library, tue(3))
    deload = _lunge_decision(tess, library, tue(4))
    assert 0.5 * normal.target.sets <= deload.target.sets <= 0.6 * normal.target.sets + 0.5


def _lunge_decision(store: FakeStore, library: Library, day: dt.date) -> Decision:
    view = training.day_view(store, library, only_athlete(store), day)
    found = [
        item.decision
        for _record, items in view.sessions
        for item in items
        if item.item["exercise"] == LUNGE and item.decision is not None
    ]
    assert len(found) == 1, day
    return found[0]
